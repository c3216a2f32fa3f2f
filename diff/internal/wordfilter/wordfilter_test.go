package wordfilter

import (
	"fmt"
	"testing"
)

func TestFilterNoFalseNegatives(t *testing.T) {
	var f Filter
	keys := map[string]bool{}
	for i := range 3000 {
		w := fmt.Sprintf("word%d", i)
		keys[w] = true
		f.Add(w)
	}
	passed := 0
	for i := range 20000 {
		w := fmt.Sprintf("other%d", i)
		if f.MayHave(w) {
			passed++
		}
	}
	for w := range keys {
		if !f.MayHave(w) {
			t.Fatalf("MayHave(%q) = false for an added key", w)
		}
	}
	// The point of the filter: most non-keys are turned away.
	if passed > 20000/5 {
		t.Errorf("%d of 20000 non-keys passed the filter", passed)
	}
	var empty Filter
	if empty.MayHave("anything") {
		t.Error("the empty filter passes a word")
	}
}
