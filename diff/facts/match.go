package facts

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/align"
)

// matcher pairs the facts of two versions and collects the changes.
type matcher struct {
	lx  *lexicon
	pos []float64
	out []change
	// sameSentence is set while pair compares two sentences of equal text.
	sameSentence bool
	// loneBare is set while pair compares two sentences that hold one bare
	// figure each (a number with no unit or noun to tell what it counts)
	loneBare bool
	// oldText and newText are the two versions' texts, for what a fact's
	// own words cannot tell: a reattribution against mere reordering, a
	// quote's cut or merge, the words around a date.
	oldText, newText string
	// replies are the quiet statements to the press of the new version
	// that nothing matched: each may answer a pending reply (see answer)
	replies []change
	// oldSents and newSents are the sentences of the two versions.
	oldSents, newSents []align.Sentence
	// oldNotices and newNotices are the byte spans of the correction
	// notices the compared sentences hold, and oldBody and newBody the
	// texts with them blanked: a notice names the wrong value to retract
	// it ("They took place in Gomel, not Brest"), so a fact it names is
	// not stated there.
	oldNotices, newNotices [][2]int
	oldBody, newBody       string
	// flat holds the words of the old [0] and new [1] body, joined by
	// spaces, once a quote asks for them (toldUnquoted)
	flat [2]string
	// lower holds the old [0] and new [1] body lower-cased, once a
	// percentage asks for it (fractionSaid)
	lower [2]string
	// cut holds the old quotes found the same as a new one cut from them
	// with an ellipsis: what the cut took went with the quote's words
	cut [][2]int
}

// setNotices finds the correction notices among the items of both sides.
func (m *matcher) setNotices(o, n []item) {
	m.oldNotices, m.oldBody = notices(o, m.oldText)
	m.newNotices, m.newBody = notices(n, m.newText)
}

// notices returns the spans of the correction notices among its and text
// with them blanked (text itself when there is none).
func notices(its []item, text string) ([][2]int, string) {
	var spans [][2]int
	for i := range its {
		if its[i].Kind == KindCorrection && !reportsNews(&its[i]) && its[i].Start >= 0 && its[i].End <= len(text) && its[i].Start < its[i].End {
			spans = append(spans, [2]int{its[i].Start, its[i].End})
		}
	}
	if len(spans) == 0 {
		return nil, text
	}
	b := []byte(text)
	for _, sp := range spans {
		for k := sp[0]; k < sp[1]; k++ {
			b[k] = ' '
		}
	}
	return spans, string(b)
}

// inSpans reports whether offset at lies in one of spans.
func inSpans(spans [][2]int, at int) bool {
	for _, sp := range spans {
		if at >= sp[0] && at < sp[1] {
			return true
		}
	}
	return false
}

// related reports whether old sentence oi and new sentence ni tell of the
// same thing: a third of the content words of the shorter are in the
// other, or one is too short to tell. Figures that are not of one slot in
// neighbouring sentences (measures told with other words after them, the
// only figure of a thing far away) pair as one changed figure only then.
func (m *matcher) related(oi, ni int) bool {
	if oi < 0 || ni < 0 || oi >= len(m.oldSents) || ni >= len(m.newSents) {
		return true // no sentences to tell
	}
	a, b := m.oldSents[oi].Text, m.newSents[ni].Text
	if a == b {
		return true
	}
	wa, wb := contentWords(m.lx, a), contentWords(m.lx, b)
	// a short sentence has too few words to tell: "The Dow was down 219
	// points." and "The Dow closed lower by 67 points."
	return min(len(wa), len(wb)) <= 4 || overlap(wa, wb) >= 0.3
}

// contentWords are the words of s longer than three letters that are no
// function words. Numbers are left out: they are what changed.
func contentWords(lx *lexicon, s string) []string {
	var out []string
	for _, w := range normWords(lx, s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s") // "Oahu’s" is Oahu
		if lx.isContent(w) && (w[0] < '0' || w[0] > '9') {
			out = append(out, w)
		}
	}
	return out
}

// isContent reports whether the lower-case word w is a content word: longer
// than three letters and no function word.
func (lx *lexicon) isContent(w string) bool { return len(w) > 3 && !lx.function[w] }

// anyContent reports whether one of ws is a content word.
func (lx *lexicon) anyContent(ws []string) bool {
	for _, w := range ws {
		if lx.isContent(w) {
			return true
		}
	}
	return false
}

// pass is one round of pairing: pair a and b when same holds; report says
// whether the pair is a change (else the fact simply stayed).
type pass struct {
	same   func(m *matcher, a, b *item) bool
	report bool
}

var passes = map[Kind][]pass{
	KindDate: {
		{func(m *matcher, a, b *item) bool { return m.dateEqual(a, b) }, false},
		// a length changed is told as a length ("two days" -> "a single
		// day") before a length firms up into a date
		{func(_ *matcher, a, b *item) bool { return a.Type == "DURATION" && b.Type == "DURATION" }, true},
		{func(_ *matcher, a, b *item) bool { return comparableDates(a, b) }, true},
	},
	KindNumber: {
		{func(_ *matcher, a, b *item) bool { return sameFigure(a, b) }, false},
		{func(_ *matcher, a, b *item) bool { return sameCount(a, b) }, false},
		// a fraction (quiet) is a share changed only when it is the
		// share of the same thing ("20% of the wells" -> "a third of the
		// wells"); any other percentage nearby may be another share
		{func(_ *matcher, a, b *item) bool { return a.slot == b.slot && a.slot != "|" }, true},
		{func(_ *matcher, a, b *item) bool {
			return unitOf(a) == unitOf(b) && unitOf(a) != "" && !a.quiet && !b.quiet
		}, true},
		// "capped at 5,000" -> "limited to 7,500": the one bare figure of
		// a sentence rewritten around it is the figure changed
		{func(m *matcher, a, b *item) bool { return m.loneBare && a.slot == "|" && b.slot == "|" }, true},
	},
	KindQuote: {
		{func(m *matcher, a, b *item) bool { return m.sameQuote(a, b) }, false},
		{func(_ *matcher, a, b *item) bool { return overlap(a.words, b.words) >= 0.5 }, true},
	},
	KindPosition: {
		{func(_ *matcher, a, b *item) bool { return sameActor(a, b) && a.key == b.key }, false},
		// "would appeal" → "plans to appeal": one intention told two ways
		{func(m *matcher, a, b *item) bool { return sameActor(a, b) && m.plannedAlike(a, b) }, false},
		// an unchanged sentence: a pronoun read as another actor after
		// edits elsewhere changes nothing the reader sees
		{func(m *matcher, a, b *item) bool { return m.sameSentence && a.key == b.key && a.Text == b.Text }, false},
		{func(_ *matcher, a, b *item) bool { return sameStance(a, b) }, false},
		// a statement to the press changes a stance only as the answer to
		// a pending reply (see answer)
		// two stances told as history ("had backed" -> "had opposed")
		// in aligned sentences: the history corrected
		{func(_ *matcher, a, b *item) bool {
			return sameActor(a, b) && (!a.quiet && !b.quiet || a.quiet && b.quiet && !isReply(a) && !isReply(b))
		}, true},
		// one sentence rewritten, its stance on the same matter with the
		// actor named otherwise ("Lavrov said Moscow was open to a
		// meeting" -> "Lavrov ruled out a meeting"): one stance changed,
		// not one removed and another added
		// (the same stance held by another actor stays removed and added:
		// "Russia ruled out" -> "Germany ruled out")
		{func(_ *matcher, a, b *item) bool { return a.key != b.key && sameMatter(a, b) }, true},
		// "has confirmed that Putin agreed" -> "has denied that Putin
		// agreed": a claim the actor stood by, now denied (or the other
		// way round), is its stance changed, though a claim confirmed is
		// no news on its own
		{func(_ *matcher, a, b *item) bool { return sameActor(a, b) && claimTurned(a, b) }, true},
		// "condemned the strikes" -> "praised the strikes": praise, no
		// stance on its own, is the other side of one turned
		{func(_ *matcher, a, b *item) bool { return sameActor(a, b) && praiseTurned(a, b) }, true},
	},
	KindLocation: {
		{func(_ *matcher, a, b *item) bool { return a.key == b.key || sameBorder(a, b) }, false},
		// a town's state, a continent or world region is no news on
		// its own: it never stands for another place ("Mobile,
		// Alabama" → "Houston"); the city a site stands in does
		{func(_ *matcher, a, b *item) bool { return (!a.minor || a.siteCity) && (!b.minor || b.siteCity) }, true},
	},
	KindCorrection: {
		{func(_ *matcher, a, b *item) bool { return sameNotice(a, b) }, false},
		{func(_ *matcher, a, b *item) bool { return true }, true},
	},
}

// plannedAlike reports whether old stance a and new stance b are one
// intention, told once as a plan ("plans to appeal", "intends to veto the
// bill") and once as the stance the actor will take ("would appeal",
// "will veto the bill"): a plan holds the stance of its object verb
// ("plans to ask for more"), so the two read as a plan and a rejection
// though nothing changed. A stance taken ("has appealed") is the plan
// carried out, and a negated one its opposite: both still change.
func (m *matcher) plannedAlike(a, b *item) bool {
	if planned(a) {
		return willTake(b, m.newText, planVerb(a))
	}
	return planned(b) && willTake(a, m.oldText, planVerb(b))
}

// planned reports whether a stance is a plan (not "no plans to").
func planned(it *item) bool { return strings.HasPrefix(it.Value, "plan: ") }

// planVerb returns the verb a plan's object opens with ("appeal" of
// "plan: appeal the ruling").
func planVerb(it *item) string {
	v, _, _ := strings.Cut(strings.TrimPrefix(it.Value, "plan: "), " ")
	return strings.ToLower(v)
}

// willTake reports whether stance it, in text, is told as what its actor
// will do with verb v: a future or conditional form of v, not negated.
func willTake(it *item, text, v string) bool {
	words := strings.Fields(strings.ToLower(it.Text))
	if len(words) == 0 || planned(it) || !sameVerb(words[len(words)-1], v) {
		return false
	}
	if len(words) == 1 {
		words = append([]string{wordBefore(text, it.Start)}, words...)
	}
	for _, w := range words[:len(words)-1] {
		if isNeg(w) {
			return false
		}
	}
	switch w := words[0]; {
	case w == "will" || w == "would" || w == "shall":
		return true
	case strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll"):
		return true
	}
	return false
}

// claimTurned reports whether one of two stances confirms a claim (a
// quiet statement) and the other denies the same claim or has not
// confirmed it ("has not confirmed whether Putin will travel" -> "has
// confirmed that Putin will travel").
func claimTurned(a, b *item) bool {
	if b.key == "confirm" {
		a, b = b, a
	}
	return a.key == "confirm" && a.quiet && !isReply(a) && !b.quiet && (b.key == "against" && isDenial(b) || b.key == "not confirm") &&
		min(len(a.words), len(b.words)) >= 2 && overlap(a.words, b.words) >= 0.5
}

// praiseTurned reports whether one of two stances praises a matter (a
// quiet fact, see the lexicon) and the other is against the same matter.
func praiseTurned(a, b *item) bool {
	if isPraise(b) {
		a, b = b, a
	}
	return isPraise(a) && !b.quiet && b.key == "against" && min(len(a.words), len(b.words)) >= 1 && overlap(a.words, b.words) >= 0.5
}

