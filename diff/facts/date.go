package facts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/storywatch/storywatch/diff/align"
	"github.com/storywatch/storywatch/diff/facts/timex"
)

// dateEqual compares two temporal expressions by value: "Aug. 29" and
// "August 29" are equal, and so are "June" and "June 2025" when an X
// placeholder stands where the other has a digit.
func (m *matcher) dateEqual(a, b *item) bool {
	x, y := dayOf(a.key), dayOf(b.key)
	if sameWeekday(a, b) {
		y = x[:10] + y[10:] // the one day named, anchored apart
	}
	// "Wednesday" and "early Wednesday", "Thursday" and "Thursday
	// morning" name the same day: a part of a day is no news; nor is "later
	// this week" told as "this week" (but "early next week" → "late next
	// week" is a slip). A part of a month or year ("early September")
	// still is.
	if modOf(a) != modOf(b) && !((isDay(x) || isWeekdayOf(x) || isWeek(x) && (modOf(a) == "" || modOf(b) == "")) && x == y) {
		return false
	}
	if x == y && partsApart(a, b) {
		return false // "Tuesday morning" → "Tuesday afternoon": another time of the day
	}
	if a.Type == "TIME" && b.Type == "TIME" {
		// "2 p.m. Moscow time" and "13:00 CEST" are one moment, "2 p.m.
		// Moscow time" and "14:00 CEST" two
		if same, zoned := m.sameMoment(a, b); zoned {
			return same
		}
	}
	if x == y {
		return true
	}
	if a.Type == "DURATION" && b.Type == "DURATION" && sameSpan(x, y) {
		return true // "within two weeks", "within 14 days"
	}
	if len(x) != len(y) {
		return false
	}
	for i := 0; i < len(x); i++ {
		if x[i] != y[i] && x[i] != 'X' && y[i] != 'X' {
			return false
		}
	}
	return true
}

// isWeek reports whether v is a calendar week, YYYY-Www.
func isWeek(v string) bool { return len(v) == 8 && v[4] == '-' && v[5] == 'W' }

// dayOf drops a part-of-day suffix (TMO, TAF, TEV, TNI, TDT) from a
// TIMEX3 value: "2025-08-20TMO" is that day.
func dayOf(v string) string {
	if n := len(v); n > 3 && v[n-3] == 'T' {
		switch v[n-2:] {
		case "MO", "AF", "EV", "NI", "DT":
			return v[:n-3]
		}
	}
	return v
}

// partsApart reports whether two dates of one day name parts of it that
// cannot be the same time: "Tuesday morning" and "Tuesday afternoon",
// "early Tuesday" and "Tuesday evening". One part against none is the day
// told more or less precisely ("Wednesday" → "early Wednesday"), and
// "evening" and "night", "early" and "morning", "late" and "night" may be
// one time.
func partsApart(a, b *item) bool {
	pa, pb := dayPart(a), dayPart(b)
	if pa == "" || pb == "" || pa == pb {
		return false
	}
	return !partsTogether[[2]string{pa, pb}] && !partsTogether[[2]string{pb, pa}]
}

// partsTogether are the pairs of parts of a day that may be one time (see
// partsApart).
var partsTogether = map[[2]string]bool{
	{"EV", "NI"}: true, {"MO", "early"}: true, {"EV", "late"}: true, {"NI", "late"}: true,
	{"MO", "DT"}: true, {"AF", "DT"}: true,
}

// dayPart is the part of its day a date names: a TIMEX3 part-of-day
// (MO, AF, EV, NI, DT), or "early" or "late" for a day's start or end.
func dayPart(it *item) string {
	v := it.key
	if n := len(v); n > 3 && v[n-3] == 'T' && dayOf(v) != v {
		return v[n-2:]
	}
	switch it.mod {
	case "START":
		return "early"
	case "END":
		return "late"
	}
	return ""
}

// isDay reports whether v is a calendar day, YYYY-MM-DD (X placeholders
// allowed).
func isDay(v string) bool { return len(v) == 10 && v[4] == '-' && v[7] == '-' }

// isWeekdayOf reports whether v is a weekday of a week, YYYY-Www-D: a
// weekday named with no date to anchor it ("Wednesday", XXXX-WXX-3).
func isWeekdayOf(v string) bool { return len(v) == 10 && v[4:6] == "-W" && v[8] == '-' }

// inWeek reports whether day (YYYY-MM-DD) lies in week (YYYY-Www).
func inWeek(day, week string) bool {
	week = strings.TrimSuffix(week, "-WE") // "this weekend" lies in its week
	if len(week) != 8 || week[4:6] != "-W" || !isDay(day) {
		return false
	}
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return false
	}
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w) == week
}

// nearWeek reports whether day (YYYY-MM-DD) lies in week (YYYY-Www) or the
// week after it: "Monday" said as "last week" once the article has aged a
// few days.
func nearWeek(day, week string) bool {
	if inWeek(day, week) {
		return true
	}
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return false
	}
	return inWeek(t.AddDate(0, 0, -7).Format("2006-01-02"), week)
}

// modOf is the mod that matters: "nearly" (APPROX) is style, not fact.
func modOf(it *item) string {
	switch it.mod {
	case "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE":
		// "nearly a week", "more than a month": caution, not a new value
		return ""
	}
	return it.mod
}

// concrete reports whether a TIMEX3 value names a calendar date.
func concrete(v string) bool { return v != "" && v[0] >= '0' && v[0] <= '9' }

