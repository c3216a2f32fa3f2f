package timex

import (
	"strconv"
	"time"
)

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
	if n, ok := p.num(k); ok && len(p.t[k].w) == 4 && n >= 1000 && n%10 == 0 && p.w(k+1) == "s" && p.adj(k+1) {
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
			case t.After(p.ref) && (tense < 0 && t.Sub(p.ref) > half/6 || tense == 0 && t.Sub(p.ref) > half):
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
