package facts

import (
	"strings"
	"testing"
)

func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon("en")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"stance ruled", len(lx.stance["ruled"]) > 0},
		{"speech said", lx.speech["said"]},
		{"scale bn", lx.scales["bn"] == 1e9},
		{"approx at least", lx.approx["at least"] == ">="},
		{"place alias", lx.placeByName["Kiev"] == "Kyiv"},
		{"istanbul in turkey", lx.within("Istanbul", "Turkey")},
		{"oval office in washington", lx.within("Oval Office", "Washington")},
		{"turkey not in istanbul", !lx.within("Turkey", "Istanbul")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: failed", c.name)
		}
	}
	if _, err := loadLexicon("xx"); err == nil {
		t.Error("missing language loaded without error")
	}
}

func TestEveryPlaceParentIsKnown(t *testing.T) {
	lx := english()
	for name, p := range lx.places {
		if p.parent != "" {
			if _, ok := lx.places[p.parent]; !ok {
				t.Errorf("place %q: parent %q not in gazetteer", name, p.parent)
			}
		}
	}
}

func TestInflect(t *testing.T) {
	tests := map[string]string{
		"reject": "reject rejects rejected rejecting",
		"agree":  "agree agrees agreed agreeing",
		"rule":   "rule rules ruled ruling",
		"deny":   "deny denies denied denying",
		"drop":   "drop drops dropped dropping",
		"back":   "back backs backed backing",
		"push":   "push pushes pushed pushing",
		"weigh":  "weigh weighs weighed weighing",
	}
	for v, want := range tests {
		t.Run(v, func(t *testing.T) {
			if got := strings.Join(inflect(v), " "); got != want {
				t.Errorf("inflect(%q) = %q, want %q", v, got, want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	text := "U.S. envoy’s $90bn, 3-1/2-year-old war; “Hi.”"
	var got []string
	for _, tk := range tokenize(text) {
		if text[tk.start:tk.end] != tk.text {
			t.Fatalf("token %+v does not match its offsets", tk)
		}
		got = append(got, tk.text)
	}
	want := "U.S.|envoy’s|$|90|bn|,|3-1/2|-|year-old|war|;|“|Hi|.|”"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens %q\nwant   %q", strings.Join(got, "|"), want)
	}
}

// TestTokenizeInitialsInACompound: initials join a compound as plain
// letters do ("U.S.-China" as "US-China"), so a house style's dots change
// no word; a name keeps its plus sign ("OPEC+" agreed: its stance had no
// subject).
func TestTokenizeInitialsInACompound(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"the U.S.-China talks", "the|U.S.-China|talks"},
		{"China-U.S. relations", "China-U.S.|relations"},
		{"the U.K.-led force", "the|U.K.-led|force"},
		{"talks in the U.S. - and abroad", "talks|in|the|U.S.|-|and|abroad"},
		{"Ends in U.S.", "Ends|in|U.S."},
		// a name's plus sign is the name's; a sum's is not
		{"OPEC+ agreed, as did Disney+.", "OPEC+|agreed|,|as|did|Disney+|."},
		{"A+B and 5+ points", "A|+|B|and|5|+|points"},
	} {
		var got []string
		for _, tk := range tokenize(tt.text) {
			got = append(got, tk.text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: tokens %q, want %q", tt.text, strings.Join(got, "|"), tt.want)
		}
	}
}

func TestPartyOf(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"the Kremlin", "Russia", true},
		{"Moscow", "Russia", true},
		{"Putin’s spokesman", "Russia", true},
		{"The  White House", "United States", true},
		{"U.S.", "United States", true},
		{"Kyiv", "Ukraine", true},
		{"Putin", "", false},        // leaders keep their own
		{"Kremlin aide", "", false}, // looked up whole only
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := PartyOf(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PartyOf(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
