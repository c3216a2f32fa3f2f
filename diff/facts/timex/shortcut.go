package timex

// The tagger tries every rule (see core) at about one token in five: every
// number and every word the lexicon knows, "the" and "a" among them. Most
// of those tries fail, and they were the largest part of its time. This
// file answers, before core is tried at a token, whether any rule can
// match there at all, from facts about the token gathered once per
// lexicon word. The answer is conservative (it may say yes where no rule
// matches) and never says no where one could, which keeps the output
// exactly that of trying everywhere; TestShortcutRandomWords and
// FuzzShortcut check that against the exhaustive parser.
//
// What a rule looks at in the token where its match starts, read from
// rules_*.go: the token's number value, lexicon phrases of the kinds in
// coreKinds starting there, or its spelling, for the words of coreWords
// and durWords and weekday plurals ("Mondays"). Every other test a rule
// makes is of later tokens, after one of those has matched, except for the
// few words of lookPast ("the next two years", "a year", "'98"), after
// which the next token must be one a rule can look at, as above.

// coreKinds are the lexicon kinds that rules match where they start.
// Modifiers (kindMod, kindPos) are matched by best itself, and kindFuture
// only by tense, which never starts a match.
var coreKinds = [...]int{
	kindMonth, kindWeekday, kindUnit, kindSeason, kindPartofday, kindNumber, kindVague,
	kindOrdinal, kindDecade, kindRef, kindDeictic, kindRel, kindSet, kindHoliday,
}

// coreWords are the words some rule tests by spelling where it starts
// (or, for "the" and "a", right after): "tonight", "noon", "year-end",
// "fiscal 1998", "the same day", "Q3", "every week", "a half year".
var coreWords = map[string]bool{
	"the": true, "a": true, "an": true, "that": true, "this": true, "last": true, "tonight": true,
	"'": true, "year": true, "nineteen": true, "fiscal": true, "fy": true, "comparable": true,
	"same": true, "corresponding": true, "q": true, "every": true, "each": true, "half": true,
	"noon": true, "midday": true, "midnight": true, "day": true, "more": true, "straight": true,
	"consecutive": true, "trading": true,
}

// lookPast are the words of coreWords that rules test only together with
// the token after them: "the next week", "a year", "that day", "'98". At
// one of them, core can match through the word's own phrases ("the
// past", checked by mayCore) or when the next token is one a rule tests.
var lookPast = map[string]bool{"the": true, "a": true, "an": true, "that": true, "'": true}

// coreInfo is what the lexicon says about a word as the start of a rule
// match, computed once per lexicon word.
type coreInfo struct {
	any     bool     // a phrase of a core kind starts with the word
	one     bool     // the word alone is such a phrase
	seconds []string // second words of the longer ones
	spelled bool     // a rule tests the word itself (see spelledWord)
}

// coreInfoOf gathers coreInfo for the lexicon entry of word w.
func coreInfoOf(lx *lexicon, w string, e *entry) coreInfo {
	ci := coreInfo{spelled: spelledWord(lx, w)}
	for _, k := range coreKinds {
		for _, ph := range e.byKind[k] {
			ci.any = true
			if len(ph.words) == 1 {
				ci.one = true
			} else {
				ci.seconds = append(ci.seconds, ph.words[1])
			}
		}
	}
	return ci
}

// spelledWord reports whether a rule tests w by its spelling where a
// match starts: a word of coreWords or durWords, or a weekday plural.
func spelledWord(lx *lexicon, w string) bool {
	if coreWords[w] {
		return true
	}
	if _, ok := durWords[w]; ok {
		return true
	}
	if len(w) > 4 && w[len(w)-1] == 's' {
		if _, ok := weekdayPlural(lx, w); ok {
			return true
		}
	}
	return false
}

// looksAt reports whether token j is one a rule tests where it starts:
// a number, a spelled word, or the first word of a phrase of a core kind.
func (p *parser) looksAt(j int) bool {
	if j >= len(p.t) {
		return false
	}
	t := &p.t[j]
	switch {
	case t.kind == kNum:
		return true
	case t.info != nil:
		return t.info.core.any || t.info.core.spelled
	}
	return spelledWord(p.lx, t.w)
}

// mayCore is the test described at the top of this file: false only
// where core(i) must fail.
func (p *parser) mayCore(i int) bool {
	t := &p.t[i]
	if t.kind == kNum {
		return true
	}
	if t.info == nil {
		// Not a lexicon word: run never starts here, but best tries
		// core after a modifier ("nearly", "early") at any token.
		return spelledWord(p.lx, t.w)
	}
	ci := &t.info.core
	if ci.one {
		return true
	}
	if ci.spelled {
		if !lookPast[t.w] || p.looksAt(i+1) {
			return true
		}
		// "a year to 18 months", "a - year": ruleQuant reads a range
		// or a hyphen after the article before the unit.
		if t.w == "a" || t.w == "an" {
			switch p.w(i + 1) {
			case "to", "or", "-":
				return true
			}
		}
	}
	if i+1 < len(p.t) {
		next := p.t[i+1].w
		for _, s := range ci.seconds {
			if s == next {
				return true
			}
		}
	}
	return false
}

// coreAt is core(i) where core may match, and no match elsewhere.
func (p *parser) coreAt(i int) (cand, bool) {
	if i < 0 || i >= len(p.t) || !p.exhaustive && !p.mayCore(i) {
		return cand{}, false
	}
	return p.core(i)
}
