package timex

import (
	"slices"
	"strings"
	"time"
)

// cand is a candidate match over tokens [i, j).
type cand struct {
	i, j      int
	typ, val  string
	mod       string
	beg, till string // interval of an anchored duration, see Expr
	isAgo     bool   // a date computed from a distance ("two years ago")
	setsQ     bool   // names a quarter the following text may refer back to
	// alt is the DATE value of a match whose own type is DURATION, for
	// positions: "the year" is P1Y, "the end of the year" a date.
	alt string
	// dayless marks a clock time that names no day of its own, dated by
	// the reference (see clockDays)
	dayless bool
}

// parser holds the state of one Find call.
type parser struct {
	text   string
	t      []token
	lx     *lexicon
	ref    time.Time // reference day (midnight UTC)
	refT   time.Time // reference time as given
	hasRef bool
	// exhaustive turns off the shortcut of shortcut.go, for tests that
	// check the shortcut changes nothing.
	exhaustive bool
	// lastQ and lastQY remember the last quarter mentioned, which "the
	// quarter" and "the year-earlier quarter" refer back to in business news.
	lastQ, lastQY int
	// lastDate is the last calendar value mentioned, which "that year",
	// "that day" and "the same day" refer back to.
	lastDate string
}

// newParser tokenizes text into toks (reused, see tokenBufs) and looks
// up each word's lexicon entry once.
func newParser(text, lower string, ref time.Time, toks []token, exhaustive bool) *parser {
	p := &parser{text: text, lx: english(), refT: ref, hasRef: !ref.IsZero(), exhaustive: exhaustive}
	if p.hasRef {
		p.ref = dayOf(ref)
	}
	if lower == "" {
		lower = lowerASCII(text)
	}
	p.t = tokenizeLower(text, lower, toks)
	for i := range p.t {
		if p.t[i].kind != kNum {
			p.t[i].info = p.lx.entry(p.t[i].w)
		}
	}
	return p
}

// run appends the expressions found to out.
func (p *parser) run(out []Expr) []Expr {
	// News has a temporal expression in about every 60 tokens.
	out = slices.Grow(out, len(p.t)/64+4)
	first := len(out)
	var dayless []int // indexes in out of clock times with no day of their own
	for i := 0; i < len(p.t); {
		tk := &p.t[i]
		if tk.kind == kWord && tk.info == nil {
			i++
			continue
		}
		if tk.kind == kPunct && tk.info == nil {
			i++
			continue
		}
		c, ok := p.best(i)
		if !ok {
			i++
			continue
		}
		s, e := p.t[c.i].s, p.t[c.j-1].e
		i = c.j
		if n := len(out); n > first && c.typ == TypeDuration && out[n-1].Type == TypeDuration && p.text[out[n-1].End:s] == " to " {
			// A range of two durations in other units ("a week to 10
			// days") is one, as "seven to ten days" is: its upper bound.
			prev := &out[n-1]
			prev.End, prev.Text, prev.Value, prev.Mod = e, p.text[prev.Start:e], c.val, c.mod
			continue
		}
		if c.dayless {
			dayless = append(dayless, len(out))
		}
		out = append(out, Expr{Start: s, End: e, Text: p.text[s:e], Type: c.typ, Value: c.val, Mod: c.mod, Begin: c.beg, Until: c.till})
	}
	if len(dayless) > 0 {
		p.clockDays(out, first, dayless)
	}
	return out
}

// clockDays dates a clock time that names no day by the day told right
// beside it: "Saturday from 9 a.m. to 1 p.m." and "from 9 a.m. to 1 p.m.
// Saturday" are both times of that Saturday, not of the day the story
// was filed. The day stands before the time, joined by a preposition, or
// after a range the time opens; a time dated so dates the next one of a
// range in turn.
func (p *parser) clockDays(out []Expr, first int, dayless []int) {
	isDayless := make(map[int]bool, len(dayless))
	for _, n := range dayless {
		isDayless[n] = true
	}
	dayOf := func(e Expr) string {
		switch {
		case e.Type == TypeTime:
			if t := strings.IndexByte(e.Value, 'T'); t == 10 {
				return e.Value[:10]
			}
		case e.Type == TypeDate && len(e.Value) == 10 && e.Mod == "":
			return e.Value // "2025-08-23", "XXXX-WXX-6"
		}
		return ""
	}
	set := func(n int, day string) {
		if t := strings.IndexByte(out[n].Value, 'T'); t >= 0 {
			out[n].Value = day + out[n].Value[t:]
			delete(isDayless, n)
		}
	}
	// forward: "Saturday from 9 a.m. to 1 p.m."
	for _, n := range dayless {
		if n-1 < first || isDayless[n-1] {
			continue
		}
		if day := dayOf(out[n-1]); day != "" && clockJoinBefore[strings.TrimSpace(p.text[out[n-1].End:out[n].Start])] {
			set(n, day)
		}
	}
	// backward: "from 9 a.m. to 1 p.m. Saturday"
	for k := len(dayless) - 1; k >= 0; k-- {
		n := dayless[k]
		if !isDayless[n] || n+1 >= len(out) || isDayless[n+1] || out[n+1].Type != TypeTime {
			continue
		}
		if day := dayOf(out[n+1]); day != "" && clockRangeJoin[strings.TrimSpace(p.text[out[n].End:out[n+1].Start])] {
			set(n, day)
		}
	}
}