// dateDetail qualifies a date change: "refinement" when the new value
// narrows the old one (a duration or vague reference becoming a date, a
// month becoming a day), "generalization" for the reverse, "shift" when a
// date moved.
func dateDetail(a, b *item) string {
	x, y := dayOf(a.key), dayOf(b.key)
	switch {
	case inWeek(y, x):
		return "refinement" // "later this week" -> "Thursday"
	case nearWeek(x, y):
		return "generalization"
	case x == y && modOf(a) == "":
		return "refinement" // "September" -> "early September"
	case x == y:
		return "shift"
	case concrete(y) && (!concrete(x) || a.Type == "DURATION"):
		return "refinement"
	case concrete(x) && (!concrete(y) || b.Type == "DURATION"):
		return "generalization"
	case strings.HasPrefix(y, x):
		return "refinement"
	case strings.HasPrefix(x, y):
		return "generalization"
	}
	return "shift"
}

// dayLink reports whether a span of one day links two events ("came a day
// after Tehran denied", "nearly a full day after he was ousted"): it says
// the next day, of events the story dates already, and is no news added or
// removed alone. Longer spans before or after an event ("a week before the
// attack", "24 hours after") are kept.
func (m *matcher) dayLink(it *item, text string) bool {
	if it.Value != "P1D" || it.End > len(text) {
		return false
	}
	rest := strings.ToLower(strings.TrimLeft(text[it.End:], " "))
	return strings.HasPrefix(rest, "after ") || strings.HasPrefix(rest, "before ")
}

// dateOnce keeps one report of a date added (or removed) several times, and
// none of a one-day span that links two events (dayLink): a new paragraph
// that dates three statements "Wednesday" tells the reader of one new day,
// not three. Only the very same value merges: "Tuesday
// afternoon" and "early Tuesday" date other moments than "Tuesday". The
// first in document order stays; a date that changed value (before and
// after both set) is never merged.
func (m *matcher) dateOnce() {
	out := m.out[:0]
	var added, removed []*item
	seen := func(list []*item, it *item) bool {
		for _, o := range list {
			if o.Value == it.Value && o.mod == it.mod {
				return true
			}
		}
		return false
	}
	for _, c := range m.out {
		switch {
		case c.old == nil && c.new != nil && c.new.Kind == KindDate && m.dayLink(c.new, m.newText),
			c.new == nil && c.old != nil && c.old.Kind == KindDate && m.dayLink(c.old, m.oldText):
			continue
		case c.old == nil && c.new != nil && c.new.Kind == KindDate:
			if seen(added, c.new) {
				continue
			}
			added = append(added, c.new)
		case c.new == nil && c.old != nil && c.old.Kind == KindDate:
			if seen(removed, c.old) {
				continue
			}
			removed = append(removed, c.old)
		}
		out = append(out, c)
	}
	m.out = out
}

// dateRanges reports a span given by two dates added (or removed) together
// as one date: "overnight Monday into Tuesday", "from September 2023 until
// September 2024", "between April 10 and April 16" is one time the reader
// learns, not two. The first date carries the value; its words become the
// whole span.
func (m *matcher) dateRanges() {
	// only dates of one sentence join: each is held against the dates of
	// its sentence, not every date of the text (a long text pasted whole
	// had millions of pairs)
	type place struct {
		added        bool
		oSent, nSent int
	}
	same := map[place][]int{}
	for i := range m.out {
		if a := &m.out[i]; oneSided(a) {
			p := place{a.old == nil, a.oSent, a.nSent}
			same[p] = append(same[p], i)
		}
	}
	drop := make([]bool, len(m.out))
	for i := range m.out {
		a := &m.out[i]
		if drop[i] || !oneSided(a) {
			continue
		}
		for _, j := range same[place{a.old == nil, a.oSent, a.nSent}] {
			b := &m.out[j]
			if j == i || drop[j] {
				continue
			}
			x, y, text := a.new, b.new, m.newText
			if a.new == nil {
				x, y, text = a.old, b.old, m.oldText
			}
			if y.Start <= x.End || !rangeJoint(text, x.Start, x.End, y.Start) {
				continue
			}
			span := *x
			span.End, span.Text = y.End, text[x.Start:y.End]
			if a.new == nil {
				a.old = &span
			} else {
				a.new = &span
			}
			drop[j] = true
			break
		}
	}
	m.replace(drop, nil)
}

// oneSided reports whether c is a date added or removed.
func oneSided(c *change) bool {
	it := c.new
	if c.old != nil {
		it = c.old
	}
	return it != nil && it.Kind == KindDate && (c.old == nil) != (c.new == nil)
}

// rangeJoint reports whether text[e:s2] joins the date at [s1,e) to the
// next one as a span: "into", "until", "through", "to" ("Monday into
// Tuesday"), or "and" after "between" ("between April 10 and April 16").
func rangeJoint(text string, s1, e, s2 int) bool {
	switch strings.ToLower(strings.TrimSpace(text[e:s2])) {
	case "into", "until", "till", "through", "to", "-", "–":
		return true
	case "and":
		before := strings.Fields(strings.ToLower(text[max(0, s1-12):s1]))
		return len(before) > 0 && before[len(before)-1] == "between"
	}
	return false
}

// storyTime reports whether a date's words only place it in the story's
// own present ("today", "this week", "this year") or point back at a period
// named before ("the week", "the year"): said of an event the reader
// already dates by the article, they are no news when they come or go. A
// change of them ("this week" -> "Tuesday") is still matched and reported;
// a qualified period ("earlier this week", "the end of this year") is not
// one of them.
func storyTime(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "today" {
		return true
	}
	det, unit, ok := strings.Cut(t, " ")
	if !ok {
		// "the week" of "busiest day of the week", its "the" trimmed
		det, unit = "the", t
	}
	if det != "this" && det != "the" {
		return false
	}
	switch unit {
	case "week", "month", "year":
		return true
	case "weekend", "morning", "afternoon", "evening", "spring", "summer", "fall", "autumn", "winter":
		return det == "this"
	}
	return false
}

