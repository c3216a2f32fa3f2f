package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
)

// Line prefixes mark what happened to a sentence, so that the plain output
// can be scanned (and grepped) by its first column.
const (
	prefixEqual  = "  "
	prefixChange = "~ "
	prefixInsert = "+ "
	prefixDelete = "- "
	prefixMove   = "> "
	elision      = "…"
)

// WriteDiff writes r for people: a header line with the counts, the title
// change, the sentences with their word diff (equal sentences only as
// context around changes, the rest elided with "…", moved sentences marked
// "moved:"), then a "Fact changes:" section.
func WriteDiff(w io.Writer, r diff.Result, s Style) error {
	bw := bufio.NewWriter(w)
	p := painter{color: s.Color}

	fmt.Fprintln(bw, p.bold(summaryLine(r.Summary)))
	for _, c := range r.Facts {
		if c.Kind == facts.KindTitle {
			fmt.Fprintln(bw, "Title: "+renderWords(diff.Words(c.Before, c.After, diff.Options{}), p))
		}
	}
	fmt.Fprintln(bw)

	show := visible(r.Edits, s.context())
	elided := false
	for k, e := range r.Edits {
		if !show[k] {
			if !elided {
				fmt.Fprintln(bw, prefixEqual+elision)
				elided = true
			}
			continue
		}
		elided = false
		fmt.Fprintln(bw, renderEdit(e, p))
	}
	if len(r.Edits) == 0 {
		fmt.Fprintln(bw, prefixEqual+"(no text)")
	}

	var fs []facts.Change
	for _, c := range r.Facts {
		if c.Kind != facts.KindTitle {
			fs = append(fs, c)
		}
	}
	fmt.Fprintln(bw)
	if len(fs) == 0 {
		fmt.Fprintln(bw, p.bold("Fact changes:")+" none")
	} else {
		fmt.Fprintln(bw, p.bold("Fact changes:"))
		writeFacts(bw, fs, s.Color, "  ")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	return nil
}

// WriteFacts writes one line per fact change, each in the words of
// DescribeChange; with Color the old words are red and the new green.
// It writes nothing for no changes.
func WriteFacts(w io.Writer, changes []facts.Change, s Style) error {
	bw := bufio.NewWriter(w)
	writeFacts(bw, changes, s.Color, "")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write facts: %w", err)
	}
	return nil
}

func writeFacts(w io.Writer, changes []facts.Change, color bool, indent string) {
	for _, c := range changes {
		fmt.Fprintln(w, indent+"- "+describe(c, color))
	}
}

// summaryLine counts the edits, e.g.
// "2 changed, 1 inserted, 0 deleted, 1 moved, 18 unchanged sentences".
func summaryLine(s diff.Summary) string {
	return fmt.Sprintf("%d changed, %d inserted, %d deleted, %d moved, %d unchanged sentences",
		s.Changed, s.Inserted, s.Deleted, s.Moved, s.Equal)
}

// visible marks the edits to print: every non-equal edit and up to n
// equal sentences on each side of one.
func visible(edits []diff.Edit, n int) []bool {
	show := make([]bool, len(edits))
	for k, e := range edits {
		if e.Op == diff.EditEqual {
			continue
		}
		for j := max(0, k-n); j <= min(len(edits)-1, k+n); j++ {
			show[j] = true
		}
	}
	return show
}

func renderEdit(e diff.Edit, p painter) string {
	switch e.Op {
	case diff.EditEqual:
		return prefixEqual + oneLine(e.New)
	case diff.EditChange:
		return p.bold(prefixChange) + renderWords(e.Words, p)
	case diff.EditInsert:
		return p.tint(prefixInsert, ansiGreen) + p.ins(oneLine(e.New))
	case diff.EditDelete:
		return p.tint(prefixDelete, ansiRed) + p.del(oneLine(e.Old))
	case diff.EditMove:
		text := oneLine(e.New)
		if len(e.Words) > 0 {
			text = renderWords(e.Words, p)
		}
		return p.bold(prefixMove+"moved:") + " " + text
	}
	return prefixEqual + oneLine(e.New)
}

// renderWords renders a word diff inline.
func renderWords(ops []diff.WordOp, p painter) string {
	var b strings.Builder
	for _, op := range ops {
		text := oneLine(op.Text)
		switch op.Op {
		case diff.OpDelete:
			b.WriteString(p.del(text))
		case diff.OpInsert:
			b.WriteString(p.ins(text))
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// oneLine keeps an entry on one line: sentences hold no newlines, but fact
// words and titles from feeds might.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
