package timex

import (
	"strconv"
	"strings"
	"time"
)

// yearAt matches a year written with four digits ("1998") or an
// apostrophe and two ("'98").
func (p *parser) yearAt(i int) (y, j int, ok bool) {
	if n, ok := p.num(i); ok && len(p.t[i].w) == 4 && n >= 1000 && n <= 2199 {
		return n, i + 1, true
	}
	if p.w(i) == "nineteen" {
		if v, _, j, ok := p.numberAt(i+1, false); ok && v >= 10 && v < 100 && p.t[i+1].kind == kWord {
			return 1900 + int(v), j, true
		}
	}
	if p.w(i) == "'" {
		if n, ok := p.num(i + 1); ok && len(p.t[i+1].w) == 2 && p.adj(i+1) {
			century := 1900
			refY := 2000
			if p.hasRef {
				refY = p.ref.Year()
			}
			if 2000+n <= refY+10 {
				century = 2000
			}
			return century + n, i + 2, true
		}
	}
	return 0, i, false
}

// dateline reports whether tokens [i, j) are the date of a wire-service
// dateline ("WASHINGTON, August 11 (Xinhua) --"), which repeats the
// publication date and is not part of the story.
func (p *parser) dateline(i, j int) bool {
	if p.w(j) != "(" && p.w(j) != "-" || p.w(i-1) != "," || i < 2 {
		return false
	}
	city := p.t[i-2]
	return city.kind == kWord && p.text[city.s:city.e] == strings.ToUpper(p.text[city.s:city.e])
}

// relYear matches "last year", "this year", "next year" after a month
// ("June last year") and returns that year.
func (p *parser) relYear(i int) (y, j int, ok bool) {
	if !p.hasRef || p.w(i+1) != "year" {
		return 0, i, false
	}
	switch p.w(i) {
	case "last":
		return p.ref.Year() - 1, i + 2, true
	case "this":
		return p.ref.Year(), i + 2, true
	case "next":
		return p.ref.Year() + 1, i + 2, true
	}
	return 0, i, false
}

// dayAt matches a day of the month ("30", "30th", "1st").
func (p *parser) dayAt(i int) (d, j int, ok bool) {
	n, ok := p.num(i)
	if !ok || n < 1 || n > 31 || len(p.t[i].w) > 2 {
		return 0, i, false
	}
	j = i + 1
	switch p.w(j) {
	case "st", "nd", "rd", "th":
		if p.adj(j) {
			j++
		}
	}
	return n, j, true
}

// monthGuard lists words that, before an ambiguous month name ("May",
// "March"), show it is meant as a month.
var monthGuard = map[string]bool{
	"in": true, "of": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"early": true, "late": true, "mid": true, "last": true, "next": true, "this": true, "-": true,
	"during": true, "through": true, "before": true, "after": true, "between": true, "and": true,
	"to": true, "for": true, "that": true, "each": true, "every": true, "on": true, "or": true,
}