var weekdays = [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// weekdayOf returns the one weekday a date's words name, "" when they name
// none, several, or a week away from it ("next Friday", "last Monday").
func weekdayOf(text string) string {
	t := strings.ToLower(text)
	if containsWord(t, "next") || containsWord(t, "last") {
		return ""
	}
	day := ""
	for _, d := range weekdays {
		if strings.Contains(t, d) {
			if day != "" {
				return ""
			}
			day = d
		}
	}
	return day
}

// sameWeekday reports whether two dates name the same weekday (a date of
// the month naming its own) and were resolved to days at most a week apart: a bare "Friday" is anchored on the
// article's date by the tense around it ("will look like on Friday
// afternoon" reads as the next Friday, "posted on Friday" as the last), but
// the reader sees one Friday in both versions (and a clock time merged
// with it may keep the article's own day: "1:36 a.m Monday").
func sameWeekday(a, b *item) bool {
	x, y := a.key, b.key
	if len(x) < 10 || len(y) < 10 || !isDay(x[:10]) || !isDay(y[:10]) || x[:10] == y[:10] {
		return false
	}
	tx, err1 := time.Parse("2006-01-02", x[:10])
	ty, err2 := time.Parse("2006-01-02", y[:10])
	if err1 != nil || err2 != nil {
		return false
	}
	d := tx.Sub(ty).Hours() / 24
	if (d == 7 || d == -7) && a.Type == "TIME" && b.Type == "TIME" && x[10:] == y[10:] && x[10:] != "" {
		// "9 a.m." beside "Saturday" in both, the day anchored a week
		// apart by the tense of each sentence: the same time of the one
		// Saturday (see clockDays)
		return true
	}
	wa, wb := weekdayOf(a.Text), weekdayOf(b.Text)
	// a date of the month names its weekday too: "the final on March 18"
	// and "on Wednesday, the team played" when March 18 is a Wednesday
	switch {
	case wa == "" && wb != "" && monthDay(a.Text):
		wa = strings.ToLower(tx.Weekday().String())
	case wb == "" && wa != "" && monthDay(b.Text):
		wb = strings.ToLower(ty.Weekday().String())
	}
	if wa == "" || wa != wb {
		return false
	}
	return d >= -7 && d <= 7
}

// clockSpan reports whether a date is a span of minutes or seconds ("72
// minutes", "30 seconds left", "a four-minute video"): in news such a span
// measures a wait, a game clock or a recording, it does not date an event.
// A change of it is still matched and reported; it is no news added or
// removed alone. Spans of hours and longer ("within hours") are kept.
func clockSpan(it *item) bool {
	v := it.Value
	if it.Type != "DURATION" || !strings.HasPrefix(v, "PT") {
		return false
	}
	return strings.HasSuffix(v, "M") || strings.HasSuffix(v, "S")
}

// recurrence reports whether a date is a frequency ("his nightly video
// address", "on a daily conference call", "every day", "an annual
// report"): it tells how often something happens, not when, so a reporter
// adding or cutting one reports no date. A frequency that changes into
// another in a sentence that stays ("weekly" -> "daily") is still matched.
func recurrence(it *item) bool { return it.Type == "SET" }

// pairDates reads a removed date and an added date in neighbouring
// sentences as one date that changed ("it would be the biggest win since
// 2009" -> "the largest margin since 2000"; "a warning until 11 p.m. local
// time" -> "the warning remained until about 3 p.m. local time Saturday"),
// when they are tied (dateTie); the best tied pairs first. A removed and an
// added date with no tie are one date that changed too when each is the
// only comparable date the other has nearby and neither still stands in
// the other version ("around 7:45 p.m. Tuesday" -> "plunged at 6:37 a.m.
// Wednesday"): a rewritten paragraph that swaps its one date for another
// tells the same event's new time. Spans need one shared word even then.
// A pair that only says the same date less precisely ("Thursday" -> "last
// week") is no change at all.
func (m *matcher) pairDates() {
	type cand struct{ r, a, score, clause int }
	var cs, weak []cand
	peers := map[int]int{}
	added := m.addedByKind()[KindDate]
	for i := range m.out {
		r := &m.out[i]
		if r.new != nil || r.old == nil || r.old.Kind != KindDate {
			continue
		}
		for _, j := range added {
			a := &m.out[j]
			if !m.near(r, a) {
				continue
			}
			s, ok := m.dateTie(r.old, a.new)
			if !ok {
				continue
			}
			peers[i]++
			peers[j]++
			if s >= 2 {
				cs = append(cs, cand{r: i, a: j, score: s})
			} else if r.old.Type != "DURATION" || s >= 1 || a.new.Type != "DURATION" {
				weak = append(weak, cand{r: i, a: j, score: s}) // tied only if alone
			}
		}
	}
	for _, c := range weak {
		r, a := m.out[c.r].old, m.out[c.a].new
		if peers[c.r] == 1 && peers[c.a] == 1 && !containsWord(m.newText, r.Text) && !containsWord(m.oldText, a.Text) {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return
	}
	// the surest ties first; among equals the one whose own clause shares
	// most ("stripped ... of his title as prince in October", not "after
	// she died in April 2025, King Charles stripped"), then the closest
	// sentences
	dist := func(c cand) float64 { return math.Abs(m.pos[m.out[c.r].oSent] - float64(m.out[c.a].nSent)) }
	for k := range cs {
		c := &cs[k]
		wa, wb := m.clauseWords(m.oldText, m.out[c.r].old), m.clauseWords(m.newText, m.out[c.a].new)
		for w := range wa {
			if wb[w] {
				c.clause++
			}
		}
	}
	sort.SliceStable(cs, func(x, y int) bool {
		if cs[x].score != cs[y].score {
			return cs[x].score > cs[y].score
		}
		if cs[x].clause != cs[y].clause {
			return cs[x].clause > cs[y].clause
		}
		return dist(cs[x]) < dist(cs[y])
	})
	drop := make([]bool, len(m.out))
	var extra []change
	for _, c := range cs {
		if drop[c.r] || drop[c.a] {
			continue
		}
		drop[c.r], drop[c.a] = true, true
		r, a := &m.out[c.r], &m.out[c.a]
		if d, changed := m.detail(r.old, a.new, true); changed {
			extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: d})
		}
	}
	m.replace(drop, extra)
}

