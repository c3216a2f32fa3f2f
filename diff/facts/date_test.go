package facts

// Date tests depend on package timex (helper C1) and are kept apart, so a
// timex regression shows up here and not as a failure of the other kinds.

import (
	"strings"
	"testing"
	"time"
)

func TestExtractDates(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // Text=Value of the first date
	}{
		{"weekday", "The talks took place on Monday.", "Monday=2025-08-18"},
		{"abbrev month", "They will meet on Aug. 29.", "Aug. 29=2025-08-29"},
		{"month", "The last talks were in June.", "June=2025-06"},
		{"month year", "The war began in February 2022.", "February 2022=2022-02"},
		{"duration", "Putin agreed to meet within the next two weeks.", "next two weeks=P2W"},
		{"merged qualifier", "Trump criticized him in February this year.", "February this year=2025-02"},
		{"leading article", "The five-day pause on strikes gave talks some room.", "five-day=P5D"},
		{"local time", "The plane landed shortly before 7:30 a.m. local time.", "7:30 a.m.=2025-08-19T07:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := factsOf(t, tt.text, KindDate)
			if len(ds) == 0 {
				t.Fatalf("no date in %q", tt.text)
			}
			if got := ds[0].Text + "=" + ds[0].Value; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if ds[0].Type == "" {
				t.Errorf("date %q has no TIMEX3 type", ds[0].Text)
			}
		})
	}
}

func TestNoNumberInsideDate(t *testing.T) {
	text := "The leaders will meet on August 29, 2025 within 10 days."
	if ns := factsOf(t, text, KindNumber); len(ns) != 0 {
		t.Errorf("date parts reported as numbers: %+v", ns)
	}
}

func TestCompareDates(t *testing.T) {
	tests := []struct {
		name, old, new string
		detail         string // "" with n == 0: no change
		n              int
	}{
		{"abbrev", "Merz said the leaders would meet on August 29.", "Merz said the leaders would meet on Aug. 29.", "", 0},
		{"year added", "The last talks took place in Turkey in June.", "The last talks took place in Turkey in June 2025.", "", 0},
		{"refinement", "Merz said Putin agreed to meet within the next two weeks.", "Merz said Putin agreed to meet on August 29.", "refinement", 1},
		{"shift", "Merz said the leaders would meet on August 29.", "Merz said the leaders would meet in early September.", "shift", 1},
		{"weekday shift", "Zelensky will travel to Washington on Monday.", "Zelensky will travel to Washington on Tuesday.", "shift", 1},
		{"vague reference dropped", "Trump previously backed the plan, officials said.", "Trump backed the plan, officials said.", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(tt.old, tt.new, KindDate)
			if len(got) != tt.n {
				t.Fatalf("got %+v, want %d changes", got, tt.n)
			}
			if tt.n == 1 && got[0].Detail != tt.detail {
				t.Errorf("detail %q, want %q (%+v)", got[0].Detail, tt.detail, got[0])
			}
		})
	}
}

func TestDateEditsOfTheSameValue(t *testing.T) {
	ref := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		name, old, new string
		want           string // "" no change, else the detail
	}{
		{"nearly", "The strikes began nearly a week ago, officials said.", "The strikes began a week ago, officials said.", ""},
		{"afternoon", "The storm hit on Friday afternoon, officials said.", "The storm hit on Friday, officials said.", ""},
		{"weekend to a day in it", "The auction is this weekend, the house said.", "The auction is on Saturday, the house said.", "refinement"},
		{"ageing day to last week", "The pay arrived on Monday, officials said.", "The pay arrived last week, officials said.", ""},
		// the future tense anchors "Friday afternoon" on the next Friday,
		// the past tense "Friday" on the last: one Friday to the reader
		{"one weekday anchored apart", "He said the hall will look like this on Friday afternoon.", "He said on Friday the hall will look like this.", ""},
		{"a clock time on a weekday", "The camera clock shows 2:15 a.m Tuesday morning at the gate.", "The camera clock shows 2:15 a.m Tuesday at the gate.", ""},
		{"another weekday", "The vote will be held on Friday, aides said.", "The vote will be held on Saturday, aides said.", "shift"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Change
			for _, c := range Compare(tt.old, tt.new, ref) {
				if c.Kind == KindDate {
					got = append(got, c)
				}
			}
			switch {
			case tt.want == "" && len(got) != 0:
				t.Errorf("got %+v, want no change", got)
			case tt.want != "" && (len(got) != 1 || got[0].Detail != tt.want):
				t.Errorf("got %+v, want one %s", got, tt.want)
			}
		})
	}
}

