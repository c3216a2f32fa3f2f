package facts

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCorrectionNotices(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the notice's text, "" for none
		subject    string
	}{
		{"labelled correction", "The strike killed 12 people.\nCorrection: An earlier version of this story misstated the day of the strike.\n",
			"Correction: An earlier version of this story misstated the day of the strike.", "correction"},
		{"editor's note glued", "EDITOR’S NOTE:This story includes graphic descriptions.\nThe trial opened on Monday.\n",
			"EDITOR’S NOTE:This story includes graphic descriptions.", "editor's note"},
		{"dated correction", "Correction (March 3): A caption misidentified the mayor.\n", "Correction (March 3): A caption misidentified the mayor.", "correction"},
		{"clarification", "Clarification:This article was revised to clarify the governor’s comments.\n",
			"Clarification:This article was revised to clarify the governor’s comments.", "clarification"},
		{"update sentence", "The vote passed 52 to 48.\nThis story has been updated with additional information.\n",
			"This story has been updated with additional information.", "update"},
		{"update sentence mid-paragraph", "Police did not say more. This story has been updated with additional details.\n",
			"This story has been updated with additional details.", "update"},
		{"corrected sentence", "This story has been corrected to note that the golfer won in 1953.\n",
			"This story has been corrected to note that the golfer won in 1953.", "correction"},
		{"headline updated", "The headline has been updated.\n", "The headline has been updated.", "update"},
		{"story and headline updated", "The vote passed.\nThis story and headline have been updated with additional developments.\n",
			"This story and headline have been updated with additional developments.", "update"},
		{"headline and story updated", "This headline and story have been updated.\n", "This headline and story have been updated.", "update"},
		{"developing story", "The vote passed.\nThis is a developing story and will be updated.\n", "This is a developing story and will be updated.", "update"},
		{"story is developing", "This story is developing. Check back for updates.\n", "This story is developing. Check back for updates.", "update"},
		{"developing in prose", "The developing storm is expected to reach the coast on Monday.\n", "", ""},
		{"updated with, in parentheses", "(Updated with comments from the ministry in the sixth paragraph.)\nThe ministry said …\n",
			"(Updated with comments from the ministry in the sixth paragraph.)", "update"},
		{"updated at a time with", "Officials met on Monday.\nUpdated at 1440 GMT with reaction from the foreign minister.\n",
			"Updated at 1440 GMT with reaction from the foreign minister.", "update"},
		{"updated at a bare time", "Officials met on Monday.\n(Updated 0915 GMT with toll, details of the attack)\n",
			"(Updated 0915 GMT with toll, details of the attack)", "update"},
		{"a live blog's update stamp", "Updated at 14.20 BST\nOfficials met on Monday.\n", "Updated at 14.20 BST", "update"},
		{"updated at a US time", "Updated 9:40 a.m. ET\nOfficials met on Monday.\n", "Updated 9:40 a.m. ET", "update"},
		{"wire correction tag", "(Corrects day of meeting in first paragraph to Tuesday)\nThe leaders met on Tuesday.\n",
			"(Corrects day of meeting in first paragraph to Tuesday)", "correction"},
		{"wire clarification tag", "(Clarifies name of ministry in third paragraph)\nThe ministry said …\n",
			"(Clarifies name of ministry in third paragraph)", "clarification"},
		{"wire tag of what was added", "(Adds Kremlin comment in paragraph 5)\nDNIPRO, Ukraine (Reuters) - A strike killed seven people.\n",
			"(Adds Kremlin comment in paragraph 5)", "update"},
		{"wire tag of an update", "(Updates death toll in paragraph 1, adds quote)\nA strike killed nine people.\n",
			"(Updates death toll in paragraph 1, adds quote)", "update"},
		{"wire tag recast", "  (Recasts with minister's remarks)\nThe minister said …\n", "(Recasts with minister's remarks)", "update"},
		{"a bracketed aside", "The plan failed.\n(Reporting by Ann Roe; editing by Tom Hale)\n", "", ""},
		{"a bracket mid-paragraph", "The ministry (which adds staff every year) said so.\n", "", ""},
		{"wire tag refiled", "(This story has been refiled to fix a typo in paragraph 3)\nThe talks went on.\n",
			"(This story has been refiled to fix a typo in paragraph 3)", "update"},
		{"a label dated", "Talks resumed.\nCorrection, Aug. 22: A previous version of this story gave the wrong date.\n",
			"Correction, Aug. 22: A previous version of this story gave the wrong date.", "correction"},
		{"a label timed", "Update, 3:45 p.m. ET: The ministry responded.\nTalks resumed.\n", "Update, 3:45 p.m. ET: The ministry responded.", "update"},
		{"a previous version", "Talks resumed.\nA previous version of this article misstated the venue.\n",
			"A previous version of this article misstated the venue.", "correction"},
		{"a live blog's update inside an entry", "07:15 — In Kyiv, two people were killed, the mayor said. UPDATE 07:40: The toll in Kyiv has risen to three.\n",
			"UPDATE 07:40: The toll in Kyiv has risen to three.", "update"},
		{"a label word in prose", "Updated guidance from the CDC: wash your hands.\nThe update 7.40 of the app is out.\n", "", ""},
		{"amended to correct", "Talks resumed.\nThis article was amended on 5 March 2026 to correct the spelling of a minister's name.\n",
			"This article was amended on 5 March 2026 to correct the spelling of a minister's name.", "correction"},
		{"updated to include", "Talks resumed.\nThis article was updated on 5 March 2026 to include comment from the ministry.\n",
			"This article was updated on 5 March 2026 to include comment from the ministry.", "update"},
		{"a dated story corrected", "(This Aug. 21 story has been corrected to show the meeting is on Thursday, in paragraph 2)\n",
			"(This Aug. 21 story has been corrected to show the meeting is on Thursday, in paragraph 2)", "correction"},
		{"an abbreviated month before the notice", "A correction was made on Aug. 21, 2025: An earlier version of this article misstated the venue.\n",
			"A correction was made on Aug. 21, 2025: An earlier version of this article misstated the venue.", "correction"},
		{"a clock time before the notice", "UPDATE, 3:45 p.m. ET: This post has been updated with comment from the White House.\n",
			"UPDATE, 3:45 p.m. ET: This post has been updated with comment from the White House.", "update"},
		{"a stamp in square brackets", "[Updated at 11:30 GMT]\nTalks were moved to Geneva.\n", "[Updated at 11:30 GMT]", "update"},
		{"updated count in prose", "Updated 2024 figures with the census showed growth.\n", "", ""},
		{"corrects in prose", "The minister corrects the record (again) every week.\n", "", ""},
		{"updated in prose", "Officials met on Monday.\nUpdated figures on Tuesday showed the toll had risen.\n", "", ""},
		{"updated at a time in prose", "Officials met on Monday.\nUpdated at 14.20 every day, the map shows the front line.\n", "", ""},
		{"regret the error", "The company was founded in 1998, not 1989. CNN regrets the error.\n", "CNN regrets the error.", "correction"},
		// prose about corrections is no notice
		{"corrections officers", "Two corrections officers were charged on Monday.\n", "", ""},
		{"market correction", "The Nasdaq closed in correction territory, down 10.3% from its peak. A “correction” is a Wall Street term.\n", "", ""},
		{"department of corrections", "The Department of Corrections said the inmate had been updated on his case.\n", "", ""},
		{"software update", "The update to the app was released on Tuesday, the company said.\n", "", ""},
		{"asked for a correction", "The minister demanded a correction from the newspaper, which updated its records.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Fact
			for _, f := range Extract(tt.text, time.Time{}) {
				if f.Kind == KindCorrection {
					got = append(got, f)
				}
			}
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("found %q in prose", got[0].Text)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %d notices, want 1: %+v", len(got), got)
			}
			if got[0].Text != tt.want || got[0].Subject != tt.subject {
				t.Errorf("got %q (%s), want %q (%s)", got[0].Text, got[0].Subject, tt.want, tt.subject)
			}
			if tt.text[got[0].Start:got[0].End] != got[0].Text {
				t.Errorf("offsets %d-%d do not hold the text", got[0].Start, got[0].End)
			}
		})
	}
}

