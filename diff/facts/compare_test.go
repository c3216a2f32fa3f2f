package facts

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/align"
)

func TestCompareMovedFactIsNoChange(t *testing.T) {
	old := "Trump met Zelensky at the White House.\nUkraine offered to buy about $90 billion worth of US weapons.\nThe talks ended late."
	// the sentence with the amount moves to the end; the first is reworded
	nw := "Trump hosted Zelensky at the White House.\nThe talks ended late.\nUkraine offered to buy about $90 billion worth of US weapons."
	if got := Compare(old, nw, pub); len(got) != 0 {
		t.Errorf("moving a sentence reported %+v", got)
	}
}

func TestCompareSplitSentenceIsNoChange(t *testing.T) {
	old := "Zelensky hailed the promise as “a major step forward” and said Ukraine offered to buy about $90 billion worth of US weapons."
	nw := "Zelensky hailed the promise as “a major step forward.”\nHe said Ukraine offered to buy about $90 billion worth of US weapons."
	if got := Compare(old, nw, pub); len(got) != 0 {
		t.Errorf("splitting a sentence reported %+v", got)
	}
}

func TestCompareAddedAndRemovedSentences(t *testing.T) {
	old := "Trump met Putin in Alaska.\nRussia fired 85 drones overnight."
	nw := "Trump met Putin in Alaska.\nOrban offered to host the summit in Budapest."
	got := Compare(old, nw, pub)
	var added, removed []string
	for _, c := range got {
		switch {
		case c.Before == "":
			added = append(added, string(c.Kind))
			if c.AfterSentence == "" || c.BeforeSentence != "" {
				t.Errorf("added change without its sentence: %+v", c)
			}
		case c.After == "":
			removed = append(removed, string(c.Kind))
			if c.BeforeSentence == "" {
				t.Errorf("removed change without its sentence: %+v", c)
			}
		}
	}
	if strings.Join(removed, ",") != "number" {
		t.Errorf("removed %v, want [number]", removed)
	}
	if strings.Join(added, ",") != "position,location" {
		t.Errorf("added %v, want [position location]", added)
	}
}

func TestCompareFillsSentencesAndValues(t *testing.T) {
	old := "Ukraine offered to buy about $90 billion worth of US weapons."
	nw := "Ukraine offered to buy about $100 billion worth of US weapons."
	got := Compare(old, nw, pub)
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	c := got[0]
	want := Change{Kind: KindNumber, Before: "about $90 billion", After: "about $100 billion",
		BeforeValue: "~90000000000 USD", AfterValue: "~100000000000 USD", Subject: "weapons",
		BeforeSentence: old, AfterSentence: nw}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

func TestComparePronounReattribution(t *testing.T) {
	old := "Macron also said Europe must be included.\n“We speak about the whole continent,” he told Trump."
	nw := "Merz also said Europe must be included.\n“We speak about the whole continent,” he told Trump."
	got := changesOf(old, nw, KindQuote)
	if len(got) != 1 || got[0].Detail != "reattributed" || got[0].Subject != "Merz" {
		t.Errorf("got %+v, want one reattributed quote by Merz", got)
	}
}

func TestCompareAlignedToleratesBadLinks(t *testing.T) {
	old, nw := "Trump met Putin in Alaska.", "Trump met Putin in Geneva."
	o, n := align.Split(old), align.Split(nw)
	links := []align.Link{{Op: align.Change, Old: 7, New: 0}, {Op: align.Change, Old: 0, New: -3}}
	got := CompareAligned(old, nw, o, n, links, pub)
	if len(got) == 0 {
		t.Fatal("no change reported")
	}
}

func TestCompareIdenticalIsEmpty(t *testing.T) {
	b := seedText(t)
	if got := Compare(b, b, pub); len(got) != 0 {
		t.Errorf("identical texts reported %+v", got)
	}
}

func TestCompareAlignedSentenceLinkedTwice(t *testing.T) {
	old := "Russia fired 85 drones overnight."
	nw := "Russia fired 85 drones overnight.\nRussia fired 85 drones overnight."
	o, n := align.Split(old), align.Split(nw)
	links := []align.Link{{Op: align.Equal, Old: 0, New: 0, Score: 1}, {Op: align.Change, Old: 0, New: 1}}
	got := CompareAligned(old, nw, o, n, links, pub)
	// The repeated sentence states nothing the old version did not: its
	// number is no news however often the aligner links the sentence.
	if len(got) != 0 {
		t.Errorf("got %+v, want no change for a repeated sentence", got)
	}
}

func TestCompareRepeatedFactsAreNoNews(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           int
	}{
		{"number restated in a new paragraph", "At least 40 people were killed in the fire, officials said.\nThe cause is unknown.\n",
			"At least 40 people were killed in the fire, officials said.\nThe cause is unknown.\nThe fire, which killed at least 40 people, began on a lower floor.\n", 0},
		{"place named elsewhere before", "Rescuers in Lyon worked through the night.\nThe mayor spoke to reporters.\n",
			"Rescuers worked through the night.\nThe mayor spoke to reporters in Lyon.\n", 0},
		{"a new number is news", "At least 40 people were killed in the fire.\n", "At least 40 people were killed in the fire.\nSome 31 people were injured.\n", 1},
		{"part of the same day", "The minister resigned on Wednesday.\n", "The minister resigned early Wednesday.\n", 0},
		{"morning of the same day", "Police arrived Thursday, officials said.\n", "Police arrived Thursday morning, officials said.\n", 0},
		{"another weekday is one change", "Police arrived Thursday, officials said.\n", "Police arrived Friday, officials said.\n", 1},
		{"another part of the same day", "Police arrived Thursday morning, officials said.\n", "Police arrived Thursday afternoon, officials said.\n", 1},
		{"early, then the afternoon", "The order was extended early Tuesday.\n", "The order was extended Tuesday afternoon.\n", 1},
		{"evening and night are one time", "Police arrived Thursday evening, officials said.\n", "Police arrived Thursday night, officials said.\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.old, tt.new, pub)
			if len(got) != tt.want {
				t.Errorf("got %d changes %+v, want %d", len(got), got, tt.want)
			}
			// with no publication time (`compare` without --published)
			// a weekday stays unanchored, the same day all the same
			if got := Compare(tt.old, tt.new, time.Time{}); len(got) != tt.want {
				t.Errorf("unanchored: got %d changes %+v, want %d", len(got), got, tt.want)
			}
		})
	}
}