// clockJoinBefore join a day to the clock time after it ("Saturday from 9
// a.m.", "Friday at noon") or the two ends of a range of times.
var clockJoinBefore = map[string]bool{"from": true, "at": true, "between": true, "until": true,
	"to": true, "and": true, "-": true, "–": true, "through": true}

// clockRangeJoin join the two ends of a range of clock times.
var clockRangeJoin = map[string]bool{"to": true, "and": true, "-": true, "–": true, "until": true, "through": true}

// rule tries to match an expression starting at token i.
type rule func(p *parser, i int) (cand, bool)

var rules = []rule{
	(*parser).ruleDate,
	(*parser).ruleWeekday,
	(*parser).ruleDeictic,
	(*parser).ruleRef,
	(*parser).ruleYear,
	(*parser).ruleQuarter,
	(*parser).ruleSet, // before ruleQuant: "5% a year" is a rate, not a span
	(*parser).ruleRel,
	(*parser).ruleQuant,
	(*parser).ruleSeason,
	(*parser).ruleHoliday,
	(*parser).ruleClock,
}

// core returns the longest rule match at i.
func (p *parser) core(i int) (cand, bool) {
	var best cand
	found := false
	for _, r := range rules {
		if c, ok := r(p, i); ok && (!found || c.j > best.j) {
			best, found = c, true
		}
	}
	return best, found
}

// best returns the longest match at i, including leading modifiers.
func (p *parser) best(i int) (cand, bool) {
	best, found := p.coreAt(i)
	// Position modifiers: "early next year", "the end of 1990", "mid-1990s".
	if mod, k, ok := p.match(kindPos, i); ok {
		if p.w(k) == "-" && p.adj(k) {
			k++
		}
		c, ok := p.coreAt(k)
		if ok && c.alt != "" {
			c.typ, c.val = TypeDate, c.alt
		}
		if ok && (c.typ == TypeDate || c.typ == TypeTime) && c.val != "PAST_REF" && c.val != "FUTURE_REF" && c.val != "PRESENT_REF" {
			// "earlier"/"later" only qualify "this/last/next ...".
			w0 := p.w(i)
			if (w0 != "earlier" && w0 != "later") || isRelWord(p.w(k)) {
				if !c.hasMod() {
					c.mod = mod
				}
				c.i = i
				if !found || c.j >= best.j {
					best, found = c, true
				}
			}
		}
	}
	// Quantity modifiers: "nearly three years", "more than a decade ago".
	if mod, k, ok := p.match(kindMod, i); ok && !isRelWord(p.w(k)) && p.w(k) != "the" {
		if c, ok := p.coreAt(k); ok && (c.typ == TypeDuration || c.ago()) {
			c.mod = mod
			if c.ago() {
				// A distance back in time: "more than" a year ago is
				// before that date, "nearly" a year ago about it.
				switch mod {
				case "MORE_THAN", "EQUAL_OR_MORE":
					c.mod = "BEFORE"
				case "LESS_THAN":
					c.mod = "AFTER"
				default:
					c.mod = "APPROX"
				}
			}
			c.i = i
			if !found || c.j > best.j {
				best, found = c, true
			}
		}
	}
	if found {
		// "the next year or so".
		if p.w(best.j) == "or" && p.w(best.j+1) == "so" {
			best.j += 2
			if best.mod == "" {
				best.mod = "APPROX"
			}
		}
		p.remember(best)
	}
	return best, found
}

func (c cand) hasMod() bool { return c.mod != "" }

// ago reports whether c is a date computed from a distance ("two years ago").
func (c cand) ago() bool { return c.isAgo }

// remember updates the discourse state after a match.
func (p *parser) remember(c cand) {
	v := c.val
	if (c.typ == TypeDate || c.typ == TypeTime) && len(v) >= 4 && isDigits(v, 0, 4) {
		p.lastDate = v
	}
	if c.typ == TypeDuration && (v == "P6M" || v == "P9M") {
		// "the first nine months": the period in hand is no longer a
		// quarter, so "a year earlier" means the year.
		p.lastQ = 0
	}
	if c.setsQ && len(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4' {
		p.lastQ = int(v[6] - '0')
		p.lastQY = atoi4(v[:4])
	}
}

