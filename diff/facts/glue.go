package facts

import "strings"

// deglue splits a word the scraper glued to the next one when it dropped
// the space before a link: "Trumprefuses to say", "the Supreme
// Courtblocked a ruling", "alsoconsidering". Only a stance verb's inflected
// form ("refuses", "blocked", "considering") is split off, and only from a
// name that stands alone elsewhere in the text ("Trump") or an auxiliary
// or adverb ("also", "has"), so words such as "disapproved" or "setbacks"
// stay whole. Most words are rejected by their ending or length alone.
//
// The scraper glues the word after a link too: "consideringa plan",
// "rejectedby the court", "pleadednot guilty". A stance verb's inflected
// form followed by a function word that often follows it is split off the
// same way, also when both ends are glued ("the governordeclareda state
// of emergency"). An auxiliary glued to the subject before it is split
// off too ("Virginia voterswill decide"), so the verb after it finds its
// subject.
func (d *doc) deglue(buf *docBuf) {
	for i := 0; i < len(d.toks); i++ {
		t := &d.toks[i]
		l := t.lower
		if p := d.gluedAfter(t); p > 0 {
			d.splitTok(buf, i, p)
			i++
			continue
		}
		if p := d.gluedAux(i); p > 0 {
			d.splitTok(buf, i, p)
			i++
			continue
		}
		if p := d.gluedLocative(i); p > 0 {
			d.splitTok(buf, i, p)
			i++
			continue
		}
		if t.kind != tokWord || t.cls != 0 || len(l) < 8 || t.curly || len(l) != len(t.text) || !inflectedEnd(l) {
			continue
		}
		for p := 3; p <= len(l)-5; p++ {
			suf := l[p:]
			if !d.stanceForm(suf) || !d.gluedPrefix(i, t.text[:p], l[:p], t.upper) {
				continue
			}
			d.splitTok(buf, i, p)
			// the verb may be glued to the next word too: "votersapproveda plan"
			if q := d.gluedAfter(&d.toks[i+1]); q > 0 {
				d.splitTok(buf, i+1, q)
				i++
			}
			i++
			break
		}
	}
}

// glueAux are auxiliaries the scraper glues to the subject before them:
// "voterswill decide", "Putinhas rejected".
var glueAux = [...]string{"will", "would", "has", "have", "had"}

// gluedAux returns where an auxiliary glued to the end of a subject starts
// in token i ("voters|will"), or 0. The subject must be a word of its own
// as gluedPrefix tells; "goodwill" is one word.
func (d *doc) gluedAux(i int) int {
	t := &d.toks[i]
	l := t.lower
	if t.kind != tokWord || t.cls != 0 || len(l) < 7 || t.curly || len(l) != len(t.text) || l == "goodwill" {
		return 0
	}
	for _, w := range glueAux {
		p := len(l) - len(w)
		if p >= 4 && strings.HasSuffix(l, w) && d.gluedPrefix(i, t.text[:p], l[:p], t.upper) {
			return p
		}
	}
	return 0
}

// inflectedEnd reports whether l ends as an inflected verb form may, or
// as one with "a", "an" or "the" glued after it ("declareda").
func inflectedEnd(l string) bool {
	for _, w := range [...]string{"", "a", "an", "the"} {
		v, ok := strings.CutSuffix(l, w)
		if ok && (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "ing") || strings.HasSuffix(v, "es")) {
			return true
		}
	}
	return false
}

// stanceForm reports whether suf is an inflected stance verb form, alone
// ("declared") or with a function word glued after it ("declareda").
func (d *doc) stanceForm(suf string) bool {
	return d.lx.classFilter.MayHave(suf) && d.lx.class[suf]&clsStance != 0 || d.trailGlued(suf) > 0
}

// splitTok splits token i into two at its p-th byte.
func (d *doc) splitTok(buf *docBuf, i, p int) {
	t := &d.toks[i]
	l := t.lower
	second := *t
	second.start, second.text, second.lower, second.upper, second.space = t.start+p, t.text[p:], l[p:], false, false
	second.cls = 0
	if d.lx.classFilter.MayHave(second.lower) {
		second.cls = d.lx.class[second.lower]
	}
	t.end, t.text, t.lower = t.start+p, t.text[:p], l[:p]
	t.cls = 0
	if d.lx.classFilter.MayHave(t.lower) {
		t.cls = d.lx.class[t.lower]
	}
	d.toks = append(d.toks, token{})
	copy(d.toks[i+2:], d.toks[i+1:])
	d.toks[i+1] = second
	buf.toks = d.toks
}

