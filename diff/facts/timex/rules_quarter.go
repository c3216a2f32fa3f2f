package timex

import (
	"strconv"
)

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
