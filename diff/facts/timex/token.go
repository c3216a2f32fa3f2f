package timex

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = 'w'
	kNum   = 'n'
	kPunct = 'p'
)

// token is one word, number or punctuation mark of the input. Words are
// lower-cased; curly apostrophes and dashes are folded to ASCII so rules
// can be written once.
type token struct {
	s, e int     // byte offsets into the text
	w    string  // lower-cased word, digits of a number, or the punctuation mark
	num  float64 // value of a number token
	kind byte
	sp   bool // whitespace (or start of text) precedes the token
	nl   bool // a line break precedes the token
	up   bool // the word starts with an upper-case letter
	// info is the lexicon entry of the word, nil if none (set by newParser).
	info *entry
}

// tokenize splits text into tokens. It never fails. ASCII words are
// sliced from one lower-cased copy of the text, so only words with
// non-ASCII letters allocate a string of their own.
func tokenize(text string, toks []token) []token {
	return tokenizeLower(text, lowerASCII(text), toks)
}

// tokenizeLower is tokenize with lower, text with at least its ASCII
// capitals lowered at the same offsets (see FindLower): only runs of
// ASCII letters are sliced from it, and there any such copy has the bytes
// of lowerASCII(text).
func tokenizeLower(text, lower string, toks []token) []token {
	sp, nl := true, true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			sp = true
			i++
			continue
		case c == '\n':
			sp, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			v := 0.0
			for j < len(text) {
				d := text[j]
				if d >= '0' && d <= '9' {
					v = v*10 + float64(d-'0')
					j++
					continue
				}
				// "1,000" keeps its comma; "1.5" its point.
				if d == ',' && isDigits(text, j+1, 3) && (j+4 >= len(text) || !isDigit(text[j+4])) {
					j++
					continue
				}
				if d == '.' && j+1 < len(text) && isDigit(text[j+1]) {
					frac, scale := 0.0, 0.1
					j++
					for j < len(text) && isDigit(text[j]) {
						frac += float64(text[j]-'0') * scale
						scale /= 10
						j++
					}
					v += frac
					break
				}
				break
			}
			// "3½": a fraction glyph glued to the digits is part of the number
			if j+1 < len(text) && text[j] == 0xC2 {
				switch text[j+1] {
				case 0xBD: // ½
					v, j = v+0.5, j+2
				case 0xBC: // ¼
					v, j = v+0.25, j+2
				case 0xBE: // ¾
					v, j = v+0.75, j+2
				}
			}
			toks = appendToken(toks, i, j, text[i:j], v, kNum, sp, nl, false)
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i
			ascii := true
			for j < len(text) {
				d := text[j]
				if d < utf8.RuneSelf {
					if !isASCIILetter(d) {
						break
					}
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				ascii = false // strings.ToLower may change the width of the word
				j += n
			}
			if ascii {
				if k := gluedAt(text, i, j); k > i {
					// two words the scraper glued ("conferenceMonday",
					// "Sundayhe"): the first is a word of its own
					toks = appendToken(toks, i, k, lower[i:k], 0, kWord, sp, nl, c >= 'A' && c <= 'Z')
					sp, nl, i, c = true, false, k, text[k]
				}
			}
			// For an ASCII word the slice of the lowered copy is exactly
			// strings.ToLower of the word.
			w := lower[i:j]
			if !ascii {
				w = strings.ToLower(text[i:j])
			}
			toks = appendToken(toks, i, j, w, 0, kWord, sp, nl, c >= 'A' && c <= 'Z')
			i = j
		case c < utf8.RuneSelf:
			w := text[i : i+1]
			toks = appendToken(toks, i, i+1, w, 0, kPunct, sp, nl, false)
			i++
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r):
				j := i + n
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += n2
				}
				toks = appendToken(toks, i, j, strings.ToLower(text[i:j]), 0, kWord, sp, nl, unicode.IsUpper(r))
				i = j
			case unicode.IsSpace(r):
				sp = true
				i += n
				continue
			default:
				w := text[i : i+n]
				switch r {
				case '\u2019', '\u2018':
					w = "'"
				case '\u2013', '\u2014', '\u2010', '\u2011':
					w = "-"
				}
				toks = appendToken(toks, i, i+n, w, 0, kPunct, sp, nl, false)
				i += n
			}
		}
		sp, nl = false, false
	}
	return toks
}