// trailGlue are function words the scraper glues to the end of a stance
// verb before a link: "consideringa", "rejectedby", "pleadednot".
var trailGlue = [...]string{"a", "an", "the", "to", "in", "on", "for", "of", "at", "by", "not", "that", "with"}

// gluedAfter returns where a function word glued to the end of an
// inflected stance verb form starts in token t ("considering|a"), or 0.
func (d *doc) gluedAfter(t *token) int {
	l := t.lower
	if t.kind != tokWord || t.cls != 0 || len(l) < 6 || t.curly || len(l) != len(t.text) {
		return 0
	}
	return d.trailGlued(l)
}

// trailGlued returns where a function word glued to the end of an
// inflected stance verb form starts in l ("considering|a"), or 0.
func (d *doc) trailGlued(l string) int {
	for _, w := range trailGlue {
		p := len(l) - len(w)
		if p < 5 || !strings.HasSuffix(l, w) {
			continue
		}
		v := l[:p]
		if (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "ing") || strings.HasSuffix(v, "s")) &&
			d.lx.classFilter.MayHave(v) && d.lx.class[v]&clsStance != 0 {
			return p
		}
	}
	return 0
}

// compoundParticles start English compound verbs: "overextended",
// "counterclaimed", "backfired".
var compoundParticles = map[string]bool{"over": true, "under": true, "out": true, "down": true, "back": true,
	"fore": true, "counter": true, "cross": true, "self": true, "with": true, "after": true}

// gluedPrefix reports whether the letters before a glued stance verb or
// auxiliary, in token i, form a word of their own: an auxiliary or adverb
// ("also", "has"), a lower-case noun of four letters or more after a
// determiner or a name ("the governor", "Virginia voters"), or a
// capitalised name of four letters or more that the text also writes
// alone ("Trump").
func (d *doc) gluedPrefix(i int, text, lower string, upper bool) bool {
	if !upper {
		if skippable[lower] {
			return true
		}
		// a lower-case noun after a determiner or a name, "the
		// governordeclared", "Virginia votersapproved", but no particle or
		// function word that forms compounds ("the overextended army")
		if len(lower) < 4 || compoundParticles[lower] || d.lx.function[lower] || i == 0 {
			return false
		}
		// a finite form only: "the pagesupporting" is more often a
		// modifier, and "uncompromising" one word
		if t := &d.toks[i]; strings.HasSuffix(t.lower, "ing") || strings.HasSuffix(t.lower, "ings") {
			return false
		}
		p := &d.toks[i-1]
		return p.kind == tokWord && (isDeterminer(p.lower) || p.upper)
	}
	if len(text) < 4 || text[1:] != lower[1:] {
		return false
	}
	for i := range d.toks {
		if d.toks[i].text == text {
			return true
		}
	}
	return false
}

// gluedLocative returns where a locative "in" or "at" the scraper glued to
// the end of a linked word starts in token i, or 0: "prepared
// sandbagsin Waialua", "a drone strikein Kuwait", "International Airportin
// Las Vegas". The place after it then has its locative back. The word
// before must stand alone elsewhere in the text ("sandbags"), five letters
// or more, and a capitalised word must follow, so "within Iran", "certain
// Democrats" or "Bahrain" stay whole.
func (d *doc) gluedLocative(i int) int {
	t := &d.toks[i]
	l := t.lower
	if t.kind != tokWord || len(l) < 7 || t.curly || len(l) != len(t.text) ||
		!(strings.HasSuffix(l, "in") || strings.HasSuffix(l, "at")) {
		return 0
	}
	if i+1 >= len(d.toks) || !d.toks[i+1].space || !d.toks[i+1].isCap() {
		return 0
	}
	p := len(l) - 2
	stem := t.text[:p]
	for k := range d.toks {
		if k != i && d.toks[k].text == stem {
			return p
		}
	}
	return 0
}
