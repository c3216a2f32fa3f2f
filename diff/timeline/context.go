package timeline

import (
	"unicode"
	"unicode/utf8"
)

// token is one word or clause mark of a sentence, as byte offsets into the
// observation's text.
type token struct {
	start, end int
	clause     bool // a clause boundary: , ; : ( ) dashes and quote marks
	punct      bool
}

// sentence is the sentence around a fact, tokenised once per version.
type sentence struct {
	start, end int
	toks       []token
}

// sentenceBounds returns the sentence of text that contains [start, end):
// from after the previous ". ", "! ", "? " or line break to the next one.
func sentenceBounds(text string, start, end int) (int, int) {
	s := start
	for s > 0 {
		c := text[s-1]
		if c == '\n' {
			break
		}
		if c == ' ' && s >= 2 && isStop(text[s-2]) {
			break
		}
		s--
	}
	e := end
	for e < len(text) {
		c := text[e]
		if c == '\n' {
			break
		}
		if isStop(c) && (e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n') {
			e++
			break
		}
		e++
	}
	for s < start && text[s] == ' ' { // never into the fact's own words
		s++
	}
	return s, e
}

func isStop(c byte) bool { return c == '.' || c == '!' || c == '?' }

// tokenize splits text[start:end] into words and clause marks.
func tokenize(text string, start, end int, toks []token) []token {
	toks = toks[:0]
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// inner apostrophes, hyphens and dots: "Russia’s", "cease-fire", "U.S."
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.') && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, token{start: i, end: j})
			i = j
		case unicode.IsSpace(r):
			i += n
		default:
			toks = append(toks, token{start: i, end: i + n, punct: true, clause: isClauseMark(r)})
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isClauseMark(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '«', '»', '„':
		return true
	}
	return false
}

// lowerWord writes the lower-case form of w into buf and returns it; the
// caller indexes maps with string(b), which does not allocate.
func lowerWord(buf []byte, w string) []byte {
	buf = buf[:0]
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}
