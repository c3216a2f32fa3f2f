package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenFacts are the fact changes of the golden pair, written by hand so
// that the goldens test rendering and do not move with the fact extractor.
var goldenFacts = []facts.Change{
	{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29", BeforeValue: "P2W", AfterValue: "2025-08-29", Detail: "refinement"},
	{Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion", BeforeValue: "90000000000 USD", AfterValue: "100000000000 USD"},
	{Kind: facts.KindQuote, Before: "“very good”", After: "“very productive”", Subject: "Trump"},
	{Kind: facts.KindPosition, Before: "ruled out", After: "could accept", Subject: "Russia’s Foreign Ministry", Detail: "shift"},
	{Kind: facts.KindDate, Before: "Monday", After: "Tuesday", BeforeValue: "2025-08-18", AfterValue: "2025-08-19"},
}

// goldenResult compares the seed article with the edited fixture.
func goldenResult(t *testing.T) diff.Result {
	t.Helper()
	published := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	old := diff.Document{Title: "Putin and Zelensky set for summit after Trump talks", Text: readFile(t, "summit-old.txt"), Published: published}
	new := diff.Document{Title: "Putin agrees to meet Zelensky by end of August, Merz says", Text: readFile(t, "summit-new.txt"), Published: published}
	r := diff.Compare(old, new, diff.Options{})
	var title []facts.Change
	for _, c := range r.Facts {
		if c.Kind == facts.KindTitle {
			title = append(title, c)
		}
	}
	r.Facts = append(title, goldenFacts...)
	return r
}

func TestWriteDiffGolden(t *testing.T) {
	r := goldenResult(t)
	tests := []struct {
		name   string
		style  Style
		golden string
	}{
		{"plain", Style{}, "summit.diff.golden"},
		{"colour", Style{Color: true}, "summit.color.golden"},
		{"plain, no context", Style{Context: -1}, "summit.nocontext.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteDiff(&buf, r, tt.style); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.golden, buf.Bytes())
		})
	}
}

func TestWriteDiffMarkers(t *testing.T) {
	r := goldenResult(t)
	var plain, colour bytes.Buffer
	if err := WriteDiff(&plain, r, Style{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteDiff(&colour, r, Style{Color: true}); err != nil {
		t.Fatal(err)
	}
	p, c := plain.String(), colour.String()
	for _, want := range []string{
		"[-90-]{+100+}",
		"[-within the next two weeks-]{+on August 29+}",
		"> moved: “I wish they could stop",
		"- [-But a peace deal still appeared far from imminent.-]",
		"+ {+Officials in Kyiv said",
		"Title: Putin [-and Zelensky set for summit after Trump talks-]{+agrees to meet Zelensky by end of August, Merz says+}\n",
		"no confirmation of a [-date or -]location.",
		"Fact changes:\n",
		`Date changed: "within the next two weeks" → "on August 29" (refinement)`,
		"5 changed, 1 inserted, 1 deleted, 2 moved, 15 unchanged sentences\n",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("plain output lacks %q", want)
		}
	}
	if strings.Contains(p, "\x1b[") {
		t.Error("plain output holds ANSI escapes")
	}
	if strings.Contains(c, "[-") || strings.Contains(c, "{+") {
		t.Error("colour output holds wdiff markers")
	}
	if !strings.Contains(c, ansiRed+"90"+ansiReset+ansiGreen+"100"+ansiReset) {
		t.Error("colour output lacks red 90 then green 100")
	}
	if strings.Contains(c, "\x1b[9m") {
		t.Error("colour output uses strikethrough")
	}
}

func TestWriteDiffContext(t *testing.T) {
	// Ten equal sentences with one change in the middle.
	var edits []diff.Edit
	for k := range 10 {
		e := diff.Edit{Op: diff.EditEqual, Old: "Same.", New: "Same.", OldIndex: k, NewIndex: k}
		if k == 5 {
			e = diff.Edit{Op: diff.EditChange, OldIndex: k, NewIndex: k, Words: []diff.WordOp{{Op: diff.OpDelete, Text: "Old"}, {Op: diff.OpInsert, Text: "New"}, {Op: diff.OpEqual, Text: "."}}}
		}
		edits = append(edits, e)
	}
	r := diff.Result{Edits: edits, Summary: diff.Summary{Changed: 1, Equal: 9}}
	tests := []struct {
		context        int
		wantSame, want int // equal lines shown, elision lines
	}{
		{0, 2, 2},  // default 1
		{1, 2, 2},  // one each side
		{3, 6, 2},  // three each side
		{-1, 0, 2}, // changes only
		{9, 9, 0},  // everything
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteDiff(&buf, r, Style{Context: tt.context}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if got := strings.Count(out, "Same."); got != tt.wantSame {
			t.Errorf("context %d: %d equal lines, want %d\n%s", tt.context, got, tt.wantSame, out)
		}
		if got := strings.Count(out, "  …\n"); got != tt.want {
			t.Errorf("context %d: %d elisions, want %d\n%s", tt.context, got, tt.want, out)
		}
	}
}

func TestWriteDiffNoChanges(t *testing.T) {
	doc := diff.Document{Title: "T", Text: "One. Two."}
	var buf bytes.Buffer
	if err := WriteDiff(&buf, diff.Compare(doc, doc, diff.Options{}), Style{}); err != nil {
		t.Fatal(err)
	}
	want := "0 changed, 0 inserted, 0 deleted, 0 moved, 2 unchanged sentences\n\n  …\n\nFact changes: none\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestDescribeChange(t *testing.T) {
	tests := []struct {
		name string
		c    facts.Change
		want string
	}{
		{"date changed", facts.Change{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29"},
			`Date changed: "within the next two weeks" → "on August 29"`},
		{"quote added", facts.Change{Kind: facts.KindQuote, After: "“They are a first line of defense”", Subject: "Trump"},
			"Quote added: “They are a first line of defense” (Trump)"},
		{"quote without marks", facts.Change{Kind: facts.KindQuote, Before: "a major step forward", Subject: "Zelensky"},
			"Quote removed: “a major step forward” (Zelensky)"},
		{"position changed", facts.Change{Kind: facts.KindPosition, Before: "ruled out", After: "could accept", Subject: "Russia's Foreign Ministry"},
			"Position changed (Russia's Foreign Ministry): ruled out → could accept"},
		{"number with detail", facts.Change{Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion", Detail: "increase"},
			`Number changed: "$90 billion" → "$100 billion" (increase)`},
		{"location removed", facts.Change{Kind: facts.KindLocation, Before: "Geneva"},
			`Location removed: "Geneva"`},
		{"title", facts.Change{Kind: facts.KindTitle, Before: "Old", After: "New"},
			`Title changed: "Old" → "New"`},
		{"same words, new value", facts.Change{Kind: facts.KindDate, Before: "Monday", After: "Monday", BeforeValue: "2025-08-18", AfterValue: "2025-08-25"},
			`Date changed: "Monday" (2025-08-18 → 2025-08-25)`},
		{"newline in words", facts.Change{Kind: facts.KindTitle, Before: "A\nB", After: "C"},
			`Title changed: "A B" → "C"`},
		{"empty kind", facts.Change{Before: "x", After: "y"}, `Fact changed: "x" → "y"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DescribeChange(tt.c); got != tt.want {
				t.Errorf("DescribeChange\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestWriteFacts(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFacts(&buf, nil, Style{}); err != nil || buf.Len() != 0 {
		t.Errorf("no changes: wrote %q, err %v", buf.String(), err)
	}
	if err := WriteFacts(&buf, goldenFacts[:2], Style{}); err != nil {
		t.Fatal(err)
	}
	want := "- " + DescribeChange(goldenFacts[0]) + "\n- " + DescribeChange(goldenFacts[1]) + "\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	buf.Reset()
	if err := WriteFacts(&buf, goldenFacts[1:2], Style{Color: true}); err != nil {
		t.Fatal(err)
	}
	if want := `- Number changed: ` + ansiRed + `"$90 billion"` + ansiReset + " → " + ansiGreen + `"$100 billion"` + ansiReset + "\n"; buf.String() != want {
		t.Errorf("colour: got %q, want %q", buf.String(), want)
	}
}

func TestWriteError(t *testing.T) {
	err := WriteDiff(failWriter{}, goldenResult(t), Style{})
	if err == nil || !strings.Contains(err.Error(), "write diff") {
		t.Errorf("err = %v, want a write diff error", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path, got)
	}
}

func TestDescribeNewKinds(t *testing.T) {
	tests := []struct {
		c    facts.Change
		want string
	}{
		{facts.Change{Kind: facts.KindCorrection, Subject: "editor's note", After: "Editor’s note: This story has been updated."}, `Editor's note added: "Editor’s note: This story has been updated."`},
		{facts.Change{Kind: facts.KindCorrection, Subject: "correction", Before: "Correction: A caption misidentified the mayor.", After: "Correction: A caption misidentified the mayor and the city."}, `Correction changed: "Correction: A caption misidentified the mayor." → "Correction: A caption misidentified the mayor and the city."`},
		{facts.Change{Kind: facts.KindStatus, After: "removed (410 Gone)", AfterValue: "410"}, "Page removed (410 Gone)"},
	}
	for _, tt := range tests {
		if got := DescribeChange(tt.c); got != tt.want {
			t.Errorf("DescribeChange(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}
