package facts

import (
	"os"
	"slices"
	"testing"
	"time"
)

// pub is the publication time of the summit story used across tests.
var pub = time.Date(2025, 8, 19, 8, 0, 0, 0, time.UTC)

// factsOf returns the facts of one kind in text.
func factsOf(t *testing.T, text string, k Kind) []Fact {
	t.Helper()
	var out []Fact
	for _, f := range Extract(text, pub) {
		if text[f.Start:f.End] != f.Text {
			t.Fatalf("fact %+v: text[%d:%d] = %q", f, f.Start, f.End, text[f.Start:f.End])
		}
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// textsOf returns the words of each fact of one kind in text.
func textsOf(t *testing.T, text string, k Kind) []string {
	t.Helper()
	var out []string
	for _, f := range factsOf(t, text, k) {
		out = append(out, f.Text)
	}
	return out
}

// textValues returns the facts of one kind in text as "Text=Value".
func textValues(t *testing.T, text string, k Kind) []string {
	t.Helper()
	var out []string
	for _, f := range factsOf(t, text, k) {
		out = append(out, f.Text+"="+f.Value)
	}
	return out
}

// changesOf returns the changes of one kind between two texts.
func changesOf(oldText, newText string, k Kind) []Change {
	var out []Change
	for _, c := range Compare(oldText, newText, pub) {
		if c.Kind == k {
			out = append(out, c)
		}
	}
	return out
}

// changeTexts returns the changes of one kind between two texts as
// "before -> after".
func changeTexts(oldText, newText string, k Kind) []string {
	var out []string
	for _, c := range changesOf(oldText, newText, k) {
		out = append(out, c.Before+" -> "+c.After)
	}
	return out
}

// seedText returns the summit article of the dev set.
func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../eval/testdata/devset/base/summit.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// changeCase is one edit and the changes of one kind it makes, as
// changeTexts writes them ("before -> after").
type changeCase struct {
	name, old, new string
	want           []string
}

// runChangeCases compares each case's texts as a subtest and checks the
// changes of kind k.
func runChangeCases(t *testing.T, k Kind, cases []changeCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := changeTexts(tt.old, tt.new, k); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
