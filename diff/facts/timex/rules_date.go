package timex

import (
	"strconv"
	"strings"
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
	if key, k, ok := p.match(kindOrdinal, i); ok && p.t[i].kind == kWord {
		// "March eighth", "the first of May".
		if n, _ := strconv.Atoi(key); n >= 1 && n <= 31 {
			return n, k, true
		}
		return 0, i, false
	}
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

// monthDeterminer are the determiners before a month used as a modifier.
var monthDeterminer = map[string]bool{"the": true, "a": true, "its": true, "their": true, "his": true, "her": true, "our": true, "this": true, "last": true, "next": true}

// monthNotNoun follow "the March" when it is the noun march ("the March on
// Washington", "the March for Our Lives").
var monthNotNoun = map[string]bool{"on": true, "for": true, "of": true, "to": true, "in": true, "and": true, "from": true,
	"against": true, "through": true, "into": true, "across": true, "toward": true, "towards": true, "was": true, "is": true, "will": true}

// monthGuarded reports whether the words before an ambiguous month name at
// k show it is meant as a month: a monthGuard word, or "as soon as", "as
// early as", "as late as" ("launch as soon as March"; "as May said" names
// someone).
func (p *parser) monthGuarded(k int) bool {
	if monthGuard[p.w(k-1)] {
		return true
	}
	// "the March data", "its March report", "a March memo": after a
	// determiner, before a lower-case noun, the month qualifies it
	// "March’s flooding": a possessive before a lower-case noun ("May’s"
	// is as often Theresa May's)
	if p.w(k) == "march" && (p.w(k+1) == "’" || p.w(k+1) == "'") && p.adj(k+1) && p.w(k+2) == "s" && p.adj(k+2) && k+3 < len(p.t) && p.t[k+3].kind == kWord && !p.t[k+3].up {
		return true
	}
	if monthDeterminer[p.w(k-1)] && k+1 < len(p.t) && p.t[k+1].kind == kWord && !p.t[k+1].up && p.t[k+1].sp && !monthNotNoun[p.w(k+1)] {
		return true
	}
	if p.w(k-1) != "as" {
		return false
	}
	switch p.w(k - 2) {
	case "soon", "early", "late":
		return p.w(k-3) == "as"
	}
	return false
}

// ruleDate matches calendar dates: "Aug. 7, 1998", "August 1988", "June",
// "Tuesday, Aug. 19", "7 August 1998", "8/19/2025", "19/08/2025", "2025-08-19".
func (p *parser) ruleDate(i int) (cand, bool) {
	if c, ok := p.rangeEndDay(i); ok {
		return c, true
	}
	if c, ok := p.rangeStartDay(i); ok {
		return c, true
	}
	k := i
	if _, k2, ok := p.match(kindWeekday, k); ok {
		k = k2
		if p.w(k) == "," {
			k++
		}
		if c, ok := p.dottedDate(i, k, true); ok {
			return c, true // "Thursday, 28.08"
		}
		if _, _, ok := p.match(kindMonth, k); !ok {
			if _, _, ok := p.dayAt(k); !ok {
				return cand{}, false
			}
		}
	}
	if c, ok := p.dottedDate(i, k, false); ok {
		return c, true
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
			if w != "may" && w != "march" || !p.t[k].up || !p.monthGuarded(k) {
				return cand{}, false
			}
		}
		if (w == "may" || w == "march") && (!p.t[k].up || !p.monthGuarded(k)) {
			return cand{}, false
		}
		if !p.hasRef {
			return cand{i: i, j: k2, typ: TypeDate, val: "XXXX-" + pad2(m)}, true
		}
		y := p.yearFor(i, m, 0)
		return cand{i: i, j: k2, typ: TypeDate, val: fmtMonth(y, m)}, true
	}
	// "7 August 1998", "the 7th of August".
	if p.w(k) == "the" {
		if _, k2, ok := p.dayAt(k + 1); ok && p.w(k2) == "of" {
			k++
		}
	}
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
				case sep == "/" && len(p.t[k+4].w) == 4 && a > 12 && b <= 12:
					// "21/08/2025": the day first, as Britain and Europe
					// write it (told apart only when the day is past 12)
					d, m, y = a, b, c
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

// dottedDate matches a date written with dots, the day first, as Central
// and Eastern European outlets write it: "21.08.2025", "28.08." The
// tokenizer reads "21.08" as one number. Without a year the day and month
// must close with a dot or follow a weekday (weekday): "28.08" alone is
// as likely a decimal.
func (p *parser) dottedDate(i, k int, weekday bool) (cand, bool) {
	if k >= len(p.t) || p.t[k].kind != kNum {
		return cand{}, false
	}
	w := p.t[k].w
	dot := strings.IndexByte(w, '.')
	if dot < 1 || dot > 2 || len(w) != dot+3 {
		return cand{}, false
	}
	d, err1 := strconv.Atoi(w[:dot])
	m, err2 := strconv.Atoi(w[dot+1:])
	if err1 != nil || err2 != nil || d < 1 || d > 31 || m < 1 || m > 12 {
		return cand{}, false
	}
	if p.w(k+1) == "." && p.adj(k+1) {
		if y, ok := p.num(k + 2); ok && p.adj(k+2) && len(p.t[k+2].w) == 4 {
			return p.dateCand(i, k+3, y, m, d), true
		}
		if !p.adj(k+2) || k+2 >= len(p.t) {
			return p.dateCand(i, k+1, p.yearFor(i, m, d), m, d), true // "28.08."
		}
	}
	if weekday {
		return p.dateCand(i, k+1, p.yearFor(i, m, d), m, d), true
	}
	return cand{}, false
}

// rangeEndDay matches the last day of a range of days written short, "Aug.
// 8-15" or "8–15 August": the day after the dash is a date of the month the
// first day names, so "between Aug. 8 and Aug. 15" and "Aug. 8-15" tell the
// same two days.
//
// The range may be told in words, "from Aug. 14 to 20", "between 14 and 20
// August": the last day then ends a clause or comes before a preposition
// (rangeEndsAt), since "on Aug. 14 and 20 people died" counts people.
func (p *parser) rangeEndDay(i int) (cand, bool) {
	d2, ok := p.num(i)
	if !ok || d2 < 1 || d2 > 31 || len(p.t[i].w) > 2 || i < 3 {
		return cand{}, false
	}
	dash := p.w(i - 1)
	worded := rangeWords[dash] && !p.adj(i-1) && !p.adj(i)
	if !worded && (dash != "-" && dash != "–" || !p.adj(i-1) || !p.adj(i)) {
		return cand{}, false
	}
	d1, ok := p.num(i - 2)
	if !ok || d1 < 1 || d1 >= d2 {
		return cand{}, false
	}
	if worded && !p.rangeEndsAt(i+1) {
		if _, _, ok := p.match(kindMonth, i+1); !ok {
			return cand{}, false
		}
	}
	// the month before the first day ("Aug. 8-15"), or after the last
	// ("8-15 August")
	for _, k := range []int{i - 3, i - 4} {
		if k < 0 {
			continue
		}
		if key, k2, ok := p.match(kindMonth, k); ok && k2 == i-2 {
			m, _ := strconv.Atoi(key)
			return p.dateCand(i, i+1, p.yearFor(i, m, d2), m, d2), true
		}
	}
	if key, k2, ok := p.match(kindMonth, i+1); ok {
		m, _ := strconv.Atoi(key)
		return p.dateCand(i, k2, p.yearFor(i, m, d2), m, d2), true
	}
	return cand{}, false
}

// rangeStartDay matches the first day of a range of days whose month
// follows the last: the "8" of "8-15 August".
func (p *parser) rangeStartDay(i int) (cand, bool) {
	d1, ok := p.num(i)
	if !ok || d1 < 1 || d1 > 31 || len(p.t[i].w) > 2 {
		return cand{}, false
	}
	dash := p.w(i + 1)
	worded := rangeWords[dash] && !p.adj(i+1) && !p.adj(i+2)
	if !worded && (dash != "-" && dash != "–" || !p.adj(i+1) || !p.adj(i+2)) {
		return cand{}, false
	}
	d2, ok := p.num(i + 2)
	if !ok || d2 > 31 || d1 >= d2 {
		return cand{}, false
	}
	if key, _, ok := p.match(kindMonth, i+3); ok {
		m, _ := strconv.Atoi(key)
		return p.dateCand(i, i+1, p.yearFor(i, m, d1), m, d1), true
	}
	return cand{}, false
}

// rangeWords join the first and last days of a range told in words.
var rangeWords = map[string]bool{"to": true, "through": true, "and": true, "until": true, "till": true}

// rangeEnd holds the words that may follow the last day of a range told in
// words: "from Aug. 14 to 20 in Geneva".
var rangeEnd = map[string]bool{"in": true, "at": true, "on": true, "for": true, "with": true,
	"when": true, "while": true, "before": true, "after": true, "as": true, "by": true}

// rangeEndsAt reports whether token k may follow the last day of a range
// told in words: the text or a clause ends, or a preposition follows.
func (p *parser) rangeEndsAt(k int) bool {
	if k >= len(p.t) {
		return true
	}
	if p.t[k].kind == kPunct {
		return p.w(k) != "-" && p.w(k) != "–" && p.w(k) != "%"
	}
	return rangeEnd[p.w(k)]
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
	case after && tense == 0 && m-rm >= 6:
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
