package facts

import (
	"reflect"
	"testing"

	"github.com/storywatch/storywatch/diff/align"
	"github.com/storywatch/storywatch/diff/eval/devset"
)

// TestStoredFactsCompareAlike: comparing with the facts each version had
// when it was stored gives the same changes as extracting them again, on
// every labelled pair of the repository.
func TestStoredFactsCompareAlike(t *testing.T) {
	n := 0
	for _, dir := range []string{"../eval/testdata/devset", "../eval/testdata/heldout"} {
		pairs, err := devset.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pairs {
			o, nw := align.Split(p.Old), align.Split(p.New)
			links := align.Align(o, nw)
			fresh := CompareAligned(p.Old, p.New, o, nw, links, p.Published)
			stored := CompareAlignedWith(p.Old, p.New, o, nw, links, p.Published, Extract(p.Old, p.Published), Extract(p.New, p.Published))
			if !reflect.DeepEqual(fresh, stored) {
				t.Errorf("%s: with stored facts %+v\nextracted again %+v", p.Name, stored, fresh)
			}
			n++
		}
	}
	if n < 100 {
		t.Fatalf("compared %d pairs, want the whole summit sets", n)
	}
}
