package timex

import (
	"strconv"
	"time"
)

// Relation says how two temporal expressions relate.
type Relation int

// Relations returned by Compare.
const (
	// Shift: the two expressions name different times (the zero value).
	Shift Relation = iota
	// Equal: the two expressions have the same normalised value (see Same).
	Equal
	// Refinement: the first covers the second, which is more precise
	// ("within the next two weeks" -> "on August 29", "2025" -> "June").
	Refinement
	// Coarsening: the second covers the first, which was more precise.
	Coarsening
)

// String returns "shift", "same", "refinement" or "coarsening".
func (r Relation) String() string {
	switch r {
	case Equal:
		return "same"
	case Refinement:
		return "refinement"
	case Coarsening:
		return "coarsening"
	}
	return "shift"
}

// Same reports whether a and b have the same type and normalised value
// (and, for anchored durations, the same interval).
func Same(a, b Expr) bool {
	return a.Type == b.Type && a.Value == b.Value && a.Begin == b.Begin && a.Until == b.Until
}

// Compare relates a (e.g. the old version of a fact) to b (the new one).
// Containment is judged on the days each expression covers: a calendar
// value's own period, or the Begin/Until interval of an anchored duration.
// Expressions whose days are unknown (PAST_REF, bare durations, sets)
// compare as Equal or Shift only.
func Compare(a, b Expr) Relation {
	if Same(a, b) {
		return Equal
	}
	as, ae, ok1 := Interval(a)
	bs, be, ok2 := Interval(b)
	if !ok1 || !ok2 {
		return Shift
	}
	switch {
	case as.Equal(bs) && ae.Equal(be):
		return Equal
	case !as.After(bs) && !ae.Before(be):
		return Refinement
	case !bs.After(as) && !be.Before(ae):
		return Coarsening
	}
	return Shift
}

// Interval returns the days e covers as [start, end): the period named by
// a DATE or TIME value (2025, 2025-08, 2025-W35, 2025-Q3, 2025-SU, 202 for
// a decade, 20 for a century, 2025-08-29T14:30 counts as its day), or the
// Begin/Until interval of an anchored DURATION. ok is false when e names
// no definite period.
func Interval(e Expr) (start, end time.Time, ok bool) {
	if e.Begin != "" && e.Until != "" {
		s, err1 := time.Parse("2006-01-02", e.Begin)
		u, err2 := time.Parse("2006-01-02", e.Until)
		if err1 != nil || err2 != nil {
			return start, end, false
		}
		return s, u.AddDate(0, 0, 1), true
	}
	if e.Type != TypeDate && e.Type != TypeTime {
		return start, end, false
	}
	return valueInterval(e.Value)
}

// valueInterval parses a TIMEX3 calendar value into its period.
func valueInterval(v string) (start, end time.Time, ok bool) {
	if i := indexByte(v, 'T'); i >= 0 && i >= 10 {
		v = v[:i]
	}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) > 0 && s[0] != '-' && s[0] != '+'
	}
	switch len(v) {
	case 2, 3:
		n, ok := num(v)
		if !ok {
			return start, end, false
		}
		if len(v) == 2 { // century "19" = 1900-1999
			return date(n*100, 1, 1), date(n*100+100, 1, 1), true
		}
		return date(n*10, 1, 1), date(n*10+10, 1, 1), true
	case 4:
		y, ok := num(v)
		if !ok {
			return start, end, false
		}
		return date(y, 1, 1), date(y+1, 1, 1), true
	}
	if len(v) < 7 || v[4] != '-' {
		return start, end, false
	}
	y, ok := num(v[:4])
	if !ok {
		return start, end, false
	}
	rest := v[5:]
	switch {
	case len(rest) == 2 && rest[0] == 'Q':
		q, ok := num(rest[1:])
		if !ok || q < 1 || q > 4 {
			return start, end, false
		}
		return date(y, 3*q-2, 1), date(y, 3*q+1, 1), true
	case len(rest) == 2 && rest[0] == 'H':
		h, ok := num(rest[1:])
		if !ok || h < 1 || h > 2 {
			return start, end, false
		}
		return date(y, 6*h-5, 1), date(y, 6*h+1, 1), true
	case rest == "SP":
		return date(y, 3, 1), date(y, 6, 1), true
	case rest == "SU":
		return date(y, 6, 1), date(y, 9, 1), true
	case rest == "FA":
		return date(y, 9, 1), date(y, 12, 1), true
	case rest == "WI":
		return date(y, 12, 1), date(y+1, 3, 1), true
	case len(rest) >= 3 && rest[0] == 'W':
		w, ok := num(rest[1:3])
		if !ok || w < 1 || w > 53 {
			return start, end, false
		}
		jan4 := date(y, 1, 4)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		s := mon.AddDate(0, 0, 7*(w-1))
		if rest[3:] == "-WE" {
			return s.AddDate(0, 0, 5), s.AddDate(0, 0, 7), true
		}
		if rest[3:] != "" {
			return start, end, false
		}
		return s, s.AddDate(0, 0, 7), true
	case len(rest) == 2:
		m, ok := num(rest)
		if !ok || m < 1 || m > 12 {
			return start, end, false
		}
		return date(y, m, 1), date(y, m+1, 1), true
	case len(rest) == 5 && rest[2] == '-':
		m, ok1 := num(rest[:2])
		d, ok2 := num(rest[3:])
		if !ok1 || !ok2 || m < 1 || m > 12 || d < 1 || d > 31 {
			return start, end, false
		}
		s := date(y, m, d)
		return s, s.AddDate(0, 0, 1), true
	}
	return start, end, false
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