// dateTie scores how surely a removed date (a, of the old text) and an
// added one (b, of the new) are one date: not comparable (false) when they
// are not both a span or both a point of about the same precision (a year
// and a month, a week and a day; a month and a day only when tied by the
// same word), else one point for each content word they share around them
// and three for the same word that ties them to their event ("since",
// "until", "as soon as"). Below two they are not tied when other dates
// stand near: another date of a rewritten paragraph usually dates another
// event.
func (m *matcher) dateTie(a, b *item) (int, bool) {
	if (a.Type == "DURATION") != (b.Type == "DURATION") {
		// a window set for an event ("within the next two weeks")
		// firmed up to its date ("on August 29"): tied only if alone
		if a.Type == "DURATION" && window(m.oldText, a) && grain(b.key) == 3 {
			return 0, true
		}
		return 0, false
	}
	wa, pa := m.dateContext(m.oldText, a)
	wb, pb := m.dateContext(m.newText, b)
	tied := pa != "" && pa == pb
	// two recurrences ("every 29 days" -> "every 36 days") are one rate
	if a.Type != "DURATION" && !(a.Type == "SET" && b.Type == "SET") {
		// a month may become a day ("as soon as March" -> "as soon as
		// April 1") when the same word ties both to the event
		ga, gb := grain(a.key), grain(b.key)
		far := 1
		if tied {
			far = 2
		}
		if ga < 0 || gb < 0 || ga-gb > far || gb-ga > far {
			return 0, false
		}
	}
	score := 0
	if tied {
		score += 3
	}
	for w := range wa {
		if wb[w] {
			score++
		}
	}
	return score, true
}

// window reports whether the span it, of text, is a time ahead within
// which something is to happen: "within the next two weeks", "in the
// coming days".
func window(text string, it *item) bool {
	before := strings.ToLower(text[max(0, it.Start-12):it.Start])
	return strings.HasSuffix(strings.TrimSpace(before), "within") || strings.Contains(strings.ToLower(it.Text), "next") ||
		strings.Contains(strings.ToLower(it.Text), "coming")
}

// comparableDates reports whether two dates of one edited sentence can be
// one date that changed: a span and a span or a point ("within two weeks"
// -> "on March 3"), or two points of about the same precision ("next week"
// -> "March 3", "2024" -> "2023"). A year and a day ("jobs added in 2025"
// -> "Wednesday's report") date two things, and a vague "now" is no value
// to change: the day is then simply added; nor is it for a span ("within
// the next two weeks" -> "is now not expected before the end of
// September": the span changed into the month, not into "now").
func comparableDates(a, b *item) bool {
	if vagueRef(a) || vagueRef(b) {
		return false
	}
	if a.Type == "DURATION" || b.Type == "DURATION" || a.Type == "SET" && b.Type == "SET" {
		return true
	}
	// "on Monday" → "on Tuesday" with no publication time to anchor them:
	// two weekdays, one moved
	if isWeekdayOf(dayOf(a.key)) && isWeekdayOf(dayOf(b.key)) {
		return true
	}
	ga, gb := grain(a.key), grain(b.key)
	return ga >= 0 && gb >= 0 && ga-gb <= 2 && gb-ga <= 2
}

// vagueRef reports whether a date is a vague reference ("now",
// "previously", "eventually"): no calendar value.
func vagueRef(it *item) bool {
	switch it.Value {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return true
	}
	return false
}

// grain ranks how precise a date value is: 0 a year or longer, 1 a month
// or season, 2 a week, 3 a day or a time; -1 for no calendar value.
func grain(v string) int {
	switch {
	case !concrete(v):
		return -1
	case len(v) <= 4:
		return 0
	case strings.Contains(v, "-W"):
		return 2
	case len(v) >= 10:
		return 3
	}
	return 1
}

// dateContext returns the content words around a date in text (a few on
// either side, within its paragraph) and the word right before it when
// that word says how the date bears on the event ("since", "until", "by").
func (m *matcher) dateContext(text string, it *item) (map[string]bool, string) {
	if it.Start < 0 || it.End > len(text) || it.Start > it.End {
		return nil, ""
	}
	words, from := m.wordsAround(text, it, "\n")
	before := lowerWords(text[from:it.Start])
	prev := ""
	for n := len(before) - 1; n >= 0; n-- {
		switch before[n] {
		case "about", "around", "roughly", "approximately", "nearly", "almost", "shortly", "just", "soon", "early":
			continue // "until about 3 p.m.", "as soon as April 1"
		case "since", "until", "through", "till", "before", "after", "by", "as":
			prev = before[n]
		}
		break
	}
	return words, prev
}

// clauseWords returns the content words around a date within its own
// clause: its context (dateContext) cut at the nearest comma, semicolon,
// dash, parenthesis or sentence end on either side.
func (m *matcher) clauseWords(text string, it *item) map[string]bool {
	if it.Start < 0 || it.End > len(text) || it.Start > it.End {
		return nil
	}
	words, _ := m.wordsAround(text, it, ",;:.()—–\n")
	return words
}

// wordsAround returns the content words of text within contextChars of
// the date it, on either side up to the nearest of marks, and the offset
// they start from. Words of dates themselves are left out.
func (m *matcher) wordsAround(text string, it *item, marks string) (map[string]bool, int) {
	from, to := max(0, it.Start-contextChars), min(len(text), it.End+contextChars)
	if i := strings.LastIndexAny(text[from:it.Start], marks); i >= 0 {
		from += i + 1
	}
	if i := strings.IndexAny(text[it.End:to], marks); i >= 0 {
		to = it.End + i
	}
	words := map[string]bool{}
	for _, f := range [2]string{text[from:it.Start], text[it.End:to]} {
		for _, w := range lowerWords(f) {
			if m.lx.isContent(w) && !dateWord(w) {
				words[w] = true
			}
		}
	}
	return words, from
}

