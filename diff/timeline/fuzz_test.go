package timeline

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff/facts"
)

// FuzzAdd feeds arbitrary text and offsets through the sentence splitter,
// tokenizer and event attachment: nothing may panic, and every value's
// sentence must contain the fact's words.
func FuzzAdd(f *testing.F) {
	f.Add(merzTwoWeeks, 80, 98, "P2W")
	f.Add(courierTwo+" "+tone, 150, 159, "2025-08-18")
	f.Add("“It”, — he said… in Budapest.\n\nIt would be held in Geneva", 45, 51, "Geneva")
	f.Add("", 0, 0, "")
	f.Fuzz(func(t *testing.T, text string, start, end int, value string) {
		fs := []facts.Fact{
			{Kind: facts.KindDate, Start: start, End: end, Value: value, Type: "DATE"},
			{Kind: facts.KindLocation, Start: start, End: end, Value: value, Type: "city"},
			{Kind: facts.KindPosition, Start: start, End: end, Value: "reject: " + value, Subject: value},
			{Kind: facts.KindNumber, Start: start, End: end, Value: value, Subject: value},
			{Kind: facts.KindQuote, Start: start, End: end, Value: value, Subject: value},
			{Kind: facts.KindCorrection, Start: start, End: end, Value: value, Subject: "correction"},
		}
		if start >= 0 && end <= len(text) && start <= end {
			for i := range fs {
				fs[i].Text = text[start:end]
			}
		}
		b := NewBuilder()
		b.Add(&Observation{Article: "a", Version: 1, Text: text, Facts: fs})
		b.Add(&Observation{Article: "a", Version: 2, Text: text, Facts: fs[:2]})
		// a rewritten version: the facts move into another sentence
		b.Add(&Observation{Article: "a", Version: 3, Text: "It said. " + text, Facts: shift(fs[:2], len("It said. "))})
		b.AddStatus(&StatusEvent{Article: "a", Version: 3, Text: value, Value: value, Current: true})
		for _, th := range b.Threads() {
			for _, v := range th.Values {
				if th.Kind != facts.KindPosition && th.Kind != facts.KindNumber && th.Kind != facts.KindQuote &&
					len(v.Text) > 0 && !strings.Contains(v.Sentence, v.Text) {
					t.Errorf("sentence %q lacks %q", v.Sentence, v.Text)
				}
			}
		}
	})
}

// shift moves facts by n bytes, as when text is prepended.
func shift(fs []facts.Fact, n int) []facts.Fact {
	out := make([]facts.Fact, len(fs))
	for i, f := range fs {
		f.Start, f.End = f.Start+n, f.End+n
		out[i] = f
	}
	return out
}
