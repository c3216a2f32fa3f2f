package eval

import (
	"strings"
	"testing"
)

// TestDevSet scores Compare on the labelled dev set. It fails when a
// no-change pair reports any change or when overall F1 drops below 0.8.
func TestDevSet(t *testing.T) {
	r, err := ScoreDevSet("testdata/devset")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.String())
	if testing.Verbose() {
		t.Log("\n" + strings.Join(r.Errors, "\n"))
	}
	if r.Pairs < 60 || r.NoChangePairs < 15 {
		t.Errorf("dev set has %d pairs (%d no-change), want >= 60 (>= 15)", r.Pairs, r.NoChangePairs)
	}
	if len(r.NoChangeFailures) > 0 {
		t.Errorf("no-change pairs reported changes: %v", r.NoChangeFailures)
	}
	if f := r.Total.F1(); f < 0.8 {
		t.Errorf("overall F1 = %.3f, want >= 0.8", f)
	}
}

// TestHeldOut scores the held-out pairs, written after the extractor was
// tuned on the dev set, so the numbers say how well the tuning generalises.
// It only logs: the held-out set must not be tuned against.
func TestHeldOut(t *testing.T) {
	r, err := ScoreDevSet("testdata/heldout")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.String())
	if testing.Verbose() {
		t.Log("\n" + strings.Join(r.Errors, "\n"))
	}
}
