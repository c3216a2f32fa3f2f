package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
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

// BenchmarkCompareEveryNumberChanged compares 2 MB of real news text
// (../shared/real-revisions/cnn, every version of every article one after
// another; skipped where the corpus is absent) with itself with a figure
// added to every sentence and every number then moved on by one: thousands
// of figures changed, many removed and added, each of those looked up
// among the other version's facts (statedIn, by kind and figure since
// round 10; `compare` on a 1.9 MB text built so went from 16.2-17.7 to
// 11.2-12.9 CPU seconds with it). Run it with -benchtime=1x.
func BenchmarkCompareEveryNumberChanged(b *testing.B) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "shared", "real-revisions", "cnn", "*"))
	if len(dirs) == 0 {
		b.Skip("../shared/real-revisions/cnn is absent")
	}
	var text strings.Builder
	for _, v := range []string{"v1.txt", "v2.txt", "v3.txt"} {
		for _, d := range dirs {
			if t, err := os.ReadFile(filepath.Join(d, v)); err == nil && text.Len() < 2<<20 {
				text.Write(t)
				text.WriteString("\n\n")
			}
		}
	}
	n := 0
	oldText := regexp.MustCompile(`([a-z])([.!?])(\s)`).ReplaceAllStringFunc(text.String(), func(s string) string {
		n++
		return fmt.Sprintf("%c about %d%s", s[0], n*37%99991, s[1:])
	})
	newText := regexp.MustCompile(`\d+`).ReplaceAllStringFunc(oldText, func(s string) string {
		n, _ := strconv.Atoi(s)
		return strconv.Itoa(n + 1)
	})
	benchtext.ReportCPU(b, func() {
		Compare(Document{Text: oldText}, Document{Text: newText}, Options{})
	})
}