// lowerWords splits s, lower-cased, into its runs of letters.
func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// contextChars is how far around a date its context words are looked for.
const contextChars = 60

// dateWord reports whether w is a word of dates themselves, which says
// nothing of what a date is about.
func dateWord(w string) bool {
	for _, d := range weekdays {
		if w == d {
			return true
		}
	}
	switch w {
	case "week", "weeks", "month", "months", "year", "years", "days", "hours", "morning", "afternoon", "evening", "night",
		"last", "next", "early", "late", "later", "earlier", "local", "time":
		return true
	}
	return false
}

// trimZone drops a trailing "local time" from a clock time ("11:20 a.m.
// local time"): it says how the time is told, not when, and the fact's
// words are the time itself.
func trimZone(text string) string {
	const zone = " local time"
	if n := len(text) - len(zone); n > 0 && strings.EqualFold(text[n:], zone) {
		return text[:n]
	}
	return text
}

// trimThe drops a leading "the" from a date's words ("the first half" of
// the year, "The five-day" pause): the article is no date word, and the
// fact's key is what names the time.
func trimThe(text string) string {
	if len(text) > 4 && strings.EqualFold(text[:4], "the ") {
		return text[4:]
	}
	return text
}

// notATime reports whether the tagger's date at [s,e) is a word of
// another sense: "the fall of" a regime or a city (not "the fall of
// 2024"), a month name as someone's first name ("resident April
// Wooley", not "in April President Biden"), or a frequency that begins a
// paper's name inside a sentence ("the Daily Mail", "The Weekly
// Standard", "the New York Daily News"; not "Daily briefings resumed").
func (d *doc) notATime(s, e int) bool {
	i := d.tokAt(s)
	if i >= len(d.toks) || d.toks[i].end != e {
		return false // one word only
	}
	next := i + 1
	switch w := d.toks[i].lower; {
	case w == "fall":
		return next+1 < len(d.toks) && d.toks[next].lower == "of" && d.toks[next+1].kind != tokNum
	case frequencyNames[w]:
		return d.toks[i].upper && !d.sentenceStart(i) && next < len(d.toks) && d.toks[next].kind == tokWord &&
			d.toks[next].upper && d.toks[next].space && !d.toks[next].is(clsFunction)
	case monthName(w):
		if next >= len(d.toks) || !d.toks[next].upper || !d.toks[next].space || d.toks[next].is(clsFunction) || monthName(d.toks[next].lower) {
			return false
		}
		// a month names its month after a preposition, a determiner or a
		// modifier ("in April", "this April", "early April")
		if i == 0 || d.toks[i-1].kind != tokWord || d.toks[i-1].upper || d.toks[i-1].is(clsFunction) {
			return false
		}
		switch d.toks[i-1].lower {
		case "early", "late", "mid", "last", "next", "this", "that", "each", "every", "since", "until", "through", "during",
			"before", "after", "by", "from", "to", "in", "of", "on", "and", "or", "between", "till":
			return false
		}
		return true
	}
	return false
}

var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

func monthName(w string) bool { return monthNames[w] }

// frequencyNames are the frequencies that begin papers' names.
var frequencyNames = map[string]bool{"daily": true, "weekly": true, "monthly": true, "nightly": true}

// partOfPeriod returns where "early in the" (or "late in", "later in",
// "earlier in") starts before a period at off, and the TIMEX3 mod it
// gives: "early in the week" is a part of that week, as "earlier this
// week" is, not the bare "the week" of a reference back.
func partOfPeriod(text string, off int) (int, string) {
	// Asked of every date: an ASCII lead, the common case, is compared
	// folding case rather than lower-cased into a new string.
	lead := text[max(0, off-20):off]
	if !isASCII(lead) {
		lead = strings.ToLower(lead)
	}
	for _, p := range [...]struct{ words, mod string }{
		{"earlier in the ", "START"}, {"early in the ", "START"}, {"later in the ", "END"}, {"late in the ", "END"},
	} {
		if hasSuffixLower(lead, p.words) {
			s := off - len(p.words)
			if s == 0 || !isWordByte(text[s-1]) {
				return s, p.mod
			}
		}
	}
	return off, ""
}

// hasSuffixLower reports whether s ends in suf, a lower-case ASCII
// string, with the ASCII letters of s lower-cased: what HasSuffix of
// strings.ToLower(s) answers when s is ASCII.
func hasSuffixLower(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	s = s[len(s)-len(suf):]
	for i := 0; i < len(suf); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suf[i] {
			return false
		}
	}
	return true
}

// weekStated reports whether a week added ("last week") only tells, as the
// article ages, of a day the old version named in it (dates, the old
// version's dates): "arrested Thursday" becomes "his arrest last week". A
// part of a week ("earlier this week") says more, and a day dropped or
// newly named is still news.
func weekStated(it *item, dates []*item) bool {
	w := dayOf(it.key)
	if it.mod != "" || !strings.Contains(w, "-W") {
		return false
	}
	for _, o := range dates {
		if o.mod == "" && isDay(dayOf(o.key)) && nearWeek(dayOf(o.key), w) {
			return true
		}
	}
	return false
}

// dayInWeek reports whether the date it is a day of week (YYYY-Www): by
// its value, or by its weekday's name when the tense around it anchored it
// on the week before ("sold at auction Saturday" read back from an article
// dated before the sale).
func dayInWeek(it *item, week string) bool {
	d := dayOf(it.key)
	if len(d) > 10 {
		d = d[:10]
	}
	if inWeek(d, week) {
		return true
	}
	t, err := time.Parse("2006-01-02", d)
	return err == nil && weekdayOf(it.Text) != "" && inWeek(t.AddDate(0, 0, 7).Format("2006-01-02"), week)
}