func TestCorrectionChanges(t *testing.T) {
	base := "The strike killed 12 people on Monday, officials said.\n"
	tests := []struct {
		name, old, new string
		want           []Change // Kind, Before, After only
	}{
		{"added", base, base + "Correction: An earlier version of this story gave the wrong day of the strike. It was Monday, not Sunday.\n",
			[]Change{{Kind: KindCorrection, After: "Correction: An earlier version of this story gave the wrong day of the strike. It was Monday, not Sunday."}}},
		{"restyled is no change", base + "EDITOR’S NOTE: This story has been updated.\n", base + "Editor's note: This story has been updated.\n", nil},
		{"a slip fixed is no change", base + "This story has been updated with addtional details.\n", base + "This story has been updated with additional details.\n", nil},
		{"a word changed is a change", base + "Correction: An earlier version misstated the toll.\n", base + "Correction: An earlier version misstated the date.\n",
			[]Change{{Kind: KindCorrection, Before: "Correction: An earlier version misstated the toll.", After: "Correction: An earlier version misstated the date."}}},
		{"changed", base + "This story has been updated with additional information.\n", base + "This story has been updated with additional reporting.\n",
			[]Change{{Kind: KindCorrection, Before: "This story has been updated with additional information.", After: "This story has been updated with additional reporting."}}},
		{"removed", base + "This story has been updated.\n", base, []Change{{Kind: KindCorrection, Before: "This story has been updated."}}},
		{"a wire tag added, with the day it corrects", base, "(Corrects day of the strike in first paragraph to Monday)\n" + base,
			[]Change{{Kind: KindCorrection, After: "(Corrects day of the strike in first paragraph to Monday)"}}},
		// a live entry's stamped update tells the news itself: the toll
		// changed as well as the notice, not the stamp's time
		{"a stamped update inside an entry tells its news", base, "The strike killed 12 people on Monday, officials said. UPDATE 07:40: The death toll has risen to 14, the governor said.\n",
			[]Change{{Kind: KindCorrection, After: "UPDATE 07:40: The death toll has risen to 14, the governor said."}, {Kind: KindNumber, Before: "12 people", After: "14"}}},
		// an "UPDATE:" paragraph of news tells it, as a stamped one does
		{"a labelled update tells its news", "UPDATE: The fire has grown to 14,200 acres, Cal Fire said.\n", "UPDATE: The fire has grown to 14,650 acres, Cal Fire said.\n",
			[]Change{{Kind: KindNumber, Before: "14,200 acres", After: "14,650 acres"}, {Kind: KindCorrection, Before: "UPDATE: The fire has grown to 14,200 acres, Cal Fire said.", After: "UPDATE: The fire has grown to 14,650 acres, Cal Fire said."}}},
		// the value a notice retracts is no counterpart of the old one:
		// the place is gone, whatever the new text names in its stead
		{"a retracted place is gone", "A ticket sold in Modesto won the jackpot.\n",
			"A ticket sold in a small town won the jackpot.\nEditor's note: An earlier version of this story said the ticket was sold in Modesto.\n",
			[]Change{{Kind: KindLocation, Before: "Modesto"}, {Kind: KindCorrection, After: "Editor's note: An earlier version of this story said the ticket was sold in Modesto."}}},
		// a notice that the story was amended names no news: its day is
		// the notice's
		{"an amended notice's day is no date", base, base + "This article was amended on 24 August 2025.\n",
			[]Change{{Kind: KindCorrection, After: "This article was amended on 24 August 2025."}}},
		{"a breaking-news line replaced by an update tag", base + "This is a breaking news story. Check back for updates.\n", base + "(Updated 0915 GMT with toll)\n",
			[]Change{{Kind: KindCorrection, Before: "This is a breaking news story. Check back for updates.", After: "(Updated 0915 GMT with toll)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.old, tt.new, time.Date(2026, 2, 9, 12, 0, 0, 0, time.UTC))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d changes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Kind != w.Kind || got[i].Before != w.Before || got[i].After != w.After {
					t.Errorf("change %d = %s %q → %q, want %s %q → %q", i, got[i].Kind, got[i].Before, got[i].After, w.Kind, w.Before, w.After)
				}
			}
		})
	}
}

