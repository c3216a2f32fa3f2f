package timex

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by "|"
	}{
		{"Sept. 30, 1989", "sept|.|30|,|1989"},
		{"3-1/2-year-old", "3|-|1|/|2|-|year|-|old"},
		{"1,000.5 years", "1,000.5|years"},
		{"Moscow’s invasion — now", "moscow|'|s|invasion|-|now"},
		{"8:30 a.m.", "8|:|30|a|.|m|."},
		{"Élysée talks", "élysée|talks"},
		{"1990s", "1990|s"},
		// words glued by a scraper around a weekday are split
		{"a briefingTuesday", "a|briefing|tuesday"},
		{"the agency saidFriday", "the|agency|said|friday"},
		{"Wednesdaywhen it", "wednesday|when|it"},
		{"Sundays off", "sundays|off"},
		// and before a month's name after a word in lower case
		{"the bandApril 16", "the|band|april|16"},
		{"moved inSeptember 2025", "moved|in|september|2025"},
		{"aMay vote", "a|may|vote"},
		{"DeMay said", "demay|said"},
		{"Mayoral race", "mayoral|race"},
		{"Mayor Smith", "mayor|smith"},
		{"McDonald", "mcdonald"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks := tokenize(tt.in, nil)
			words := make([]string, len(toks))
			for i, tk := range toks {
				words[i] = tk.w
				if tk.s < 0 || tk.e > len(tt.in) || tk.s >= tk.e {
					t.Fatalf("bad offsets %+v", tk)
				}
			}
			if got := strings.Join(words, "|"); got != tt.want {
				t.Errorf("tokenize(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
	if toks := tokenize("1,000.5", nil); toks[0].num != 1000.5 {
		t.Errorf("1,000.5 = %v", toks[0].num)
	}
}

func TestParseLexicon(t *testing.T) {
	lx := parseLexicon("# comment\nmonth 9 | sept . | september\nbogus x | y\nunit Y | year\n", []string{"the"})
	if got := lx.phrases(kindMonth, "sept"); len(got) != 1 || got[0].key != "9" || len(got[0].words) != 2 {
		t.Errorf("sept . = %+v", got)
	}
	if !lx.has(kindUnit, "year") || lx.has(kindUnit, "sept") {
		t.Error("has: wrong kind membership")
	}
	if lx.words["y"] != nil {
		t.Error("unknown kind was loaded")
	}
	if lx.words["the"] == nil {
		t.Error("extra start word missing")
	}
	// The embedded English lexicon covers every kind.
	en := english()
	for k, name := range kindNames {
		found := false
		for _, e := range en.words {
			if len(e.byKind[k]) > 0 {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("English lexicon has no %s entries", name)
		}
	}
}