// TestCompareRestatedSentenceChangesOnce: an article that states a
// sentence twice (a "Key points" list above the body restating it) has
// the edit of both copies reported once; the same value changed in two
// different sentences is two changes.
func TestCompareRestatedSentenceChangesOnce(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           int
	}{
		{"key point restating the body",
			"Aid pledges reached about $35 billion.\n\nThe talks ended on Friday.\n\nAid pledges reached about $35 billion.\n",
			"Aid pledges reached about $120 billion.\n\nThe talks ended on Friday.\n\nAid pledges reached about $120 billion.\n", 1},
		{"the same value in two sentences",
			"Aid pledges reached about $35 billion.\n\nThe talks ended on Friday.\n\nDonors said the $35 billion would be paid this year.\n",
			"Aid pledges reached about $120 billion.\n\nThe talks ended on Friday.\n\nDonors said the $120 billion would be paid this year.\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.old, tt.new, pub)
			if len(got) != tt.want {
				t.Errorf("got %d changes %+v, want %d", len(got), got, tt.want)
			}
		})
	}
}

// TestSlipOnlySentenceChangesNoFact: a sentence whose edit only fixed slips
// changes no fact, even where the slip hid the fact's own word; a figure
// changed in it still does, a decimal point dropped too.
func TestSlipOnlySentenceChangesNoFact(t *testing.T) {
	tests := []struct {
		old, new string
		want     int
	}{
		{"The governor delcared a state of emergency on Monday, officials said.", "The governor declared a state of emergency on Monday, officials said.", 0},
		{"The invasion began in Febuary 2022, officials said.", "The invasion began in February 2022, officials said.", 0},
		{"The charity said incidents reached record levels in 2024.", "The charity said incidents reached record levels in 2023.", 1},
		// a point is house style in "U.S.", a tenfold change in "3.4"
		{"The company reported a loss of $3.4 million in the quarter.", "The company reported a loss of $34 million in the quarter.", 1},
		{"The U.S. company reported a loss of $3.4 million in the quarter.", "The US company reported a loss of $3.4 million in the quarter.", 0},
	}
	for _, tt := range tests {
		if got := Compare(tt.old, tt.new, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)); len(got) != tt.want {
			t.Errorf("%q → %q: got %+v, want %d changes", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestSameVerb: forms of one verb are one verb; verbs that only begin
// alike are two.
func TestSameVerb(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"reverse", "reversed", true},
		{"vowed", "vows", true},
		{"deny", "denied", true},
		{"urged", "urges", true},
		{"appeal", "approve", false},
		{"declined", "declared", false},
		{"contest", "contact", false},
		{"resist", "respond", false},
		{"agree", "agreed", true},
		{"planned", "plans", true},
		{"backs", "backed", true},
		{"stopping", "stop", true},
		{"back", "backtracked", false},
		{"deny", "denounce", false},
		{"plead", "pledge", false},
		{"appeal", "apply", false},
		{"reach", "ready", false},
	} {
		if got := sameVerb(tt.a, tt.b); got != tt.want {
			t.Errorf("sameVerb(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestHouseStyleIsNoChange: a quote or a notice written in another house
// style ("U.S." for "US", "Aug." for "August") says the same words, and a
// bare figure spelled out ("was forty-five") the same value.
func TestHouseStyleIsNoChange(t *testing.T) {
	tests := []struct {
		name, old, new string
		kind           Kind
		want           []string
	}{
		{"dotted abbreviation in a quote", "“The US-Canada deal is good news for workers,” Lee said.", "“The U.S.-Canada deal is good news for workers,” Lee said.", KindQuote, nil},
		{"dotted abbreviation closing a compound in a quote", "“It guides China-US relations for years,” Lee said.", "“It guides China-U.S. relations for years,” Lee said.", KindQuote, nil},
		{"hyphen split in a quote", "“It is a long-term plan for the port,” Lee said.", "“It is a long term plan for the port,” Lee said.", KindQuote, nil},
		{"month abbreviated in a notice", "Talks resumed.\nCorrection: An earlier version misstated the date of the vote. It took place on August 15.",
			"Talks resumed.\nCorrection: An earlier version misstated the date of the vote. It took place on Aug. 15.", KindCorrection, nil},
		{"a small figure in words in a quote", "“We searched for 6 hours before dawn,” Lee said.", "“We searched for six hours before dawn,” Lee said.", KindQuote, nil},
		{"another small figure in a quote is a change", "“We searched for 6 hours before dawn,” Lee said.", "“We searched for seven hours before dawn,” Lee said.", KindQuote,
			[]string{"We searched for 6 hours before dawn -> We searched for seven hours before dawn"}},
		{"short forms spelt out in a quote", "“We're going to work on it, and we'll see,” Lee said.", "“We are going to work on it, and we will see,” Lee said.", KindQuote, nil},
		{"it's for its in a quote", "“Its been a long, hard road,” Lee said.", "“It's been a long, hard road,” Lee said.", KindQuote, nil},
		{"a noun's short is spelt out in a quote", "“The wind is going to be a problem again tonight,” Ortiz said.", "“The wind's going to be a problem again tonight,” Ortiz said.", KindQuote, nil},
		{"a possessive is no short is", "“The wind speed is a problem tonight,” Ortiz said.", "“The wind's speed is a problem tonight,” Ortiz said.", KindQuote,
			[]string{"The wind speed is a problem tonight -> The wind's speed is a problem tonight"}},
		{"a short form turned is a change", "“We'll see,” Lee said.", "“We won't see,” Lee said.", KindQuote, []string{"We'll see -> We won't see"}},
		{"an age in words", "The suspect, who police said was 45, was arrested.", "The suspect, who police said was forty-five, was arrested.", KindNumber, nil},
		{"an age in digits", "Forty five years old, Lee was arrested.", "Lee, 45, was arrested.", KindNumber, nil},
		{"another age is a change", "The suspect, who police said was 45, was arrested.", "The suspect, who police said was 46, was arrested.", KindNumber,
			[]string{"45 -> 46"}},
		{"another country in a quote is a change", "“The US-Canada deal is good news for workers,” Lee said.", "“The US-Mexico deal is good news for workers,” Lee said.", KindQuote,
			[]string{"The US-Canada deal is good news for workers -> The US-Mexico deal is good news for workers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changeTexts(tt.old, tt.new, tt.kind); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
