package align

import (
	"testing"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

// The benchmarks run on a 5,000-word article pair with realistic edits.

func BenchmarkSplit(b *testing.B) {
	old, _ := benchtext.Pair(5000)
	b.SetBytes(int64(len(old)))
	benchtext.ReportCPU(b, func() {
		Split(old)
	})
}

func BenchmarkAlign(b *testing.B) {
	oldText, newText := benchtext.Pair(5000)
	old, new := Split(oldText), Split(newText)
	benchtext.ReportCPU(b, func() {
		Align(old, new)
	})
}

func TestBenchPairAlignment(t *testing.T) {
	// The bench pair must exercise every operation.
	oldText, newText := benchtext.Pair(5000)
	old, new := Split(oldText), Split(newText)
	links := Align(old, new)
	checkLinks(t, len(old), len(new), links)
	count := map[Op]int{}
	for _, l := range links {
		count[l.Op]++
	}
	for _, op := range []Op{Equal, Change, Insert, Delete, Move} {
		if count[op] == 0 {
			t.Errorf("no %v link in the bench pair: %v", op, count)
		}
	}
	t.Logf("%d old, %d new sentences: %v", len(old), len(new), count)
}