func TestDateAddedOnce(t *testing.T) {
	ref := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC) // a Wednesday
	old := "The council met in the town hall."
	tests := []struct {
		name, new string
		want      []string // the added dates reported
	}{
		{"one day dated thrice", "The council met in the town hall.\nThe mayor said Tuesday the vote would stand.\nOn Tuesday, the union said it would appeal.\nA spokesman told reporters Tuesday the plan was final.",
			[]string{"Tuesday"}},
		{"a part of the day is another moment", "The council met in the town hall.\nThe mayor said Tuesday the vote would stand.\nBy Tuesday afternoon, the union had appealed.",
			[]string{"Tuesday", "Tuesday afternoon"}},
		{"other days stay", "The council met in the town hall.\nThe mayor said Tuesday the vote would stand.\nThe union said Monday it would appeal.",
			[]string{"Tuesday", "Monday"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(old, tt.new, ref) {
				if c.Kind == KindDate && c.Before == "" {
					got = append(got, c.After)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("added %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStoryTimeAddedIsNoNews(t *testing.T) {
	ref := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC) // a Wednesday
	old := "The council met in the town hall."
	tests := []struct {
		name, new string
		want      string // the added date reported, "" none
	}{
		{"this week", "The council met in the town hall.\nThe mayor resigned abruptly this week.", ""},
		{"today", "The council met in the town hall.\nThe plan is the biggest threat facing the town today.", ""},
		{"this year", "The council met in the town hall.\nThis year the fair drew record crowds.", ""},
		{"the year", "The council met in the town hall.\nIt was one of the busiest days of the year.", ""},
		{"earlier this week stays", "The council met in the town hall.\nThe mayor resigned earlier this week.", "earlier this week"},
		{"next week stays", "The council met in the town hall.\nThe mayor will resign next week.", "next week"},
		{"a day stays", "The council met in the town hall.\nThe mayor resigned on Monday.", "Monday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(old, tt.new, ref) {
				if c.Kind == KindDate {
					got = append(got, c.After)
				}
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("added %q, want %q", got, tt.want)
			}
		})
	}
	// the same words still take part in a change of value
	got := changesOf("The mayor will resign this week, aides said.", "The mayor will resign on Friday, aides said.", KindDate)
	if len(got) != 1 {
		t.Errorf("this week -> Friday: got %+v, want one change", got)
	}
}

func TestRateIsNoDate(t *testing.T) {
	tests := []struct {
		text string
		want string // the dates found, "|"-joined
	}{
		{"Output fell by 1.2 million barrels a day in June.", "June"},
		{"The plant pays its workers $40 an hour.", ""},
		{"The storm moved at 12 miles per hour.", ""},
		{"The board meets every Thursday.", "every Thursday"},
		{"The talks lasted a day.", "a day"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, f := range factsOf(t, tt.text, KindDate) {
				got = append(got, f.Text)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("dates %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClockSpanAddedIsNoNews(t *testing.T) {
	ref := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)
	old := "The airport reopened."
	tests := []struct {
		name, new string
		want      string // the added date reported, "" none
	}{
		{"wait in minutes", "The airport reopened.\nOne traveler waited 72 minutes at a checkpoint.", ""},
		{"game clock", "The airport reopened.\nShe scored with 30 seconds left in the game.", ""},
		{"video length", "The airport reopened.\nThe agency released a four-minute video of the landing.", ""},
		{"hours stay", "The airport reopened.\nThe airport was closed for six hours.", "six hours"},
		{"days stay", "The airport reopened.\nThe airport was closed for three days.", "three days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(old, tt.new, ref) {
				if c.Kind == KindDate {
					got = append(got, c.After)
				}
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("added %q, want %q", got, tt.want)
			}
		})
	}
	got := changesOf("The standoff lasted 45 minutes, police said.", "The standoff lasted 90 minutes, police said.", KindDate)
	if len(got) != 1 {
		t.Errorf("45 -> 90 minutes: got %+v, want one change", got)
	}
}

func TestDateChangedInRewrittenSentence(t *testing.T) {
	ref := time.Date(2026, 2, 13, 12, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		name, old, new string
		want           []string // "before -> after" of each date change
	}{
		{"same tie word",
			"The agency said the rocket could fly as soon as March, pending a final review of the fuel lines.",
			"After fresh delays in testing, the rocket is now set to fly as soon as April 1, officials told reporters.",
			[]string{"March -> April 1"}},
		{"same words around",
			"A flood warning for the valley is in effect until 11 p.m. local time, forecasters said.",
			"Forecasters kept the flood warning for the valley in effect until about 3 p.m. Saturday.",
			[]string{"11 p.m. -> 3 p.m. Saturday"}},
		{"another event",
			"The council met in closed session on Monday to weigh the budget.",
			"The stadium, which opened in 1998, will be torn down next spring.",
			[]string{"Monday -> ", " -> 1998", " -> next spring"}},
		{"an ageing date said less precisely",
			"The singer was arrested on Thursday at his home in the hills.",
			"Prosecutors filed charges after the singer was arrested at his home in the hills last week.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(tt.old, tt.new, ref) {
				if c.Kind == KindDate {
					got = append(got, c.Before+" -> "+c.After)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDateChangeNeedsComparableDates(t *testing.T) {
	ref := time.Date(2026, 2, 13, 12, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		name, old, new string
		want           []string // "before -> after" of each date change
	}{
		{"a year and a day date two things",
			"Hiring at the plant slowed sharply in 2025, the figures showed.",
			"Hiring at the plant slowed sharply, figures released Wednesday showed.",
			[]string{"2025 -> ", " -> Wednesday"}},
		{"a vague now is no value",
			"The river is now above flood stage, officials said.",
			"The river rose above flood stage on Wednesday, officials said.",
			[]string{" -> Wednesday"}},
		{"a week becomes a day",
			"The vote on the budget is expected next week, aides said.",
			"The vote on the budget is expected on February 18, aides said.",
			[]string{"next week -> February 18"}},
		{"a span becomes a day",
			"The vote on the budget is expected within two weeks, aides said.",
			"The vote on the budget is expected on February 18, aides said.",
			[]string{"two weeks -> February 18"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(tt.old, tt.new, ref) {
				if c.Kind == KindDate {
					got = append(got, c.Before+" -> "+c.After)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWordOfAnotherSenseIsNoDate(t *testing.T) {
	tests := []struct {
		text string
		want string // the dates found, "|"-joined
	}{
		{"After the fall of the old regime, exiles returned home.", ""},
		{"The bridge will reopen in the fall of 2026.", "fall of 2026"},
		{"Prices rose in the fall.", "fall"},
		{"Local resident April Moreno told reporters the road was closed.", ""},
		{"In April President Biden signed the bill.", "April"},
		{"The law took effect in early April.", "early April"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, f := range factsOf(t, tt.text, KindDate) {
				got = append(got, f.Text)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("dates %q, want %q", got, tt.want)
			}
		})
	}
}