// dropPenalties drops a span that measures a penalty ("sentenced to 48
// months", "10 years in prison", "two years of probation"): it is the size
// of a sentence, a figure like a fine, not a time of the story's events.
func dropPenalties(text string, ds []timex.Expr) []timex.Expr {
	out := ds[:0]
	for _, e := range ds {
		if e.Type == "DURATION" && e.Start >= 0 && e.End <= len(text) && penalty(text, e.Start, e.End) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// penalty reports whether the span at [s,e) of text is a sentence's size:
// followed by where or how it is served, or the object of "sentenced to".
func penalty(text string, s, e int) bool {
	after := strings.ToLower(text[e:min(len(text), e+20)])
	for _, p := range [...]string{" of probation", " in prison", " in jail", " behind bars", " of house arrest", " of supervised release"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	// "sentenced to five years", "sentenced him to five years"
	lead := strings.ToLower(text[max(0, s-30):s])
	return strings.HasSuffix(lead, " to ") && strings.Contains(lead, "sentenc")
}

// monthDay reports whether a date's words name a month and a day of it
// ("March 18", "18 March"), no weekday.
func monthDay(text string) bool {
	hasMonth, hasDay := false, false
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		switch {
		case monthName(w) || len(w) >= 3 && monthAbbrev(w):
			hasMonth = true
		case len(w) <= 2 && w[0] >= '0' && w[0] <= '9':
			hasDay = true
		}
	}
	return hasMonth && hasDay
}

func monthAbbrev(w string) bool {
	for m := range monthNames {
		if len(w) < len(m) && strings.HasPrefix(m, w) {
			return true
		}
	}
	return false
}

// approxTime returns where a clock time at off starts with the word that
// says it is approximate ("around 10 a.m.", "about 3 p.m."): that word is
// how the time is reported, and one of the fact's words. Spans take their
// "about" from the tagger already ("about 130 years").
func approxTime(text string, off int, value string) int {
	if !strings.Contains(value, "T") || !strings.ContainsAny(value[strings.IndexByte(value, 'T'):], "0123456789") {
		return off
	}
	lead := strings.ToLower(text[max(0, off-15):off])
	for _, w := range [...]string{"around ", "about ", "approximately ", "roughly "} {
		if strings.HasSuffix(lead, w) {
			if s := off - len(w); s == 0 || !isWordByte(text[s-1]) {
				return s
			}
		}
	}
	return off
}

var ordinalWords = map[string]int{"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}

// ordinalPeriods adds to ds (sorted, as the tagger gives them) the span an
// ordinal period tells after a determiner: "enters its second month", "on
// the 36th day of the war", "the fifth straight day" measure how long
// something has gone on, as "for more than a month" does; the nth period
// is more than n-1 of them. "The first day" and "the last week" name no
// length.
func (d *doc) ordinalPeriods(ds []timex.Expr) []timex.Expr {
	var add []timex.Expr
	for i, t := range d.toks {
		unit := ""
		switch t.lower {
		case "day":
			unit = "D"
		case "week":
			unit = "W"
		case "month":
			unit = "M"
		case "year":
			unit = "Y"
		default:
			continue
		}
		j := i - 1
		if j >= 0 && (d.toks[j].lower == "straight" || d.toks[j].lower == "consecutive") {
			j--
		}
		if j < 1 {
			continue
		}
		n, s := ordinalAt(d.toks, j)
		if n == 0 || s < 1 {
			continue
		}
		switch d.toks[s-1].lower {
		case "its", "the", "a", "his", "her", "their":
		default:
			continue
		}
		// the third week has lasted two weeks and more: "two weeks into"
		// the war is "its third week"
		e := timex.Expr{Start: d.toks[s].start, End: t.end, Type: "DURATION", Value: fmt.Sprintf("P%d%s", n-1, unit), Mod: "MORE_THAN"}
		if !d.inDateOf(ds, e.Start, e.End) {
			add = append(add, e)
		}
	}
	if len(add) == 0 {
		return ds
	}
	ds = append(ds, add...)
	sort.SliceStable(ds, func(a, b int) bool { return ds[a].Start < ds[b].Start })
	return ds
}

// ordinalAt reads the ordinal that ends at token j ("sixth", "36th", "36
// th"), returning its value and its first token; 0 when there is none.
func ordinalAt(toks []token, j int) (int, int) {
	if n, ok := ordinalWords[toks[j].lower]; ok {
		return n, j
	}
	w := toks[j].lower
	if toks[j].kind == tokWord && (w == "th" || w == "st" || w == "nd" || w == "rd") && !toks[j].space && j > 0 && toks[j-1].kind == tokNum {
		j--
		w = toks[j].lower + w
	}
	num := strings.TrimRight(w, "stndrh")
	if len(num) == 0 || len(num) > 3 || len(num) == len(w) {
		return 0, -1
	}
	n := 0
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, -1
		}
		n = n*10 + int(c-'0')
	}
	if n < 2 {
		return 0, -1
	}
	return n, j
}

// inDateOf reports whether [s,e) overlaps one of ds.
func (d *doc) inDateOf(ds []timex.Expr, s, e int) bool {
	for _, x := range ds {
		if x.Start < e && s < x.End {
			return true
		}
	}
	return false
}

// yearOrSpan reports whether a date is a year ("in 2014", "last year") or
// a span ("for six days", "several years after"): values that a story
// gives many events of its background (a soldier enlisted in 2006 and
// graduated in 2014), unlike the day of the story's news.
func yearOrSpan(it *item) bool {
	return it.Type == "DURATION" || it.Type != "SET" && grain(it.key) == 0
}

// sameEvent reports whether the year or span it (of the old version when
// isOld) and o, a date of equal value in the other version, date one
// event: their sentences share a content word. "Enlisted in 2014" does
// not state "where he graduated in 2014", nor "hospitalized for six days"
// a "six-day" trip, but "deployed to Kuwait in 2019" told again as "the
// unit they served in together in 2019, Kuwait" does.
func (m *matcher) sameEvent(it *item, isOld bool, o *item) bool {
	own, other, ownText, otherText := m.oldSents, m.newSents, m.oldText, m.newText
	if !isOld {
		own, other, ownText, otherText = other, own, otherText, ownText
	}
	wa, wb := m.sentenceWords(ownText, own, it), m.sentenceWords(otherText, other, o)
	if wa == nil || wb == nil {
		return true // no sentence to tell: stated, as before
	}
	for w := range wa {
		if wb[w] {
			return true
		}
	}
	return false
}

// sentenceWords returns the content words of the sentence of sents that
// holds the date it, the words of dates left out; nil when no sentence
// holds it.
func (m *matcher) sentenceWords(text string, sents []align.Sentence, it *item) map[string]bool {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > it.Start })
	if i >= len(sents) || sents[i].Start > it.Start || it.End > sents[i].End {
		return nil
	}
	s := sents[i]
	if s.End > len(text) || it.End > len(text) {
		return nil
	}
	words := map[string]bool{}
	for _, w := range lowerWords(text[s.Start:it.Start] + " " + text[it.End:s.End]) {
		if m.lx.isContent(w) && !dateWord(w) {
			words[w] = true
		}
	}
	return words
}