// isPraise reports whether a stance is one of praise.
func isPraise(it *item) bool { return strings.HasPrefix(it.Value, "praise:") }

// isDenial reports whether a stance is told by "deny" ("denied that",
// "has denied", "denies").
func isDenial(it *item) bool {
	for _, w := range strings.Fields(strings.ToLower(it.Text)) {
		if strings.HasPrefix(w, "deni") || w == "deny" {
			return true
		}
	}
	return false
}

// sameMatter reports whether two stances of aligned sentences are on one
// matter: most of their object words shared, neither a reply to the press.
func sameMatter(a, b *item) bool {
	return !a.quiet && !b.quiet && !isReply(a) && !isReply(b) && min(len(a.words), len(b.words)) >= 2 && overlap(a.words, b.words) >= 0.5
}

// slotEqual compares speaker or actor keys, allowing one edit in longer
// names ("zelensky", "zelenskiy").
func slotEqual(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) >= 5 && len(b) >= 5 && editDistance(a, b) <= 1
}

var kindOrder = []Kind{KindDate, KindNumber, KindQuote, KindPosition, KindLocation, KindCorrection}

func unitOf(it *item) string { u, _, _ := strings.Cut(it.slot, "|"); return u }

// pair matches the facts of old sentence oi and new sentence ni.
func (m *matcher) pair(o, n *side, oi, ni int) {
	pos := m.pos
	olds, news := o.by[oi], n.by[ni]
	m.sameSentence = o.sents[oi].Text == n.sents[ni].Text
	m.loneBare = bareFigures(o.items, olds) == 1 && bareFigures(n.items, news) == 1
	usedO, usedN := make([]bool, len(olds)), make([]bool, len(news))
	// A fact written the same in both stays first: in "Nearly 9 million
	// are under watches and another 9 million ..." edited to "Nearly 16
	// million ...", the second 9 million is the one that stayed.
	for i, a := range olds {
		ai := &o.items[a]
		for j, b := range news {
			if bi := &n.items[b]; !usedN[j] && bi.Kind == ai.Kind && (bi.Kind == KindNumber || bi.Kind == KindDate) && bi.Text == ai.Text && bi.key == ai.key {
				usedO[i], usedN[j] = true, true
				break
			}
		}
	}
	for _, k := range kindOrder {
		for _, p := range passes[k] {
			for i, a := range olds {
				ai := &o.items[a]
				if usedO[i] || ai.Kind != k {
					continue
				}
				for j, b := range news {
					bi := &n.items[b]
					if usedN[j] || bi.Kind != k || !p.same(m, ai, bi) {
						continue
					}
					usedO[i], usedN[j] = true, true
					d, changed := m.detail(ai, bi, p.report)
					if changed {
						m.out = append(m.out, change{old: ai, new: bi, oSent: oi, nSent: ni, pos: float64(ni), detail: d})
					} else if k == KindQuote && trimmedWithEllipsis(ai, bi) {
						m.cut = append(m.cut, [2]int{ai.Start, ai.End})
					}
					break
				}
			}
		}
	}
	m.respoken(o, n, olds, news, usedO, usedN, oi, ni)
	for i, a := range olds {
		if !usedO[i] && reportable(&o.items[a]) {
			m.out = append(m.out, change{old: &o.items[a], oSent: oi, nSent: -1, pos: pos[oi]})
		}
	}
	for j, b := range news {
		if !usedN[j] {
			m.added(&n.items[b], ni)
		}
	}
}

// bareFigures counts the numbers among items at idx that tell nothing of
// what they count.
func bareFigures(items []item, idx []int) int {
	n := 0
	for _, k := range idx {
		if it := &items[k]; it.Kind == KindNumber && it.slot == "|" && !it.quiet {
			n++
		}
	}
	return n
}

// sameCore reports whether two quotes' words are the same once the words
// that frame a quoted phrase are set aside: "a big step forward" quoted
// again as "It's a big step forward" says the same. Negations, numbers and
// every other word count: "we will not" is not "we will".
func sameCore(a, b []string) bool {
	core := func(ws []string) []string {
		out := make([]string, 0, len(ws))
		for _, w := range ws {
			if !quoteFrame[w] {
				out = append(out, w)
			}
		}
		return out
	}
	ca, cb := core(a), core(b)
	return len(ca) >= 2 && slices.Equal(ca, cb)
}

// quoteFrame are the words that frame a quoted phrase into a sentence of
// its own ("it's", "this is", "that was") or a spoken one ("well", "so").
var quoteFrame = map[string]bool{"a": true, "an": true, "the": true, "it": true, "it's": true, "its": true,
	"is": true, "was": true, "this": true, "that": true, "that's": true, "well": true, "so": true}

// sameDateWords reports whether two dates' words are the same but for a
// month's abbreviation ("Sept. 3", "September 3"): the tagger may anchor
// the two on different years from the words around them ("set for" and
// "scheduled for"), which is no edit of the reader's.
func sameDateWords(a, b string) bool {
	pa, oka := plainWords(strings.Fields(strings.ToLower(a)))
	pb, okb := plainWords(strings.Fields(strings.ToLower(b)))
	return (oka || okb) && slices.Equal(pa, pb)
}

// reordered reports whether a quote attributed by a pronoun ("he said")
// changed speaker only because sentences moved: both sentences that named
// the speakers stand unchanged in the other version.
func (m *matcher) reordered(a, b *item) bool {
	return a.via != "" && b.via != "" && strings.Contains(m.newText, a.via) && strings.Contains(m.oldText, b.via)
}

// reportable reports whether a fact may be reported as added or removed on
// its own. Vague time references ("now", "previously", "eventually"), the
// story's own time (storyTime), spans of minutes (clockSpan), frequencies
// ("nightly", "every day": recurrence), a town's state, a continent or
// world region and a quiet statement to the press take part in matching
// but are no news when they come or go.
func reportable(it *item) bool {
	if it.quiet {
		return false
	}
	if it.Kind == KindLocation {
		return !it.minor
	}
	if it.Kind != KindDate {
		return true
	}
	return !vagueRef(it) && !storyTime(it.Text) && !clockSpan(it) && !recurrence(it)
}

// detail decides whether a matched pair is a change and how to qualify it.
func (m *matcher) detail(a, b *item, report bool) (string, bool) {
	switch a.Kind {
	case KindQuote:
		if !report {
			if a.slot != "" && b.slot != "" && !slotEqual(a.slot, b.slot) && !m.reordered(a, b) {
				return "reattributed", true
			}
			return "", false
		}
		if trimmedWithEllipsis(a, b) || trimmedWithEllipsis(b, a) {
			return "", false // "… we will rebuild" from "and we will rebuild": marked as cut
		}
		if m.merged(a, b) || sameCore(a.words, b.words) {
			return "", false
		}
		return "reworded", true
	case KindDate:
		if !report || strings.EqualFold(a.Text, b.Text) || sameDateWords(a.Text, b.Text) {
			// The same words are the same date: a value that differs only
			// because the tagger anchored it on another date nearby is no
			// edit of the reader's.
			return "", false
		}
		if storyTime(a.Text) && dayInWeek(b, dayOf(a.key)) {
			// "heading to Capitol Hill this week" -> "gathered on Tuesday":
			// the story's own week, told by its day once the event came
			return "", false
		}
		if reanchored(a, b) {
			return "", false // "this week" -> "last week" as the story aged
		}
		d := dateDetail(a, b)
		if dayOf(a.key) == dayOf(b.key) && partsApart(a, b) {
			d = "shift" // "Tuesday morning" → "Tuesday afternoon": later that day
		}
		if _, zoned := m.sameMoment(a, b); zoned && a.Type == "TIME" && b.Type == "TIME" {
			d = "shift" // "2 p.m. Moscow time" → "14:00 CEST": an hour later
		}
		// "Monday" → "last week", "March 3" → "earlier this month": an
		// article ageing says the same date less precisely (aged).
		return d, d != "generalization" || !aged(a, b)
	case KindLocation:
		switch {
		case !report:
			return "", false
		case m.lx.within(b.key, a.key):
			return "refinement", true
		case m.lx.within(a.key, b.key):
			return "generalization", true
		}
		return "", true
	}
	return "", report
}

func (m *matcher) removeAll(o *side, oi int, pos []float64) {
	for _, a := range o.by[oi] {
		if !reportable(&o.items[a]) || inNotice(&o.items[a], m.oldNotices) {
			continue
		}
		m.out = append(m.out, change{old: &o.items[a], oSent: oi, nSent: -1, pos: pos[oi]})
	}
}

// inNotice reports whether fact it, of another kind than the notice's,
// stands inside one of a version's correction notices: "an earlier
// version said the ticket was sold in Modesto" retracts the place, and
// stands for no fact come or gone, nor for the one the old version told.
func inNotice(it *item, notices [][2]int) bool {
	return it.Kind != KindCorrection && inSpans(notices, it.Start)
}

func (m *matcher) addAll(n *side, ni int) {
	for _, b := range n.by[ni] {
		m.added(&n.items[b], ni)
	}
}

// added records the fact it of new sentence ni that nothing matched: as
// added when it is news on its own, as a reply that may answer a pending
// one (see answer) when it is a quiet statement to the press.
func (m *matcher) added(it *item, ni int) {
	c := change{new: it, oSent: -1, nSent: ni, pos: float64(ni)}
	if reportable(it) && !inNotice(it, m.newNotices) {
		m.out = append(m.out, c)
	}
	// only a stance answers a pending reply: a quiet entry stamp or
	// fraction says nothing to the press
	if it.quiet && it.Kind == KindPosition {
		m.replies = append(m.replies, c)
	}
}

// cancel removes a removed fact and an added fact that are the same fact
// (a sentence split, merged or moved); then it pairs a removed and an added
// fact of the same slot in neighbouring sentences as one change.
func (m *matcher) cancel() {
	drop := make([]bool, len(m.out))
	var extra []change
	gone, come := m.countsBySentence()
	added := m.addedByKind()
	for _, strict := range []bool{true, false} {
		for i := range m.out {
			r := &m.out[i]
			if drop[i] || r.new != nil || r.old == nil {
				continue
			}
			for _, j := range added[r.old.Kind] {
				a := &m.out[j]
				if drop[j] {
					continue
				}
				if strict {
					if !m.equivalent(r.old, a.new) && !(m.near(r, a) && sameCount(r.old, a.new) && m.related(r.oSent, a.nSent)) {
						continue
					}
					drop[i], drop[j] = true, true
					if d, ch := m.detail(r.old, a.new, false); ch {
						extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: d})
					}
					break
				}
				// figures of one slot pair only in sentences about the
				// same thing, as measures (sameMeasure) and far figures
				// (pairFar) do: "gains average just 15,000 jobs per
				// month" and, next to it, "government (-42,000 jobs)
				// shed jobs" are two figures
				slot := m.sameSlot(r.old, a.new) && (r.old.Kind != KindNumber || m.related(r.oSent, a.nSent))
				if !m.near(r, a) || !slot && !m.sameMeasure(r, a) && !m.soleCounts(r, a, gone, come) {
					continue
				}
				drop[i], drop[j] = true, true
				d, _ := m.detail(r.old, a.new, true)
				extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: d})
				break
			}
		}
	}
	extra = m.pairFar(drop, extra)
	extra = m.requoted(drop, extra)
	m.retold(drop, extra)
	m.replace(drop, extra)
}

