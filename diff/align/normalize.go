package align

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Canonical returns s with typographic variants folded: curly quotes become
// straight quotes, dashes become "-", "…" becomes "...", and runs of white
// space become one space, trimmed. Case is kept.
func Canonical(s string) string {
	return fold(s, false)
}

// Normalize returns Canonical(s) in lower case. Two sentences with the same
// Normalize value count as Equal.
func Normalize(s string) string {
	return fold(s, true)
}

func fold(s string, lower bool) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == '…' {
			b.WriteString("...")
			continue
		}
		b.WriteRune(foldRune(r, lower))
	}
	return b.String()
}

// foldRune maps one non-space rune the way fold does (except '…').
func foldRune(r rune, lower bool) rune {
	switch r {
	case '“', '”', '„', '«', '»', '″':
		return '"'
	case '‘', '’', '‚', '′', '`':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	if lower {
		return unicode.ToLower(r)
	}
	return r
}

// normHash returns a 64-bit FNV-1a hash of Normalize(s) without building
// it: Align hashes every sentence of both versions, and most of them are
// unchanged.
func normHash(s string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	space, started := false, false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var sz int
			r, sz = utf8.DecodeRuneInString(s[i:])
			i += sz
		}
		if r < utf8.RuneSelf && r != ' ' && r > '\r' && r != '`' {
			// ASCII fast path: not space, not folded but for case.
			if space {
				h = (h ^ ' ') * prime
				space = false
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			h = (h ^ uint64(r)) * prime
			started = true
			continue
		}
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h = (h ^ ' ') * prime
			space = false
		}
		started = true
		if r == '…' {
			h = (h ^ '.') * prime
			h = (h ^ '.') * prime
			h = (h ^ '.') * prime
			continue
		}
		for _, c := range utf8.AppendRune(buf[:0], foldRune(r, true)) {
			h = (h ^ uint64(c)) * prime
		}
	}
	return h
}

// Mask tokens stand in for numbers and dates in ContentWords, so that a
// changed figure or day does not make a sentence look unrelated.
const (
	MaskNumber = "#num"
	MaskDate   = "#date"
)

// ContentWords returns the content words of s in order: lower-case words
// without stop words and possessive "'s", with every word that holds a digit
// replaced by MaskNumber and month, weekday and relative-day names replaced
// by MaskDate.
func ContentWords(s string) []string {
	var out []string
	eachWord(s, func(w []byte) {
		w, mask, keep := classify(w)
		switch {
		case mask != "":
			out = append(out, mask)
		case keep:
			out = append(out, string(w))
		}
	})
	return out
}

// eachWord calls fn with every word of s in lower case. Words are runs of
// letters and digits, with inner apostrophes ("don't") and, between digits,
// inner points and commas ("1.5", "90,000"). The slice passed to fn is
// reused after the call, so fn must copy what it keeps.
func eachWord(s string, fn func(w []byte)) {
	var buf [64]byte
	w := buf[:0]
	for i := 0; i < len(s); {
		r, sz := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		case len(w) > 0 && (r == '\'' || r == '’') && i+sz < len(s) && isLetterAt(s, i+sz):
			w = append(w, '\'')
		case len(w) > 0 && (r == '.' || r == ',') && isDigitByte(w[len(w)-1]) &&
			i+sz < len(s) && isDigitByte(s[i+sz]):
			w = append(w, byte(r))
		default:
			if len(w) > 0 {
				fn(w)
				w = w[:0]
			}
		}
		i += sz
	}
	if len(w) > 0 {
		fn(w)
	}
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// classify maps a lower-case word to its content token: a mask, or the word
// itself (keep, possibly without "'s"), or nothing for stop words. The map
// lookups with string(w) do not allocate.
func classify(w []byte) (word []byte, mask string, keep bool) {
	for _, c := range w {
		if isDigitByte(c) {
			return w, MaskNumber, true
		}
	}
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		w = w[:n-2]
	}
	switch {
	case dateWords[string(w)]:
		return w, MaskDate, true
	case numberWords[string(w)]:
		return w, MaskNumber, true
	case len(w) < 2 || stopWords[string(w)]:
		return w, "", false
	}
	return w, "", true
}

// dateWords are masked as MaskDate.
var dateWords = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "tonight",
)

// numberWords are masked as MaskNumber.
var numberWords = set(
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "dozens",
	"half", "first", "second", "third",
)

// stopWords carry no content of their own.
var stopWords = set(
	"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
	"from", "with", "as", "into", "onto", "about", "than", "that", "this", "these", "those",
	"it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
	"do", "does", "did", "he", "she", "they", "them", "their", "his", "her", "him", "we",
	"our", "us", "you", "your", "i", "me", "my", "who", "whom", "which", "what", "when",
	"where", "while", "there", "here", "would", "will", "could", "can", "should", "shall",
	"might", "must", "not", "no", "so", "if", "then", "also", "said", "says", "say", "any",
	"all", "some", "such", "very", "up", "out", "over", "after", "before", "since", "just",
	"more", "most", "other", "only", "own", "same", "too", "both", "each", "further",
	"once", "again", "whom", "whose", "why", "how", "mr", "ms", "mrs", "s", "t",
)
