package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storywatch/storywatch/diff/eval/devset"
)

func TestKeysOverlap(t *testing.T) {
	const text = "The death toll rose to 44 people on Monday, police said, and 31 were injured."
	tests := []struct {
		a, b string
		ok   bool
	}{
		{"", "", true},
		{"44 people", "", false},
		{"44 people", "toll rose to 44", true}, // one fact keyed by two people's words
		{"44 people", "44", true},              // the scorer's own rule
		{"44 people", "31 were injured", false},
		{"Monday", "toll rose", false},
		{"DEATH TOLL", "toll rose to 44", true}, // case folded
		{"absent words", "44 people", false},
	}
	for _, tt := range tests {
		if got := keysOverlap(text, tt.a, tt.b); got != tt.ok {
			t.Errorf("keysOverlap(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.ok)
		}
	}
	// Case folding can change a key's length in bytes ("\u212A", the
	// Kelvin sign, folds to "k"): offsets in the folded text are compared
	// with the folded keys' lengths, or keys apart would overlap.
	const kelvin = "The \u212A\u212A\u212A team won 44 games on Monday."
	if keysOverlap(kelvin, "\u212A\u212A\u212A team", "44 games") {
		t.Errorf("keysOverlap(%q, %q) = true for keys apart", "\u212A\u212A\u212A team", "44 games")
	}
}

// TestScoreAgreement labels two made-up pairs twice: the labellers agree
// on one change, key another by different words and disagree on a third;
// a pair only one of them labelled is not compared.
func TestScoreAgreement(t *testing.T) {
	corpus, first, second := t.TempDir(), t.TempDir(), t.TempDir()
	article := func(name, v1, v2 string) {
		dir := filepath.Join(corpus, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, s := range []string{v1, v2} {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("v%d.txt", i+1)), []byte(s), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	label := func(dir, name, expected string) {
		body := fmt.Sprintf("article: %s\nfrom: 1\nto: 2\nexpected:\n%s", name, expected)
		if err := os.WriteFile(filepath.Join(dir, name+"-v1-v2.yaml"), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	article("2026-03-01-bus", "At least 40 people were killed when the bus left the road in Lyon.\n",
		"The death toll rose to 44 people, police said on Tuesday, after the bus left the road near Grenoble.\n")
	article("2026-03-02-vote", "The council will vote on Monday.\n", "The council will vote on Wednesday.\n")
	label(first, "2026-03-01-bus", `  - {kind: number, before: "At least 40", after: "44 people"}
  - {kind: location, before: "Lyon", after: "Grenoble"}
`)
	label(second, "2026-03-01-bus", `  - {kind: number, before: "40 people", after: "toll rose to 44"}
  - {kind: location, before: "Lyon", after: "near Grenoble"}
  - {kind: date, before: "", after: "Tuesday"}
`)
	label(first, "2026-03-02-vote", `  - {kind: date, before: "Monday", after: "Wednesday"}
`)
	ag, err := ScoreAgreement(first, second, corpus)
	if err != nil {
		t.Fatal(err)
	}
	if ag.Strict.Pairs != 1 || ag.Overlap.Pairs != 1 {
		t.Fatalf("compared %d and %d pairs, want only the one both labelled", ag.Strict.Pairs, ag.Overlap.Pairs)
	}
	// Strict: the location matches by whole words, the number's keys
	// ("40 people" / "At least 40") do not contain one another.
	if got, want := ag.Strict.Total, (Score{TP: 1, FP: 2, FN: 1}); got != want {
		t.Errorf("strict %+v, want %+v", got, want)
	}
	if got, want := ag.Overlap.Total, (Score{TP: 2, FP: 1, FN: 0}); got != want {
		t.Errorf("overlap %+v, want %+v", got, want)
	}
	if ag.First.Pairs != 1 || ag.Second.Pairs != 1 {
		t.Errorf("fact layer scored on %d and %d pairs, want 1", ag.First.Pairs, ag.Second.Pairs)
	}
	if _, err := ScoreAgreement(first, t.TempDir(), corpus); !errors.Is(err, devset.ErrDevSet) {
		t.Errorf("an empty second label directory: %v, want ErrDevSet", err)
	}
}
