package facts

import (
	"fmt"
	"strings"
	"time"
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
	// morning" name the same day: a part of a day is no news. A part of a
	// month or year ("early September") still is.
	if modOf(a) != modOf(b) && !(isDay(x) && x == y) {
		return false
	}
	if x == y {
		return true
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

// isDay reports whether v is a calendar day, YYYY-MM-DD (X placeholders
// allowed).
func isDay(v string) bool { return len(v) == 10 && v[4] == '-' && v[7] == '-' }

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

// dateOnce keeps one report of a date added (or removed) several times: a
// new paragraph that dates three statements "Wednesday" tells the reader
// of one new day, not three. Only the very same value merges: "Tuesday
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
	if !ok || (det != "this" && det != "the") {
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

// sameWeekday reports whether two dates name the same weekday and were
// resolved to days one week apart: a bare "Friday" is anchored on the
// article's date by the tense around it ("will look like on Friday
// afternoon" reads as the next Friday, "posted on Friday" as the last), but
// the reader sees one Friday in both versions.
func sameWeekday(a, b *item) bool {
	x, y := a.key, b.key
	if len(x) < 10 || len(y) < 10 || !isDay(x[:10]) || !isDay(y[:10]) || x[:10] == y[:10] {
		return false
	}
	w := weekdayOf(a.Text)
	if w == "" || w != weekdayOf(b.Text) {
		return false
	}
	tx, err1 := time.Parse("2006-01-02", x[:10])
	ty, err2 := time.Parse("2006-01-02", y[:10])
	if err1 != nil || err2 != nil {
		return false
	}
	d := tx.Sub(ty).Hours() / 24
	return d == 7 || d == -7
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
