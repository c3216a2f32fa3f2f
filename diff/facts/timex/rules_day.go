package timex

import (
	"strconv"
	"strings"
	"time"
)

// weekdayDate resolves weekday wd (1 = Monday) against the reference:
// the most recent such day, or the next one in a future-tense sentence.
func (p *parser) weekdayDate(i, wd int) (time.Time, bool) {
	if !p.hasRef {
		return time.Time{}, false
	}
	rw := int(p.ref.Weekday())
	if rw == 0 {
		rw = 7
	}
	if p.future(i) {
		return p.ref.AddDate(0, 0, (wd-rw+7)%7), true
	}
	return p.ref.AddDate(0, 0, -((rw - wd + 7) % 7)), true
}

// partOfDay matches "morning", "afternoon", "evening", "night" at i.
func (p *parser) partOfDay(i int) (string, int, bool) {
	return p.match(kindPartofday, i)
}

// ruleWeekday matches "Friday", "Friday morning".
func (p *parser) ruleWeekday(i int) (cand, bool) {
	key, k, ok := p.match(kindWeekday, i)
	if !ok {
		return cand{}, false
	}
	wd, _ := strconv.Atoi(key)
	val := "XXXX-WXX-" + key
	if p.w(k) == "'" && p.w(k+1) == "s" && p.hasRef {
		// "Wednesday's ruling" reports a done thing: the past day.
		rw := (int(p.ref.Weekday())+6)%7 + 1
		val = fmtDay(p.ref.AddDate(0, 0, -((rw - wd + 7) % 7)))
	} else if t, ok := p.weekdayDate(i, wd); ok {
		val = fmtDay(t)
	}
	if pod, k2, ok := p.partOfDay(k); ok {
		return cand{i: i, j: k2, typ: TypeTime, val: val + "T" + pod}, true
	}
	return cand{i: i, j: k, typ: TypeDate, val: val}, true
}

// ruleDeictic matches "today", "yesterday morning", "tonight", "this
// morning", "last night".
func (p *parser) ruleDeictic(i int) (cand, bool) {
	w := p.w(i)
	day := func(off int) string {
		if !p.hasRef {
			return "XXXX-XX-XX"
		}
		return fmtDay(p.ref.AddDate(0, 0, off))
	}
	switch w {
	case "tonight":
		return cand{i: i, j: i + 1, typ: TypeTime, val: day(0) + "TNI"}, true
	case "this":
		if pod, k, ok := p.partOfDay(i + 1); ok && pod != "NI" {
			return cand{i: i, j: k, typ: TypeTime, val: day(0) + "T" + pod}, true
		}
		return cand{}, false
	case "last":
		if p.w(i+1) == "night" {
			return cand{i: i, j: i + 2, typ: TypeTime, val: day(-1) + "TNI"}, true
		}
		return cand{}, false
	}
	key, k, ok := p.match(kindDeictic, i)
	if !ok || p.w(k) == "'" && p.w(k+1) == "s" && key == "0" {
		// "today's youth" speaks of the present age, not the day.
		return cand{}, false
	}
	off, _ := strconv.Atoi(key)
	if pod, k2, ok := p.partOfDay(k); ok {
		return cand{i: i, j: k2, typ: TypeTime, val: day(off) + "T" + pod}, true
	}
	return cand{i: i, j: k, typ: TypeDate, val: day(off)}, true
}

// ruleRef matches "now", "recently", "the future", ...
func (p *parser) ruleRef(i int) (cand, bool) {
	key, k, ok := p.match(kindRef, i)
	if !ok {
		return cand{}, false
	}
	return cand{i: i, j: k, typ: TypeDate, val: key}, true
}

// timeZones are abbreviations that may follow a clock time.
var timeZones = map[string]bool{
	"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true,
	"pdt": true, "gmt": true, "utc": true, "et": true, "pt": true, "ct": true, "bst": true,
	"cet": true, "cest": true, "msk": true, "ist": true, "jst": true,
	// Eastern European (Kyiv, Helsinki, Athens, Bucharest) and the
	// Asia-Pacific zones wire services and live blogs stamp with
	"eet": true, "eest": true, "hkt": true, "sgt": true, "kst": true, "aest": true, "aedt": true,
}

