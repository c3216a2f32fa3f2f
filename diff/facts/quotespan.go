package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findQuotes finds the direct quotes of text: straight "...", curly “...”,
// «...», „...“, ‘...’ (only when it cannot be an apostrophe) and straight
// '...' as British copy writes them ('We will not back down,' he said:
// only a mark after a space that a punctuation mark ends, see
// closeSingle). A quote never crosses a line break.
func findQuotes(text string) []qspan {
	var out []qspan
	for i := 0; i < len(text); {
		if c := text[i]; c == '\'' {
			if j := closeSingle(text, i); j > 0 {
				q := qspan{open: i, close: j, end: j + 1, cs: i + 1, ce: j}
				for q.ce > q.cs && strings.ContainsRune(" \t,;:", rune(text[q.ce-1])) {
					q.ce--
				}
				out = append(out, q)
				i = j + 1
				continue
			}
			i++
			continue
		} else if c < utf8.RuneSelf && c != '"' {
			i++ // the common case: an ASCII byte that opens nothing
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		var closers string
		switch r {
		case '“':
			closers = "”“"
		case '"':
			closers = "\""
		case '”':
			// a closing mark typed as the opener: ” after a space and
			// before a word (“… but ”some kind of new hybrid.”")
			if spaceBefore(text, i) {
				if n, _ := utf8.DecodeRuneInString(text[i+w:]); unicode.IsLetter(n) || unicode.IsDigit(n) {
					closers = "”"
				}
			}
		case '«':
			closers = "»"
		case '„':
			closers = "“”"
		case '‘':
			if i > 0 {
				p, _ := utf8.DecodeLastRuneInString(text[:i])
				if unicode.IsLetter(p) || unicode.IsDigit(p) {
					break
				}
			}
			closers = "’"
		}
		if closers == "" {
			i += w
			continue
		}
		j := closeQuote(text, i+w, r, closers)
		if j < 0 {
			i += w
			continue
		}
		_, cw := utf8.DecodeRuneInString(text[j:])
		q := qspan{open: i, close: j, end: j + cw}
		q.cs, q.ce = i+w, j
		for q.cs < q.ce && (text[q.cs] == ' ' || text[q.cs] == '\t') {
			q.cs++
		}
		for q.ce > q.cs && strings.ContainsRune(" \t,;:", rune(text[q.ce-1])) {
			q.ce--
		}
		if q.ce > q.cs && (r != '‘' || len(strings.Fields(text[q.cs:q.ce])) >= 3) {
			out = append(out, q)
		}
		i = j + cw
	}
	return out
}

// closeQuote returns the offset of the mark closing a quote opened by open,
// searching from i, or -1.
func closeQuote(text string, i int, open rune, closers string) int {
	for j := i; j < len(text); {
		r, w := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[j:])
		}
		if r == '\n' {
			return -1
		}
		if strings.ContainsRune(closers, r) {
			if open != '‘' {
				return j
			}
			// ’ closes only when no letter follows (else it is an apostrophe)
			n, _ := utf8.DecodeRuneInString(text[j+w:])
			if j+w >= len(text) || !unicode.IsLetter(n) {
				return j
			}
		}
		j += w
	}
	return -1
}

// closeSingle returns the offset of the straight single mark closing a
// quote opened by the one at i, or -1. The opener stands at a line's start
// or after a space or a colon, before a letter; the closer follows a
// punctuation mark that ends the quoted words (.,!?) and precedes no letter:
// "the players' union" and "don't" close nothing. Three words or more,
// within the line.
func closeSingle(text string, i int) int {
	if !(spaceBefore(text, i) || i > 0 && text[i-1] == ':') || i+1 >= len(text) {
		return -1
	}
	if n, _ := utf8.DecodeRuneInString(text[i+1:]); !unicode.IsLetter(n) {
		return -1
	}
	for j := i + 1; j < len(text) && text[j] != '\n'; j++ {
		if text[j] != '\'' || !strings.ContainsRune(".,!?", rune(text[j-1])) {
			continue
		}
		if n, _ := utf8.DecodeRuneInString(text[j+1:]); j+1 < len(text) && unicode.IsLetter(n) {
			continue
		}
		if len(strings.Fields(text[i+1:j])) < 3 {
			return -1
		}
		return j
	}
	return -1
}

// spaceBefore reports whether offset i starts text or a line, or follows a
// space.
func spaceBefore(text string, i int) bool {
	return i == 0 || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '\t'
}
