package facts

import (
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

// TestWindowedCompareMatchesWholeText: comparing only the sentences an edit
// can affect must report what comparing every sentence reports. A long pair
// is many copies of one edited part; each copy must yield the same changes.
func TestWindowedCompareMatchesWholeText(t *testing.T) {
	ref := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	old, cur := benchtext.Pair(5000)
	oneOld, oneCur := benchtext.Pair(1)
	per := Compare(oneOld, oneCur, ref)
	all := Compare(old, cur, ref)
	if len(per) == 0 {
		t.Fatal("one edited part reports no change")
	}
	// A date added or removed in every part is one new date to the reader
	// (dateOnce), and a figure of one thing changed alike in every part one
	// figure changed: each is counted apart, once.
	once := func(c Change) bool {
		return c.Kind == KindDate && (c.Before == "" || c.After == "") || c.Kind == KindNumber && c.Before != "" && c.After != ""
	}
	perKind, allKind := map[Kind]int{}, map[Kind]int{}
	perOnce, allOnce := map[string]int{}, map[string]int{}
	for _, c := range per {
		if once(c) {
			perOnce[c.Before+"|"+c.After]++
			continue
		}
		perKind[c.Kind]++
	}
	for _, c := range all {
		if once(c) {
			allOnce[c.Before+"|"+c.After]++
			continue
		}
		allKind[c.Kind]++
	}
	partsSeen := strings.Count(old, "(Part ") / strings.Count(oneOld, "(Part ")
	for k, n := range perKind {
		if allKind[k] != n*partsSeen {
			t.Errorf("%s: %d changes over %d parts, want %d × %d", k, allKind[k], partsSeen, n, partsSeen)
		}
	}
	if len(perOnce) != len(allOnce) {
		t.Errorf("dates added or removed and figures changed: %v over %d parts, want %v", allOnce, partsSeen, perOnce)
	}
	for k := range perOnce {
		if allOnce[k] != 1 {
			t.Errorf("%s reported %d times over %d parts, want once", k, allOnce[k], partsSeen)
		}
	}
}

// TestWindowedCompareFollowsPronouns: an unchanged quote whose pronoun now
// points at another speaker is compared even though its sentence is equal.
func TestWindowedCompareFollowsPronouns(t *testing.T) {
	pad := strings.Repeat("The talks in Washington went on for hours without a break.\n\n", 30)
	old := pad + "Finnish President Alexander Stubb said Europe was ready.\n\n“This is the most serious effort yet,” he told reporters.\n\n" + pad
	cur := pad + "Polish President Andrzej Duda said Europe was ready.\n\n“This is the most serious effort yet,” he told reporters.\n\n" + pad
	var found bool
	for _, c := range Compare(old, cur, time.Time{}) {
		if c.Kind == KindQuote && c.Detail == "reattributed" {
			found = true
		}
	}
	if !found {
		t.Errorf("quote re-attributed by a pronoun not reported: %+v", Compare(old, cur, time.Time{}))
	}
}