// lowerASCII returns text with its ASCII upper-case letters lowered and
// every other byte kept, so offsets into it are offsets into text. Runs
// without capitals are copied whole: capitals are a few percent of news.
func lowerASCII(text string) string {
	k := 0
	for k < len(text) && !(text[k] >= 'A' && text[k] <= 'Z') {
		k++
	}
	if k == len(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	from := 0
	for ; k < len(text); k++ {
		if c := text[k]; c >= 'A' && c <= 'Z' {
			b.WriteString(text[from:k])
			b.WriteByte(c + 'a' - 'A')
			from = k + 1
		}
	}
	b.WriteString(text[from:])
	return b.String()
}

// appendToken appends a token, storing its fields one by one. Appending a
// token literal copies the whole struct with a bulk write barrier while
// the garbage collector runs, which cost more than tokenizing; a reused
// buffer (see tokenBufs) still holds an old token, so every field is set.
func appendToken(toks []token, s, e int, w string, num float64, kind byte, sp, nl, up bool) []token {
	if len(toks) == cap(toks) {
		toks = slices.Grow(toks, 1)
	}
	toks = toks[:len(toks)+1]
	t := &toks[len(toks)-1]
	t.s, t.e, t.w, t.num, t.kind, t.sp, t.nl, t.up, t.info = s, e, w, num, kind, sp, nl, up, nil
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isDigits reports whether text[i:i+n] is n ASCII digits.
func isDigits(text string, i, n int) bool {
	if i+n > len(text) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(text[k]) {
			return false
		}
	}
	return true
}

// gluedAt returns where a second word starts inside the ASCII word
// text[i:j] that the scraper glued to its neighbour by dropping the space
// around an inline link: a weekday's name after lower-case letters
// ("conferenceMonday", "departmentsaidThursday") or before them
// ("Sundayhe", "Fridaysaying"; not "Sundays"), or a month's name after a
// word all in lower case ("singerApril 16", "inSeptember 2025"). It returns
// i when there is none. A month's name is split off only there: it starts
// common words ("Mayor", "Marching") and ends names ("DeMay"), but a word
// in lower case never runs into a capital.
func gluedAt(text string, i, j int) int {
	if j-i < 4 {
		return i
	}
	w := text[i:j]
	if k := gluedMonth(w); k > 0 {
		return i + k
	}
	if j-i < 7 {
		return i
	}
	after := strings.HasSuffix(w, "day")           // "conferenceMonday"
	before := w[0] >= 'A' && w[0] <= 'Z' && !after // "Sundayhe"
	if !after && !before {
		return i // most words: no weekday's name to look for
	}
	for _, d := range gluedDays {
		switch {
		case before && len(w) > len(d)+1 && strings.HasPrefix(w, d) && w[len(d)] >= 'a' && w[len(d)] <= 'z' && w[len(d):] != "s":
			return i + len(d)
		case after && len(w) > len(d) && strings.HasSuffix(w, d) && w[len(w)-len(d)-1] >= 'a' && w[len(w)-len(d)-1] <= 'z':
			return j - len(d)
		}
	}
	return i
}

var gluedDays = [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var gluedMonths = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// gluedMonth returns where a month's name starts at the end of w after
// letters all in lower case ("aMarch", "singerApril"), or 0.
func gluedMonth(w string) int {
	if w[0] < 'a' || w[0] > 'z' {
		return 0
	}
	for _, m := range gluedMonths {
		k := len(w) - len(m)
		if k < 1 || !strings.HasSuffix(w, m) {
			continue
		}
		for c := 0; c < k; c++ {
			if w[c] < 'a' || w[c] > 'z' {
				return 0
			}
		}
		return k
	}
	return 0
}