func isRelWord(w string) bool {
	switch w {
	case "this", "last", "next", "past", "coming", "the", "that":
		return true
	}
	return false
}

// w returns the word of token i, or "" past the end.
func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.t) {
		return ""
	}
	return p.t[i].w
}

// adj reports whether token i directly follows token i-1 (no space).
func (p *parser) adj(i int) bool { return i > 0 && i < len(p.t) && !p.t[i].sp }

// num returns the integer value of token i if it is a plain integer.
func (p *parser) num(i int) (int, bool) {
	if i < 0 || i >= len(p.t) || p.t[i].kind != kNum {
		return 0, false
	}
	v := p.t[i].num
	if v != float64(int(v)) || len(p.t[i].w) > 9 {
		return 0, false
	}
	for k := 0; k < len(p.t[i].w); k++ {
		if !isDigit(p.t[i].w[k]) {
			return 0, false
		}
	}
	return int(v), true
}

// dot skips an abbreviation point directly attached at i.
func (p *parser) dot(i int) int {
	if p.w(i) == "." && p.adj(i) {
		return i + 1
	}
	return i
}

func atoi4(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return 0
		}
		n = n*10 + int(s[k]-'0')
	}
	return n
}

// future reports whether the sentence around token i speaks of the future,
// judged from cue words ("will", "scheduled", ...) in the few tokens before
// it and right after it. News is mostly past tense, so the default is past.
func (p *parser) future(i int) bool { return p.tense(i) > 0 }

// dayHalfDot reports whether the full stop at token k is one of "a.m." or
// "p.m.".
func (p *parser) dayHalfDot(k int) bool {
	prev := p.w(k - 1)
	return (prev == "a" || prev == "p") && p.w(k+1) == "m" || prev == "m" && p.w(k-2) == "." && (p.w(k-3) == "a" || p.w(k-3) == "p")
}

// plannedEvent are nouns whose date is usually ahead even in a past-tense
// sentence.
var plannedEvent = map[string]bool{
	"meeting": true, "summit": true, "visit": true, "deadline": true, "vote": true, "election": true,
	"elections": true, "referendum": true, "ceremony": true, "conference": true,
}

// tense is future() with a third answer: +1 future, -1 past (a past verb
// is closer than any future cue), 0 when the sentence gives no cue.
func (p *parser) tense(i int) int {
	lo := i - 12
	for k := i - 1; k >= 0 && k >= lo; k-- {
		w := p.t[k].w
		if w == "." && p.dayHalfDot(k) {
			lo -= 2 // "from 9 a.m. to 1 p.m. Saturday": no sentence ends, and "a.m." is one word
			continue
		}
		if w == "." || w == "!" || w == "?" || w == ";" || w == "\"" || p.t[k+1].nl {
			break
		}
		if p.lx.has(kindFuture, w) {
			return 1
		}
		if plannedEvent[w] {
			// "agreed to the meeting in early September": the date belongs to
			// a planned event, not to the past verb before it.
			return 0
		}
		if pastVerb(w) || w == "since" {
			// A past verb closer to the date than any cue wins, unless
			// it is a passive future: "to be published", "will be held".
			if p.w(k-1) == "be" {
				switch p.w(k - 2) {
				case "to", "will", "would", "shall", "'ll", "could", "may", "might", "can", "should", "must":
					return 1
				}
			}
			return -1
		}
	}
	for k := i + 1; k < len(p.t) && k <= i+6; k++ {
		if w := p.t[k].w; w == "." || w == ";" || w == "!" || w == "?" {
			break
		}
		w := p.t[k].w
		if w == "will" || w == "'" && p.w(k+1) == "ll" {
			return 1
		}
		if pastVerb(w) {
			return -1
		}
	}
	return 0
}

// irregularPast lists common irregular past-tense verbs of news text.
var irregularPast = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "met": true, "told": true,
	"took": true, "made": true, "came": true, "went": true, "gave": true, "held": true, "left": true,
	"began": true, "saw": true, "got": true, "won": true, "lost": true, "fell": true, "rose": true,
	"sent": true, "spoke": true, "wrote": true, "found": true, "became": true, "brought": true,
	"set": false, "hit": false, "paid": true, "sold": true, "bought": true, "led": true, "fled": true,
	"struck": true, "shot": true, "drew": true, "ran": true, "flew": true, "chose": true, "ate": true,
}

// pastVerb guesses whether w is a past-tense verb: an irregular one, or a
// word ending in "-ed" (the future cues "scheduled", "expected", "planned"
// are checked before this).
func pastVerb(w string) bool {
	if irregularPast[w] {
		return true
	}
	return len(w) > 4 && w[len(w)-2:] == "ed" && w != "need" && w != "indeed" && w != "speed"
}