// ruleDate matches calendar dates: "Aug. 7, 1998", "August 1988", "June",
// "Tuesday, Aug. 19", "7 August 1998", "8/19/2025", "2025-08-19".
func (p *parser) ruleDate(i int) (cand, bool) {
	k := i
	if _, k2, ok := p.match(kindWeekday, k); ok {
		k = k2
		if p.w(k) == "," {
			k++
		}
		if _, _, ok := p.match(kindMonth, k); !ok {
			if _, _, ok := p.dayAt(k); !ok {
				return cand{}, false
			}
		}
	}
	if key, k2, ok := p.match(kindMonth, k); ok {
		m, _ := strconv.Atoi(key)
		if d, k3, ok := p.dayAt(k2); ok {
			k4 := k3
			if p.w(k4) == "," {
				k4++
			}
			if y, k5, ok := p.yearAt(k4); ok {
				return p.dateCand(i, k5, y, m, d), true
			}
			if y, k5, ok := p.relYear(k3); ok {
				return p.dateCand(i, k5, y, m, d), true
			}
			if p.dateline(i, k3) {
				return cand{}, false
			}
			y := p.yearFor(i, m, d)
			return p.dateCand(i, k3, y, m, d), true
		}
		k3 := k2
		if p.w(k3) == "," || p.w(k3) == "of" {
			k3++
		}
		if y, k4, ok := p.yearAt(k3); ok {
			return cand{i: i, j: k4, typ: TypeDate, val: fmtMonth(y, m)}, true
		}
		if y, k4, ok := p.relYear(k2); ok {
			return cand{i: i, j: k4, typ: TypeDate, val: fmtMonth(y, m)}, true
		}
		if k != i {
			return cand{}, false // a weekday and a bare month name
		}
		w := p.t[k].w
		if k2 == k+1 && len(w) <= 4 && w != "june" && w != "july" {
			// A bare abbreviation ("Jan") or "May"/"March": need a guard.
			if w != "may" && w != "march" || !p.t[k].up || !monthGuard[p.w(k-1)] {
				return cand{}, false
			}
		}
		if (w == "may" || w == "march") && (!p.t[k].up || !monthGuard[p.w(k-1)]) {
			return cand{}, false
		}
		if !p.hasRef {
			return cand{i: i, j: k2, typ: TypeDate, val: "XXXX-" + pad2(m)}, true
		}
		y := p.yearFor(i, m, 0)
		return cand{i: i, j: k2, typ: TypeDate, val: fmtMonth(y, m)}, true
	}
	// "7 August 1998", "the 7th of August".
	if d, k2, ok := p.dayAt(k); ok {
		if p.w(k2) == "of" {
			k2++
		}
		if key, k3, ok := p.match(kindMonth, k2); ok {
			m, _ := strconv.Atoi(key)
			k4 := k3
			if p.w(k4) == "," {
				k4++
			}
			if y, k5, ok := p.yearAt(k4); ok {
				return p.dateCand(i, k5, y, m, d), true
			}
			return p.dateCand(i, k3, p.yearFor(i, m, d), m, d), true
		}
	}
	// Numeric dates, all parts attached: 8/19/2025, 8/19/25, 2025-08-19.
	if a, ok := p.num(k); ok {
		sep := p.w(k + 1)
		if (sep == "/" || sep == "-") && p.adj(k+1) && p.adj(k+2) && p.w(k+3) == sep && p.adj(k+3) && p.adj(k+4) {
			b, ok1 := p.num(k + 2)
			c, ok2 := p.num(k + 4)
			if ok1 && ok2 {
				var y, m, d int
				switch {
				case sep == "-" && len(p.t[k].w) == 4:
					y, m, d = a, b, c
				case sep == "/" && len(p.t[k+4].w) == 4:
					m, d, y = a, b, c
				case sep == "/" && len(p.t[k+4].w) == 2:
					m, d, y = a, b, 1900+c
					if c < 50 {
						y = 2000 + c
					}
				}
				if y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
					return p.dateCand(i, k+5, y, m, d), true
				}
			}
		}
	}
	return cand{}, false
}

// dateCand builds a DATE for y-m-d; y == 0 means the year is unknown.
func (p *parser) dateCand(i, j, y, m, d int) cand {
	if y == 0 {
		return cand{i: i, j: j, typ: TypeDate, val: "XXXX-" + pad2(m) + "-" + pad2(d)}
	}
	return cand{i: i, j: j, typ: TypeDate, val: fmtYear(y) + "-" + pad2(m) + "-" + pad2(d)}
}