// retold drops a figure gone and a figure come that restate a figure's
// change reported already: a headline and its lede tell a toll twice
// ("strike kills 7" and "killed at least seven people" -> "toll rises to
// 11" and "has risen to 11"), and once the lede's pair is told, the
// headline's would be a second alarm for one change, or a figure removed
// and one added. Both must be there, each the same figure as its side of
// the change (sameFigure or sameCount), so that a figure only one side
// repeats still counts. drop marks the changes paired already and is
// updated; extra holds the pairs found in this pass.
func (m *matcher) retold(drop []bool, extra []change) {
	// figures are bucketed by their count or key, so that a long text with
	// every figure changed costs one pass, not changes × figures²
	bucket := func(it *item) string {
		if isCount(it) {
			return "#" + countOf(it.key)
		}
		return it.key
	}
	gone, come := map[string][]int{}, map[string][]int{}
	for i, c := range m.out {
		switch {
		case drop[i] || (c.old == nil) == (c.new == nil):
		case c.old != nil && c.old.Kind == KindNumber:
			gone[bucket(c.old)] = append(gone[bucket(c.old)], i)
		case c.new != nil && c.new.Kind == KindNumber:
			come[bucket(c.new)] = append(come[bucket(c.new)], i)
		}
	}
	if len(gone) == 0 || len(come) == 0 {
		return
	}
	same := func(x, y *item) bool { return sameFigure(x, y) || sameCount(x, y) }
	find := func(in map[string][]int, it *item, side func(c change) *item) int {
		for _, i := range in[bucket(it)] {
			if !drop[i] && side(m.out[i]) != it && same(side(m.out[i]), it) {
				return i
			}
		}
		return -1
	}
	oldOf := func(c change) *item { return c.old }
	newOf := func(c change) *item { return c.new }
	retell := func(c change) {
		if c.old == nil || c.new == nil || c.old.Kind != KindNumber {
			return
		}
		i := find(gone, c.old, oldOf)
		if i < 0 {
			return
		}
		if j := find(come, c.new, newOf); j >= 0 {
			drop[i], drop[j] = true, true
		}
	}
	for i, c := range m.out {
		if !drop[i] {
			retell(c)
		}
	}
	for _, c := range extra {
		retell(c)
	}
}

// sameAttribution reports whether two sentences open with the same
// attribution: the same words up to and including a verb of saying
// ("Police chief Ana Lopez said …"). What follows is the slot
// the writer filled with other words of the speaker's.
//
// The same attribution after the quote counts too ("“…,” fire service
// spokesman Yiannis Drakos said."): the quote is the slot.
func (m *matcher) sameAttribution(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	for i := 0; i < len(wa) && i < len(wb) && wa[i] == wb[i]; i++ {
		if i > 0 && m.lx.speech[strings.Trim(wa[i], ",:")] {
			return true
		}
	}
	ta, tb := attributionAfter(a), attributionAfter(b)
	if ta == "" || ta != tb {
		return false
	}
	for _, w := range strings.Fields(ta) {
		if m.lx.speech[strings.Trim(w, ",.:")] {
			return true
		}
	}
	return false
}

// attributionAfter returns, lower-cased, what follows the quote that
// opens sentence s up to the end of its clause ("schoof told reporters
// after the meeting"), or "" when s opens with no quote. A sentence the
// splitter kept together with the next one (quotes are never split)
// still has its own attribution.
func attributionAfter(s string) string {
	s = strings.TrimSpace(s)
	var i int
	switch {
	case strings.HasPrefix(s, "“"):
		i = strings.Index(s, "”")
	case strings.HasPrefix(s, "\""):
		i = strings.IndexByte(s[1:], '"') + 1
	default:
		return ""
	}
	if i <= 0 {
		return ""
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	rest := s[i+w:]
	if end := strings.IndexAny(rest, ".;"); end >= 0 {
		rest = rest[:end]
	}
	return strings.ToLower(strings.TrimSpace(rest))
}

// requoted pairs the one quote gone with a sentence and the one come with
// the sentence put in its place, the same speaker's: the writer replaced
// what the speaker is quoted as saying on the point ("The chief said the
// city valued the “readiness to help”" → "The chief said the question of
// a venue “has not been raised”"), one quote changed, not one removed and
// one added (GUIDE: same slot, the same speaker's same topic). respoken
// does the same for sentences the aligner linked; a sentence rewritten
// past linking stands deleted and its new wording inserted right there.
// Both must open with the same attribution (sameAttribution): a speaker's
// other words told in another frame ("The mayor denies it, telling
// reporters she was “angry”" → "The mayor denied it, but conceded that
// “…”") are as often another piece of news, and dev labels count them so.
// drop marks the changes already paired; the pairs found are appended to
// extra.
func (m *matcher) requoted(drop []bool, extra []change) []change {
	linked := map[int]bool{}
	for _, p := range m.pos {
		if p == float64(int(p)) {
			linked[int(p)] = true
		}
	}
	gone, come := map[int][]int{}, map[int][]int{}
	for i, c := range m.out {
		switch {
		case drop[i] || (c.old == nil) == (c.new == nil):
		case c.old != nil && c.old.Kind == KindQuote && c.old.lead == 0:
			gone[c.oSent] = append(gone[c.oSent], i)
		case c.new != nil && c.new.Kind == KindQuote && c.new.lead == 0:
			come[c.nSent] = append(come[c.nSent], i)
		}
	}
	// in text order: a new sentence beside two gone goes to the first,
	// the same on every run (a map's order is random)
	for _, oi := range slices.Sorted(maps.Keys(gone)) {
		rs := gone[oi]
		if len(rs) != 1 || oi < 0 || oi >= len(m.pos) {
			continue // more than one quote gone
		}
		cands := []int{int(m.pos[oi] - 0.5), int(m.pos[oi] + 0.5)}
		replaced := m.pos[oi] == float64(int(m.pos[oi]))
		if replaced {
			// a sentence the aligner replaced in place (the first of a
			// text, rewritten): its position is the new sentence's, and
			// pair saw neither (a sentence it paired had its quotes
			// matched by respoken)
			cands = []int{int(m.pos[oi])}
		}
		for _, ni := range cands {
			as := come[ni]
			if len(as) != 1 || linked[ni] && !replaced {
				continue
			}
			r, a := &m.out[rs[0]], &m.out[as[0]]
			if r.old.slot == "" || !slotEqual(r.old.slot, a.new.slot) || drop[as[0]] ||
				!m.sameAttribution(m.oldSents[oi].Text, m.newSents[ni].Text) {
				continue
			}
			drop[rs[0]], drop[as[0]] = true, true
			extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: "reworded"})
			m.dropCopies(drop, r.old, a.new)
			break
		}
	}
	return extra
}

// dropCopies marks, once a quote was paired as reworded (old → new), the
// copies of the same two quotes still told as removed and added: a pull
// quote or a "Key events" line repeats the paragraph, and the reader is
// told one quote changed, as when it stands once.
func (m *matcher) dropCopies(drop []bool, old, new *item) {
	gone, come := -1, -1
	for i, c := range m.out {
		switch {
		case drop[i] || (c.old == nil) == (c.new == nil):
		case c.old != nil && c.old.Kind == KindQuote && gone < 0 && sameWords(c.old.words, old.words):
			gone = i
		case c.new != nil && c.new.Kind == KindQuote && come < 0 && sameWords(c.new.words, new.words):
			come = i
		}
	}
	if gone >= 0 && come >= 0 {
		drop[gone], drop[come] = true, true
	}
}

// addedByKind lists, by kind, the indexes of the changes in m.out that add
// a fact, in order: a removed fact is held against those alone, not every
// change (a long text cut whole had billions of pairs to skip).
func (m *matcher) addedByKind() map[Kind][]int {
	added := map[Kind][]int{}
	for j, c := range m.out {
		if c.old == nil && c.new != nil {
			added[c.new.Kind] = append(added[c.new.Kind], j)
		}
	}
	return added
}

// countsBySentence counts the removed counts of each old sentence and the
// added counts of each new one, among the changes not yet paired.
func (m *matcher) countsBySentence() (gone, come map[int]int) {
	gone, come = map[int]int{}, map[int]int{}
	for _, c := range m.out {
		switch {
		case c.old != nil && c.new == nil && c.old.Kind == KindNumber && isCount(c.old):
			gone[c.oSent]++
		case c.new != nil && c.old == nil && c.new.Kind == KindNumber && isCount(c.new):
			come[c.nSent]++
		}
	}
	return gone, come
}

// soleCounts reports whether removed change r and added change a are the
// only count gone from an old sentence and the only count come to the new
// sentence it became: "Each side released 84 people" → "Each side
// released 146 service members" is one figure updated, whatever the noun.
func (m *matcher) soleCounts(r, a *change, gone, come map[int]int) bool {
	if r.old.Kind != KindNumber || !isCount(r.old) || !isCount(a.new) || gone[r.oSent] != 1 || come[a.nSent] != 1 {
		return false
	}
	// the old sentence became the new one: linked as changed, or deleted
	// right where the new one was inserted ("She was 88." → "She was
	// 87.", too short for the aligner to call them one sentence changed)
	if r.oSent < 0 || r.oSent >= len(m.pos) || math.Abs(m.pos[r.oSent]-float64(a.nSent)) > 0.5 {
		return false
	}
	// the same place in the sentence: the word before each is one word
	// ("released 84 people" → "released 146 service members"), not two
	// counts of a list ("and two academics" → "with six service members")
	wa, wb := wordBefore(m.oldText, r.old.Start), wordBefore(m.newText, a.new.Start)
	if wa == "" && wb == "" {
		// both open their clause: the word after tells the place
		// ("Nearly 9 million are under watches")
		wa, wb = wordAfter(m.oldText, r.old.End), wordAfter(m.newText, a.new.End)
	}
	return wa != "" && strings.EqualFold(wa, wb)
}

// wordBefore returns the word that ends right before offset at in text, or
// "" at the start of a sentence or after punctuation.
func wordBefore(text string, at int) string {
	end := at
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && isWordByte(text[start-1]) {
		start--
	}
	return text[start:end]
}

// wordAfter returns the word that starts right after offset at in text, or
// "" before punctuation.
func wordAfter(text string, at int) string {
	start := at
	for start < len(text) && text[start] == ' ' {
		start++
	}
	end := start
	for end < len(text) && isWordByte(text[end]) {
		end++
	}
	return text[start:end]
}

// replace drops the changes marked in drop and appends extra, the changes
// that pair them anew.
func (m *matcher) replace(drop []bool, extra []change) {
	out := m.out[:0:0]
	for i, c := range m.out {
		if !drop[i] {
			out = append(out, c)
		}
	}
	m.out = append(out, extra...)
}

