package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
)

// FuzzSegments cuts word diffs at fact words found anywhere in either
// text: whatever the texts and words, each side's segments give its text
// back, and a highlighted segment holds the fact's words only.
func FuzzSegments(f *testing.F) {
	f.Add("The summit is on August 29 in Geneva.", "The summit is in early September in Budapest.", "August 29", "early September")
	f.Add("a a a", "a b a", "a", "b")
	f.Add("«Nein», sagte er.", "„Ja“, sagte er.", "Nein", "Ja")
	f.Add("", "new text", "", "new")
	f.Fuzz(func(t *testing.T, old, new, before, after string) {
		if !utf8.ValidString(old) || !utf8.ValidString(new) {
			t.Skip()
		}
		cs := []facts.Change{{Kind: facts.KindDate, Before: before, After: after, BeforeSentence: old, AfterSentence: new}}
		runs := diff.Words(old, new, diff.Options{})
		segs := segmentRuns(runs, highlights(old, cs, true), highlights(new, cs, false))
		var o, n strings.Builder
		for _, s := range side2(segs, false) {
			o.WriteString(s.Text)
		}
		for _, s := range side2(segs, true) {
			n.WriteString(s.Text)
		}
		if o.String() != old || n.String() != new {
			t.Fatalf("sides do not give the texts back:\nold %q\n got %q\nnew %q\n got %q", old, o.String(), new, n.String())
		}
		for _, s := range segs {
			if s.Kind == "" {
				continue
			}
			if s.Text == "" || (!strings.Contains(before, s.Text) && !strings.Contains(after, s.Text)) {
				t.Fatalf("segment %q highlighted, but the fact's words are %q / %q", s.Text, before, after)
			}
		}
	})
}
