package timex

import (
	"strconv"
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

// lastQuarter is the most recently completed quarter before the reference.
func (p *parser) lastQuarter() (y, q int) {
	y, q = p.ref.Year(), quarterOf(int(p.ref.Month()))-1
	if q == 0 {
		y, q = y-1, 4
	}
	return y, q
}

// contextQuarter is the quarter the text is talking about: the last one
// mentioned, else the last completed one.
func (p *parser) contextQuarter() (y, q int) {
	if p.lastQ != 0 {
		return p.lastQY, p.lastQ
	}
	return p.lastQuarter()
}

// unitDate formats the unit-sized period off units away from the reference
// ("last week" = -1 W).
func (p *parser) unitDate(unit string, off int) string {
	if !p.hasRef {
		return placeholder(unit)
	}
	if unit == "WE" && off == 0 {
		// "the weekend": the one just past, unless the sentence looks ahead.
		t := p.ref
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday && !p.future(0) {
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
			// "the year" is mostly a span in news ("profit for the year").
			return cand{i: i, j: k2, typ: TypeDuration, val: "P1Y", alt: p.unitDate(u, 0)}, true
		case "W", "M", "WE":
			return cand{i: i, j: k2, typ: TypeDate, val: p.unitDate(u, 0)}, true
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
		return cand{i: i, j: k2, typ: TypeDate, val: p.unitDate(u, off)}, true
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

// durWords qualify a duration: "the past three years", "the first nine
// months", "the next two weeks"; the value is the direction from the
// reference (-1 back, +1 forward, 0 not anchored).
var durWords = map[string]int{
	"past": -1, "last": -1, "previous": -1, "preceding": -1, "prior": -1, "recent": -1,
	"next": 1, "coming": 1, "following": 1, "remaining": 1, "upcoming": 1,
	"first": 0, "final": 0, "initial": 0, "latest": -1, "entire": 0, "full": 0, "whole": 0,
	"additional": 0, "further": 0, "same": 0, "other": 0, "few": 0,
}

// rateWords before "a year", "a day" mark a rate ("$5 a year"), not a span.
var rateWords = map[string]bool{
	"%": true, "percent": true, "$": true, "times": true, "once": true, "twice": true,
	"million": true, "billion": true, "dollars": true, "cents": true, "thousand": true,
}

// rateContext reports whether a number or money word precedes token i
// closely, as in "5% a year" or "two meals a day".
func (p *parser) rateContext(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if p.t[k].kind == kNum || rateWords[p.t[k].w] {
			return true
		}
		if p.t[k].w == "." || p.t[k].w == "," {
			return false
		}
	}
	return false
}

// ruleQuant matches durations and distances: "three years", "the past two
// months", "two-year", "8-month-old", "nearly three and a half years"
// (with its modifier), "two years ago", "a week earlier", "years".
func (p *parser) ruleQuant(i int) (cand, bool) {
	k := i
	the := p.w(k) == "the"
	if the {
		k++
	}
	dir, hasDir := durWords[p.w(k)]
	if hasDir && p.w(k) != "few" {
		k++
	} else {
		hasDir = false
	}
	v, vague, k2, hasNum := p.numberAt(k, true)
	article := hasNum && (p.w(k) == "a" || p.w(k) == "an")
	if !hasNum {
		vague, k2 = true, k
	}
	// Ranges keep their upper bound: "two to three weeks" is at most P3W.
	if hasNum && !vague && (p.w(k2) == "to" || p.w(k2) == "or" || p.w(k2) == "-" && k2+1 < len(p.t) && p.t[k2+1].kind == kNum) {
		if v2, vague2, k4, ok := p.numberAt(k2+1, false); ok && !vague2 && v2 > v {
			if _, _, _, isUnit := p.unitAt(k4); isUnit || p.w(k4) == "-" {
				v, k2 = v2, k4
			}
		}
	}
	if p.w(k2) == "-" && p.adj(k2) && hasNum {
		k2++
	}
	if hasNum && (p.w(k2) == "more" || p.w(k2) == "additional" || p.w(k2) == "further" || p.w(k2) == "straight" || p.w(k2) == "consecutive" || p.w(k2) == "trading" || p.w(k2) == "full") {
		k2++ // "two more weeks", "eight trading days"
	}
	u, plural, k3, ok := p.unitAt(k2)
	if !ok || u == "HY" || u == "WE" {
		return cand{}, false
	}
	if p.w(k3) == "-" && p.adj(k3) && p.w(k3+1) != "long" || u == "Q" && plural && p.t[k2-1].w == "-" {
		// Ages ("6-year-old") name people, compounds ("year-end") are
		// another rule's, "three-quarters" is a fraction.
		return cand{}, false
	}
	if article && (plural || u == "S" || u == "Q" || u == "MIN") {
		return cand{}, false
	}
	rangeNext := hasDir && !plural && (p.w(k3) == "to" || p.w(k3) == "or")
	if !hasNum && !rangeNext {
		if !plural {
			return cand{}, false
		}
		switch {
		case hasDir:
		case !the && (p.w(i-1) == "for" || p.w(i-1) == "over" || p.w(i-1) == "in" || p.w(i-1) == "within"):
		case the && p.w(k3) == "ahead":
			k3++
		default:
			return cand{}, false
		}
	}
	if p.w(k3) == "old" || p.w(k3) == "of" && p.w(k3+1) == "age" {
		return cand{}, false // an age: "Mr. Reupke, 52 years old"
	}
	// Adjectival "-long": "a decades-long feud".
	if p.w(k3) == "-" && p.w(k3+1) == "long" {
		k3 += 2
	}
	// "the next week to 10 days": the upper bound again.
	if hasDir && !hasNum && !plural && (p.w(k3) == "to" || p.w(k3) == "or") {
		if v2, vague2, k4, ok := p.numberAt(k3+1, false); ok && !vague2 {
			if u2, _, k5, ok := p.unitAt(k4); ok && u2 != "HY" && u2 != "WE" {
				v, vague, hasNum, u, k3 = v2, false, true, u2, k5
			}
		}
	}
	dur := durValue(v, vague, u)
	// Distances: "two years ago", "a week earlier", "three days later".
	back := 0
	switch p.w(k3) {
	case "ago", "back":
		back = -1
	case "earlier", "before":
		if !the && !hasDir && hasNum && p.w(k3) == "earlier" {
			back = -1
		}
	case "later":
		if !the && !hasDir && hasNum {
			back = 1
		}
	case "from":
		if p.w(k3+1) == "now" && !the && !hasDir && hasNum {
			back = 1
			k3++
		}
	case "hence":
		back = 1
	}
	if back != 0 && !the && !hasDir {
		c := cand{i: i, j: k3 + 1, typ: TypeDate, isAgo: true}
		switch {
		case vague || !hasNum:
			c.val = "PAST_REF"
			if back > 0 {
				c.val = "FUTURE_REF"
			}
		case !p.hasRef:
			c.val = placeholder(u)
		case u == "Y" && v == 1 && p.lastQ != 0:
			// Business news: "a year ago" compares with the quarter in hand.
			c.val = fmtQuarter(p.lastQY-1, p.lastQ)
		default:
			t := shift(p.ref, u, float64(back)*v)
			g := u
			if u == "Y" && v != float64(int(v)) {
				g = "M" // "three and a half years ago"
			}
			switch u {
			case "W":
				g = "D"
			case "DE", "CE", "ML":
				g = "Y"
			case "Q":
				g = "Q"
			}
			c.val = fmtAt(t, g)
		}
		return c, true
	}
	c := cand{i: i, j: k3, typ: TypeDuration, val: dur}
	if hasDir && p.hasRef && !vague && dir != 0 {
		end := shift(p.ref, u, float64(dir)*v)
		if dir > 0 {
			c.beg, c.till = fmtDay(p.ref), fmtDay(end)
		} else {
			c.beg, c.till = fmtDay(end), fmtDay(p.ref)
		}
	}
	return c, true
}

// ruleQuarter matches fiscal periods: "the third quarter", "third-quarter",
// "Q3", "the fourth quarter of 1998", "this year's first quarter", "the
// first half", "the year-earlier quarter", "year-ago".
func (p *parser) ruleQuarter(i int) (cand, bool) {
	k := i
	if p.w(k) == "the" || p.w(k) == "a" {
		k++
	}
	// "the 1988 period", "the 1989 quarter": that year's quarter in hand.
	if y, k2, ok := p.yearAt(k); ok && k > i && (p.w(k2) == "period" || p.w(k2) == "quarter") {
		q := 0
		if p.hasRef {
			_, q = p.contextQuarter()
		}
		if q == 0 {
			return cand{i: i, j: k2 + 1, typ: TypeDate, val: fmtYear(y) + "-QX"}, true
		}
		return cand{i: i, j: k2 + 1, typ: TypeDate, val: fmtQuarter(y, q)}, true
	}
	if p.w(k) == "comparable" || p.w(k) == "same" || p.w(k) == "corresponding" {
		k++
	}
	// "year-earlier", "year-ago" [quarter|period].
	if p.w(k) == "year" && p.w(k+1) == "-" && (p.w(k+2) == "earlier" || p.w(k+2) == "ago") {
		j := k + 3
		if !p.hasRef {
			return cand{i: i, j: j, typ: TypeDate, val: "XXXX"}, true
		}
		w := p.w(j)
		if key, j2, ok := p.match(kindOrdinal, j); ok && p.w(j2) == "quarter" {
			// "the year-ago third quarter".
			q, _ := strconv.Atoi(key)
			if q >= 1 && q <= 4 {
				return cand{i: i, j: j2 + 1, typ: TypeDate, val: fmtQuarter(p.ref.Year()-1, q)}, true
			}
		}
		if w == "quarter" || w == "period" || w == "quarters" {
			y, q := p.contextQuarter()
			return cand{i: i, j: j + 1, typ: TypeDate, val: fmtQuarter(y-1, q)}, true
		}
		if k != i {
			return cand{}, false // "the year-ago" without a noun
		}
		if p.lastQ != 0 {
			// "year-earlier profit" in a quarterly report.
			return cand{i: i, j: j, typ: TypeDate, val: fmtQuarter(p.lastQY-1, p.lastQ)}, true
		}
		return cand{i: i, j: j, typ: TypeDate, val: fmtYear(p.ref.Year() - 1)}, true
	}
	year := 0
	// Owner year: "1989", "this year's", "last year's", "next year's".
	if y, k2, ok := p.yearAt(k); ok && p.w(k) != "'" {
		if p.w(k2) == "'" && p.w(k2+1) == "s" {
			k2 += 2
		}
		year, k = y, k2
	} else if key, k2, ok := p.match(kindRel, k); ok && p.w(k2) == "year" && p.w(k2+1) == "'" && p.w(k2+2) == "s" && p.hasRef {
		off, _ := strconv.Atoi(key)
		year, k = p.ref.Year()+off, k2+3
	}
	if p.w(k) == "fiscal" {
		k++
	}
	var q int
	half := false
	if p.w(k) == "q" && p.adj(k+1) {
		n, ok := p.num(k + 1)
		if !ok || n < 1 || n > 4 {
			return cand{}, false
		}
		q, k = n, k+2
	} else {
		key, k2, ok := p.match(kindOrdinal, k)
		if !ok {
			return cand{}, false
		}
		q, _ = strconv.Atoi(key)
		k = k2
		if p.w(k) == "-" && p.adj(k) {
			k++
			if p.w(i) == "the" || p.w(i) == "a" {
				// "a third-quarter loss": the adjective alone is tagged.
				return cand{}, false
			}
		}
		if p.w(k) == "fiscal" {
			k++
		}
		switch p.w(k) {
		case "quarter":
		case "half":
			half = true
		default:
			return cand{}, false
		}
		k++
		if q < 1 || q > 4 || half && q > 2 {
			return cand{}, false
		}
	}
	// "of 1998", "of fiscal 1990", "1998".
	k2 := k
	if p.w(k2) == "of" || p.w(k2) == "in" {
		k2++
		if p.w(k2) == "fiscal" {
			k2++
		}
		if p.w(k2) == "this" && p.w(k2+1) == "year" && p.hasRef {
			year, k = p.ref.Year(), k2+2
		} else if p.w(k2) == "last" && p.w(k2+1) == "year" && p.hasRef {
			year, k = p.ref.Year()-1, k2+2
		} else if p.w(k2) == "next" && p.w(k2+1) == "year" && p.hasRef {
			year, k = p.ref.Year()+1, k2+2
		}
	}
	if y, k3, ok := p.yearAt(k2); ok && year == 0 {
		year, k = y, k3
	}
	if year == 0 && p.hasRef {
		year = p.ref.Year()
		if cq := quarterOf(int(p.ref.Month())); !half && cq == 1 && q == 4 && !p.future(i) {
			year--
		}
	}
	val := "XXXX"
	if year != 0 {
		val = fmtYear(year)
	}
	if half {
		val += "-H" + strconv.Itoa(q)
	} else {
		val += "-Q" + strconv.Itoa(q)
	}
	return cand{i: i, j: k, typ: TypeDate, val: val, setsQ: !half}, true
}

// ruleSet matches recurrences: "daily", "every week", "each Thursday",
// "every two years", "on Mondays", "$5 a year".
func (p *parser) ruleSet(i int) (cand, bool) {
	w := p.w(i)
	if key, k, ok := p.match(kindSet, i); ok {
		if w == "a" || w == "an" || w == "per" {
			if w != "per" && !p.rateContext(i) {
				return cand{}, false
			}
		}
		return cand{i: i, j: k, typ: TypeSet, val: key}, true
	}
	if len(w) > 4 && w[len(w)-1] == 's' && (p.w(i-1) == "on" || p.w(i-1) == "most") {
		if key, ok := weekdayPlural(p.lx, w); ok {
			return cand{i: i, j: i + 1, typ: TypeSet, val: "XXXX-WXX-" + key}, true
		}
	}
	if w != "every" && w != "each" {
		return cand{}, false
	}
	k := i + 1
	if p.w(k) == "other" {
		k++
	}
	if key, k2, ok := p.match(kindWeekday, k); ok {
		return cand{i: i, j: k2, typ: TypeSet, val: "XXXX-WXX-" + key}, true
	}
	if key, k2, ok := p.match(kindMonth, k); ok {
		m, _ := strconv.Atoi(key)
		return cand{i: i, j: k2, typ: TypeSet, val: "XXXX-" + pad2(m)}, true
	}
	if key, k2, ok := p.match(kindSeason, k); ok {
		return cand{i: i, j: k2, typ: TypeSet, val: "XXXX-" + key}, true
	}
	if key, k2, ok := p.partOfDay(k); ok {
		return cand{i: i, j: k2, typ: TypeSet, val: "XXXX-XX-XXT" + key}, true
	}
	v, vague, k2, ok := p.numberAt(k, false)
	if !ok {
		v, vague, k2 = 1, false, k
	}
	if p.w(i+1) == "other" {
		v *= 2
	}
	u, _, k3, ok := p.unitAt(k2)
	if !ok || u == "HY" {
		return cand{}, false
	}
	return cand{i: i, j: k3, typ: TypeSet, val: durValue(v, vague, u)}, true
}

// weekdayPlural maps "mondays" to the weekday key "1".
func weekdayPlural(lx *lexicon, w string) (string, bool) {
	for _, ph := range lx.phrases(kindWeekday, w[:len(w)-1]) {
		if len(ph.words) == 1 {
			return ph.key, true
		}
	}
	return "", false
}
