package align

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split returns the sentences of text in order. Paragraphs are separated by
// newlines (a single newline is enough; blank lines are skipped). Leading and
// trailing white space is not part of a sentence.
func Split(text string) []Sentence {
	out := make([]Sentence, 0, len(text)/100+1)
	para := 0
	for start := 0; start <= len(text); {
		end := len(text)
		if nl := strings.IndexByte(text[start:], '\n'); nl >= 0 {
			end = start + nl
		}
		n := len(out)
		out = splitLine(out, text, start, end, para)
		if len(out) > n {
			para++
		}
		start = end + 1
	}
	return out
}

// splitLine appends the sentences of text[lo:hi], one paragraph.
func splitLine(out []Sentence, text string, lo, hi, para int) []Sentence {
	s := skipSpace(text, lo, hi)
	for i := s; i < hi; {
		r, sz := utf8.DecodeRuneInString(text[i:hi])
		if !isTerminator(r) {
			i += sz
			continue
		}
		// A run of terminators ("?!", "...") and the quotes or brackets
		// that close after it belong to the sentence.
		runStart := i
		end := i
		for end < hi {
			r, sz := utf8.DecodeRuneInString(text[end:hi])
			if !isTerminator(r) {
				break
			}
			end += sz
		}
		runEnd := end
		for end < hi {
			r, sz := utf8.DecodeRuneInString(text[end:hi])
			if !isCloser(r) {
				break
			}
			end += sz
		}
		i = end
		if end >= hi {
			break
		}
		if r, _ := utf8.DecodeRuneInString(text[end:hi]); !unicode.IsSpace(r) {
			continue // "3.5", "U.S.", "e.g.," or ".”The" run on
		}
		next := skipSpace(text, end, hi)
		if next >= hi {
			break
		}
		if !isBoundary(text, s, runStart, runEnd, end, next, hi) {
			continue
		}
		out = append(out, Sentence{Text: text[s:end], Start: s, End: end, Para: para})
		s, i = next, next
	}
	if s < hi {
		e := trimSpaceEnd(text, s, hi)
		if e > s {
			out = append(out, Sentence{Text: text[s:e], Start: s, End: e, Para: para})
		}
	}
	return out
}

// isBoundary decides whether the terminator run text[runStart:runEnd]
// (closers up to end, the next sentence starting at next) ends the
// sentence that began at s.
func isBoundary(text string, s, runStart, runEnd, end, next, hi int) bool {
	if startsLower(text, next, hi) {
		return false // "“Why?” he asked", "sides … participating"
	}
	if text[runStart:runEnd] != "." || end != runEnd {
		return true // ?, !, ellipsis, or a quote closing after the period
	}
	word := wordBefore(text, s, runStart)
	switch {
	case word == "":
		return true
	case neverFinal[word]:
		return false // Mr. Gen. Jan. vs.
	case word == "No" || word == "no" || word == "Nos":
		return !startsDigit(text, next, hi) // "No. 10 Downing Street"
	case isInitial(word):
		return false // "John F. Kennedy"
	case strings.Contains(word, ".") || maybeFinal[word]:
		// "U.S.", "a.m.", "Inc." end a sentence only when a typical
		// sentence opener or a quotation follows: "in the U.S. The" and
		// "in the U.S. “We", but "U.S. President".
		r, _ := utf8.DecodeRuneInString(text[next:hi])
		return isOpener(r) || starters[firstWord(text, next, hi)]
	}
	return true
}

// wordBefore returns the word that ends at i (exclusive), without leading
// opening punctuation.
func wordBefore(text string, s, i int) string {
	j := i
	for j > s {
		r, sz := utf8.DecodeLastRuneInString(text[s:j])
		if unicode.IsSpace(r) {
			break
		}
		j -= sz
	}
	return strings.TrimLeft(text[j:i], "(\"'“‘[«—–-")
}

// firstWord returns the letters that start at i.
func firstWord(text string, i, hi int) string {
	j := i
	for j < hi {
		r, sz := utf8.DecodeRuneInString(text[j:hi])
		if !unicode.IsLetter(r) {
			break
		}
		j += sz
	}
	return text[i:j]
}

// isInitial reports whether w is one capital letter, as in "F." or "J.".
func isInitial(w string) bool {
	r, sz := utf8.DecodeRuneInString(w)
	return sz == len(w) && unicode.IsUpper(r)
}

// startsLower reports whether the next sentence candidate begins with a
// lower-case letter, looking through opening quotes and brackets.
func startsLower(text string, i, hi int) bool {
	for i < hi {
		r, sz := utf8.DecodeRuneInString(text[i:hi])
		if isOpener(r) {
			i += sz
			continue
		}
		return unicode.IsLower(r)
	}
	return false
}

func startsDigit(text string, i, hi int) bool {
	return i < hi && text[i] >= '0' && text[i] <= '9'
}

func skipSpace(text string, i, hi int) int {
	for i < hi {
		r, sz := utf8.DecodeRuneInString(text[i:hi])
		if !unicode.IsSpace(r) {
			break
		}
		i += sz
	}
	return i
}

func trimSpaceEnd(text string, lo, hi int) int {
	for hi > lo {
		r, sz := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= sz
	}
	return hi
}

func isTerminator(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…'
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '‹':
		return true
	}
	return false
}
