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
