package timex

import "strconv"

// numberAt parses a cardinal number at token i: digits ("3", "1.5",
// "3-1/2"), words ("twenty-four", "three and a half", "a hundred"), or a
// vague amount ("several", "a few"). allowA lets "a"/"an" count as one.
func (p *parser) numberAt(i int, allowA bool) (v float64, vague bool, j int, ok bool) {
	if i >= len(p.t) {
		return 0, false, i, false
	}
	tk := p.t[i]
	switch {
	case tk.kind == kNum:
		v, j = tk.num, i+1
		// "3-1/2" and "3 1/2".
		k := j
		if p.w(k) == "-" && p.adj(k) {
			k++
		}
		if a, ok1 := p.num(k); ok1 && p.w(k+1) == "/" {
			if b, ok2 := p.num(k + 2); ok2 && b != 0 && a < b {
				v += float64(a) / float64(b)
				j = k + 3
			}
		}
	case tk.kind == kWord:
		if _, k, ok := p.match(kindVague, i); ok {
			return 0, true, k, true
		}
		key, k, ok := p.match(kindNumber, i)
		if !ok {
			if allowA && (tk.w == "a" || tk.w == "an") {
				if p.w(i+1) == "half" {
					return 0.5, false, i + 2, true
				}
				return 1, false, i + 1, true
			}
			if tk.w == "half" && (p.w(i+1) == "a" || p.w(i+1) == "an") {
				return 0.5, false, i + 2, true
			}
			return 0, false, i, false
		}
		n, _ := strconv.Atoi(key)
		v, j = float64(n), k
		if n >= 20 && n <= 90 && n%10 == 0 {
			k2 := j
			if p.w(k2) == "-" && p.adj(k2) {
				k2++
			}
			if key2, k3, ok := p.match(kindNumber, k2); ok {
				if u, _ := strconv.Atoi(key2); u >= 1 && u <= 9 {
					v, j = v+float64(u), k3
				}
			}
		}
		switch p.w(j) {
		case "hundred":
			v, j = v*100, j+1
		case "thousand":
			v, j = v*1000, j+1
		}
	default:
		return 0, false, i, false
	}
	// "three and a half", "two-and-a-half".
	k := j
	if p.w(k) == "-" {
		k++
	}
	if p.w(k) == "and" {
		k2 := k + 1
		if p.w(k2) == "-" {
			k2++
		}
		if (p.w(k2) == "a" || p.w(k2) == "one") && (p.w(k2+1) == "half" || p.w(k2+1) == "-" && p.w(k2+2) == "half") {
			if p.w(k2+1) == "half" {
				return v + 0.5, false, k2 + 2, true
			}
			return v + 0.5, false, k2 + 3, true
		}
	}
	return v, false, j, true
}

// unitAt matches a time unit at token i and reports whether it is plural.
// durUnitAt is unitAt for the unit of a duration, which may also be a
// fortnight (unit "FN", two weeks: no unit of TIMEX3): it returns unit "W"
// and the count to multiply the duration's number by.
func (p *parser) durUnitAt(i int) (unit string, times float64, plural bool, j int, ok bool) {
	if u, j, ok := p.match(kindUnit, i); ok && u == "FN" {
		return "W", 2, p.t[j-1].w == "fortnights", j, true
	}
	unit, plural, j, ok = p.unitAt(i)
	return unit, 1, plural, j, ok
}

func (p *parser) unitAt(i int) (unit string, plural bool, j int, ok bool) {
	unit, j, ok = p.match(kindUnit, i)
	if !ok || unit == "FN" {
		return "", false, i, false // a fortnight is a duration's only
	}
	w := p.t[j-1].w
	plural = w[len(w)-1] == 's' || w == "millennia"
	return unit, plural, j, true
}
