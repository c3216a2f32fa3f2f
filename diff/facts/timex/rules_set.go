package timex

import (
	"strconv"
)

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
