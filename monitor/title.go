package monitor

import (
	"strings"
	"unicode/utf8"
)

// maxTitleRunes bounds a stored title. Real headlines stay well under 300
// characters; a page whose <title> or <h1> holds a template's whole body,
// or a feed that pastes the story into <title>, gave titles of hundreds of
// kilobytes that every version, change, alert, log line and table carried.
const maxTitleRunes = 500

// clipTitle returns title cut to at most maxTitleRunes runes (an ellipsis
// included), at the last space of its final stretch when there is one, so
// that a word is not cut in half; a shorter title is returned as it is.
// It cuts between runes, never inside one.
func clipTitle(title string) string {
	if len(title) <= maxTitleRunes || utf8.RuneCountInString(title) <= maxTitleRunes {
		return title
	}
	cut, n := 0, 0
	for i := range title {
		if n == maxTitleRunes-1 { // room for the ellipsis
			cut = i
			break
		}
		n++
	}
	head := title[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp > 0 && utf8.RuneCountInString(head[sp:]) <= 40 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " ") + "…"
}
