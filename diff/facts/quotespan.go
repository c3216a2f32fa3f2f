package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findQuotes finds the direct quotes of text: straight "...", curly “...”,
// «...», „...“ and ‘...’ (the last only when it cannot be an apostrophe).
// A quote never crosses a line break.
func findQuotes(text string) []qspan {
	var out []qspan
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' {
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

// spaceBefore reports whether offset i starts text or a line, or follows a
// space.
func spaceBefore(text string, i int) bool {
	return i == 0 || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '\t'
}
