package timex

import (
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
}

// tokenize splits text into tokens. It never fails and allocates only for
// words that need lower-casing.
func tokenize(text string, toks []token) []token {
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
			toks = append(toks, token{s: i, e: j, w: text[i:j], num: v, kind: kNum, sp: sp, nl: nl})
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i
			upper := false
			for j < len(text) {
				d := text[j]
				if d < utf8.RuneSelf {
					if !isASCIILetter(d) {
						break
					}
					if d >= 'A' && d <= 'Z' {
						upper = true
					}
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				upper = true // force the slow path for non-ASCII words
				j += n
			}
			w := text[i:j]
			if upper {
				w = strings.ToLower(w)
			}
			toks = append(toks, token{s: i, e: j, w: w, kind: kWord, sp: sp, nl: nl, up: c >= 'A' && c <= 'Z'})
			i = j
		case c < utf8.RuneSelf:
			w := text[i : i+1]
			toks = append(toks, token{s: i, e: i + 1, w: w, kind: kPunct, sp: sp, nl: nl})
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
				toks = append(toks, token{s: i, e: j, w: strings.ToLower(text[i:j]), kind: kWord, sp: sp, nl: nl, up: unicode.IsUpper(r)})
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
				toks = append(toks, token{s: i, e: i + n, w: w, kind: kPunct, sp: sp, nl: nl})
				i += n
			}
		}
		sp, nl = false, false
	}
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