// answer pairs a removed pending reply ("CNN has reached out to the
// ministry", "the ministry did not respond") with a statement to the press
// of the new version by the same actor, or one standing near it: the
// reply came ("a ministry spokesperson told CNN").
func (m *matcher) answer() {
	used := make([]bool, len(m.replies))
	drop := make([]bool, len(m.out))
pending:
	for i := range m.out {
		c := &m.out[i]
		if c.new != nil || c.old == nil || c.old.Kind != KindPosition || !isReply(c.old) || !strings.HasPrefix(c.old.key, "not ") {
			continue
		}
		for j := range m.replies {
			r := &m.replies[j]
			if used[j] || !sameActor(c.old, r.new) && !m.near(c, r) {
				continue
			}
			used[j] = true
			c.new, c.nSent, c.pos = r.new, r.nSent, r.pos
			answered := false
			for k := range m.out {
				a := &m.out[k]
				if k == i || drop[k] || a.old != nil || a.new == nil || a.nSent != r.nSent || a.new.Kind != KindPosition {
					continue
				}
				switch {
				case !isReply(a.new):
					// what the reply says is the answer, not a stance
					// come besides it: "a spokesperson said the
					// administration supported new measures"
					drop[k] = true
				case !answered && strings.HasPrefix(a.new.key, "not ") && (sameActor(c.old, a.new) || sameActor(r.new, a.new)):
					// a refusal to comment beside the statement ("…,
					// Peskov told reporters, though he declined to comment
					// on the venue") is the answer to the reply asked for,
					// the statement no news of its own
					c.new, c.pos = a.new, a.pos
					c.detail, _ = m.detail(c.old, a.new, true)
					drop[k], answered = true, true
				}
			}
			continue pending
		}
		// The answer may be a stance itself ("Moscow has not responded to
		// the offer" -> "Lavrov dismissed the offer"): an added position
		// by the same actor, or standing where the pending reply stood.
		m.joinStance(i, drop, func(a *change) bool { return sameActor(c.old, a.new) || m.near(c, a) })
	}
	m.replace(drop, nil)
}

// joinStance makes removed change i the change to the first stance added
// on its own (no reply to the press, not dropped) for which ok holds, and
// drops that addition.
func (m *matcher) joinStance(i int, drop []bool, ok func(a *change) bool) {
	c := &m.out[i]
	for j := range m.out {
		a := &m.out[j]
		if j == i || drop[j] || a.old != nil || a.new == nil || a.new.Kind != KindPosition || isReply(a.new) || !ok(a) {
			continue
		}
		c.new, c.nSent, c.pos = a.new, a.nSent, a.pos
		c.detail, _ = m.detail(c.old, a.new, true)
		drop[j] = true
		return
	}
}

// otherVictims reports whether two tolls (or counts of the hurt) count
// people named otherwise: "hundreds of civilians were killed" and "three
// US service members had been killed" are two tolls, not one updated.
// Either one's people named in general ("12 people", "the death toll")
// may be the other's.
func otherVictims(a, b *item) bool {
	_, ua, _ := strings.Cut(a.key, " ")
	_, ub, _ := strings.Cut(b.key, " ")
	return ua != ub && !anyVictims[ua] && !anyVictims[ub] && !others(a) && !others(b)
}

// others reports whether a count names its people as others of the group
// told before ("three other members of the group", "two others"): no
// other victims.
func others(it *item) bool {
	for _, w := range strings.Fields(strings.ToLower(it.Text)) {
		if w == "other" || w == "others" {
			return true
		}
	}
	return false
}

// anyVictims are the counted nouns of a toll that name no group.
var anyVictims = map[string]bool{"": true, "person": true, "people": true, "dead": true, "death": true,
	"fatality": true, "victim": true, "casualty": true, "killed": true, "injured": true, "wounded": true}

// genericCounts are counted nouns too common to tie two figures together
// across an article.
var genericCounts = map[string]bool{"person": true, "time": true, "year": true, "day": true, "month": true,
	"week": true, "hour": true, "minute": true, "other": true, "thing": true, "way": true}

// pairFar pairs a removed and an added number far apart that count the
// same specific thing: the only figure of that thing gone and the only
// one come, in sentences about the same thing ("Nearly 150,000 customers
// were left without power" at the top, "knocking out power to more than
// 140,000 customers" further down after a rewrite). An amount of money
// is keyed by its currency alone: the words after it say little of what
// it pays for ("$90 billion worth of weapons", "the purchases, worth $100
// billion"). drop marks the changes already paired; the pairs found are
// appended to extra.
func (m *matcher) pairFar(drop []bool, extra []change) []change {
	count := map[string][2]int{}
	specific := func(it *item) bool {
		u, h, _ := strings.Cut(it.slot, "|")
		return it.Kind == KindNumber && (u != "" && u == h && !genericCounts[u] || isMoney(it) || toldOnce(it.slot))
	}
	slotOf := func(it *item) string {
		if isMoney(it) {
			return unitOf(it)
		}
		return it.slot
	}
	for i, c := range m.out {
		if drop[i] || (c.old == nil) == (c.new == nil) {
			continue
		}
		if c.old != nil && specific(c.old) {
			n := count[slotOf(c.old)]
			n[0]++
			count[slotOf(c.old)] = n
		}
		if c.new != nil && specific(c.new) {
			n := count[slotOf(c.new)]
			n[1]++
			count[slotOf(c.new)] = n
		}
	}
	for i := range m.out {
		r := &m.out[i]
		if drop[i] || r.new != nil || r.old == nil || !specific(r.old) || count[slotOf(r.old)] != [2]int{1, 1} {
			continue
		}
		for j := range m.out {
			a := &m.out[j]
			// the only toll gone and the only one come are it, wherever
			// the rewrite put it
			if drop[j] || a.old != nil || a.new == nil || a.new.Kind != KindNumber || slotOf(a.new) != slotOf(r.old) ||
				!toldOnce(r.old.slot) && !m.related(r.oSent, a.nSent) || otherVictims(r.old, a.new) {
				continue
			}
			drop[i], drop[j] = true, true
			if sameCount(r.old, a.new) {
				// "injured 17" → "Seventeen people were injured" two
				// sentences on: the count moved, told otherwise
				break
			}
			d, _ := m.detail(r.old, a.new, true)
			extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: d})
			break
		}
	}
	return extra
}

// equivalent reports whether two facts state the same thing.
func (m *matcher) equivalent(a, b *item) bool {
	switch a.Kind {
	case KindDate:
		return m.dateEqual(a, b)
	case KindQuote:
		return m.sameQuote(a, b)
	case KindPosition:
		// the same actor's same stance on another matter is another
		// fact: "Trump urged Iranians to rise up" is not "Trump called on
		// the Guard to lay down its weapons"; objects that share a word,
		// or one without an object, may be one stance reworded; so is
		// one reply to the press, about the story whatever words follow
		return sameActor(a, b) && a.key == b.key && (objectsMeet(a, b) || isReply(a)) ||
			sameStance(a, b)
	case KindNumber:
		return sameFigure(a, b)
	case KindCorrection:
		return sameNotice(a, b)
	}
	return a.key == b.key
}

// objectsMeet reports whether two stances' objects may be one: they share
// a word (or its stem), or one names nothing of its own, by a pronoun ("will block it")
// or by a noun that only stands for the story's matter ("denied the
// allegations" → "has denied wrongdoing and said it would fight the
// lawsuit": one denial, not one removed and another added).
func objectsMeet(a, b *item) bool {
	return len(a.words) == 0 || len(b.words) == 0 || overlap(a.words, b.words) > 0 || onlyMatter(a.words) || onlyMatter(b.words) ||
		shareStem(a.words, b.words)
}

// shareStem reports whether a word of a and one of b are one word in
// another form: a shared beginning of six letters or more, most of the
// shorter word ("negotiate", "negotiations"; "sanction", "sanctions").
func shareStem(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			n := 0
			for n < len(x) && n < len(y) && x[n] == y[n] {
				n++
			}
			if n >= 6 && 4*n >= 3*min(len(x), len(y)) {
				return true
			}
		}
	}
	return false
}

// matterNouns name what a story is about without saying what it is.
var matterNouns = map[string]bool{
	"allegation": true, "allegations": true, "accusation": true, "accusations": true, "claim": true, "claims": true,
	"charge": true, "charges": true, "wrongdoing": true, "report": true, "reports": true, "involvement": true,
	"any": true, "all": true,
}

// onlyMatter reports whether object words name only the story's matter
// ("the allegations", "any wrongdoing", "all charges").
func onlyMatter(ws []string) bool {
	for _, w := range ws {
		if !matterNouns[w] {
			return false
		}
	}
	return len(ws) > 0
}

// sameNotice reports whether two correction or update notices say the
// same: one text, or one kind of notice whose words differ by slips
// ("updated with addtional details" → "additional").
func sameNotice(a, b *item) bool {
	return a.key == b.key || a.slot == b.slot && sameWords(strings.Fields(a.key), strings.Fields(b.key))
}

// sameStance reports whether two positions are one stance in a reworded
// sentence: the same stance on the same object, where at least one actor
// was only inferred ("he has not commented publicly on the allegations"),
// so a differing actor is more likely a misreading than an edit.
func sameStance(a, b *item) bool {
	if a.key != b.key || !a.loose && !b.loose {
		return false
	}
	if len(a.words) == 0 || len(b.words) == 0 {
		return len(a.words) == len(b.words) && strings.EqualFold(a.Text, b.Text)
	}
	return overlap(a.words, b.words) >= 0.5
}

// sameFigure reports whether two numbers state one figure: the same value
// and unit, or the same count of a thousand or more with the thing counted
// named otherwise ("75,000 jobs", "the 75,000 net gain"): in one article,
// so precise a count twice is one figure.
func sameFigure(a, b *item) bool {
	// The cheap tests first: matching asks this of every pair of figures a
	// rewrite removes and adds, and most pairs differ in the number.
	an, au, _ := strings.Cut(a.key, " ")
	bn, bu, _ := strings.Cut(b.key, " ")
	if an != bn {
		// another number is the same figure only converted ("5 km",
		// "three miles")
		return dimensions[au] != "" && convertedQuantity(a, b) && !boundsApart(a, b)
	}
	if boundsApart(a, b) {
		return false
	}
	if a.key == b.key || dimensions[au] != "" && convertedQuantity(a, b) {
		return true
	}
	// a slip in the thing counted: "600 homoewners" → "600 homeowners"
	if min(len(au), len(bu)) >= 5 && !strings.ContainsAny(au+bu, "0123456789") && editDistance(au, bu) <= 1+len(au)/7 {
		return true
	}
	if !isCount(a) || !isCount(b) {
		return false
	}
	v, err := strconv.ParseFloat(an, 64)
	return err == nil && v >= 1000
}

// isCount reports whether a number counts things (its unit is what it
// counts, or it has none), not an amount of money, a percentage or a
// measure.
func isCount(it *item) bool {
	u, h, _ := strings.Cut(it.slot, "|")
	return toldOnce(it.slot) || u == h
}

// toldOnce reports whether slot is a count an article tells once, however
// it words it: its death toll, its count of the hurt or of the missing.
func toldOnce(slot string) bool { return slot == "toll" || slot == "injured" || slot == "missing" }

