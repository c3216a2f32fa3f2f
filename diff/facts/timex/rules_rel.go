package timex

import (
	"strconv"
	"strings"
	"time"
)

// placeholder is the unresolved value of a unit-sized date.
func placeholder(unit string) string {
	switch unit {
	case "M":
		return "XXXX-XX"
	case "W":
		return "XXXX-WXX"
	case "WE":
		return "XXXX-WXX-WE"
	case "Q":
		return "XXXX-QX"
	case "D":
		return "XXXX-XX-XX"
	}
	return "XXXX"
}

// unitDate formats the unit-sized period off units away from the reference
// ("last week" = -1 W) for the expression starting at token i.
func (p *parser) unitDate(i int, unit string, off int) string {
	if !p.hasRef {
		return placeholder(unit)
	}
	if unit == "WE" && off == 0 {
		// "the weekend": the one just past, unless the sentence looks ahead.
		t := p.ref
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday && !p.future(i) {
			t = t.AddDate(0, 0, -7)
		}
		return fmtAt(t, "WE")
	}
	return fmtAt(shift(p.ref, unit, float64(off)), unit)
}

// ruleRel matches "last week", "next month", "this year", "the past year",
// "the latest quarter", "last Friday", "next May", "this fall", "the
// weekend", "the year".
func (p *parser) ruleRel(i int) (cand, bool) {
	if c, ok := p.ruleAnaphor(i); ok {
		return c, true
	}
	key, k, ok := p.match(kindRel, i)
	latest := false
	if !ok {
		// "the year", "the week", "the quarter", "the weekend".
		if p.w(i) != "the" {
			return cand{}, false
		}
		k, key = i+1, "0"
		if p.w(k) == "fiscal" {
			k++
		}
		u, plural, k2, ok := p.unitAt(k)
		if !ok || plural || p.w(k2) == "-" && p.adj(k2) || p.w(k2) == "of" || p.w(k2) == "before" || p.w(k2) == "after" || p.w(k2) == "earlier" || p.w(k2) == "ago" {
			return cand{}, false
		}
		switch u {
		case "Y":
			// "the year" is mostly a span in news ("profit for the year"),
			// but the year ranked in ("the largest deal of the year") is
			// this one
			if p.rankedIn(i) {
				return cand{i: i, j: k2, typ: TypeDate, val: p.unitDate(i, u, 0)}, true
			}
			return cand{i: i, j: k2, typ: TypeDuration, val: "P1Y", alt: p.unitDate(i, u, 0)}, true
		case "W", "M", "WE":
			return cand{i: i, j: k2, typ: TypeDate, val: p.unitDate(i, u, 0)}, true
		case "Q":
			if !p.hasRef {
				return cand{i: i, j: k2, typ: TypeDate, val: placeholder(u)}, true
			}
			y, q := p.contextQuarter()
			return cand{i: i, j: k2, typ: TypeDate, val: fmtQuarter(y, q)}, true
		}
		return cand{}, false
	}
	for k2 := i; k2 < k; k2++ {
		if p.t[k2].w == "latest" || p.t[k2].w == "recent" {
			latest = true
		}
	}
	off, _ := strconv.Atoi(key)
	if p.w(k) == "fiscal" {
		k++
	}
	if p.w(k) == "period" && latest && p.hasRef {
		y, q := p.lastQuarter()
		return cand{i: i, j: k + 1, typ: TypeDate, val: fmtQuarter(y, q)}, true
	}
	if hkey, k2, ok := p.match(kindHoliday, k); ok && off != 0 && p.hasRef {
		y := p.ref.Year()
		if t, ok := holidayDate(hkey, y); ok {
			if off < 0 && !t.Before(p.ref) {
				y--
			} else if off > 0 && !t.After(p.ref) {
				y++
			}
			if t, ok := holidayDate(hkey, y); ok {
				return cand{i: i, j: k2, typ: TypeDate, val: fmtDay(t)}, true
			}
		}
	}
	if u, plural, k2, ok := p.unitAt(k); ok && !plural {
		if p.w(k2) == "-" && p.adj(k2) {
			return cand{}, false // a compound: "last-minute", "this year-end"
		}
		switch u {
		case "D", "HY", "H", "MIN", "S":
			return cand{}, false
		case "Q":
			if !p.hasRef {
				return cand{i: i, j: k2, typ: TypeDate, val: placeholder(u)}, true
			}
			y, q := p.lastQuarter()
			if !latest {
				t := shift(p.ref, "Q", float64(off))
				y, q = t.Year(), quarterOf(int(t.Month()))
			}
			return cand{i: i, j: k2, typ: TypeDate, val: fmtQuarter(y, q), setsQ: true}, true
		}
		if latest {
			off = -1
		}
		return cand{i: i, j: k2, typ: TypeDate, val: p.unitDate(i, u, off)}, true
	}
	if wkey, k2, ok := p.match(kindWeekday, k); ok {
		wd, _ := strconv.Atoi(wkey)
		if !p.hasRef {
			return cand{i: i, j: k2, typ: TypeDate, val: "XXXX-WXX-" + wkey}, true
		}
		rw := int(p.ref.Weekday())
		if rw == 0 {
			rw = 7
		}
		var t time.Time
		switch {
		case off < 0:
			d := (rw - wd + 7) % 7
			if d == 0 {
				d = 7
			}
			t = p.ref.AddDate(0, 0, -d)
		case off > 0:
			d := (wd - rw + 7) % 7
			if d == 0 {
				d = 7
			}
			t = p.ref.AddDate(0, 0, d)
		default:
			t, _ = p.weekdayDate(i, wd)
		}
		if pod, k3, ok := p.partOfDay(k2); ok {
			return cand{i: i, j: k3, typ: TypeTime, val: fmtDay(t) + "T" + pod}, true
		}
		return cand{i: i, j: k2, typ: TypeDate, val: fmtDay(t)}, true
	}
	if mkey, k2, ok := p.match(kindMonth, k); ok && off != 0 || ok && p.w(i) == "this" {
		m, _ := strconv.Atoi(mkey)
		if !p.hasRef {
			return cand{i: i, j: k2, typ: TypeDate, val: "XXXX-" + pad2(m)}, true
		}
		y, rm := p.ref.Year(), int(p.ref.Month())
		switch {
		case off < 0 && m >= rm:
			y--
		case off > 0 && m <= rm:
			y++
		}
		return cand{i: i, j: k2, typ: TypeDate, val: fmtMonth(y, m)}, true
	}
	if skey, k2, ok := p.match(kindSeason, k); ok && (off != 0 || p.w(i) == "this") {
		if !p.hasRef {
			return cand{i: i, j: k2, typ: TypeDate, val: "XXXX-" + skey}, true
		}
		y := p.ref.Year()
		s, cur := seasonIndex[skey], seasonIndex[seasonOf(int(p.ref.Month()))]
		switch {
		case off < 0 && s >= cur:
			y--
		case off > 0 && s <= cur:
			y++
		}
		return cand{i: i, j: k2, typ: TypeDate, val: fmtYear(y) + "-" + skey}, true
	}
	return cand{}, false
}

