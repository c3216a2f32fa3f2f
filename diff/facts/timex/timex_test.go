package timex

import (
	"os"
	"strings"
	"testing"
	"time"
)

// ref is the publication time of the seed article: Tuesday 2025-08-19.
var ref = time.Date(2025, 8, 19, 14, 0, 0, 0, time.UTC)

type want struct{ text, typ, value, mod string }

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"past weekday", "fast-moving talks Monday between leaders", []want{{"Monday", "DATE", "2025-08-18", ""}}},
		{"weekday on", "after meeting with Putin on Friday, he said", []want{{"Friday", "DATE", "2025-08-15", ""}}},
		{"future weekday", "The leaders will meet Friday in Geneva.", []want{{"Friday", "DATE", "2025-08-22", ""}}},
		{"last week", "whom he met in Alaska last week — following", []want{{"last week", "DATE", "2025-W33", ""}}},
		{"in February", "criticize the Ukrainian leader in February.", []want{{"February", "DATE", "2025-02", ""}}},
		{"in June", "took place in Turkey in June.", []want{{"June", "DATE", "2025-06", ""}}},
		{"next two weeks", "the bilateral meeting within the next two weeks, but", []want{{"the next two weeks", "DURATION", "P2W", ""}}},
		{"week to 10 days", "formalized on paper within the next week to 10 days", []want{{"the next week to 10 days", "DURATION", "P10D", ""}}},
		{"range of durations in two units", "formalized within a week to 10 days, he said", []want{{"a week to 10 days", "DURATION", "P10D", ""}}},
		{"a fortnight is two weeks", "the leaders should meet within a fortnight, Merz said", []want{{"a fortnight", "DURATION", "P2W", ""}}},
		{"fortnights", "talks over the next three fortnights", []want{{"the next three fortnights", "DURATION", "P6W", ""}}},
		{"a week to a fortnight", "a meeting in a week to a fortnight", []want{{"a week to a fortnight", "DURATION", "P2W", ""}}},
		{"the last fortnight is no date", "prices rose in the last fortnight", nil},
		{"range of durations, days to weeks", "the talks could take three days to two weeks", []want{{"three days to two weeks", "DURATION", "P2W", ""}}},
		{"two durations, not a range", "a week ago, and for 10 days before that", []want{{"a week ago", "DATE", "2025-08-12", ""}, {"10 days", "DURATION", "P10D", ""}}},
		{"ago with modifier", "since the invasion nearly three and a half years ago, and", []want{{"nearly three and a half years ago", "DATE", "2022-02", "APPROX"}}},
		{"duration with modifier", "It lasted nearly three and a half years.", []want{{"nearly three and a half years", "DURATION", "P3.5Y", "EQUAL_OR_LESS"}}},
		{"early month", "talks resume in early September", []want{{"early September", "DATE", "2025-09", "START"}}},
		{"a date with dots, the day first", "Orban said on 21.08.2025 that", []want{{"21.08.2025", "DATE", "2025-08-21", ""}}},
		{"a day and month with dots after a weekday", "Tusk said on Thursday, 28.08. He", []want{{"Thursday, 28.08", "DATE", "2025-08-28", ""}}},
		{"a decimal is no dotted date", "prices rose 28.08 percent", nil},
		{"end of a month, hyphenated", "the plant will close by end-March", []want{{"end-March", "DATE", "2026-03", "END"}}},
		{"full date", "signed on Aug. 7, 1998, in Nairobi", []want{{"Aug. 7, 1998", "DATE", "1998-08-07", ""}}},
		{"day month year", "born 7 August 1998 there", []want{{"7 August 1998", "DATE", "1998-08-07", ""}}},
		{"month year", "since August 1988 the firm", []want{{"August 1988", "DATE", "1988-08", ""}}},
		{"numeric date", "posted 8/29/2025 at", []want{{"8/29/2025", "DATE", "2025-08-29", ""}}},
		{"the year something is ranked in", "the largest packaged-food deal of the year", []want{{"the year", "DATE", "2025", ""}}},
		{"the year as a span", "profit for the year rose", []want{{"the year", "DURATION", "P1Y", ""}}},
		{"a span of the year ranked is no rank of the year", "the third flood in the first three weeks of the year", []want{{"the first three weeks", "DURATION", "P3W", ""}, {"the year", "DURATION", "P1Y", ""}}},
		{"a fraction glyph", "end a 3½-year war", []want{{"3½-year", "DURATION", "P3.5Y", ""}}},
		{"a range of days written short", "conducted Aug. 8-15 in", []want{{"Aug. 8", "DATE", "2025-08-08", ""}, {"15", "DATE", "2025-08-15", ""}}},
		{"a range of days before the month", "runs 8-15 August at", []want{{"8", "DATE", "2025-08-08", ""}, {"15 August", "DATE", "2025-08-15", ""}}},
		{"a range of days in words", "polled adults from Aug. 14 to 20.", []want{{"Aug. 14", "DATE", "2025-08-14", ""}, {"20", "DATE", "2025-08-20", ""}}},
		{"a range of days in words before the month", "polled between 14 and 20 August.", []want{{"14", "DATE", "2025-08-14", ""}, {"20 August", "DATE", "2025-08-20", ""}}},
		{"a count after a day is no range", "On Aug. 14 and 20 people died.", []want{{"Aug. 14", "DATE", "2025-08-14", ""}}},
		{"a score is no range of days", "won 3-1 in August", []want{{"August", "DATE", "2025-08", ""}}},
		{"numeric date, the day first", "The decree, dated 21/08/2025, targets", []want{{"21/08/2025", "DATE", "2025-08-21", ""}}},
		{"numeric date, both ways a month: the month first", "posted 08/07/2025 at", []want{{"08/07/2025", "DATE", "2025-08-07", ""}}},
		{"iso date", "dated 2025-08-29 and", []want{{"2025-08-29", "DATE", "2025-08-29", ""}}},
		{"yesterday", "Prices fell yesterday.", []want{{"yesterday", "DATE", "2025-08-18", ""}}},
		{"tomorrow morning", "They meet tomorrow morning.", []want{{"tomorrow morning", "TIME", "2025-08-20TMO", ""}}},
		{"tonight", "He speaks tonight.", []want{{"tonight", "TIME", "2025-08-19TNI", ""}}},
		{"last night", "Shelling went on last night.", []want{{"last night", "TIME", "2025-08-18TNI", ""}}},
		{"clock", "The talks start at 8:30 a.m. EST sharp.", []want{{"8:30 a.m. EST", "TIME", "2025-08-19T08:30", ""}}},
		{"clock times after their day", "The clinic will be held Saturday from 9 a.m. to 1 p.m. at the center.", []want{{"Saturday", "DATE", "2025-08-23", ""}, {"9 a.m.", "TIME", "2025-08-23T09:00", ""}, {"1 p.m.", "TIME", "2025-08-23T13:00", ""}}},
		{"a range of clock times before their day", "Voting will run from 9 a.m. to 1 p.m. Saturday.", []want{{"9 a.m.", "TIME", "2025-08-23T09:00", ""}, {"1 p.m. Saturday", "TIME", "2025-08-23T13:00", ""}}},
		{"a clock time in the next sentence keeps its own day", "They met Saturday. At 9 a.m. the talks began.", []want{{"Saturday", "DATE", "2025-08-16", ""}, {"9 a.m.", "TIME", "2025-08-19T09:00", ""}}},
		{"a clock time with a dot, British", "It came down at around 3.40am on Saturday.", []want{{"3.40am on Saturday", "TIME", "2025-08-16T03:40", ""}}},
		{"a clock time with a dot and p.m.", "The vote closed at 9.15 p.m. BST.", []want{{"9.15 p.m. BST", "TIME", "2025-08-19T21:15", ""}}},
		{"a decimal is no clock", "The index rose 3.40 points.", nil},
		{"a time taken is no clock", "She won the marathon in 2:18:05 on a cold day.", nil},
		{"a time taken before an article is no clock", "She ran 2:18:05 a new course record.", nil},
		{"a clock with seconds", "The alarm went off at 10:15:30 a.m. sharp.", []want{{"10:15:30 a.m.", "TIME", "2025-08-19T10:15", ""}}},
		{"clock in Eastern European summer time", "The plane landed at 12:40 EEST in Helsinki.", []want{{"12:40 EEST", "TIME", "2025-08-19T12:40", ""}}},
		{"clock in Hong Kong time", "Trading opened at 9:30 a.m. HKT on Monday.", []want{{"9:30 a.m. HKT on Monday", "TIME", "2025-08-18T09:30", ""}}},
		{"clock on weekday", "Officials met at 3 p.m. local time on Wednesday.", []want{{"3 p.m. local time on Wednesday", "TIME", "2025-08-13T15:00", ""}}},
		{"half hours", "a flight of 5 1/2 hours", []want{{"5 1/2 hours", "DURATION", "PT5H30M", ""}}},
		{"possessive weekday", "they will appeal Monday's ruling", []want{{"Monday", "DATE", "2025-08-18", ""}}},
		{"days later", "Talks began Aug. 2, 2025. Three days later, they failed.", []want{{"Aug. 2, 2025", "DATE", "2025-08-02", ""}, {"Three days later", "DATE", "2025-08-05", ""}}},
		{"years later", "He was detained in 1647 and executed two years later.", []want{{"1647", "DATE", "1647", ""}, {"two years later", "DATE", "1649", ""}}},
		{"months later", "She enlisted in March 2010 and was promoted three months later.", []want{{"March 2010", "DATE", "2010-03", ""}, {"three months later", "DATE", "2010-06", ""}}},
		{"months later after a week count from the time of writing", "Prices fell last week. Three months later, they may rise.", []want{{"last week", "DATE", "2025-W33", ""}, {"Three months later", "DATE", "2025-11", ""}}},
		{"a year earlier stays with the time of writing", "Sales fell in 2019. A year earlier, prices rose.", []want{{"2019", "DATE", "2019", ""}, {"A year earlier", "DATE", "2024", ""}}},
		{"next day", "He landed on Aug. 2, 2025 and left the next day.", []want{{"Aug. 2, 2025", "DATE", "2025-08-02", ""}, {"the next day", "DATE", "2025-08-03", ""}}},
		{"ordinal day", "on the 5th of May 1998 and on March eighth", []want{{"the 5th of May 1998", "DATE", "1998-05-05", ""}, {"March eighth", "DATE", "2025-03-08", ""}}},
		{"pm", "ended at 10 p.m. yesterday", []want{{"10 p.m. yesterday", "TIME", "2025-08-18T22:00", ""}}},
		{"now", "Now the market has crashed.", []want{{"Now", "DATE", "PRESENT_REF", ""}}},
		{"recently", "as he recently said", []want{{"recently", "DATE", "PAST_REF", ""}}},
		{"future", "in the future, we hope", []want{{"the future", "DATE", "FUTURE_REF", ""}}},
		{"this year", "Sales rose this year.", []want{{"this year", "DATE", "2025", ""}}},
		{"next month", "It opens next month.", []want{{"next month", "DATE", "2025-09", ""}}},
		{"two years ago", "He left two years ago.", []want{{"two years ago", "DATE", "2023", ""}}},
		{"year", "Elections were held in 1998.", []want{{"1998", "DATE", "1998", ""}}},
		{"not a year", "They sent 1500 troops and $2000.", nil},
		{"glued weekday after", "the mayor said in a news conferenceMonday that", []want{{"Monday", "DATE", "2025-08-18", ""}}},
		{"glued weekday before", "The council met Fridayto vote.", []want{{"Friday", "DATE", "2025-08-15", ""}}},
		{"decade", "in the 1990s the war", []want{{"the 1990s", "DATE", "199", ""}}},
		{"fiscal quarter", "profit in the third quarter rose", []want{{"the third quarter", "DATE", "2025-Q3", ""}}},
		{"adjective quarter", "a third-quarter loss", []want{{"third-quarter", "DATE", "2025-Q3", ""}}},
		{"fiscal year", "results for fiscal 1989 were", []want{{"fiscal 1989", "DATE", "1989", ""}}},
		{"past years", "in the past three years", []want{{"the past three years", "DURATION", "P3Y", ""}}},
		{"adjective duration", "a two-year contract", []want{{"two-year", "DURATION", "P2Y", ""}}},
		{"a single day", "The leaders will meet for a single day.", []want{{"a single day", "DURATION", "P1D", ""}}},
		{"single without a unit", "Not a single soldier moved.", nil},
		{"age is no duration", "the 6-year-old boy", nil},
		{"set daily", "He runs daily.", []want{{"daily", "SET", "P1D", ""}}},
		{"set each", "meets each Thursday", []want{{"each Thursday", "SET", "XXXX-WXX-4", ""}}},
		{"rate", "grew 5% a year", []want{{"a year", "SET", "P1Y", ""}}},
		{"season", "talks resumed this summer", []want{{"this summer", "DATE", "2025-SU", ""}}},
		{"last season", "it failed last winter", []want{{"last winter", "DATE", "2024-WI", ""}}},
		{"holiday", "home by Christmas", []want{{"Christmas", "DATE", "2025-12-25", ""}}},
		{"words year", "in nineteen ninety-six he", []want{{"nineteen ninety-six", "DATE", "1996", ""}}},
		{"may modal", "They may decide. It may rain in May.", []want{{"May", "DATE", "2025-05", ""}}},
		{"as soon as March", "The launch could come as soon as March, as May said.", []want{{"March", "DATE", "2026-03", ""}}},
		{"mid", "since mid-November", []want{{"mid-November", "DATE", "2024-11", "MID"}}},
		{"end of year", "by the end of 1990", []want{{"the end of 1990", "DATE", "1990", "END"}}},
		{"or so", "in the next year or so", []want{{"the next year or so", "DATE", "2026", "APPROX"}}},
		{"that year", "He came in June 1998 and left later that year.", []want{{"June 1998", "DATE", "1998-06", ""}, {"later that year", "DATE", "1998", "END"}}},
		{"that year alone", "In 1998 and that year", []want{{"1998", "DATE", "1998", ""}, {"that year", "DATE", "1998", ""}}},
		{"two", "Monday and Tuesday", []want{{"Monday", "DATE", "2025-08-18", ""}, {"Tuesday", "DATE", "2025-08-19", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, ref)
			checkOffsets(t, tt.text, got)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %d expressions %+v", tt.text, got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Type != w.typ || g.Value != w.value || g.Mod != w.mod {
					t.Errorf("expr %d = {%q %s %s %q}, want {%q %s %s %q}", i, g.Text, g.Type, g.Value, g.Mod, w.text, w.typ, w.value, w.mod)
				}
			}
		})
	}
}

