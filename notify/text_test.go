package notify

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff/facts"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		c    facts.Change
		want string
	}{
		{
			name: "date changed with values and detail",
			c: facts.Change{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29",
				BeforeValue: "P2W", AfterValue: "2025-08-29", Detail: "refinement"},
			want: `Date changed: "within the next two weeks" → "on August 29" (P2W → 2025-08-29; refinement)`,
		},
		{
			name: "number changed, values add nothing",
			c:    facts.Change{Kind: facts.KindNumber, Before: "90", After: "100", BeforeValue: "90", AfterValue: "100"},
			want: `Number changed: "90" → "100"`,
		},
		{
			name: "number with subject",
			c: facts.Change{Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion",
				BeforeValue: "90000000000 USD", AfterValue: "100000000000 USD", Subject: "weapons"},
			want: `Number for weapons changed: "$90 billion" → "$100 billion" (90000000000 USD → 100000000000 USD)`,
		},
		{
			name: "quote added",
			c:    facts.Change{Kind: facts.KindQuote, After: "a major step forward", Subject: "Zelensky"},
			want: `Quote by Zelensky added: "a major step forward"`,
		},
		{
			name: "quote removed",
			c:    facts.Change{Kind: facts.KindQuote, Before: "very good", Subject: "Trump"},
			want: `Quote by Trump removed: "very good"`,
		},
		{
			name: "quote reworded",
			c:    facts.Change{Kind: facts.KindQuote, Before: "a lot of help", After: "a lot of support", Subject: "Trump", Detail: "reworded"},
			want: `Quote by Trump changed: "a lot of help" → "a lot of support" (reworded)`,
		},
		{
			name: "position of subject",
			c:    facts.Change{Kind: facts.KindPosition, Before: "backed", After: "reversed course on", Subject: "Trump"},
			want: `Position of Trump changed: "backed" → "reversed course on"`,
		},
		{
			name: "location added with value",
			c:    facts.Change{Kind: facts.KindLocation, After: "in Geneva", AfterValue: "Geneva"},
			want: `Location added: "in Geneva" (Geneva)`,
		},
		{
			name: "date removed with value",
			c:    facts.Change{Kind: facts.KindDate, Before: "Monday", BeforeValue: "2025-08-18"},
			want: `Date removed: "Monday" (2025-08-18)`,
		},
		{
			name: "title",
			c:    facts.Change{Kind: facts.KindTitle, Before: "Summit looks set", After: "Summit in doubt"},
			want: `Title changed: "Summit looks set" → "Summit in doubt"`,
		},
		{
			name: "newlines collapse to one line",
			c:    facts.Change{Kind: facts.KindQuote, Before: "line one\nline two", After: "x", Subject: "A\tB"},
			want: `Quote by A B changed: "line one line two" → "x"`,
		},
		{
			name: "unknown kind keeps its name",
			c:    facts.Change{Kind: "casualty", Before: "3", After: "4"},
			want: `Casualty changed: "3" → "4"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Describe(tt.c); got != tt.want {
				t.Errorf("Describe() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSubject(t *testing.T) {
	dateChange := facts.Change{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29"}
	quote := facts.Change{Kind: facts.KindQuote, Before: "very good", After: "excellent"}
	number := facts.Change{Kind: facts.KindNumber, Before: "90", After: "100"}
	tests := []struct {
		name string
		a    Alert
		want string
	}{
		{
			name: "one change with outlet",
			a:    Alert{Title: "Putin and Zelensky set for summit", Outlet: "AFP", Facts: []facts.Change{dateChange}},
			want: `Date changed in "Putin and Zelensky set for summit" (AFP): "within the next two weeks" → "on August 29"`,
		},
		{
			name: "one added fact",
			a:    Alert{Title: "T", Facts: []facts.Change{{Kind: facts.KindLocation, After: "in Geneva"}}},
			want: `Location added in "T": "in Geneva"`,
		},
		{
			name: "one removed fact",
			a:    Alert{Title: "T", Facts: []facts.Change{{Kind: facts.KindQuote, Before: "very good"}}},
			want: `Quote removed in "T": "very good"`,
		},
		{
			name: "two kinds, four changes",
			a:    Alert{Title: "T", Facts: []facts.Change{dateChange, quote, dateChange, quote}},
			want: `Date changed in "T": "within the next two weeks" → "on August 29" (+3 more)`,
		},
		{
			name: "two kinds, two changes",
			a:    Alert{Title: "T", Facts: []facts.Change{number, quote}},
			want: `Number changed in "T": "90" → "100" (+1 more)`,
		},
		{
			name: "more than three kinds",
			a: Alert{Title: "T", Outlet: "AP", Facts: []facts.Change{dateChange, quote, number,
				{Kind: facts.KindLocation, After: "in Geneva"}}},
			want: `Date changed in "T" (AP): "within the next two weeks" → "on August 29" (+3 more)`,
		},
		{
			name: "no facts",
			a:    Alert{Title: "T", Outlet: "AFP"},
			want: `Text changed in "T" (AFP)`,
		},
		{
			name: "no title falls back to URL",
			a:    Alert{Article: "https://example.com/a"},
			want: `Text changed in "https://example.com/a"`,
		},
		{
			name: "header injection is flattened",
			a:    Alert{Title: "Evil\r\nBcc: victim@example.com"},
			want: `Text changed in "Evil Bcc: victim@example.com"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Subject(tt.a); got != tt.want {
				t.Errorf("Subject() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSubjectTruncatesLongText(t *testing.T) {
	long := strings.Repeat("word ", 40)
	a := Alert{Title: long, Facts: []facts.Change{{Kind: facts.KindQuote, Before: long, After: "short"}}}
	got := Subject(a)
	if n := len([]rune(got)); n > 200 {
		t.Errorf("Subject() has %d runes, want at most 200: %s", n, got)
	}
	if !strings.Contains(got, "…") {
		t.Errorf("Subject() = %q, want an ellipsis where text was cut", got)
	}
	if !strings.HasSuffix(got, `"short"`) {
		t.Errorf("Subject() = %q, want the new text kept", got)
	}
}