// aged reports whether date b only says date a as an article ageing does:
// a day (or weekend) told by its week or the week after ("Monday" → "last
// week", "this weekend" → "this week"), a day by its month ("March 3" →
// "earlier this month"). A date told by a vaguer span of another kind is
// news: "Sunday" → "in recent days" no longer dates the one event, "last
// June" → "a 2025 incident" drops its month, "on Friday" → "into the
// weekend" tells the storm went on.
func aged(a, b *item) bool {
	x, y := dayOf(a.key), dayOf(b.key)
	switch {
	case len(y) == 8 && y[4:6] == "-W":
		return nearWeek(x, y) || strings.HasPrefix(x, y)
	case len(y) == 7 && y[4] == '-' && y[5] != 'W':
		return strings.HasPrefix(x, y)
	}
	return false
}

// gluedWords returns the words a date stands in on the page: the date's
// own words widened to the letters and digits the scraper glued to either
// end ("departmentsaidThursday", "Sundayhe", "a2001"), since a reader
// sees, and an editor quotes, one word there. Other facts keep their words
// (a number takes its glued word when it is read).
func gluedWords(text string, it *item) string {
	if it.Kind != KindDate || it.Start < 0 || it.End > len(text) || it.Start >= it.End || text[it.Start:it.End] != it.Text {
		return it.Text
	}
	s, e := it.Start, it.End
	for s > 0 && isASCIIAlnum(text[s-1]) {
		s--
	}
	for e < len(text) && isASCIIAlnum(text[e]) {
		e++
	}
	return text[s:e]
}

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// deixis reads a period named from the story's own time ("this week",
// "earlier this week", "last weekend", "Last week’s", "next month"): its
// step from the story's period (-1 last, 0 this, +1 next) and its unit.
func deixis(text string) (int, string, bool) {
	ws := lowerWords(text)
	if len(ws) < 2 {
		return 0, "", false
	}
	unit := noPossessive(ws[len(ws)-1])
	switch unit {
	case "week", "weekend", "month":
	default:
		return 0, "", false
	}
	switch ws[len(ws)-2] {
	case "last", "past":
		return -1, unit, true
	case "this":
		return 0, unit, true
	case "next", "coming":
		return 1, unit, true
	}
	return 0, "", false
}

// reanchored reports whether new date b says old date a from a later
// day, as a story that ages tells its own period: "this week" becomes
// "last week", "earlier this week" "last week", "next month" "this
// month", "This weekend, workers missed their paycheck" "Last weekend".
// Both versions are read from one reference day, so the words moved one
// step back and the value one period back are the same period. A week
// or a month only: an update comes days or weeks later, not a year.
func reanchored(a, b *item) bool {
	sa, ua, ok := deixis(a.Text)
	if !ok {
		return false
	}
	sb, ub, ok := deixis(b.Text)
	return ok && ua == ub && sb == sa-1 && periodBefore(dayOf(a.key), ua) == dayOf(b.key)
}

// periodBefore returns the TIMEX3 value of the week, weekend or month
// before v ("2026-W11" -> "2026-W10", "2026-W01-WE" -> "2025-W52-WE",
// "2026-03" -> "2026-02"), or "" when v is no such period.
func periodBefore(v, unit string) string {
	switch unit {
	case "week", "weekend":
		w, we := strings.CutSuffix(v, "-WE")
		if we != (unit == "weekend") || len(w) != 8 || w[4:6] != "-W" {
			return ""
		}
		y, err1 := strconv.Atoi(w[:4])
		n, err2 := strconv.Atoi(w[6:])
		if err1 != nil || err2 != nil {
			return ""
		}
		// the Thursday of ISO week n lies in year y; a week before it
		// lies in the week before
		jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
		thu := jan4.AddDate(0, 0, 3-(int(jan4.Weekday())+6)%7+7*(n-1)-7)
		py, pw := thu.ISOWeek()
		out := fmt.Sprintf("%04d-W%02d", py, pw)
		if we {
			out += "-WE"
		}
		return out
	case "month":
		if len(v) != 7 || v[4] != '-' {
			return ""
		}
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return ""
		}
		return t.AddDate(0, -1, 0).Format("2006-01")
	}
	return ""
}

