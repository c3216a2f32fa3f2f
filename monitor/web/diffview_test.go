package web

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
)

// render shows segments as text: [op:kind|words] for highlighted runs.
func render(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		switch {
		case s.Kind != "":
			b.WriteString("[" + s.Op + ":" + string(s.Kind) + "|" + s.Text + "]")
		case s.Op != "eq":
			b.WriteString("{" + s.Op + "|" + s.Text + "}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestSegmentRuns(t *testing.T) {
	const old = "Merz said the meeting would be on August 29 in Geneva."
	const new = "Merz said the meeting would be in early September in Budapest."
	date := facts.Change{Kind: facts.KindDate, Before: "August 29", After: "early September", BeforeSentence: old, AfterSentence: new}
	place := facts.Change{Kind: facts.KindLocation, Before: "Geneva", After: "Budapest", BeforeSentence: old, AfterSentence: new}
	other := facts.Change{Kind: facts.KindNumber, After: "Budapest", AfterSentence: "Another sentence entirely, long enough."}
	tests := []struct {
		name     string
		old, new string
		cs       []facts.Change
		want     string
	}{
		{"no facts", old, new, nil,
			"Merz said the meeting would be {del|on August 29 in Geneva}{ins|in early September in Budapest}."},
		{"date and place", old, new, []facts.Change{date, place},
			"Merz said the meeting would be {del|on }[del:date|August 29]{del| in }[del:location|Geneva]{ins|in }[ins:date|early September]{ins| in }[ins:location|Budapest]."},
		{"a fact of another sentence is not marked here", old, new, []facts.Change{other},
			"Merz said the meeting would be {del|on August 29 in Geneva}{ins|in early September in Budapest}."},
		{"fact words inside equal text", "Talks in Budapest on Monday.", "Talks in Budapest on Tuesday.",
			[]facts.Change{{Kind: facts.KindLocation, After: "Budapest", AfterSentence: "Talks in Budapest on Tuesday."}},
			"Talks in [eq:location|Budapest] on {del|Monday}{ins|Tuesday}."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := diff.Words(tt.old, tt.new, diff.Options{})
			segs := segmentRuns(runs, highlights(tt.old, tt.cs, true), highlights(tt.new, tt.cs, false))
			if got := render(segs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			var oldText, newText strings.Builder
			for _, s := range side2(segs, false) {
				oldText.WriteString(s.Text)
			}
			for _, s := range side2(segs, true) {
				newText.WriteString(s.Text)
			}
			if oldText.String() != tt.old || newText.String() != tt.new {
				t.Errorf("the sides do not give the texts back:\n%q\n%q", oldText.String(), newText.String())
			}
		})
	}
}

func TestFold(t *testing.T) {
	eq := diffBlock{Op: diff.EditEqual}
	ch := diffBlock{Op: diff.EditChange}
	shape := func(bs []diffBlock) string {
		var b strings.Builder
		for _, x := range bs {
			switch x.Op {
			case "fold":
				b.WriteString("(" + itoa(len(x.Fold)) + ")")
			case diff.EditEqual:
				b.WriteString("=")
			default:
				b.WriteString("~")
			}
		}
		return b.String()
	}
	tests := []struct {
		in   []diffBlock
		want string
	}{
		{[]diffBlock{eq, eq, eq, ch, eq, eq, eq, eq, eq, ch, eq}, "(2)=~=(3)=~="},
		{[]diffBlock{ch, eq, eq, ch}, "~==~"},
		{[]diffBlock{eq, ch, eq}, "=~="},
		{[]diffBlock{eq, eq, eq}, "(3)"},
	}
	for _, tt := range tests {
		if got := shape(fold(tt.in)); got != tt.want {
			t.Errorf("fold %s = %s, want %s", shape(tt.in), got, tt.want)
		}
	}
}