// sameSlot reports whether two facts fill the same slot, so that a removed
// and an added one are better read as one change.
func (m *matcher) sameSlot(a, b *item) bool {
	switch a.Kind {
	case KindNumber:
		return a.slot == b.slot && a.slot != "|"
	case KindQuote:
		return overlap(a.words, b.words) >= 0.5
	case KindPosition:
		// A reply to the story ("did not respond", "declined to comment")
		// is about the story itself, whatever words follow it.
		// A stance without object words ("will block it") may be about
		// the same object as the other: a pronoun names no words.
		return sameActor(a, b) && (objectsMeet(a, b) || isReply(a) || isReply(b))
	case KindCorrection:
		return true
	}
	return false
}

// sameMeasure reports whether removed change r and added change a are
// measures in one unit in related sentences. A measure's slot holds the
// word after it, which says nothing of what is measured ("gusts up to 60
// mph are possible", "gusts up to 55 mph the rest of Friday"): the unit
// and what the two sentences tell of must say it instead.
func (m *matcher) sameMeasure(r, a *change) bool {
	u := unitOf(r.old)
	return r.old.Kind == KindNumber && a.new.Kind == KindNumber && u == unitOf(a.new) && m.lx.isMeasure(u) &&
		m.related(r.oSent, a.nSent)
}

// near reports whether a removed and an added fact stood in neighbouring
// sentences.
func (m *matcher) near(r, a *change) bool {
	if r.oSent < 0 || a.nSent < 0 || r.oSent >= len(m.pos) {
		return false
	}
	d := m.pos[r.oSent] - float64(a.nSent)
	return d >= -1.5 && d <= 1.5
}

// subsume drops date, number and location changes inside a changed quote
// or correction notice: the quote or notice change already says it. An
// amount of money inside a quote stays: "$7.4 million was paid" is a
// figure of the story whoever says it, and a reader following the money
// looks for it as a figure, not among the quotes. So does a place: "paid
// to the family in Switzerland" says where, whoever says it.
func (m *matcher) subsume() {
	type span struct {
		s, e  int
		quote bool
		stamp bool // an update notice's head: only its time is subsumed
	}
	// An update notice tells the news ("UPDATE 07:40: The death toll has
	// risen to three"): only the stamp at its head is no fact of the story.
	enclosing := func(it *item) span {
		if reportsNews(it) {
			return span{s: it.Start, e: min(it.Start+updateStamp, it.End), stamp: true}
		}
		return span{s: it.Start, e: it.End, quote: it.Kind == KindQuote}
	}
	var os, ns []span
	for _, sp := range m.cut {
		// a quote cut with an ellipsis is no change (GUIDE), nor is
		// what the cut took: "not today and not tomorrow …"
		os = append(os, span{s: sp[0], e: sp[1], quote: true})
	}
	for _, c := range m.out {
		if c.old != nil && encloses(c.old.Kind) || c.new != nil && encloses(c.new.Kind) {
			if c.old != nil {
				os = append(os, enclosing(c.old))
			}
			if c.new != nil {
				ns = append(ns, enclosing(c.new))
			}
		}
	}
	in := func(sp []span, it *item) bool {
		if it == nil {
			return false
		}
		for _, s := range sp {
			if s.quote && (it.Kind == KindNumber && isMoney(it) || it.Kind == KindLocation) || s.stamp && it.Kind != KindDate {
				continue
			}
			if it.Start >= s.s && it.End <= s.e {
				return true
			}
		}
		return false
	}
	out := m.out[:0]
	for _, c := range m.out {
		k := c.old
		if k == nil {
			k = c.new
		}
		if !encloses(k.Kind) && (in(os, c.old) || in(ns, c.new)) {
			continue
		}
		out = append(out, c)
	}
	m.out = out
}

// sameWords reports whether two quotes say the same, allowing typo fixes:
// equal length and each differing word within a small edit distance.
func sameWords(a, b []string) bool {
	if sameWordsAsIs(a, b) {
		return true
	}
	// "US-Russia" or "U.S.-Russia", "Aug. 15" or "August 15": a house
	// style's spelling, the same words
	pa, oka := plainWords(a)
	pb, okb := plainWords(b)
	return (oka || okb) && sameWordsAsIs(pa, pb)
}

// noApostrophe returns w without its apostrophes.
func noApostrophe(w string) string {
	if !strings.ContainsAny(w, "'’") {
		return w
	}
	return apostrophes.Replace(w)
}

// apostrophes drops the apostrophes of a word (see noApostrophe).
var apostrophes = strings.NewReplacer("'", "", "’", "")

// figureWords are the small figures a house style writes in words.
var figureWords = map[string]string{"1": "one", "2": "two", "3": "three", "4": "four", "5": "five",
	"6": "six", "7": "seven", "8": "eight", "9": "nine", "10": "ten"}

// monthAbbrevs are the months a house style writes short: "Aug. 15".
var monthAbbrevs = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april",
	"jun": "june", "jul": "july", "aug": "august", "sep": "september", "sept": "september",
	"oct": "october", "nov": "november", "dec": "december"}

// plainWords returns ws with hyphenated words split, the dots of an
// abbreviation dropped ("u.s." is "us") and months written out ("aug." or,
// in a notice's key, "aug"), and whether any word changed.
func plainWords(ws []string) ([]string, bool) {
	changed := false
	for _, w := range ws {
		if _, month := monthAbbrevs[w]; month || strings.ContainsAny(w, "-.") {
			changed = true
			break
		}
	}
	if !changed {
		return ws, false
	}
	out := make([]string, 0, len(ws)+2)
	for _, w := range ws {
		for _, p := range strings.Split(w, "-") {
			if p == "" {
				continue
			}
			// "U.S." is "US", but "3.4" is not "34": a figure keeps its point
			if !strings.ContainsAny(p, "0123456789") {
				p = strings.ReplaceAll(p, ".", "")
			}
			if m, ok := monthAbbrevs[p]; ok {
				p = m
			}
			out = append(out, p)
		}
	}
	return out, true
}

// sameWordsAsIs is sameWords on the words as given.
func sameWordsAsIs(a, b []string) bool {
	// a stammer or a doubled word removed ("we we will") says the same
	a, b = dedupe(a), dedupe(b)
	if len(a) != len(b) {
		if ea, eb, ok := spelledOut(a, b); ok {
			return sameWordsAsIs(ea, eb)
		}
		return slipFixed(a, b) || slipFixed(b, a)
	}
	for i := range a {
		if a[i] == b[i] || noApostrophe(a[i]) == noApostrophe(b[i]) || homophones(a[i], b[i]) {
			// "its" → "it's", "there" → "their": a spelling fixed, too
			// short for a slip
			continue
		}
		// a figure is no slip: "2024" → "2023" is another year, while
		// "2,000" is "2000" written otherwise
		if strings.ContainsAny(a[i]+b[i], "0123456789") {
			// "6 hours" is "six hours" in another house style
			if strings.ReplaceAll(a[i], ",", "") != strings.ReplaceAll(b[i], ",", "") && figureWords[a[i]] != b[i] && figureWords[b[i]] != a[i] {
				return false
			}
			continue
		}
		if min(len(a[i]), len(b[i])) < 4 || editDistance(a[i], b[i]) > 1+len(a[i])/7 || namesApart(a[i], b[i]) {
			return false
		}
	}
	return true
}

// soundAlike groups the English words a copy desk most often finds typed
// for one another because they sound alike ("there answer" for "their
// answer"). A quote is a transcript of speech: the speaker said the same
// sounds either way, so one written for the other is a spelling fixed,
// never a word the speaker changed. Each word maps to its group's first.
var soundAlike = func() map[string]string {
	groups := [][]string{
		{"there", "their", "theyre"}, {"your", "youre"}, {"whose", "whos"},
		{"then", "than"}, {"to", "too"}, {"affect", "effect"}, {"affects", "effects"},
		{"here", "hear"}, {"weather", "whether"}, {"principal", "principle"},
		{"complement", "compliment"}, {"breath", "breathe"}, {"peak", "peek"},
		{"passed", "past"}, {"accept", "except"}, {"loose", "lose"},
	}
	m := map[string]string{}
	for _, g := range groups {
		for _, w := range g {
			m[w] = g[0]
		}
	}
	return m
}()

// homophones reports whether words a and b sound alike (soundAlike),
// apostrophes aside ("they’re", "their").
func homophones(a, b string) bool {
	ga, ok := soundAlike[noApostrophe(a)]
	return ok && ga == soundAlike[noApostrophe(b)]
}

// namesApart reports whether two lower-case words a letter or two apart
// are two names of one closed class, never a slip of each other: two
// weekdays ("tuesday", "thursday"), two months, two number words, two
// places of the gazetteer ("iran", "iraq"; "austria", "australia").
func namesApart(a, b string) bool {
	a, b = noPossessive(a), noPossessive(b)
	if monthNames[a] && monthNames[b] || weekdayName(a) && weekdayName(b) {
		return true
	}
	lx := english()
	if _, ok := lx.units[a]; ok {
		if _, ok := lx.units[b]; ok {
			return true
		}
	}
	_, pa := lx.placeByName[upperFirst(a)]
	_, pb := lx.placeByName[upperFirst(b)]
	return pa && pb
}

// noPossessive drops a possessive ending: "tuesday’s" -> "tuesday".
func noPossessive(w string) string {
	if t, ok := strings.CutSuffix(w, "’s"); ok {
		return t
	}
	if t, ok := strings.CutSuffix(w, "'s"); ok {
		return t
	}
	return w
}

func weekdayName(w string) bool {
	for _, d := range weekdays {
		if w == d {
			return true
		}
	}
	return false
}

// upperFirst capitalises an ASCII word's first letter: "iran" -> "Iran".
func upperFirst(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-'a'+'A') + w[1:]
}

// sameQuote reports whether two quotes say the same: the same words
// (sameWords), or the same words with the quotation marks moved over a
// word or two that stood just outside them ("will come “tumbling down”" →
// "will “come tumbling down”"). A word added inside the marks ("useful" →
// "very useful") is a rewording.
func (m *matcher) sameQuote(a, b *item) bool {
	if sameWords(a.words, b.words) {
		return true
	}
	if trimmed(a.words, b.words) {
		return !m.clauseCut(a.words, b, m.newText)
	}
	if len(a.words) < len(b.words) {
		return marksMoved(b.words, a, m.oldText)
	}
	return marksMoved(a.words, b, m.newText)
}

// clauseCut reports whether quote short (of text) is quote long cut at its
// end by a content clause: the words cut after it hold three or more
// content words that neither short nor the rest of its paragraph and the
// next one have ("abruptly darkened following the outbreak of war in the
// region" → "abruptly darkened"). A cut of a phrase or two ("in court",
// "for the family", "at any time") says the same, as the GUIDE has it, and
// so does a quote split in two ("“We did our part,” she said. “The next
// move is theirs.”", the second piece standing in the paragraph or the
// next). A cut at the start mostly moves the lead-in out of
// the marks ("The fire is being treated as a “deliberate arson attack”").
func (m *matcher) clauseCut(long []string, short *item, text string) bool {
	l, s := spaced(long), spaced(short.words)
	i := strings.LastIndex(l, s)
	if i < 0 || short.Start < 0 || short.End > len(text) {
		return false
	}
	tail := l[i+len(s)-1:]
	var cut []string
	for _, w := range strings.Fields(tail) {
		if m.lx.isContent(w) {
			cut = append(cut, w)
		}
	}
	if len(cut) < 3 {
		return false
	}
	near := paragraphs(text, short.Start, 2)
	for _, q := range findQuotes(near) {
		// another piece of the quote: split, not cut
		if ws := normWords(m.lx, near[q.cs:q.ce]); len(ws) >= 2 &&
			strings.Contains(tail, spaced(ws)) {
			return false
		}
	}
	kept := map[string]bool{}
	for _, w := range normWords(m.lx, unhyphen.Replace(near)) {
		kept[w] = true
	}
	n := 0
	for _, w := range cut {
		if !kept[w] {
			n++
		}
	}
	return n >= 3
}

