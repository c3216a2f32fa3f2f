package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters, with inner apostrophes, hyphens and dots (U.S.)
	tokNum                  // digits with inner , . / and -
	tokPunct                // any other single rune
)

// token is one word, number or punctuation rune of a text.
type token struct {
	start, end int
	text       string
	lower      string
	kind       tokKind
	space      bool // whitespace (or text start) precedes the token
}

// isApos reports whether r is an apostrophe.
func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits text into tokens, keeping byte offsets so facts can
// point back into the text. Lower-case forms are slices of one lowered copy
// of the text, so a token costs no allocation of its own.
func tokenize(text string) []token {
	lower := lowerSameWidth(text)
	toks := make([]token, 0, len(text)/5+1)
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || (c >= utf8.RuneSelf && unicode.IsSpace(r)):
			space = true
			i += w
			continue
		case isLetterAt(r):
			j := i + w
			for j < len(text) {
				r2, w2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, w2 = utf8.DecodeRuneInString(text[j:])
				}
				if isLetterAt(r2) || (r2 >= utf8.RuneSelf && unicode.IsMark(r2)) {
					j += w2
					continue
				}
				// inner apostrophe or hyphen followed by a letter; a dot
				// only inside initials ("U.S", "D.C")
				if isApos(r2) || r2 == '-' || r2 == '.' {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if isLetterAt(r3) && (r2 != '.' || isInitials(text[i:j])) {
						j += w2
						continue
					}
					if r2 == '.' && strings.Contains(text[i:j], ".") && isInitials(text[i:j]) {
						j += w2 // "U.S." keeps its final dot
					}
				}
				break
			}
			toks = append(toks, token{start: i, end: j, text: text[i:j], lower: lower[i:j], kind: tokWord, space: space})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.' || c == '/') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				// "3-1/2": a hyphen joining a whole number and a fraction
				if c == '-' && j+3 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' && text[j+2] == '/' {
					j++
					continue
				}
				break
			}
			toks = append(toks, token{start: i, end: j, text: text[i:j], lower: text[i:j], kind: tokNum, space: space})
			i = j
		default:
			toks = append(toks, token{start: i, end: i + w, text: text[i : i+w], lower: lower[i : i+w], kind: tokPunct, space: space})
			i += w
		}
		space = false
	}
	return toks
}

// isLetterAt is unicode.IsLetter with an ASCII fast path.
func isLetterAt(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

// lowerSameWidth lower-cases text rune by rune, keeping a rune whose lower
// case has another UTF-8 width, so byte offsets stay valid in both.
func lowerSameWidth(text string) string {
	hasUpper := false
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			hasUpper = true
			break
		}
	}
	if !hasUpper {
		return text
	}
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, text[i:i+w]...)
		}
		i += w
	}
	return string(b)
}

// isInitials reports whether w is single letters separated by dots, as in
// "U", "U.S" or "D.C".
func isInitials(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// isCap reports whether a word token starts with an upper-case letter.
func (t token) isCap() bool {
	if t.kind != tokWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// stripPoss removes a possessive "'s" or "’s" (or a bare trailing apostrophe).
func stripPoss(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			return t
		}
	}
	return s
}

// hasPoss reports whether a word ends in a possessive.
func hasPoss(s string) bool { return stripPoss(s) != s }

// normToks is normWords over the document's own tokens [a, b), which
// spares tokenizing the words again.
func (d *doc) normToks(a, b int) []string {
	out := make([]string, 0, b-a)
	for _, t := range d.toks[a:b] {
		if t.kind != tokPunct {
			out = append(out, normWord(d.lx, t.lower))
		}
	}
	return out
}

// normWord maps one lower-case word to its comparison form.
func normWord(lx *lexicon, w string) string {
	w = strings.ReplaceAll(w, "’", "'")
	if a, ok := lx.spelling[w]; ok {
		return a
	}
	return w
}

// normWords returns the lower-case words of s with British spellings
// mapped to American ones and punctuation dropped: the form in which two
// wordings are compared.
func normWords(lx *lexicon, s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		if t.kind == tokPunct {
			continue
		}
		out = append(out, normWord(lx, t.lower))
	}
	return out
}
