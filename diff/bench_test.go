package diff

import (
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/align"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

// The benchmarks run on a 5,000-word article pair with realistic edits.

func BenchmarkWords(b *testing.B) {
	// One long reworded paragraph, the typical unit of a word diff.
	old := "Zelensky hailed the promise as “a major step forward,” adding that the guarantees would be “formalized on paper within the next week to 10 days” and saying Ukraine offered to buy about $90 billion worth of US weapons."
	new := "Zelensky hailed the promise as “a big step forward,” adding that the security guarantees would be “formalized on paper within 10 days” and saying Ukraine had offered to buy about $100 billion worth of American weapons."
	benchtext.ReportCPU(b, func() {
		Words(old, new, Options{})
	})
}

func BenchmarkWordsWholeText(b *testing.B) {
	old, new := benchtext.Pair(5000)
	benchtext.ReportCPU(b, func() {
		Words(old, new, Options{})
	})
}

func BenchmarkCompare(b *testing.B) {
	oldText, newText := benchtext.Pair(5000)
	old, new := Document{Title: "Summit", Text: oldText}, Document{Title: "Summit set", Text: newText}
	benchtext.ReportCPU(b, func() {
		Compare(old, new, Options{})
	})
}

// BenchmarkCompareStored is Compare as the monitor runs it: both versions'
// facts were extracted when they were stored, so only the changed
// sentences are extracted again.
func BenchmarkCompareStored(b *testing.B) {
	oldText, newText := benchtext.Pair(5000)
	old := Document{Title: "Summit", Text: oldText, Facts: facts.Extract(oldText, time.Time{})}
	new := Document{Title: "Summit set", Text: newText, Facts: facts.Extract(newText, time.Time{})}
	benchtext.ReportCPU(b, func() {
		Compare(old, new, Options{})
	})
}

// BenchmarkCompareText is Compare without the fact comparison: split,
// align and word diffs, the part this package owns.
func BenchmarkCompareText(b *testing.B) {
	oldText, newText := benchtext.Pair(5000)
	benchtext.ReportCPU(b, func() {
		o, n := align.Split(oldText), align.Split(newText)
		edits(o, n, align.Align(o, n), Options{})
	})
}

// BenchmarkCompareTextPastedWhole compares an empty version with a long
// text (16,000 entries, 1.7 MB) and back: every fact added, then removed.
func BenchmarkCompareTextPastedWhole(b *testing.B) {
	text := wholeText(16000)
	benchtext.ReportCPU(b, func() {
		Compare(Document{}, Document{Text: text}, Options{})
		Compare(Document{Text: text}, Document{}, Options{})
	})
}
