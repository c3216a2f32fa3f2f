package eval

import (
	"errors"
	"github.com/storywatch/storywatch/diff/eval/devset"
	"github.com/storywatch/storywatch/diff/facts"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTextMatch(t *testing.T) {
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"", "", true},
		{"about $90 billion", "$90 billion", true},
		{"the next two weeks", "within the next two weeks", true},
		{"“very good,”", "\"very good\"", true},
		{"$90 billion", "$100 billion", false},
		{"", "Budapest", false},
		{"Budapest", "", false},
		{"ruled", "ruled out", true},
		{"out", "rout", false},
		{"ask me…Why didn't he ask", "Why didn't he ask", true},
		{"the weapon(s) used", "weapon", true},
		{"weapons", "weapon", false},
	}
	for _, tt := range tests {
		if got := textMatch(tt.got, tt.want); got != tt.ok {
			t.Errorf("textMatch(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.ok)
		}
	}
}

func TestScorePair(t *testing.T) {
	got := []facts.Change{
		{Kind: facts.KindNumber, Before: "about $90 billion", After: "about $100 billion"},
		{Kind: facts.KindDate, Before: "Monday", After: ""},
	}
	want := []devset.GoldChange{
		{Kind: "number", Before: "$90 billion", After: "$100 billion"},
		{Kind: "quote", Before: "", After: "hello"},
	}
	s, errs := scorePair(got, want, func(g facts.Change, w devset.GoldChange) bool { return sameKeys(devset.Pair{}, g, w) })
	if s[facts.KindNumber].TP != 1 || s[facts.KindDate].FP != 1 || s[facts.KindQuote].FN != 1 || len(errs) != 2 {
		t.Errorf("scores %+v errs %q", s, errs)
	}
	r := Score{TP: 1, FP: 1, FN: 2}
	if r.Precision() != 0.5 || r.Recall() != 1.0/3 {
		t.Errorf("precision %v recall %v", r.Precision(), r.Recall())
	}
	if (Score{}).F1() != 1 {
		t.Error("empty score F1 should be 1")
	}
}

func TestScoreReportString(t *testing.T) {
	r := Report{Pairs: 2, Kinds: map[Kind]Score{facts.KindDate: {TP: 1}}, Total: Score{TP: 1}, NoChangeFailures: []string{"x"}}
	s := r.String()
	for _, w := range []string{"pairs 2", "date", "all", "no-change pairs with changes: x"} {
		if !strings.Contains(s, w) {
			t.Errorf("report %q lacks %q", s, w)
		}
	}
}

func TestLoadDevPairErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, body string
		sentinel   bool
	}{
		{"edit missing", "old: a b c\nedits:\n  - {from: x, to: y}\nexpected: []\n", true},
		{"empty gold", "old: a\nnew: b\nexpected:\n  - {kind: date}\n", true},
		{"new and edits", "old: a\nnew: b\nedits:\n  - {from: a, to: c}\n", true},
		{"unknown key", "old: a\nnew: b\nbogus: 1\n", false},
		{"bad old file", "old_file: nope.txt\nnew: b\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := devset.LoadPair(write(strings.ReplaceAll(tt.name, " ", "-")+".yaml", tt.body))
			if err == nil {
				t.Fatal("no error")
			}
			if tt.sentinel && !errors.Is(err, devset.ErrDevSet) {
				t.Errorf("error %v is not ErrDevSet", err)
			}
		})
	}
	if _, err := ScoreDevSet(t.TempDir()); !errors.Is(err, devset.ErrDevSet) {
		t.Errorf("empty dir: %v", err)
	}
}

func TestLoadDevPairEdits(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.yaml")
	body := "published: 2025-08-19T08:00:00Z\nold: |\n  Trump met Putin in Alaska.\nedits:\n  - {from: Alaska, to: Geneva}\nexpected: []\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	dp, err := devset.LoadPair(p)
	if err != nil {
		t.Fatal(err)
	}
	if dp.New != "Trump met Putin in Geneva.\n" || dp.Name != "p" || dp.Published.Year() != 2025 {
		t.Errorf("got %+v", dp)
	}
}