// yearFor picks the year of a month (and day, if d > 0) given without one:
// the reference year, moved back a year when the date would lie ahead of
// the reference in a past-tense sentence, forward when it lies behind in a
// future one.
func (p *parser) yearFor(i, m, d int) int {
	if !p.hasRef {
		return 0
	}
	y := p.ref.Year()
	rm, rd := int(p.ref.Month()), p.ref.Day()
	after := m > rm || (d > 0 && m == rm && d > rd)
	before := m < rm || (d > 0 && m == rm && d < rd)
	tense := p.tense(i)
	fut := tense > 0
	switch {
	case after && tense == 0 && m-rm > 6:
		y-- // no cue: the nearer of the two candidate years
	case after && tense < 0 && (m-rm > 1 || m < rm-10 || d == 0 && m > rm):
		// Only clearly-past months roll back; "Aug. 25" in an article
		// of Aug. 19 is more often an upcoming date than last year's.
		y--
	case before && fut:
		y++
	case before && tense == 0 && rm-m > 9:
		y++
	case before && !fut && rm-m > 9:
		y++ // "January" in a December article
	}
	return y
}

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
	if t, ok := p.weekdayDate(i, wd); ok {
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

// ruleYear matches years ("1998", "fiscal 1989", "nineteen ninety-six",
// "the year two thousand"), decades ("the 1990s", "the '80s", "the
// eighties") and centuries ("the 20th century").
func (p *parser) ruleYear(i int) (cand, bool) {
	k := i
	the := p.w(k) == "the"
	if the {
		k++
	}
	// Decades.
	if n, ok := p.num(k); ok && len(p.t[k].w) == 4 && n%10 == 0 && p.w(k+1) == "s" && p.adj(k+1) {
		return cand{i: i, j: k + 2, typ: TypeDate, val: strconv.Itoa(n / 10)[:3]}, true
	}
	if p.w(k) == "'" {
		if n, ok := p.num(k + 1); ok && len(p.t[k+1].w) == 2 && n%10 == 0 && p.w(k+2) == "s" && p.adj(k+2) {
			return cand{i: i, j: k + 3, typ: TypeDate, val: "19" + strconv.Itoa(n/10)}, true
		}
	}
	if key, k2, ok := p.match(kindDecade, k); ok && the {
		return cand{i: i, j: k2, typ: TypeDate, val: "19" + key}, true
	}
	// "year-end", "year's end": the end of the reference year.
	if p.w(k) == "year" && !the && p.hasRef {
		j := 0
		switch {
		case p.w(k+1) == "-" && p.adj(k+1) && p.w(k+2) == "end":
			j = k + 3
		case p.w(k+1) == "end":
			j = k + 2
		case p.w(k+1) == "'" && p.w(k+2) == "s" && p.w(k+3) == "end":
			j = k + 4
		}
		if j > 0 {
			return cand{i: i, j: j, typ: TypeDate, val: fmtYear(p.ref.Year()), mod: "END"}, true
		}
	}
	// Centuries: "the 20th century", "19th century".
	{
		if key, k2, ok := p.match(kindOrdinal, k); ok && (p.w(k2) == "century") {
			n, _ := strconv.Atoi(key)
			if n > 0 {
				return cand{i: i, j: k2 + 1, typ: TypeDate, val: pad2(n - 1)}, true
			}
		}
		if n, ok := p.num(k); ok && n > 0 && n < 30 && p.adj(k+1) && (p.w(k+1) == "th" || p.w(k+1) == "st" || p.w(k+1) == "nd" || p.w(k+1) == "rd") && p.w(k+2) == "century" {
			return cand{i: i, j: k + 3, typ: TypeDate, val: pad2(n - 1)}, true
		}
	}
	// "the year two thousand", "nineteen ninety-six".
	if p.w(k) == "year" && p.w(k+1) == "two" && p.w(k+2) == "thousand" {
		y, j := 2000, k+3
		if p.w(j) == "and" {
			if v, _, j2, ok := p.numberAt(j+1, false); ok && v < 100 {
				y, j = 2000+int(v), j2
			}
		}
		return cand{i: i, j: j, typ: TypeDate, val: fmtYear(y)}, true
	}
	if p.w(k) == "nineteen" && !the {
		if v, _, j, ok := p.numberAt(k+1, false); ok && v >= 10 && v < 100 && p.t[k+1].kind == kWord {
			return cand{i: i, j: j, typ: TypeDate, val: fmtYear(1900 + int(v))}, true
		}
	}
	if the {
		return cand{}, false
	}
	// "fiscal 1989", "fiscal year 1990", "FY1990".
	fiscal := false
	if p.w(k) == "fiscal" {
		fiscal = true
		k++
		if p.w(k) == "year" {
			k++
		}
	} else if p.w(k) == "fy" {
		fiscal = true
		k++
	}
	y, j, ok := p.yearAt(k)
	if !ok || (p.w(k) == "'" && !fiscal) {
		return cand{}, false
	}
	if !fiscal && !p.plausibleYear(k, y) {
		return cand{}, false
	}
	return cand{i: i, j: j, typ: TypeDate, val: fmtYear(y)}, true
}

// plausibleYear filters four-digit numbers that are not years: money,
// percentages, counts of things, and years before 1800 without a
// preposition that announces a date.
func (p *parser) plausibleYear(k, y int) bool {
	prev, next := p.w(k-1), p.w(k+1)
	switch prev {
	case "$", "#", "no", "£", "€", "number", "flight", "route", "highway", "room", "page":
		return false
	}
	switch next {
	case "%", "percent", "people", "troops", "soldiers", "shares", "points", "members", "cars", "miles", "kilometers", "feet", "meters", "tons", "workers", "employees", "units", "jobs":
		return false
	}
	if next == ":" {
		return false // a clock time or a score
	}
	if y < 1800 || y > 2100 {
		switch prev {
		case "in", "since", "of", "by", "from", "until", "year", "to", "before", "after", "around", "circa", "c", "between", "and":
			return true
		}
		return false
	}
	return true
}

// ruleSeason matches "the summer", "fall 1998", "spring of 1999".
func (p *parser) ruleSeason(i int) (cand, bool) {
	k := i
	if p.w(k) == "the" {
		k++
	}
	key, k2, ok := p.match(kindSeason, k)
	if !ok {
		return cand{}, false
	}
	k3 := k2
	if p.w(k3) == "of" || p.w(k3) == "," {
		k3++
	}
	if y, k4, ok := p.yearAt(k3); ok {
		return cand{i: i, j: k4, typ: TypeDate, val: fmtYear(y) + "-" + key}, true
	}
	if k == i {
		switch p.w(i - 1) {
		case "in", "during", "since", "until", "by", "this", "last", "next", "early", "late", "mid", "through", "of", "-":
		default:
			return cand{}, false
		}
	}
	if !p.hasRef {
		return cand{i: i, j: k2, typ: TypeDate, val: "XXXX-" + key}, true
	}
	y := p.ref.Year()
	cur := seasonIndex[seasonOf(int(p.ref.Month()))]
	if s := seasonIndex[key]; s > cur && !p.future(i) {
		y--
	} else if s < cur && p.future(i) {
		y++
	}
	return cand{i: i, j: k2, typ: TypeDate, val: fmtYear(y) + "-" + key}, true
}

// ruleHoliday matches "Christmas", "Thanksgiving 1998", "Easter".
func (p *parser) ruleHoliday(i int) (cand, bool) {
	key, k, ok := p.match(kindHoliday, i)
	if !ok {
		return cand{}, false
	}
	k2 := k
	if p.w(k2) == "," {
		k2++
	}
	y := 0
	if yy, k3, ok := p.yearAt(k2); ok {
		y, k = yy, k3
	} else if p.hasRef {
		y = p.ref.Year()
		if t, ok := holidayDate(key, y); ok {
			tense := p.tense(i)
			half := 24 * time.Hour * 182
			switch {
			case t.After(p.ref) && (tense < 0 || tense == 0 && t.Sub(p.ref) > half):
				y--
			case t.Before(p.ref) && (tense > 0 || tense == 0 && p.ref.Sub(t) > half):
				y++
			}
		}
	}
	if y == 0 {
		if len(key) == 5 {
			return cand{i: i, j: k, typ: TypeDate, val: "XXXX-" + key}, true
		}
		return cand{}, false
	}
	t, ok := holidayDate(key, y)
	if !ok {
		return cand{}, false
	}
	return cand{i: i, j: k, typ: TypeDate, val: fmtDay(t)}, true
}

// timeZones are abbreviations that may follow a clock time.
var timeZones = map[string]bool{
	"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true,
	"pdt": true, "gmt": true, "utc": true, "et": true, "pt": true, "ct": true, "bst": true,
	"cet": true, "cest": true, "msk": true, "ist": true, "jst": true,
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
	h, ok := p.num(i)
	if !ok || h > 24 || len(p.t[i].w) > 2 {
		return cand{}, false
	}
	k, mins, hasMin := i+1, 0, false
	if p.w(k) == ":" && p.adj(k) && p.adj(k+1) {
		if m, ok := p.num(k + 1); ok && len(p.t[k+1].w) == 2 && m < 60 {
			mins, hasMin, k = m, true, k+2
		}
	}
	ampm := ""
	switch {
	case p.w(k) == "a" || p.w(k) == "p":
		if p.w(k+1) == "." && p.w(k+2) == "m" {
			ampm, k = p.w(k), k+3
			if p.w(k) == "." && p.adj(k) {
				k++
			}
		}
	case p.w(k) == "am" || p.w(k) == "pm":
		ampm, k = p.w(k)[:1], k+1
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
	}
	return p.clockDay(i, k, pad2(h)+":"+pad2(mins)), true
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
	return cand{i: i, j: k, typ: TypeTime, val: date + "T" + hhmm}
}