// sameSpan reports whether two TIMEX3 durations of whole units are one
// length told in two units: P2W and P14D, P1Y and P12M, PT1H and PT60M,
// PT24H and P1D ("a 24-hour strike", "a day-long strike"). Days and
// months are never compared (30 days is not a month).
func sameSpan(a, b string) bool {
	ua, na, ok := spanOf(a)
	if !ok {
		return false
	}
	ub, nb, ok := spanOf(b)
	if ok && ua == 'D' && ub == 'S' {
		ua, na = 'S', na*86400
	} else if ok && ua == 'S' && ub == 'D' {
		ub, nb = 'S', nb*86400
	}
	return ok && ua == ub && na == nb
}

// spanOf reads a duration of one whole unit as its length in the
// smallest unit of its kind: days ('D'), months ('M') or seconds ('S').
func spanOf(v string) (byte, int, bool) {
	body, clock := strings.CutPrefix(v, "PT")
	if !clock {
		var ok bool
		if body, ok = strings.CutPrefix(v, "P"); !ok {
			return 0, 0, false
		}
	}
	if len(body) < 2 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(body[:len(body)-1])
	if err != nil || n <= 0 || n > 100000 {
		return 0, 0, false
	}
	switch u := body[len(body)-1]; {
	case clock && u == 'H':
		return 'S', n * 3600, true
	case clock && u == 'M':
		return 'S', n * 60, true
	case clock && u == 'S':
		return 'S', n, true
	case !clock && u == 'D':
		return 'D', n, true
	case !clock && u == 'W':
		return 'D', 7 * n, true
	case !clock && u == 'M':
		return 'M', n, true
	case !clock && u == 'Y':
		return 'M', 12 * n, true
	}
	return 0, 0, false
}

// entryStamp reports whether the time at text[start:end] opens its
// paragraph and is set off from what follows by a dash or a colon, as a
// live blog stamps its entries ("10:25 GMT — …", "9:40 a.m. ET: …").
func entryStamp(text string, start, end int) bool {
	if strings.TrimSpace(text[strings.LastIndexByte(text[:start], '\n')+1:start]) != "" {
		return false
	}
	rest := strings.TrimLeft(text[end:], " \u00a0")
	for _, sep := range [...]string{"—", "–", "- ", ":"} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

// datelineDate reports whether the date at text[start:end] is a wire
// dateline's, "KYIV, Aug 18 (Reuters) -", "MOSCOW, August 19. /TASS/.",
// "DNIPRO, Ukraine, Sept 12 (Reuters)": near the start of its paragraph,
// after a place in capitals and a comma, before the agency's name in
// brackets or slashes. It dates the filing, no event: a story refiled
// the next day moves it.
func datelineDate(text string, start, end int) bool {
	ps := strings.LastIndexByte(text[:start], '\n') + 1
	if start-ps > 40 {
		return false
	}
	head := text[ps:start]
	i := 0
	for i < len(head) && (head[i] >= 'A' && head[i] <= 'Z' || head[i] == ' ' || head[i] == '.' || head[i] == '-' || head[i] == '\'') {
		i++
	}
	if i < 3 || i >= len(head) || head[i] != ',' {
		return false
	}
	rest := strings.TrimLeft(text[end:min(len(text), end+12)], " .")
	return strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "/")
}

// sameMoment reports, for old clock time a and new clock time b each told
// in a named time zone of another offset (zoned), whether they are one
// moment: "2 p.m. Moscow time" and "13:00 CEST" (a copy desk moving a time
// into its readers' zone). The days, when named, must agree as dateEqual
// reads them.
func (m *matcher) sameMoment(a, b *item) (same, zoned bool) {
	da, ta, za, oka := clockInZone(a, m.oldText)
	db, tb, zb, okb := clockInZone(b, m.newText)
	if !oka || !okb || za == zb || len(da) != len(db) {
		return false, false
	}
	for i := 0; i < len(da); i++ {
		if da[i] != db[i] && da[i] != 'X' && db[i] != 'X' {
			return false, true
		}
	}
	return (ta-za+2*minutesPerDay)%minutesPerDay == (tb-zb+2*minutesPerDay)%minutesPerDay, true
}

const minutesPerDay = 24 * 60

// zoneOffsets are the time zones news names after a clock time, as minutes
// east of UTC. Zones whose offset depends on the season and that the
// name does not tell ("ET", "Kyiv time") are left out.
var zoneOffsets = map[string]int{
	"gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
	"moscow time": 180, "edt": -240, "est": -300, "cdt": -300, "cst": -360, "pdt": -420, "pst": -480,
}

// clockInZone reads a clock time's value ("XXXX-XX-XXT14:00": the day part,
// minutes after midnight) and the zone named in it or right after it in
// text ("13:00 CEST", "2 p.m. Moscow time").
func clockInZone(it *item, text string) (day string, mins, zone int, ok bool) {
	day, clock, found := strings.Cut(it.Value, "T")
	if !found || len(clock) < 2 {
		return "", 0, 0, false
	}
	h, err := strconv.Atoi(clock[:2])
	if err != nil {
		return "", 0, 0, false
	}
	mins = h * 60
	if len(clock) >= 5 && clock[2] == ':' {
		mm, err := strconv.Atoi(clock[3:5])
		if err != nil {
			return "", 0, 0, false
		}
		mins += mm
	}
	words := strings.Fields(strings.ToLower(it.Text))
	if it.End >= 0 && it.End <= len(text) {
		rest := text[it.End:]
		if k := strings.IndexAny(rest, ",.;:\n()"); k >= 0 {
			rest = rest[:k]
		}
		words = append(words, strings.Fields(strings.ToLower(rest))...)
	}
	for i, w := range words {
		if z, known := zoneOffsets[w]; known {
			return day, mins, z, true
		}
		if i+1 < len(words) && words[i+1] == "time" {
			if z, known := zoneOffsets[w+" time"]; known {
				return day, mins, z, true
			}
		}
	}
	return "", 0, 0, false
}