// ruleAnaphor matches "that year", "that day", "the same day", which take
// their value from the last calendar date mentioned before them.
func (p *parser) ruleAnaphor(i int) (cand, bool) {
	if c, ok := p.ruleNextDay(i); ok {
		return c, true
	}
	k := i
	switch {
	case p.w(k) == "that":
		k++
		if p.w(k) == "same" {
			k++
		}
	case p.w(k) == "the" && p.w(k+1) == "same":
		k += 2
	default:
		return cand{}, false
	}
	u, plural, j, ok := p.unitAt(k)
	if !ok || plural || p.lastDate == "" {
		return cand{}, false
	}
	n := 0
	switch u {
	case "Y":
		n = 4
	case "M":
		n = 7
	case "D":
		n = 10
	default:
		return cand{}, false
	}
	v := p.lastDate
	if len(v) < n || n > 4 && (v[5] == 'W' || v[5] == 'Q' || v[5] == 'H' || v[5] == 'S' || v[5] == 'F') {
		return cand{}, false
	}
	return cand{i: i, j: j, typ: TypeDate, val: v[:n]}, true
}

// ruleNextDay matches "the next day", "the following morning", "the day
// before", counted from the last calendar day mentioned.
func (p *parser) ruleNextDay(i int) (cand, bool) {
	if p.w(i) != "the" || len(p.lastDate) < 10 || !isDigits(p.lastDate, 5, 2) {
		return cand{}, false
	}
	off, j := 0, 0
	switch w1, w2 := p.w(i+1), p.w(i+2); {
	case (w1 == "next" || w1 == "following") && (w2 == "day" || w2 == "morning" || w2 == "evening" || w2 == "night"):
		off, j = 1, i+3
	case (w1 == "previous" || w1 == "prior" || w1 == "preceding") && (w2 == "day" || w2 == "night" || w2 == "evening"):
		off, j = -1, i+3
	case w1 == "day" && w2 == "after":
		off, j = 1, i+3
	case w1 == "day" && w2 == "before":
		off, j = -1, i+3
	default:
		return cand{}, false
	}
	s, _, ok := valueInterval(p.lastDate[:10])
	if !ok {
		return cand{}, false
	}
	return cand{i: i, j: j, typ: TypeDate, val: fmtDay(s.AddDate(0, 0, off))}, true
}

// rankedIn reports whether "the" at token i opens the span something is
// ranked in: "of" before it and a superlative or ordinal a few words
// before that ("the largest packaged-food deal of the year", "the first
// snow of the year").
func (p *parser) rankedIn(i int) bool {
	if i < 2 || p.w(i-1) != "of" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		w := p.w(k)
		if _, ok := p.num(k); ok {
			return false // "the first 52 days of the year": a span of it
		}
		if _, _, _, ok := p.unitAt(k); ok {
			return false // "the first three weeks of the year"
		}
		switch w {
		case "best", "worst", "first", "last", "most", "top", "only", "biggest", "largest":
			return true
		case ".", ",", ";", ":":
			return false
		}
		if len(w) > 5 && strings.HasSuffix(w, "est") && w != "interest" && w != "protest" && w != "request" && w != "forest" && w != "harvest" {
			return true
		}
	}
	return false
}