func TestSalienceOrder(t *testing.T) {
	cs := []Change{
		{Kind: KindLocation, After: "Geneva"},
		{Kind: KindNumber, Before: "12 officials", After: "14 officials", Subject: "officials"},
		{Kind: KindQuote, After: "we will rebuild"},
		{Kind: KindDate, Before: "August 29", After: "early September", Detail: "shift"},
		{Kind: KindNumber, Before: "at least 40 people", After: "at least 44 people", Subject: "people"},
		{Kind: KindCorrection, After: "Correction: an earlier version misstated the toll."},
	}
	SortBySalience(cs)
	var got []string
	for _, c := range cs {
		got = append(got, string(c.Kind)+":"+c.After)
	}
	want := []string{"correction:Correction: an earlier version misstated the toll.", "number:at least 44 people",
		"date:early September", "number:14 officials", "location:Geneva", "quote:we will rebuild"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %q, want %q", got, want)
		}
	}
}

func TestCorrectionPrintedTwiceIsOne(t *testing.T) {
	text := "Correction: An earlier version gave the wrong day.\nThe trial opened on Monday.\nCorrection: An earlier version gave the wrong day.\n"
	n := 0
	for _, f := range Extract(text, time.Time{}) {
		if f.Kind == KindCorrection {
			n++
		}
	}
	if n != 1 {
		t.Errorf("found %d notices, want 1", n)
	}
}

// TestCueParagraphsScanPerCue checks the one-pass cue scan against the
// plain definition: the paragraphs holding an occurrence of any cue,
// found with strings.Index.
func TestCueParagraphsScanPerCue(t *testing.T) {
	want := func(text string) []int {
		var out []int
		start := 0
		for _, p := range strings.SplitAfter(text, "\n") {
			for _, c := range correctionCues {
				if strings.Contains(strings.TrimSuffix(p, "\n"), c) {
					out = append(out, start)
					break
				}
			}
			start += len(p)
		}
		return out
	}
	texts := []string{"", "o", "orrect", "\n\norrect\n", "xCORRECTION\nno\nthe ditor\nregret", "Updated: x\nupdated\n\npdat"}
	words := []string{"correct", "CORRECT", "Clarify", "editor", "EDITOR", "update", "UPDATE", "earlier version", "EARLIER VERSION",
		"revised", "modified", "amended", "regret", "or", "la", "di", "pd", "ar", "ev", "od", "me", "eg", "\n", " ", "é", "’"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			w := words[rng.IntN(len(words))]
			if rng.IntN(3) == 0 && len(w) > 1 {
				w = w[rng.IntN(len(w)):] // a cut word: cues inside and at edges
			}
			b.WriteString(w)
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		got := cueParagraphs(text, new(docBuf))
		if w := want(text); !slices.Equal(got, w) {
			t.Fatalf("cueParagraphs(%q) = %v, want %v", text, got, w)
		}
	}
}