func TestFindAnchoredDuration(t *testing.T) {
	got := Find("within the next two weeks; over the past three years", ref)
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Begin != "2025-08-19" || got[0].Until != "2025-09-02" {
		t.Errorf("next two weeks: Begin %q Until %q", got[0].Begin, got[0].Until)
	}
	if got[1].Begin != "2022-08-19" || got[1].Until != "2025-08-19" {
		t.Errorf("past three years: Begin %q Until %q", got[1].Begin, got[1].Until)
	}
}

func TestFindZeroRef(t *testing.T) {
	tests := []struct{ text, value string }{
		{"Monday", "XXXX-WXX-1"},
		{"in June", "XXXX-06"},
		{"last week", "XXXX-WXX"},
		{"Aug. 7, 1998", "1998-08-07"},
		{"now", "PRESENT_REF"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := Find(tt.text, time.Time{})
			if len(got) != 1 || got[0].Value != tt.value {
				t.Fatalf("Find(%q, zero) = %+v, want value %s", tt.text, got, tt.value)
			}
		})
	}
}

func TestFindSeedArticle(t *testing.T) {
	text, err := os.ReadFile("testdata/summit-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Find(string(text), ref)
	checkOffsets(t, string(text), got)
	values := map[string]bool{}
	for _, e := range got {
		values[e.Text+"="+e.Value] = true
	}
	for _, w := range []string{"Monday=2025-08-18", "last week=2025-W33", "the next two weeks=P2W", "February=2025-02", "June=2025-06", "Friday=2025-08-15", "the next week to 10 days=P10D"} {
		if !values[w] {
			t.Errorf("seed article: missing %s in %v", w, values)
		}
	}
}

// checkOffsets asserts the invariants every Find result keeps.
func checkOffsets(t *testing.T, text string, got []Expr) {
	t.Helper()
	prevEnd := 0
	for _, e := range got {
		if e.Start < prevEnd || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("bad offsets %d..%d (prev end %d, len %d) in %+v", e.Start, e.End, prevEnd, len(text), got)
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("text[%d:%d] = %q, Text = %q", e.Start, e.End, text[e.Start:e.End], e.Text)
		}
		switch e.Type {
		case TypeDate, TypeTime, TypeDuration, TypeSet:
		default:
			t.Fatalf("bad type %q in %+v", e.Type, e)
		}
		if e.Value == "" {
			t.Fatalf("empty value in %+v", e)
		}
		prevEnd = e.End
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"talks Monday", "within the next week to 10 days", "Aug. 7, 1998", "3-1/2-year-old war",
		"8:30 a.m. EST", "the '90s", "12/31/1999", "nineteen ninety-six", "Q3 1998", "mid-",
		"every other week", "’", "the year two thousand and one", "last", "1,000.5 years ago",
		strings.Repeat("the next ", 20), "\xff\xfe May", "Sept. 31, 2025",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Find(s, ref)
		checkOffsets(t, s, got)
		Find(s, time.Time{})
	})
}

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile("testdata/summit-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s, ref)
	}
}

// TestPlannedEventsLookAhead: a past verb before a planned event's date, or
// a modal passive, does not push the date into the past.
func TestPlannedEventsLookAhead(t *testing.T) {
	ref := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	tests := []struct{ text, value string }{
		{"Merz said Putin had agreed to the bilateral meeting in early September.", "2025-09"},
		{"Diplomats said a date for the summit could be announced on Thursday.", "2025-08-21"},
		{"The last direct talks took place in Turkey in June.", "2025-06"},
	}
	for _, tt := range tests {
		got := Find(tt.text, ref)
		if len(got) != 1 || got[0].Value != tt.value {
			t.Errorf("Find(%q) = %+v, want one expression valued %s", tt.text, got, tt.value)
		}
	}
}

// TestFindQuartersAtStart is a regression test: a plural "quarters" as
// the first token made ruleQuant read the token before the text.
func TestFindQuartersAtStart(t *testing.T) {
	for _, s := range []string{"Quarters later", "quarters upwards - mid mid these entire"} {
		t.Run(s, func(t *testing.T) {
			checkOffsets(t, s, Find(s, ref))
		})
	}
}
