package facts

import (
	"slices"
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
	space      bool      // whitespace (or text start) precedes the token
	upper      bool      // a word whose first letter is upper case
	curly      bool      // the token holds a curly apostrophe (’)
	cls        wordClass // word lists holding lower (set by newDoc)
}

// is reports whether the token's lower-case form is in one of the word
// lists of c: the same answer as a lookup of lower in those lists.
func (t token) is(c wordClass) bool { return t.cls&c != 0 }

// isApos reports whether r is an apostrophe.
func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits text into tokens, keeping byte offsets so facts can
// point back into the text. Lower-case forms are slices of one lowered copy
// of the text, so a token costs no allocation of its own.
func tokenize(text string) []token {
	return appendTokens(make([]token, 0, len(text)/5+1), text)
}

// appendTokens is tokenize appending to toks, which may be a reused buffer.
func appendTokens(toks []token, text string) []token {
	return appendTokensLower(toks, text, lowerSameWidth(text))
}

// appendTokensLower is appendTokens with lower = lowerSameWidth(text)
// made by the caller, who shares it with the date tagger.
func appendTokensLower(toks []token, text, lower string) []token {
	if cap(toks) < len(toks)+len(text)/5+1 {
		toks = slices.Grow(toks, len(text)/5+1)
	}
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
		case c >= utf8.RuneSelf && zeroWidth(r):
			// a zero-width space, joiner or byte-order mark the page
			// carried ("at the \u200ctime"): invisible, no token
			i += w
			continue
		case isLetterAt(r):
			j := i + w
			curly := false
			for j < len(text) {
				// ASCII letters, the common case, without the rune machinery
				if c := text[j]; c < utf8.RuneSelf && c|0x20 >= 'a' && c|0x20 <= 'z' {
					j++
					continue
				}
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
					// the initials may close a compound: "China-U.S."
					last := text[i:j]
					if h := strings.LastIndexByte(last, '-'); h >= 0 {
						last = last[h+1:]
					}
					if isLetterAt(r3) && (r2 != '.' || isInitials(last)) {
						curly = curly || r2 == '’'
						j += w2
						continue
					}
					if r2 == '.' && strings.Contains(last, ".") && isInitials(last) {
						j += w2 // "U.S." keeps its final dot
						// "U.S.-China" is one word, as "US-China" is
						if j+1 < len(text) && text[j] == '-' {
							if r4, _ := utf8.DecodeRuneInString(text[j+1:]); isLetterAt(r4) {
								j++
								continue
							}
						}
					}
				}
				break
			}
			// a name's plus sign is the name's: "OPEC+", "Disney+"
			if unicode.IsUpper(r) && j < len(text) && text[j] == '+' && (j+1 == len(text) || !isWordByte(text[j+1])) {
				j++
			}
			toks = appendToken(toks, i, j, text[i:j], lower[i:j], tokWord, space, unicode.IsUpper(r), curly)
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
				// "1'500'000": Switzerland groups thousands with an
				// apostrophe; three digits, no more, follow each
				if w := apostropheGroup(text, j); w > 0 {
					j += w
					continue
				}
				// "3-1/2": a hyphen joining a whole number and a fraction
				if c == '-' && j+3 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' && text[j+2] == '/' {
					j++
					continue
				}
				break
			}
			toks = appendToken(toks, i, j, text[i:j], text[i:j], tokNum, space, false, false)
			i = j
		default:
			toks = appendToken(toks, i, i+w, text[i:i+w], lower[i:i+w], tokPunct, space, false, r == '’')
			i += w
		}
		space = false
	}
	return toks
}

// apostropheGroup returns the width of an apostrophe that groups
// thousands at text[j] ("1'500'000", "1’500’000") with its three digits,
// or 0: the apostrophe is a group mark only before exactly three digits.
func apostropheGroup(text string, j int) int {
	w := 0
	switch {
	case text[j] == '\'':
		w = 1
	case strings.HasPrefix(text[j:], "’"):
		w = len("’")
	default:
		return 0
	}
	k := j + w
	if k+3 > len(text) {
		return 0
	}
	for m := k; m < k+3; m++ {
		if text[m] < '0' || text[m] > '9' {
			return 0
		}
	}
	if k+3 < len(text) && text[k+3] >= '0' && text[k+3] <= '9' {
		return 0
	}
	return w + 3
}

// zeroWidth reports whether r is an invisible format character: a
// zero-width space, non-joiner or joiner, a word joiner, a byte-order mark.
func zeroWidth(r rune) bool {
	return r >= 0x200B && r <= 0x200D || r == 0x2060 || r == 0xFEFF
}

// appendToken appends a token, storing its fields one by one. Appending a
// token literal copies the whole struct with a bulk write barrier while
// the garbage collector runs, which cost more than tokenizing; a reused
// buffer (see docBuf) still holds an old token, so every field is set.
func appendToken(toks []token, start, end int, text, lower string, kind tokKind, space, upper, curly bool) []token {
	if len(toks) == cap(toks) {
		toks = slices.Grow(toks, 1)
	}
	toks = toks[:len(toks)+1]
	t := &toks[len(toks)-1]
	t.start, t.end, t.text, t.lower, t.kind, t.space, t.upper, t.curly, t.cls = start, end, text, lower, kind, space, upper, curly, 0
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
	// A Builder hands its bytes over as the string, one copy fewer than
	// []byte then string(b); runs that need no change are copied whole.
	var b strings.Builder
	b.Grow(len(text))
	from := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b.WriteString(text[from:i])
				b.WriteByte(c + 'a' - 'A')
				from = i + 1
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
			b.WriteString(text[from:i])
			b.WriteRune(l)
			from = i + w
		}
		i += w
	}
	b.WriteString(text[from:])
	return b.String()
}

// isInitials reports whether w is single letters separated by dots, as in
// "U", "U.S" or "D.C".
func isInitials(w string) bool {
	for {
		part, rest, more := strings.Cut(w, ".")
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		if !more {
			return true
		}
		w = rest
	}
}

// isCap reports whether a word token starts with an upper-case letter.
func (t *token) isCap() bool { return t.upper }

// stripPoss removes a possessive "'s" or "’s" (or a bare trailing apostrophe).
func stripPoss(s string) string {
	// Every suffix below ends in 's', '\'' or the last byte of '’'; most
	// words end in none of them.
	if n := len(s); n == 0 || s[n-1] != 's' && s[n-1] != '\'' && s[n-1] != "’"[2] {
		return s
	}
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
	for i := a; i < b; i++ {
		t := &d.toks[i]
		switch {
		case t.kind == tokPunct:
		case t.curly:
			out = appendExpanded(out, normWord(d.lx, t.lower))
		case t.is(clsSpelling):
			// no curly apostrophe to fold: normWord is the spelling lookup,
			// which the word class has answered
			out = append(out, d.lx.spelling[t.lower])
		default:
			out = appendExpanded(out, t.lower)
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
		out = appendExpanded(out, normWord(lx, t.lower))
	}
	return out
}

// appendExpanded appends the normalised word w to out, a negation written
// short as its two words ("didn't" → "did not", "can't", "cannot" → "can
// not"): a house style, or a transcript retyped, writes one or the other.
func appendExpanded(out []string, w string) []string {
	switch w {
	case "cannot", "can't":
		return append(out, "can", "not")
	case "won't":
		return append(out, "will", "not")
	}
	if len(w) > 4 && strings.HasSuffix(w, "n't") && w != "ain't" {
		return append(out, w[:len(w)-3], "not")
	}
	return append(out, w)
}