// paragraphs returns the n paragraphs of text from the one holding offset
// at (blank lines skipped).
func paragraphs(text string, at, n int) string {
	from := strings.LastIndexByte(text[:at], '\n') + 1
	to := at
	for k := 0; k < n && to < len(text); {
		e := strings.IndexByte(text[to:], '\n')
		if e < 0 {
			return text[from:]
		}
		if strings.TrimSpace(text[to:to+e]) != "" {
			k++
		}
		to += e + 1
	}
	return text[from:to]
}

// trimmed reports whether quote short is a run of quote long's words: the
// quote cut at either end, or part of it moved out of the quotation marks
// ("“The attack is treated as a hate crime,” police said" → "police said
// the attack is treated as a “hate crime”"). The words kept are the same
// words, so the reader learns nothing new; a cut inside the quote, or a
// word changed, is still a rewording.
func trimmed(long, short []string) bool {
	if len(short) < minTrimmed || len(short) >= len(long) {
		return false
	}
	return runOf(long, short)
}

// spaced joins words by single spaces, a hyphen read as one (unhyphen),
// with a space at both ends, so that a run of words is found in it as a
// substring of another's.
func spaced(ws []string) string { return " " + unhyphen.Replace(strings.Join(ws, " ")) + " " }

// runOf reports whether the words short stand as a run in long.
func runOf(long, short []string) bool { return strings.Contains(spaced(long), spaced(short)) }

// unhyphen reads a hyphen as a space when quotes are compared: a hyphen
// added or dropped is spelling ("better placed", "better-placed").
var unhyphen = strings.NewReplacer("-", " ")

// minTrimmed is the fewest words a trimmed quote keeps: a word or two
// found in a long quote may be another speaker's (“legitimate right”).
const minTrimmed = 3

// marksMoved reports whether the quote long (of one version) is the quote
// short of text with at most two more words, and those words stand right
// outside short's quotation marks in text.
func marksMoved(long []string, short *item, text string) bool {
	sw := short.words
	extra := len(long) - len(sw)
	if len(sw) == 0 || extra < 1 || extra > 2 || short.Start < 0 || short.End > len(text) {
		return false
	}
	before := strings.ToLower(text[max(0, short.Start-40):short.Start])
	after := strings.ToLower(text[short.End:min(len(text), short.End+40)])
	for off := 0; off <= extra; off++ {
		if !equalWords(long[off:off+len(sw)], sw) {
			continue
		}
		lead, tail := long[:off], long[off+len(sw):]
		if (len(lead) == 0 || strings.Contains(before, strings.Join(lead, " "))) &&
			(len(tail) == 0 || strings.Contains(after, strings.Join(tail, " "))) {
			return true
		}
	}
	return false
}

// slipFixed reports whether quote long is quote short with one short
// function word more inside a long quote: a slip of the transcript fixed
// ("they’ll be come tumbling down" → "they’ll come tumbling down").
func slipFixed(long, short []string) bool {
	if len(long) != len(short)+1 || len(short) < 8 {
		return false
	}
	lx := english()
	for i := range long {
		// "not" added or dropped turns a statement round: no slip
		if len(long[i]) <= 4 && lx.function[long[i]] && !isNeg(long[i]) && long[i] != "no" &&
			equalWords(long[:i], short[:i]) && equalWords(long[i+1:], short[i:]) {
			return true
		}
	}
	return false
}

// spelledOut returns a and b with the verbs written short after a pronoun
// spelt out ("we're" → "we are", "it's" → "it is"), and whether that
// changed either: a quote retyped or copy-edited writes them one way or the
// other. ("'s" is "is" after a pronoun or where the other spells it out,
// "Russia's" a possessive otherwise; "'s"
// and "'d" may stand for "has" and "had" too, told apart by nothing here.)
func spelledOut(a, b []string) (ea, eb []string, changed bool) {
	expand := func(ws, other []string) []string {
		var out []string
		for i, w := range ws {
			j := strings.LastIndexByte(w, '\'')
			if j <= 0 {
				if out != nil {
					out = append(out, w)
				}
				continue
			}
			full, ok := shortVerbs[w[j+1:]]
			if !ok || w[j+1:] == "s" && !sContracted[w[:j]] && !spelledIs(other, w[:j]) {
				if out != nil {
					out = append(out, w)
				}
				continue
			}
			if out == nil {
				out = append(make([]string, 0, len(ws)+4), ws[:i]...)
			}
			out = append(out, w[:j], full)
		}
		if out == nil {
			return ws
		}
		changed = true
		return out
	}
	return expand(a, b), expand(b, a), changed
}

// spelledIs reports whether ws hold noun followed by "is": "the wind's
// going to be a problem" is "the wind is going to be" when the other
// version spells it out, a possessive otherwise ("the wind's speed").
func spelledIs(ws []string, noun string) bool {
	for k := 0; k+1 < len(ws); k++ {
		if strings.EqualFold(ws[k], noun) && strings.EqualFold(ws[k+1], "is") {
			return true
		}
	}
	return false
}

// shortVerbs are the verbs written short after a pronoun.
var shortVerbs = map[string]string{"re": "are", "ll": "will", "ve": "have", "m": "am", "d": "would", "s": "is"}

// sContracted are the words whose "'s" is "is" (or "has"), not a possessive.
var sContracted = map[string]bool{"it": true, "that": true, "he": true, "she": true, "there": true, "here": true,
	"what": true, "who": true, "where": true, "how": true}

// dedupe drops a run of one to three words that repeats the run just
// before it: a stammer ("we we will", "I try to try to remind").
func dedupe(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); {
		skipped := false
		for n := 3; n >= 1; n-- {
			if len(out) >= n && i+n <= len(ws) && equalWords(out[len(out)-n:], ws[i:i+n]) {
				i += n
				skipped = true
				break
			}
		}
		if !skipped {
			out = append(out, ws[i])
			i++
		}
	}
	return out
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// trimmedWithEllipsis reports whether quote short is quote long cut with an
// ellipsis: its words stand in long in order, and its text marks the cut.
func trimmedWithEllipsis(long, short *item) bool {
	if !strings.Contains(short.Text, "…") && !strings.Contains(short.Text, "...") && !strings.Contains(short.Text, ". . .") {
		return false
	}
	j := 0
	for _, w := range long.words {
		if j < len(short.words) && w == short.words[j] {
			j++
		}
	}
	return j == len(short.words)
}

// overlap is the share of the shorter word list found in the other.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	set := make(map[string]int, len(a))
	for _, w := range a {
		set[w]++
	}
	common := 0
	for _, w := range b {
		if set[w] > 0 {
			set[w]--
			common++
		}
	}
	return float64(common) / float64(min(len(a), len(b)))
}

// editDistance is the edit distance of two short words, a swap of two
// neighbouring letters counting as one edit ("setp" for "step").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// three rows: two back, one back, current (optimal string alignment)
	pp := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(rb)]
}

// encloses reports whether a change of this kind already says what changed
// in the facts inside it.
func encloses(k Kind) bool { return k == KindQuote || k == KindCorrection }

// reportsNews reports whether it is an update notice stamped with its time:
// a live page's "UPDATE 07:40: The death toll has risen to three" tells the
// news itself,
// and a reader wants the toll changed as well as the notice, while a
// correction retracts the values it names ("not 40, as first reported").
func reportsNews(it *item) bool {
	return it.Kind == KindCorrection && it.Subject == "update" && (updateStamped.MatchString(it.Text) || labelledUpdate(it.Text))
}

// labelledUpdate reports whether a notice is a paragraph of news under an
// "UPDATE:" label ("UPDATE: The fire is now 32% contained, Cal Fire said"),
// which tells the news as a stamped one does, not a note that retracts
// what an earlier version said.
func labelledUpdate(text string) bool {
	if !updateLabel.MatchString(text) {
		return false
	}
	low := strings.ToLower(text)
	for _, w := range [...]string{"earlier", "previous", "correct", "misstat", "incorrect", "has been updated", "was updated"} {
		if strings.Contains(low, w) {
			return false
		}
	}
	return true
}

// updateStamp bounds the head of an update notice that holds its stamp
// ("UPDATE 07:40:", "Update, 3:45 p.m. ET:", "Updated at 10:00 GMT with").
const updateStamp = 24

// present drops an added fact that the old version states anywhere, and a
// removed fact that the new version still states anywhere: when a
// paragraph is rewritten or moves, the facts it repeats from elsewhere in
// the article are no news, and a reader asked "what is new?" would not
// count them. Only the whole other text can tell: its facts are asked for
// only when something was added or removed. A fact added (or removed) that
// restates one added (or removed) with it goes too (restates); a change of
// place whose places the other version names is first split
// (splitPlaceChanges), and the later pieces of a quote reattributed are
// told with it (foldReattributed).
func (m *matcher) present(oldItems, newItems func(asked []*item) [][]item) {
	m.splitPlaceChanges()
	m.foldReattributed()
	var added, removed []*item
	for _, c := range m.out {
		if c.old == nil {
			added = append(added, c.new)
		}
		if c.new == nil {
			removed = append(removed, c.old)
		}
	}
	var oldAll, newAll [][]item
	if len(added) > 0 {
		oldAll = oldItems(added)
	}
	if len(removed) > 0 {
		newAll = newItems(removed)
	}
	m.tollUpdated(oldAll)
	oldFacts, newFacts := indexFacts(oldAll), indexFacts(newAll)
	out := m.out[:0]
	kept := newsIndex{}
	for _, c := range m.out {
		switch {
		case c.old == nil && m.statedIn(c.new, oldFacts, m.oldBody, false):
		case c.new == nil && m.statedIn(c.old, newFacts, m.newBody, true):
		case c.old == nil && restates(out, kept, c.new, true):
		case c.new == nil && restates(out, kept, c.old, false):
		default:
			kept.add(c, len(out))
			out = append(out, c)
		}
	}
	m.out = out
}

