package facts

import (
	"strings"
	"testing"
	"time"
)

func TestEchoes(t *testing.T) {
	const body = "Two officials briefed on the plans said the summit would be held in Budapest.\n\n" +
		"“We will rebuild every home in the region,” the governor told reporters on Monday.\n\n"
	tests := []struct {
		name, para string
		echo       bool
	}{
		{"pull quote of a sentence", "“Two officials briefed on the plans said the summit would be held in Budapest.”", true},
		{"pull quote of a quote", "“We will rebuild every home in the region”", true},
		{"straight marks", "\"We will rebuild every home in the region\"", true},
		{"a quotation said nowhere else", "“We will not accept a peace that is imposed on us by anyone.”", false},
		{"too short to tell", "“We will rebuild every home”", false},
		{"attributed: a quote of its own", "“We will rebuild every home in the region,” she said.", false},
		{"two quotations", "“We will rebuild every home” and “in the region” were his words.", false},
	}
	// A quotation set apart twice, with nothing else saying it: the first
	// is the quote (introduced by the paragraph before), the second its
	// echo. Read as echoes of each other, both were dropped and the quote
	// was lost with every edit of it.
	const quote = "“We will rebuild every home in the region, whatever it costs.”"
	twice := "The governor spoke to reporters on Monday. She said:\n\n" + quote + "\n\nThe storm hit on Friday.\n\n" + quote
	if es, last := echoes(twice), len(twice)-len(quote); len(es) != 1 || es[0] != [2]int{last, len(twice)} {
		t.Errorf("a quotation set apart twice: echoes = %v, want only the second, [%d %d]", es, last, len(twice))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := body + tt.para
			es := echoes(text)
			if got := len(es) == 1 && es[0] == [2]int{len(body), len(text)}; got != tt.echo {
				t.Errorf("echoes = %v, want the last paragraph: %v", es, tt.echo)
			}
		})
	}
}

// TestPullQuoteIsNoFactOfItsOwn: a layout that sets a sentence of the
// article apart as a pull quote repeats it in the text. It is no quote,
// and an edit of the sentence is one change, not two.
func TestPullQuoteIsNoFactOfItsOwn(t *testing.T) {
	const (
		old = "Leaders met in Vienna on Tuesday to prepare the talks.\n\n" +
			"Two officials briefed on the plans said the summit would be held in Belgrade.\n\n" +
			"“Two officials briefed on the plans said the summit would be held in Belgrade.”\n\n" +
			"The ministers will meet again next week."
	)
	cur := strings.ReplaceAll(old, "Belgrade", "Budapest")
	pub := time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC)
	for _, f := range Extract(old, pub) {
		if f.Kind == KindQuote {
			t.Errorf("pull quote read as a quote: %+v", f)
		}
	}
	got := Compare(old, cur, pub)
	if len(got) != 1 || got[0].Kind != KindLocation || got[0].Before != "Belgrade" || got[0].After != "Budapest" {
		t.Errorf("changes %+v, want one location Belgrade -> Budapest", got)
	}
}

// TestQuoteSetApartTwiceIsKept: a quote in a paragraph of its own that a
// pull quote repeats is still the article's quote, and its edit is one
// change.
func TestQuoteSetApartTwiceIsKept(t *testing.T) {
	const old = "The governor spoke to reporters in the capital on Monday. She said:\n\n" +
		"“We will rebuild every home in the region, whatever it costs.”\n\n" +
		"The storm hit on Friday.\n\n" +
		"“We will rebuild every home in the region, whatever it costs.”"
	cur := strings.ReplaceAll(old, "region", "province")
	var quotes int
	for _, f := range Extract(old, time.Time{}) {
		if f.Kind == KindQuote {
			quotes++
		}
	}
	if quotes != 1 {
		t.Errorf("%d quotes, want the one quote, its echo left out", quotes)
	}
	got := Compare(old, cur, time.Time{})
	if len(got) != 1 || got[0].Kind != KindQuote || !strings.Contains(got[0].After, "province") {
		t.Errorf("changes %+v, want the quote's edit, once", got)
	}
}