// ruleClock matches clock times: "8:30 a.m. EST", "10 p.m.", "noon",
// "midnight", "9 o'clock".
func (p *parser) ruleClock(i int) (cand, bool) {
	switch p.w(i) {
	case "noon", "midday":
		if p.w(i-1) == "high" {
			return cand{}, false
		}
		return p.clockDay(i, i+1, "12:00"), true
	case "midnight":
		return p.clockDay(i, i+1, "24:00"), true
	}
	if c, ok := p.dottedClock(i); ok {
		return c, true
	}
	h, ok := p.num(i)
	if !ok || h > 24 || len(p.t[i].w) > 2 || p.w(i-1) == ":" && p.adj(i-1) {
		return cand{}, false
	}
	k, mins, hasMin := i+1, 0, false
	if p.w(k) == ":" && p.adj(k) && p.adj(k+1) {
		if m, ok := p.num(k + 1); ok && len(p.t[k+1].w) == 2 && m < 60 {
			mins, hasMin, k = m, true, k+2
		}
	}
	// "2:04:51" standing alone with no a.m. or p.m. after it is a race's or
	// a flight's time, hours, minutes and seconds taken, not the time of
	// day; a stamp's "T07:30:00Z" is a time of day
	if hasMin && p.w(k) == ":" && p.adj(k) && p.adj(k+1) && len(p.w(k+1)) == 2 {
		if s, ok := p.num(k + 1); ok && s < 60 {
			switch {
			case p.isHalfOfDay(k + 2):
				k += 2 // "10:15:30 a.m.": the seconds are read, not kept
			case !p.adj(i) && (!p.adj(k+2) || p.t[k+2].kind == kPunct && p.w(k+2) != ":"):
				return cand{}, false
			}
		}
	}
	ampm, next := p.halfOfDay(k)
	switch {
	case ampm != "":
		k = next
	case p.w(k) == "o" && p.w(k+1) == "'" && p.w(k+2) == "clock":
		ampm, k = "o", k+3
	}
	if !hasMin && ampm == "" {
		return cand{}, false
	}
	if ampm == "p" && h < 12 {
		h += 12
	} else if ampm == "a" && h == 12 {
		h = 0
	}
	if ampm != "" && ampm != "o" && h > 24 {
		return cand{}, false
	}
	if timeZones[p.w(k)] {
		k++
	} else if p.w(k) == "local" && p.w(k+1) == "time" {
		k += 2
	}
	return p.clockDay(i, k, pad2(h)+":"+pad2(mins)), true
}

// dottedClock matches a clock time written with a full stop, as British
// papers and their live blogs write it, before a time zone: "13.20 BST",
// "9.05 GMT". Without the zone "13.20" is a decimal.
//
// With "am" or "pm" after it ("3.40am", "9.15 p.m.") it is a clock time
// too, the British style for a time of day.
func (p *parser) dottedClock(i int) (cand, bool) {
	w := p.w(i)
	dot := strings.IndexByte(w, '.')
	if dot < 1 || dot > 2 || len(w) != dot+3 {
		return cand{}, false
	}
	k := i + 1
	half, next := p.halfOfDay(k)
	switch {
	case half != "":
		k = next
	case timeZones[p.w(k)]:
		k++
	default:
		return cand{}, false
	}
	h, errH := strconv.Atoi(w[:dot])
	m, errM := strconv.Atoi(w[dot+1:])
	if errH != nil || errM != nil || h > 24 || m > 59 || half != "" && (h == 0 || h > 12) {
		return cand{}, false
	}
	switch {
	case half == "p" && h < 12:
		h += 12
	case half == "a" && h == 12:
		h = 0
	}
	if half != "" && timeZones[p.w(k)] {
		k++
	}
	return p.clockDay(i, k, pad2(h)+":"+pad2(m)), true
}

// clockDay builds a TIME at hh:mm on the reference day, or on the day named
// right after the clock time ("noon Thursday", "9 a.m. yesterday").
func (p *parser) clockDay(i, k int, hhmm string) cand {
	date := "XXXX-XX-XX"
	if p.hasRef {
		date = fmtDay(p.ref)
	}
	if p.w(k) == "," || p.w(k) == "on" {
		if c, ok := p.ruleDate(k + 1); ok && len(c.val) == 10 {
			return cand{i: i, j: c.j, typ: TypeTime, val: c.val + "T" + hhmm}
		}
		if c, ok := p.ruleWeekday(k + 1); ok && c.typ == TypeDate {
			return cand{i: i, j: c.j, typ: TypeTime, val: c.val + "T" + hhmm}
		}
	}
	if c, ok := p.ruleDate(k); ok && len(c.val) == 10 {
		return cand{i: i, j: c.j, typ: TypeTime, val: c.val + "T" + hhmm}
	}
	if c, ok := p.ruleWeekday(k); ok && c.typ == TypeDate {
		return cand{i: i, j: c.j, typ: TypeTime, val: c.val + "T" + hhmm}
	}
	if c, ok := p.ruleDeictic(k); ok && c.typ == TypeDate {
		return cand{i: i, j: c.j, typ: TypeTime, val: c.val + "T" + hhmm}
	}
	return cand{i: i, j: k, typ: TypeTime, val: date + "T" + hhmm, dayless: true}
}

// halfOfDay reads "a.m.", "p.m.", "am" or "pm" at token k: "a" or "p",
// and the token after it; "" when none stands there.
func (p *parser) halfOfDay(k int) (string, int) {
	switch w := p.w(k); {
	case w == "am" || w == "pm":
		return w[:1], k + 1
	case (w == "a" || w == "p") && p.w(k+1) == "." && p.w(k+2) == "m":
		next := k + 3
		if p.w(next) == "." && p.adj(next) {
			next++
		}
		return w, next
	}
	return "", k
}

// isHalfOfDay reports whether "a.m.", "p.m.", "am" or "pm" stands at
// token k (see halfOfDay).
func (p *parser) isHalfOfDay(k int) bool {
	half, _ := p.halfOfDay(k)
	return half != ""
}
