package facts

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"",
	"Ukraine offered to buy about $90 billion worth of US weapons.",
	"“When it comes to security, there’s going to be a lot of help,” Trump told reporters.",
	"Russia’s Foreign Ministry ruled out the deployment of troops from NATO countries.",
	"The last direct talks took place in Turkey in June. Putin declined.",
	"Merz said Putin had agreed to the meeting within the next two weeks.",
	"“unclosed quote and $ and 3- and ‘ and „ and « and \"",
	"a three-and-a-half-year-old war; US$ ; $bn; 1/0; 3-1/; ,,,; —who—",
	"\xff\xfe broken utf8 \xe2\x80 in Kyiv",
	"to to to ruled out out did not not he said he said",
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := -1
		for _, fc := range Extract(text, pub) {
			if fc.Start < 0 || fc.End > len(text) || fc.Start > fc.End {
				t.Fatalf("fact %+v out of range for %d bytes", fc, len(text))
			}
			if text[fc.Start:fc.End] != fc.Text {
				t.Fatalf("fact %+v: text[%d:%d] = %q", fc, fc.Start, fc.End, text[fc.Start:fc.End])
			}
			if fc.Start < last {
				t.Fatalf("facts out of order at %+v", fc)
			}
			last = fc.Start
		}
	})
}

func FuzzCompare(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)])
		f.Add(s, strings.ReplaceAll(s, "9", "1"))
	}
	f.Fuzz(func(t *testing.T, oldText, newText string) {
		for _, c := range Compare(oldText, newText, pub) {
			if c.Before == "" && c.After == "" {
				t.Fatalf("empty change %+v", c)
			}
			if !strings.Contains(oldText, c.Before) || !strings.Contains(newText, c.After) {
				t.Fatalf("change %+v: words not in the texts", c)
			}
			switch c.Kind {
			case KindDate, KindNumber, KindQuote, KindPosition, KindLocation:
			default:
				t.Fatalf("unknown kind in %+v", c)
			}
		}
		if len(Compare(oldText, oldText, pub)) != 0 {
			t.Fatalf("identical texts report changes")
		}
	})
}
