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

// tokenize splits text into tokens. It never allocates per rune and keeps
// byte offsets, so facts can point back into the text.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	space := true
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += w
			continue
		case unicode.IsLetter(r):
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) {
					j += w2
					continue
				}
				// inner apostrophe or hyphen followed by a letter; a dot
				// only inside initials ("U.S", "D.C")
				if isApos(r2) || r2 == '-' || r2 == '.' {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if unicode.IsLetter(r3) && (r2 != '.' || isInitials(text[i:j])) {
						j += w2
						continue
					}
					if r2 == '.' && strings.Contains(text[i:j], ".") && isInitials(text[i:j]) {
						j += w2 // "U.S." keeps its final dot
					}
				}
				break
			}
			toks = append(toks, mkTok(text, i, j, tokWord, space))
			i = j
		case r >= '0' && r <= '9':
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
			toks = append(toks, mkTok(text, i, j, tokNum, space))
			i = j
		default:
			toks = append(toks, mkTok(text, i, i+w, tokPunct, space))
			i += w
		}
		space = false
	}
	return toks
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

func mkTok(text string, i, j int, k tokKind, space bool) token {
	t := text[i:j]
	return token{start: i, end: j, text: t, lower: strings.ToLower(t), kind: k, space: space}
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

// normWords returns the lower-case words of s with British spellings
// mapped to American ones and punctuation dropped: the form in which two
// wordings are compared.
func normWords(lx *lexicon, s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		if t.kind == tokPunct {
			continue
		}
		w := strings.ReplaceAll(t.lower, "’", "'")
		if a, ok := lx.spelling[w]; ok {
			w = a
		}
		out = append(out, w)
	}
	return out
}
