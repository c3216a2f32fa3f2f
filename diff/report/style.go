package report

import "strings"

// Style controls rendering.
type Style struct {
	// Color renders insertions green and deletions red with ANSI escapes
	// instead of the [-deleted-]{+inserted+} markers. The plain 31/32
	// colours read well on dark and light terminals; no strikethrough,
	// which many terminals lack.
	Color bool
	// Context is how many equal sentences are shown before and after each
	// change; longer runs of equal sentences are elided with "…". Zero
	// means the default, 1; a negative value shows changes only.
	Context int
}

func (s Style) context() int {
	switch {
	case s.Context == 0:
		return 1
	case s.Context < 0:
		return 0
	}
	return s.Context
}

// ANSI escapes.
const (
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiBold  = "\x1b[1m"
	ansiReset = "\x1b[0m"
)

// painter marks deleted, inserted and emphasised text for one Style.
type painter struct{ color bool }

func (p painter) del(s string) string {
	if s == "" {
		return ""
	}
	if p.color {
		return wrapLines(s, ansiRed)
	}
	return "[-" + s + "-]"
}

func (p painter) ins(s string) string {
	if s == "" {
		return ""
	}
	if p.color {
		return wrapLines(s, ansiGreen)
	}
	return "{+" + s + "+}"
}

// tint colours s in colour mode and leaves it bare otherwise.
func (p painter) tint(s, color string) string {
	if p.color && s != "" {
		return color + s + ansiReset
	}
	return s
}

func (p painter) bold(s string) string {
	if p.color && s != "" {
		return ansiBold + s + ansiReset
	}
	return s
}

// wrapLines colours s, closing and reopening the colour around newlines so
// that a pager showing one line at a time does not bleed colour.
func wrapLines(s, color string) string {
	return color + strings.ReplaceAll(s, "\n", ansiReset+"\n"+color) + ansiReset
}