// tollUpdated makes a toll added by a sentence that says it rose ("The
// death toll in Kyiv has risen to three") the change of the toll the old
// version told, when that toll is still there ("In Kyiv, at least two
// people were killed"): a live page appends the update and keeps its first
// report, and the reader is told the toll changed, not that a figure came.
// Only when the old version told one toll, and the update names no place
// the old toll's sentence does not: "the toll in Kharkiv rose to five" is
// another attack's. So with the count of the hurt or of the missing ("the
// number of injured has risen to 19").
func (m *matcher) tollUpdated(oldAll [][]item) {
	for i := range m.out {
		c := &m.out[i]
		if c.old != nil || c.new == nil || c.new.Kind != KindNumber || !toldOnce(c.new.slot) {
			continue
		}
		ns := sentenceOf(m.newSents, c.new.Start)
		if ns < 0 || ns >= len(m.newSents) {
			continue
		}
		lead := m.newText[max(m.newSents[ns].Start, 0):c.new.Start]
		if st := entryUpdate.FindStringIndex(lead); st != nil {
			lead = lead[st[1]:] // "UPDATE 07:40: The death toll has risen to"
		} else if st := entryClock.FindStringIndex(lead); st != nil {
			lead = lead[st[1]:] // "08:05 - The number of injured has risen to"
		}
		if !hasWordIn(lead, tollRise) {
			continue
		}
		prev := soleCount(oldAll, c.new.slot)
		if prev == nil || countOf(prev.key) == countOf(c.new.key) {
			continue
		}
		os := sentenceOf(m.oldSents, prev.Start)
		if os < 0 || os >= len(m.oldSents) || !namesNoOtherPlace(lead, m.oldSents[os].Text) {
			continue
		}
		c.old, c.oSent = prev, os
		c.detail, _ = m.detail(prev, c.new, true)
	}
}

// soleCount returns the one figure of slot (a toll, the hurt, the
// missing) among lists, or nil when there is none or several counts.
func soleCount(lists [][]item, slot string) *item {
	var toll *item
	for _, list := range lists {
		for j := range list {
			it := &list[j]
			if it.Kind != KindNumber || it.slot != slot {
				continue
			}
			if toll != nil && countOf(toll.key) != countOf(it.key) {
				return nil
			}
			toll = it
		}
	}
	return toll
}

// hasWordIn reports whether one of s's words, lower-cased, is in set.
func hasWordIn(s string, set map[string]bool) bool {
	for _, t := range tokenize(s) {
		if t.kind == tokWord && set[t.lower] {
			return true
		}
	}
	return false
}

// namesNoOtherPlace reports whether every capitalised word of lead but its
// first (a name, a place) stands in other too.
func namesNoOtherPlace(lead, other string) bool {
	ws := strings.Fields(lead)
	for i, w := range ws {
		w = strings.Trim(w, ",.;:—–-()\"“”'’")
		if i == 0 || w == "" || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		if !containsWord(other, w) {
			return false
		}
	}
	return true
}

// factIndex files the facts of the other version by kind, numbers also by
// figure, which sameFigure needs: statedIn holds a fact against those alone.
// Held against every fact, a 1.9 MB text with every number changed spent
// 9.6 s of 17.6 in statedIn.
type factIndex map[factKey][]*item

type factKey struct {
	kind   Kind
	figure string // a number's figure, "" for other kinds
}

func keyOfFact(it *item) factKey {
	k := factKey{kind: it.Kind}
	if it.Kind == KindNumber {
		k.figure, _, _ = strings.Cut(it.key, " ")
	}
	return k
}

func indexFacts(lists [][]item) factIndex {
	x := factIndex{}
	for _, all := range lists {
		for i := range all {
			k := keyOfFact(&all[i])
			x[k] = append(x[k], &all[i])
		}
	}
	return x
}

// newsIndex finds, among the one-sided changes kept so far, those that an
// added (or removed) fact may restate (sameNews, pieceOf): only a change of
// its kind, and for a number the same figure, for a place or a position
// the same key. Each bucket lists indexes into the kept changes in order.
// Without it every fact added was held against every one kept before it:
// a long text pasted whole did not finish in minutes.
type newsIndex map[newsKey][]int

type newsKey struct {
	added bool
	kind  Kind
	key   string
}

// newsBucket is the bucket of the fact it, and false when no fact of its
// kind restates another.
func newsBucket(it *item, added bool) (newsKey, bool) {
	switch it.Kind {
	case KindNumber:
		// sameFigure needs the same figure
		return newsKey{added, it.Kind, keyOfFact(it).figure}, true
	case KindQuote:
		return newsKey{added, it.Kind, ""}, true
	case KindPosition, KindLocation:
		return newsKey{added, it.Kind, it.key}, true
	}
	return newsKey{}, false
}

// add files the change c, kept at index k, when it is one-sided.
func (x newsIndex) add(c change, k int) {
	if (c.old == nil) == (c.new == nil) {
		return
	}
	it, added := c.old, false
	if c.old == nil {
		it, added = c.new, true
	}
	if key, ok := newsBucket(it, added); ok {
		x[key] = append(x[key], k)
	}
}

// restates reports whether the fact it, added (or removed, !added) on its
// own, is one piece of news with the fact of a change in out that is added
// (or removed) on its own as well (sameNews), looked up in kept. A later piece of one quote
// (pieceOf) is kept with the change of its first piece, to be shown with
// it: the reader is told the quote once, and whole.
func restates(out []change, kept newsIndex, it *item, added bool) bool {
	key, ok := newsBucket(it, added)
	if !ok {
		return false
	}
	for _, k := range kept[key] {
		c := &out[k]
		o := c.old
		if added {
			o = c.new
		}
		last := o
		if len(c.more) > 0 {
			last = c.more[len(c.more)-1]
		}
		if pieceOf(last, it) {
			c.more = append(c.more, it)
			return true
		}
		if sameNews(o, it) {
			return true
		}
	}
	return false
}

// foldReattributed tells a statement given to another speaker once: a
// quote whose words go on, past the attribution, a quote reattributed
// from the same speaker to the same ("“We are ready,” Sybiha said. “But
// not for the cameras.”" → "… Yermak said. …") is kept as a later piece of
// that change, not reported again (GUIDE: one statement is one quote).
func (m *matcher) foldReattributed() {
	at := map[int]int{} // a reattributed quote's new Start -> its change
	for i, c := range m.out {
		if c.detail == "reattributed" && c.old != nil && c.new != nil && c.new.Kind == KindQuote {
			at[c.new.Start] = i
		}
	}
	if len(at) < 2 {
		return
	}
	drop := make([]bool, len(m.out))
	for i := range m.out {
		c := &m.out[i]
		if c.detail != "reattributed" || c.old == nil || c.new == nil || c.new.Kind != KindQuote || c.new.lead == 0 || c.old.lead == 0 {
			continue
		}
		// the first piece: follow the pieces back to the one that opens;
		// ok first, as a piece not found leaves r at 0, any change
		r, ok := i, true
		for ok && m.out[r].new.lead > 0 {
			r, ok = at[m.out[r].new.Start-m.out[r].new.lead]
		}
		if !ok || r == i {
			continue
		}
		f := &m.out[r]
		if !slotEqual(f.old.slot, c.old.slot) || !slotEqual(f.new.slot, c.new.slot) {
			continue
		}
		drop[i] = true
		f.more = append(f.more, c.new)
	}
	for i := range m.out {
		sort.Slice(m.out[i].more, func(a, b int) bool { return m.out[i].more[a].Start < m.out[i].more[b].Start })
	}
	m.replace(drop, nil)
}

// pieceOf reports whether quote it goes on quote o past its attribution:
// the second half of a quote cut by it ("“We are ready,” she said, “and we
// will win.”") or the speaker's next sentence ("“We did our part,” she
// said. “The next move is theirs.”"), both come or gone together.
func pieceOf(o, it *item) bool {
	return it.Kind == KindQuote && it.lead > 0 && o.Start == it.Start-it.lead
}

// sameNews reports whether o and it, both added (or both removed), tell
// one piece of news: a figure that a new paragraph and the summary above
// it both give; the same words quoted twice ("“bloodshed and revenge”" in
// the summary and in the body), a part of the same speaker's quote
// ("“legitimate right”" of "“legitimate right and duty”"); the same
// actor's same stance told twice.
func sameNews(o, it *item) bool {
	switch it.Kind {
	case KindNumber:
		return sameFigure(o, it)
	case KindQuote:
		if sameWords(o.words, it.words) {
			return true
		}
		return o.slot != "" && slotEqual(o.slot, it.slot) && min(len(o.words), len(it.words)) >= 2 &&
			(isRun(o.words, it.words) || isRun(it.words, o.words))
	case KindPosition:
		return o.key == it.key && sameActor(o, it)
	case KindLocation:
		return o.key == it.key
	}
	return false
}

// isRun reports whether short stands in long as consecutive words.
func isRun(long, short []string) bool {
	return len(short) < len(long) &&
		strings.Contains(" "+strings.Join(long, " ")+" ", " "+strings.Join(short, " ")+" ")
}

// statedIn reports whether the fact it (of the old version when isOld) is
// among lists (the facts of the other version, whose text is text): the
// same value, for a quote its words standing as a part of a quote there,
// or for a place or a date its very words ("Thursday" in another
// sentence). A cut that lost a clause is no news added (sameQuote), nor
// are words still quoted within a longer quote news removed ("vigorously
// defend her innocence" in "We will vigorously defend her innocence").
func (m *matcher) statedIn(it *item, idx factIndex, text string, isOld bool) bool {
	// a year or a span names the time of one event among many (sameEvent)
	span := it.Kind == KindDate && yearOrSpan(it)
	notices := m.oldNotices
	if isOld {
		notices = m.newNotices
	}
	for _, o := range idx[keyOfFact(it)] {
		if inSpans(notices, o.Start) {
			continue
		}
		// equivalent takes the old version's fact first
		a, b := it, o
		if !isOld {
			a, b = b, a
		}
		if m.equivalent(a, b) && (!span || m.sameEvent(it, isOld, o)) || it.Kind == KindQuote && (trimmed(o.words, it.words) || m.fragmentOf(o, it)) {
			return true
		}
	}
	switch it.Kind {
	case KindLocation:
		return m.lx.placeNamedIn(text, it)
	case KindDate:
		return !span && containsWord(text, it.Text) || !isOld && weekStated(it, idx[factKey{kind: KindDate}])
	case KindNumber:
		return toldAgain(text, it) || m.lx.spelledIn(text, it) || isPercent(it) && fractionSaid(m.lowerBody(text, isOld), it)
	case KindQuote:
		return m.toldUnquoted(it, text, isOld)
	}
	return false
}

// lowerBody returns text, the body of the new version when isOld (of the
// old one otherwise), lower-cased, once per comparison.
func (m *matcher) lowerBody(text string, isOld bool) string {
	k := 0
	if isOld {
		k = 1
	}
	if m.lower[k] == "" {
		m.lower[k] = strings.ToLower(text)
	}
	return m.lower[k]
}

// toldUnquoted reports whether the words of quote it, two or more with a
// content word or one told by no one, stand outside quotation marks in the other version's text
// (of the new version when isOld) as they are: quotation marks put around words the article
// told already ("a consummate professional committed to public service"
// → "a “consummate professional” who was “committed to public service”"),
// or taken away, change punctuation, not what the reader is told.
func (m *matcher) toldUnquoted(it *item, text string, isOld bool) bool {
	// one word quoted with no speaker is a scare quote ("rated in “poor”
	// condition"); one word of a speaker's ("called it “reckless”") may
	// stand elsewhere in the text by chance
	if len(it.words) == 0 || len(it.words) == 1 && it.slot != "" {
		return false
	}
	if !m.lx.anyContent(it.words) {
		return false
	}
	k := 0
	if isOld {
		k = 1
	}
	if m.flat[k] == "" {
		// the words told outside quotation marks, once for every quote
		// asked: words quoted there are another quote's (sameQuote,
		// fragmentOf), maybe another speaker's
		b := []byte(text)
		for _, q := range findQuotes(text) {
			for i := q.open; i < q.end; i++ {
				b[i] = '|'
			}
		}
		m.flat[k] = spaced(normWords(m.lx, string(b)))
	}
	return strings.Contains(m.flat[k], spaced(it.words))
}

