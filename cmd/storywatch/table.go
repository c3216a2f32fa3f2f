package main

import (
	"bytes"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// table lays out tab-separated rows in columns, like text/tabwriter with
// two spaces of padding, but measures cells in terminal columns: tabwriter
// counts runes, and a Chinese, Japanese or Korean title (two columns a
// character) pushed every cell after it out of line. Write buffers the
// text; Flush prints it. A row's cells end at a tab; its last cell, after
// the last tab, is printed as it is.
type table struct {
	w   io.Writer
	buf bytes.Buffer
}

// tablePadding is the space between columns.
const tablePadding = 2

func newTable(w io.Writer) *table { return &table{w: w} }

// Write buffers p until Flush.
func (t *table) Write(p []byte) (int, error) { return t.buf.Write(p) }

// Flush prints the buffered rows aligned and empties the buffer.
func (t *table) Flush() error {
	text := t.buf.String()
	t.buf.Reset()
	if text == "" {
		return nil
	}
	lines := strings.SplitAfter(text, "\n")
	rows := make([][]string, len(lines))
	var widths []int
	for i, line := range lines {
		rows[i] = strings.Split(line, "\t")
		for j, cell := range rows[i][:len(rows[i])-1] { // tab-terminated cells
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], displayWidth(cell))
		}
	}
	var out strings.Builder
	for _, cells := range rows {
		last := len(cells) - 1
		for j, cell := range cells[:last] {
			out.WriteString(cell)
			out.WriteString(strings.Repeat(" ", widths[j]-displayWidth(cell)+tablePadding))
		}
		out.WriteString(cells[last])
	}
	_, err := io.WriteString(t.w, out.String())
	return err
}

// displayWidth is how many terminal columns s takes: two for a wide or
// fullwidth character (East Asian Width W or F: CJK ideographs, kana,
// hangul, fullwidth forms, most emoji), none for a combining mark, a
// format character (zero-width space and joiner) or a control, one for
// every other.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is displayWidth of one rune.
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 0
	case r < 0x300:
		return 1 // ASCII and Latin: the common case, no table lookups
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
