package timex

import "time"

// durWords qualify a duration: "the past three years", "the first nine
// months", "the next two weeks"; the value is the direction from the
// reference (-1 back, +1 forward, 0 not anchored).
var durWords = map[string]int{
	"past": -1, "last": -1, "previous": -1, "preceding": -1, "prior": -1, "recent": -1,
	"next": 1, "coming": 1, "following": 1, "remaining": 1, "upcoming": 1,
	"first": 0, "final": 0, "initial": 0, "latest": -1, "entire": 0, "full": 0, "whole": 0, "single": 0,
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
			if _, _, _, _, isUnit := p.durUnitAt(k4); isUnit || p.w(k4) == "-" {
				v, k2 = v2, k4
			}
		}
	}
	if p.w(k2) == "-" && p.adj(k2) && hasNum {
		k2++
	}
	if hasNum && (p.w(k2) == "more" || p.w(k2) == "additional" || p.w(k2) == "further" || p.w(k2) == "straight" || p.w(k2) == "consecutive" || p.w(k2) == "trading" || p.w(k2) == "full" || p.w(k2) == "single") {
		k2++ // "two more weeks", "eight trading days", "a single day"
	}
	u, times, plural, k3, ok := p.durUnitAt(k2)
	if !ok || u == "HY" || u == "WE" {
		return cand{}, false
	}
	v *= times // "within a fortnight" is "within two weeks"
	if p.w(k3) == "-" && p.adj(k3) && p.w(k3+1) != "long" || u == "Q" && plural && k2 > 0 && p.t[k2-1].w == "-" {
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
			anchor := p.ref
			if w := p.w(k3); w == "earlier" || w == "later" {
				// "three days later" counts from the story's last date.
				if a, ok := p.anchorFor(u); ok {
					anchor = a
				} else if a, ok := p.yearAnchor(u); ok && w == "later" {
					anchor = a
				}
			}
			t := shift(anchor, u, float64(back)*v)
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

// anchorFor returns the last calendar day mentioned, to count days or
// weeks from ("three days later"). Longer distances ("a year earlier")
// compare with the time of writing in news, so they get no anchor.
func (p *parser) anchorFor(unit string) (time.Time, bool) {
	v := p.lastDate
	need := 0
	switch unit {
	case "D", "W":
		need = 10
	default:
		return time.Time{}, false
	}
	if len(v) < need || v[5] < '0' || v[5] > '9' {
		return time.Time{}, false
	}
	s, _, ok := valueInterval(v[:need])
	return s, ok
}

// yearAnchor returns the last year or month mentioned, to count years or
// months "later" from: "detained in 1647 and executed two years later" is
// 1649, not two years after the time of writing.
func (p *parser) yearAnchor(unit string) (time.Time, bool) {
	if unit != "Y" && unit != "M" {
		return time.Time{}, false
	}
	v := p.lastDate
	if len(v) < 4 || !isDigits(v, 0, 4) {
		return time.Time{}, false
	}
	n := 4
	if unit == "M" {
		// months count from a month: "last week" gives none
		if len(v) < 7 || !isDigits(v, 5, 2) {
			return time.Time{}, false
		}
		n = 7
	}
	s, _, ok := valueInterval(v[:n])
	return s, ok
}