// containsPlace reports whether the place name w stands in text other than
// as a possessive: "Moscow's position" names an actor, not the place. Nor
// does the end of a longer name ("the Gulf of Oman", "the University of
// Maryland", "New Mexico", "West Virginia"), which is another place or an
// institution; "the Sultanate of Oman" is Oman.
func containsPlace(text, w string) bool {
	for off := 0; off < len(text); {
		i := indexWord(text[off:], w)
		if i < 0 {
			return false
		}
		s, e := off+i, off+i+len(w)
		if rest := text[e:]; !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") && !nameEnd(text[:s]) {
			return true
		}
		off = e
	}
	return false
}

// nameEnd reports whether a place name after before ends a longer name:
// before ends with "<Capitalised word> of " (not a state's own title,
// "Kingdom of") or with a compass word or "New" that names another place.
func nameEnd(before string) bool {
	b, ok := strings.CutSuffix(before, " ")
	if !ok {
		return false
	}
	last := b[strings.LastIndexByte(b, ' ')+1:]
	switch last {
	case "New", "West", "North", "South", "East":
		return true
	case "of":
		p, _ := strings.CutSuffix(b, "of")
		p, ok = strings.CutSuffix(p, " ")
		if !ok {
			return false
		}
		head := p[strings.LastIndexByte(p, ' ')+1:]
		return head != "" && head[0] >= 'A' && head[0] <= 'Z' && !stateTitles[head]
	}
	return false
}

// stateTitles before "of" name the state itself: "the Kingdom of Saudi
// Arabia", "the Sultanate of Oman", "the Republic of Ireland".
var stateTitles = map[string]bool{"Kingdom": true, "Sultanate": true, "Republic": true, "State": true,
	"Commonwealth": true, "Emirate": true, "City": true, "Province": true, "Government": true}

// containsWord reports whether w stands in text as whole words.
func containsWord(text, w string) bool { return indexWord(text, w) >= 0 }

// indexWord returns the offset of the first whole-word occurrence of w in
// text, or -1.
func indexWord(text, w string) int {
	if w == "" {
		return -1
	}
	for off := 0; ; {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return -1
		}
		s, e := off+i, off+i+len(w)
		if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
			return s
		}
		off = s + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// sameActor reports whether two positions are held by one actor: the same
// name, one speaking for the other ("Kremlin spokesman Dmitry Peskov"
// for "the Kremlin"), or two names of one party ("the Kremlin", "Moscow").
func sameActor(a, b *item) bool {
	if slotEqual(a.slot, b.slot) {
		return true
	}
	// "Lavrov ruled out …" and "Lavrov said Moscow was open to …": the
	// one who tells his state's stance holds it too
	if a.sayer != "" && slotEqual(a.sayer, b.slot) || b.sayer != "" && slotEqual(b.sayer, a.slot) {
		return true
	}
	// "Redzepi and Noma" holds the stance of "Noma"
	if oneOf(a.Subject, b.slot) || oneOf(b.Subject, a.slot) {
		return true
	}
	oa, ob := orgOf(a.Subject), orgOf(b.Subject)
	if oa != "" && (oa == b.slot || oa == ob) || ob != "" && ob == a.slot {
		return true
	}
	if ownersAlike(a.Subject, b.Subject) || ownersAlike(b.Subject, a.Subject) {
		return true
	}
	pa, ok := partyOfSubject(a.Subject)
	if !ok {
		return false
	}
	pb, ok := partyOfSubject(b.Subject)
	return ok && pa == pb
}

// ownersAlike reports whether actor a, told by a possessive pronoun
// ("its crew", "their lawyers"), has the head noun of actor b ("the
// Alaska crew", "the family's lawyers"): the same people, their owner
// named once.
func ownersAlike(a, b string) bool {
	own, head, ok := strings.Cut(strings.ToLower(a), " ")
	if !ok || strings.Contains(head, " ") {
		return false
	}
	switch own {
	case "its", "their", "his", "her":
	default:
		return false
	}
	f := strings.Fields(strings.ToLower(b))
	return len(f) > 1 && singular(f[len(f)-1]) == singular(head)
}

// oneOf reports whether a coordinated actor ("Redzepi and Noma") has a
// member whose key is slot.
func oneOf(actor, slot string) bool {
	l, r, ok := strings.Cut(actor, " and ")
	return ok && slot != "" && (actorKey(l) == slot || actorKey(r) == slot)
}

// isReply reports whether a position is a reply, or no reply, to a request
// for comment.
func isReply(it *item) bool {
	switch strings.TrimSuffix(it.key, "?") {
	case "respond", "not respond", "comment", "not comment":
		return true
	}
	return false
}

// respoken pairs the one quote left unmatched in an edited sentence with
// the one left in the sentence the aligner linked to it when one speaker
// says both: the speaker's words in that place were replaced ("“This
// investigation will take some time,” Lee told CNN Wednesday" → "could take
// “months to complete,” Lee told CNN Thursday"), one reworded quote, not
// one removed and one added. Quotes of unlinked sentences are left to
// cancel: there a speaker's removed and added quotes are as often two
// pieces of news.
func (m *matcher) respoken(o, n *side, olds, news []int, usedO, usedN []bool, oi, ni int) {
	if m.sameSentence {
		return
	}
	left := func(items []item, idx []int, used []bool) int {
		k := -1
		for i, a := range idx {
			if used[i] || items[a].Kind != KindQuote {
				continue
			}
			if k >= 0 {
				return -2
			}
			k = i
		}
		return k
	}
	i, j := left(o.items, olds, usedO), left(n.items, news, usedN)
	if i < 0 || j < 0 {
		return
	}
	a, b := &o.items[olds[i]], &n.items[news[j]]
	if a.slot == "" || !slotEqual(a.slot, b.slot) {
		return
	}
	usedO[i], usedN[j] = true, true
	m.out = append(m.out, change{old: a, new: b, oSent: oi, nSent: ni, pos: float64(ni), detail: "reworded"})
}

// merged reports whether new quote b joins old quote a with words another
// old quote said, so the reader learns nothing new: each content word of
// b stands in a run of three or more words of a quote of the old version,
// and a lost at most two content words to a lead-in or a phrase cut ("“Let
// us be clear – the evidence will show she is innocent”" and "“vigorously
// defend her innocence”" → "“The evidence will show she is innocent. We
// will vigorously defend her innocence.”").
func (m *matcher) merged(a, b *item) bool {
	if len(b.words) <= len(a.words) {
		return false
	}
	// the words b has more come from another old quote, not from a word
	// or two put in ("We did all our part")
	return m.uncovered(b.words, [][]string{a.words}) > 0 &&
		m.uncovered(b.words, quoteWords(m.lx, m.oldText)) == 0 &&
		m.uncovered(a.words, quoteWords(m.lx, m.newText)) <= 2
}

// quoteWords returns the words of each quote of text.
func quoteWords(lx *lexicon, text string) [][]string {
	var out [][]string
	for _, q := range findQuotes(text) {
		out = append(out, normWords(lx, text[q.cs:q.ce]))
	}
	return out
}

// uncovered counts the content words of ws that stand in no run of three
// or more of its words found in one of quotes.
func (m *matcher) uncovered(ws []string, quotes [][]string) int {
	covered := make([]bool, len(ws))
	for i := range ws {
		for _, q := range quotes {
			for j := range q {
				n := 0
				for i+n < len(ws) && j+n < len(q) && ws[i+n] == q[j+n] {
					n++
				}
				if n >= minTrimmed {
					for k := i; k < i+n; k++ {
						covered[k] = true
					}
				}
			}
		}
	}
	c := 0
	for i, w := range ws {
		if !covered[i] && m.lx.isContent(w) {
			c++
		}
	}
	return c
}

// fragmentOf reports whether quote short, of one or two words with a
// content word, stands as a run in the longer quote long, short told
// without a speaker or by long's: a word or two of a quote restated in a
// paraphrase ("“The US committed an atrocity at sea,” the minister said"
// → "Iran vowed revenge for what it described as an “atrocity”"). A
// fragment given to a speaker the long quote is not known to be of is
// that speaker's own quote (“legitimate right”).
func (m *matcher) fragmentOf(long, short *item) bool {
	if len(short.words) == 0 || len(short.words) >= minTrimmed || len(long.words) <= len(short.words) {
		return false
	}
	if short.slot != "" && !slotEqual(long.slot, short.slot) {
		return false
	}
	return m.lx.anyContent(short.words) && runOf(long.words, short.words)
}

// settle pairs a stance left pending ("is weighing an easing of sanctions",
// "has not yet been accepted", "will decide Tuesday") with the same
// actor's decision of the other version ("has no plans to ease", "will not
// accept", "approved"), or the other way round: the matter was settled
// (or reopened), one stance changed, not one removed and another added.
// The decision stands near the pending stance, or is the same actor's in
// a sentence about the same thing.
func (m *matcher) settle() {
	drop := make([]bool, len(m.out))
	for i := range m.out {
		c := &m.out[i]
		if drop[i] || c.new != nil || c.old == nil || c.old.Kind != KindPosition || isReply(c.old) || c.old.quiet {
			continue
		}
		m.joinStance(i, drop, func(a *change) bool {
			return !a.new.quiet && pending(c.old) != pending(a.new) && m.settles(c, a)
		})
	}
	m.replace(drop, nil)
}

// settles reports whether removed change r and added change a tell one
// matter of one actor: the same actor on the same matter, near or in a
// sentence about the same thing, or another name for it ("Democrats",
// "Senate Minority Leader Chuck Schumer") near, with the same verb.
func (m *matcher) settles(r, a *change) bool {
	if sameActor(r.old, a.new) {
		// on the same matter: "is considering a run for the seat" is not
		// settled by "endorsed the mayor"
		return (m.near(r, a) || m.related(r.oSent, a.nSent)) &&
			(overlap(r.old.words, a.new.words) > 0 || len(r.old.words) == 0 || len(a.new.words) == 0)
	}
	// "has not yet been accepted by Democrats" → "Schumer … will not
	// accept the GOP offer": the decision awaited, told near it of one
	// who speaks for the actor, by the same verb
	hr, _ := stanceHead(m.lx, r.old.Text)
	ha, _ := stanceHead(m.lx, a.new.Text)
	return m.near(r, a) && sameVerb(hr, ha)
}

// pending reports whether a stance is still to be taken: weighed ("is
// weighing", "is considering"), to be decided ("will decide", "has yet to
// decide") or not yet taken ("has not yet been accepted", "whether it will
// approve").
func pending(it *item) bool {
	if strings.TrimSuffix(it.key, "?") == "consider" {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(it.Text)) {
		switch w {
		case "yet", "whether", "decide":
			return true
		}
	}
	return false
}
