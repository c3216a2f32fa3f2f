package facts

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/align"
)

// Compare reports the fact changes between two versions of a text.
func Compare(oldText, newText string, published time.Time) []Change {
	o, n := align.Split(oldText), align.Split(newText)
	return CompareAligned(oldText, newText, o, n, align.Align(o, n), published)
}

// side is one version: its text, sentences and facts bucketed by sentence.
type side struct {
	text  string
	sents []align.Sentence
	items []item
	by    [][]int // sentence -> indices into items
}

func newSide(text string, sents []align.Sentence, need []bool, published time.Time) *side {
	s := &side{text: text, sents: sents, by: make([][]int, len(sents))}
	type span struct {
		kind       Kind
		start, end int
	}
	kept := map[span]bool{} // a fact seen from two blocks' windows
	es := echoes(text)      // whole text: the sentence a pull quote repeats may be far
	for _, b := range blocks(need) {
		// Extract from a few sentences before the block too: a pronoun's
		// speaker or "the quarter" may be named there.
		from := max(0, b[0]-contextSentences)
		start, end := 0, len(text)
		if from > 0 {
			start = sents[from].Start
		}
		if b[1] < len(sents) {
			end = sents[b[1]].Start
		}
		// The items are read straight from the extraction's buffer in
		// order of extent (what extractItems returns, without its copy of
		// every item), and s.items grows once per block: copying and
		// regrowing these large structs was a fifth of what a comparison
		// allocated.
		buf := docBufs.Get().(*docBuf)
		its, order := extractUnsorted(text[start:end], published, buf)
		s.items = slices.Grow(s.items, len(order))
		for _, k := range order {
			it := its[k]
			it.Start += start
			it.End += start
			if inSpans(es, it.Start) {
				continue
			}
			// A quote opened in an unchanged sentence may close in a
			// changed one ("We are ready. The ball is in Moscow's
			// court"): a fact belongs to the block when any sentence it
			// spans is needed, and it is kept once.
			first := max(sentenceOf(sents, it.Start), b[0])
			last := min(sentenceOf(sents, max(it.End-1, it.Start)), b[1]-1)
			for k := first; k <= last; k++ {
				if sp := (span{it.Kind, it.Start, it.End}); need[k] && !kept[sp] {
					kept[sp] = true
					s.items = append(s.items, it)
					break
				}
			}
		}
		buf.release()
	}
	for i, it := range s.items {
		if k := sentenceOf(sents, it.Start); k >= 0 {
			s.by[k] = append(s.by[k], i)
		}
	}
	return s
}

// contextSentences are extracted before each block of needed sentences, and
// followSentences after each changed one are compared too: a pronoun there
// may now resolve to another speaker.
const (
	contextSentences = 3
	followSentences  = 2
)

// needed marks the sentences whose facts must be compared: those of every
// non-equal link, the few after them, and (so both sides agree) the equal
// partners of all of these. Facts of the other sentences cannot change.
// Extracting only these makes comparing a long article with a small edit
// cheap; when most sentences are needed everything is.
func needed(links []align.Link, nOld, nNew int) (oldNeed, newNeed []bool) {
	oldNeed, newNeed = make([]bool, nOld), make([]bool, nNew)
	mark := func(need []bool, i int) {
		for k := i; k >= 0 && k < len(need) && k <= i+followSentences; k++ {
			need[k] = true
		}
	}
	for _, l := range links {
		if l.Op == align.Equal {
			continue
		}
		if l.Old >= 0 {
			mark(oldNeed, l.Old)
		}
		if l.New >= 0 {
			mark(newNeed, l.New)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, l := range links {
			if l.Old < 0 || l.New < 0 || l.Old >= nOld || l.New >= nNew || oldNeed[l.Old] == newNeed[l.New] {
				continue
			}
			oldNeed[l.Old], newNeed[l.New] = true, true
			changed = true
		}
	}
	return oldNeed, newNeed
}

// blocks returns the runs of needed sentences as [from, to) pairs.
func blocks(need []bool) [][2]int {
	var out [][2]int
	for i := 0; i < len(need); i++ {
		if !need[i] {
			continue
		}
		j := i
		for j < len(need) && need[j] {
			j++
		}
		// Blocks closer than the context would overlap: join them.
		if n := len(out); n > 0 && i-out[n-1][1] <= contextSentences {
			out[n-1][1] = j
		} else {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// sentenceOf returns the sentence holding offset off, or the last sentence
// starting before it (text between sentences belongs to the one before).
func sentenceOf(sents []align.Sentence, off int) int {
	k := sort.Search(len(sents), func(i int) bool { return sents[i].Start > off }) - 1
	if k < 0 && len(sents) > 0 {
		return 0
	}
	return k
}

// change is a Change under construction, with the facts behind it.
type change struct {
	old, new *item
	oSent    int // old sentence, or -1
	nSent    int // new sentence, or -1
	pos      float64
	detail   string
	// more are the later pieces of a quote come or gone whole, told
	// after its first piece (see restates)
	more []*item
}

// CompareAligned is Compare for callers that have aligned the sentences
// already (package diff does, for the word diff).
func CompareAligned(oldText, newText string, old, new []align.Sentence, links []align.Link, published time.Time) []Change {
	return CompareAlignedWith(oldText, newText, old, new, links, published, nil, nil)
}

// CompareAlignedWith is CompareAligned for callers that hold every fact of
// either version already, e.g. stored with it when it was first seen
// (oldFacts and newFacts, each as Extract returned it for that text; nil
// when not known). The facts of the changed sentences are matched afresh,
// with their context, but whether an added or removed fact is stated
// elsewhere in the other version is read from these lists, so a version's
// whole text is extracted once, not again for every comparison.
func CompareAlignedWith(oldText, newText string, old, new []align.Sentence, links []align.Link, published time.Time, oldFacts, newFacts []Fact) []Change {
	// the two extractions are independent: run them side by side
	oldNeed, newNeed := needed(links, len(old), len(new))
	var o *side
	done := make(chan struct{})
	go func() {
		defer close(done)
		o = newSide(oldText, old, oldNeed, published)
	}()
	n := newSide(newText, new, newNeed, published)
	<-done
	lx := english()
	pos := sentencePositions(links, len(old), len(new))
	m := &matcher{lx: lx, oldText: oldText, newText: newText, pos: pos, oldSents: old, newSents: new}
	m.setNotices(o.items, n.items)
	seenO, seenN := make([]bool, len(old)), make([]bool, len(new))
	// a sentence linked twice (a split the aligner maps one-to-many) has
	// its facts counted once: later links see it as absent
	valid := func(i int, seen []bool) bool { return i >= 0 && i < len(seen) && !seen[i] }
	for _, l := range links {
		oi, ni := l.Old, l.New
		if !valid(oi, seenO) {
			oi = -1
		}
		if !valid(ni, seenN) {
			ni = -1
		}
		if oi >= 0 {
			seenO[oi] = true
		}
		if ni >= 0 {
			seenN[ni] = true
		}
		switch {
		case oi >= 0 && ni >= 0:
			// Equal sentences too: their words are the same, but a
			// pronoun speaker ("he told Trump") may now resolve to
			// someone else.
			m.pair(o, n, oi, ni)
		case oi >= 0:
			m.removeAll(o, oi, pos)
		case ni >= 0:
			m.addAll(n, ni)
		}
	}
	// sentences no link mentions: treat as deleted / inserted
	for i, s := range seenO {
		if !s {
			m.removeAll(o, i, pos)
		}
	}
	for i, s := range seenN {
		if !s {
			m.addAll(n, i)
		}
	}
	m.cancel()
	m.pairDates()
	m.answer()
	m.settle()
	m.subsume()
	m.present(otherItems(o, oldNeed, oldFacts, published), otherItems(n, newNeed, newFacts, published))
	m.placeLists()
	sort.SliceStable(m.out, func(i, j int) bool { return m.out[i].pos < m.out[j].pos })
	m.dateRanges()
	m.dateOnce()
	o2n, n2o := changedPairs(links, len(old), len(new))
	slipO, slipN := slipEdits(lx, old, new, o2n)
	res := make([]Change, 0, len(m.out))
	// A sentence the article states twice (a "Key points" list restating
	// the body, a pull quote) changes twice in one edit: one change.
	type once struct {
		kind                  Kind
		before, after, detail string
		beforeSent, afterSent string
	}
	told := map[once]bool{}
	figures := map[[3]string]int{} // numbers changed (what they count, figure before and after): where in res
	for _, c := range m.out {
		if (c.old != nil && slipO[c.oSent] || c.new != nil && slipN[c.nSent]) && !outgrows(c, old, new) {
			continue // a sentence whose edit only fixed slips changed no fact
		}
		var flip string // the other version's side of a stance turned (see stanceStillTold)
		if (c.old == nil) != (c.new == nil) {
			it, other, si, side := c.old, o2n, c.oSent, n
			if c.old == nil {
				it, other, si, side = c.new, n2o, c.nSent, o
			}
			var still bool
			if still, flip = stanceStillTold(lx, it, other, si, side); still {
				continue
			}
		}
		if c.old != nil && c.new == nil && sentenceKept(c.old, o, c.oSent, n) ||
			c.new != nil && c.old == nil && sentenceKept(c.new, n, c.nSent, o) {
			continue
		}
		if c.new == nil && isOutreach(c.old) || c.old == nil && isOutreach(c.new) {
			continue // an unanswered request for comment (see isOutreach)
		}
		ch := c.build(o, n)
		if flip != "" {
			// one change, before → after, not a stance come from nowhere
			if c.old == nil {
				ch.Before, ch.BeforeSentence = flip, o.sents[n2o[c.nSent]].Text
			} else {
				ch.After, ch.AfterSentence = flip, n.sents[o2n[c.oSent]].Text
			}
		}
		if ch.Detail == "reattributed" && !attributionEdited(ch, c.old, c.new, oldText, newText) {
			continue
		}
		k := once{ch.Kind, ch.Before, ch.After, ch.Detail, ch.BeforeSentence, ch.AfterSentence}
		if told[k] {
			continue
		}
		told[k] = true
		if c.old != nil && c.new != nil && c.old.Kind == KindNumber && c.new.Kind == KindNumber {
			// a figure of one thing changed in the key points and again in
			// the body, told in other words ("At least 12 people killed …"
			// and "has killed at least 12 people"): 12 → 15 is one change
			f := [3]string{c.new.slot, countOf(c.old.key), countOf(c.new.key)}
			if at, ok := figures[f]; ok {
				// told once, from the longer sentence: the body's, not a
				// headline's or a bullet's
				if len(ch.AfterSentence) > len(res[at].AfterSentence) {
					res[at] = ch
				}
				continue
			}
			figures[f] = len(res)
		}
		res = append(res, ch)
	}
	return res
}

// changedPairs maps each sentence of a changed pair to the other one.
func changedPairs(links []align.Link, nOld, nNew int) (o2n, n2o map[int]int) {
	o2n, n2o = map[int]int{}, map[int]int{}
	for _, l := range links {
		if l.Op == align.Change && l.Old >= 0 && l.New >= 0 && l.Old < nOld && l.New < nNew {
			o2n[l.Old], n2o[l.New] = l.New, l.Old
		}
	}
	return o2n, n2o
}

// sentenceKept reports whether the sentence si of side s that holds the
// stance it, gone from (or come to) that side, is a sentence of the other
// version word for word: a paragraph moved keeps its stances, and a
// pronoun subject ("He vowed …") read as another actor, or as none, in
// its new place is no edit the reader sees.
func sentenceKept(it *item, s *side, si int, other *side) bool {
	if it.Kind != KindPosition || si < 0 || si >= len(s.sents) {
		return false
	}
	t := s.sents[si].Text
	for i := range other.sents {
		if other.sents[i].Text == t {
			return true
		}
	}
	return false
}

// stanceStillTold reports whether a stance gone from (or come to) sentence
// si is still told by the sentence it was rewritten into (from): its actor
// and most of its object's words are there, in words no stance word of
// the lexicon reads ("Moscow opposed any deployment" → "Moscow was against
// any deployment"). A stance changes when its actor or its topic goes, or
// when both sides read a stance and they differ; a rewording the lexicon
// reads on one side only is no news. When the rewritten sentence holds the
// stance's verb with its negation turned, or, for a refusal, tells in no
// negative word at all what the actor will do, the stance is not still
// told and flip is that verb with the words that lead it there ("is
// expected to attend" for "will not attend", "will hold" for "rejected"):
// the change's other side.
func stanceStillTold(lx *lexicon, it *item, other map[int]int, si int, o *side) (still bool, flip string) {
	if it.Kind != KindPosition {
		return false, ""
	}
	oi, ok := other[si]
	if !ok || oi >= len(o.sents) {
		return false, ""
	}
	text := o.sents[oi].Text
	switch r, span := verbRetold(lx, it, text, o.items, o.by[oi]); r {
	case verbKept:
		return true, ""
	case verbFlipped:
		return false, span
	}
	if len(it.words) < 2 || it.slot == "" || !containsWord(strings.ToLower(text), it.slot) {
		return false, ""
	}
	if overlap(it.words, normWords(lx, text)) < 0.5 {
		return false, ""
	}
	// "Moscow will hold talks in Istanbul" → "Moscow rejected talks in
	// Istanbul": a refusal where the other sentence told, in no negative
	// word at all, what the actor will do is no rewording of it
	if it.key == "against" || strings.HasPrefix(it.key, "not ") {
		if span := plainPlan(lx, text); span != "" {
			return false, span
		}
		// "The minister has apologised" → "has refused to apologise": a
		// refusal of what the other sentence told done
		if span := refusedDone(it, text); span != "" {
			return false, span
		}
	}
	return true, ""
}

// refusedDone returns, for a refusal ("refused to apologise", "declined to
// sign"), the words of text that tell its verb done or to be done without
// a negation before it ("has apologised", "signed", not "to sign"); else "".
func refusedDone(it *item, text string) string {
	l := strings.ToLower(it.Text)
	if !strings.HasPrefix(l, "refus") && !strings.HasPrefix(l, "declin") {
		return ""
	}
	// the verb refused: in the stance's words ("declining to join") or
	// opening its object ("refused" → "apologise for the remarks")
	var v string
	if ws := strings.Fields(l); len(ws) >= 3 && ws[len(ws)-2] == "to" {
		v = ws[len(ws)-1]
	} else {
		_, object, _ := strings.Cut(it.Value, ": ")
		v, _, _ = strings.Cut(object, " ")
	}
	if v == "" {
		return ""
	}
	v = strings.ToLower(v)
	toks := tokenize(text)
	for i, t := range toks {
		// an infinitive tells nothing done: "refusing to join" is the
		// refusal itself, reworded
		if t.kind != tokWord || t.isCap() || !sameVerb(t.lower, v) || i > 0 && toks[i-1].lower == "to" {
			continue
		}
		first := i
		for h := i - 1; h >= 0 && h >= i-3 && toks[h].kind == tokWord; h-- {
			if isNeg(toks[h].lower) || toks[h].lower == "no" {
				return ""
			}
			if auxiliaries[toks[h].lower] {
				first = h
			}
		}
		return text[toks[first].start:t.end]
	}
	return ""
}

// auxiliaries lead a verb's tense: "has apologised", "will sign".
var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "will": true, "would": true, "did": true}

// plainPlan returns the verb phrase by which a sentence tells what its
// actor will do ("will hold", "plans to attend", "agreed to host"), when
// the sentence holds no negation and no stance against anything; else "".
func plainPlan(lx *lexicon, text string) string {
	toks := tokenize(text)
	span := ""
	for i, t := range toks {
		if t.kind != tokWord {
			continue
		}
		if isNeg(t.lower) || t.lower == "no" || t.lower == "against" || stanceAgainst(lx, t.lower) {
			return ""
		}
		if span == "" && planLead[t.lower] && i+1 < len(toks) && toks[i+1].kind == tokWord {
			j := i + 1
			if toks[j].lower == "to" && j+1 < len(toks) && toks[j+1].kind == tokWord {
				j++
			}
			if !planLead[toks[j].lower] && !toks[j].is(clsFunction) {
				span = text[t.start:toks[j].end]
			}
		}
	}
	return span
}

// planLead opens what an actor will do.
var planLead = map[string]bool{"will": true, "would": true, "plans": true, "planned": true, "agreed": true, "intends": true}

// stanceAgainst reports whether w is a stance word whose class is against
// something (reject and its like).
func stanceAgainst(lx *lexicon, w string) bool {
	for _, e := range lx.stance[w] {
		if stanceGroup(e.class) == "against" {
			return true
		}
	}
	return false
}

// verbRetold tells whether the sentence text, into which a stance's
// sentence was rewritten, still holds the stance's own verb, negated as
// it was, where no stance was read (items at idx are that sentence's
// facts): "Saudi Arabia, which vowed to take …" → "Saudi Arabia — the
// kingdom, which vowed to take …". The stance is still told (verbKept);
// the rewrite only hid it from the reading of stances (its subject named
// otherwise, a word glued on by the scraper, a tense). A stance come or
// gone there is a change when the verb went or its negation changed, or
// when the verb was read there as another actor's stance ("Russia ruled
// out" → "Germany ruled out"). The verb there with its negation turned
// (verbFlipped) is the change a reader most needs, whatever else the
// rewrite kept: "is expected to attend" → "will not attend", where the
// lexicon reads no stance in a forecast told by others.
func verbRetold(lx *lexicon, it *item, text string, items []item, idx []int) (res retold, span string) {
	head, neg := stanceHead(lx, it.Text)
	if head == "" {
		return verbGone, ""
	}
	for _, i := range idx {
		if o := &items[i]; o.Kind == KindPosition {
			if h, _ := stanceHead(lx, o.Text); h != "" && sameVerb(head, h) {
				return verbGone, ""
			}
		}
	}
	toks := tokenize(text)
	for i, t := range toks {
		if t.kind != tokWord || len(lx.stance[t.lower]) == 0 || !sameVerb(head, t.lower) || modifier(toks, i) {
			continue
		}
		n, lead := verbAt(toks, text, i)
		if n == neg {
			return verbKept, ""
		}
		if res == verbGone {
			res, span = verbFlipped, lead
		}
	}
	if res == verbGone && strings.HasSuffix(it.Text, " to") && len(it.words) > 0 {
		// "has no plans to send": the stance read is the plan, the verb
		// told is its object's ("will send"), a verb of no stance of its
		// own; only its negation turned is read from it
		for i, t := range toks {
			if t.kind != tokWord || !sameVerb(it.words[0], t.lower) || modifier(toks, i) {
				continue
			}
			if n, lead := verbAt(toks, text, i); n != neg {
				return verbFlipped, lead
			}
			break
		}
	}
	return res, span
}

// modifier reports whether the word at toks[i] stands after a noun's
// marker: "the planned meeting" tells no verb. ("no plans" does.)
func modifier(toks []token, i int) bool {
	return i > 0 && nounMarkers[toks[i-1].lower] && toks[i-1].lower != "no"
}

// verbAt reports whether the verb at toks[i] of text is negated, and
// returns it with the words that lead it ("is expected to attend").
func verbAt(toks []token, text string, i int) (neg bool, lead string) {
	for j := max(0, i-4); j < i; j++ {
		neg = neg || isNeg(toks[j].lower) || toks[j].lower == "no"
	}
	from := i
	for from > max(0, i-4) && toks[from-1].kind == tokWord && verbLead[toks[from-1].lower] {
		from--
	}
	return neg, text[toks[from].start:toks[i].end]
}

// verbLead holds the words that stand before a verb as part of what a
// party said it would do: auxiliaries, modals, negations and the
// forecasts that carry no stance of their own ("is expected to attend",
// "has no plans to send", "will not attend").
var verbLead = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "do": true, "does": true, "did": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true,
	"may": true, "might": true, "must": true, "to": true, "not": true, "no": true, "never": true,
	"expected": true, "likely": true, "set": true, "due": true, "plans": true, "plan": true,
	"planned": true, "still": true, "also": true,
}

// retold is what verbRetold found of a stance's verb in a rewritten
// sentence.
type retold int

const (
	verbGone    retold = iota // not there, or read there as a stance
	verbKept                  // there, negated as it was
	verbFlipped               // there, its negation turned
)

// stanceHead returns the first stance word of a stance's text and whether
// the text is negated.
func stanceHead(lx *lexicon, text string) (head string, neg bool) {
	for _, t := range tokenize(text) {
		switch {
		case t.kind != tokWord:
		case isNeg(t.lower) || t.lower == "no":
			neg = true
		case head == "" && len(lx.stance[t.lower]) > 0:
			head = t.lower
		}
	}
	return head, neg
}

// sameVerb reports whether two stance words are forms of one verb: their
// stems, without an inflection, are the same ("reverse", "reversed";
// "vowed", "vows"; "deny", "denied"; "agree", "agreed"; "planned",
// "plans"), so two verbs that only begin alike ("appeal", "approve";
// "declined", "declared"; "back", "backtracked"; "deny", "denounce") are
// two.
func sameVerb(a, b string) bool {
	sa, sb := verbStem(a), verbStem(b)
	return len(sa) >= 2 && sa == sb
}

// verbStem strips one inflection from a lower-case verb form, then its
// final e's and a doubled final consonant: "denied" and "deny" are "deny",
// "agreed" and "agree" "agr", "planned" and "plans" "plan".
func verbStem(w string) string {
	switch {
	case len(w) > 4 && (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")):
		w = w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es")):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	w = strings.TrimRight(w, "e")
	if n := len(w); n > 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// slipEdits marks the old and new sentences of each changed pair (o2n, see
// changedPairs) whose
// words differ only by slips (sameWords: a letter or two, a stammer): a
// typo fixed in a fact's own word ("delcared" → "declared", "Febuary" →
// "February") makes its fact readable, not new.
func slipEdits(lx *lexicon, old, new []align.Sentence, o2n map[int]int) (slipO, slipN map[int]bool) {
	for oi, ni := range o2n {
		if !sameWords(normWords(lx, old[oi].Text), normWords(lx, new[ni].Text)) {
			continue
		}
		if slipO == nil {
			slipO, slipN = map[int]bool{}, map[int]bool{}
		}
		slipO[oi], slipN[ni] = true, true
	}
	return slipO, slipN
}

// sentencePositions places each old sentence in new-document order, so a
// removed fact sorts where its sentence stood.
func sentencePositions(links []align.Link, nOld, nNew int) []float64 {
	pos := make([]float64, nOld)
	for i := range pos {
		pos[i] = float64(i)
	}
	last := -0.5
	for _, l := range links {
		if l.New >= 0 && l.New < nNew {
			last = float64(l.New)
			if l.Old >= 0 && l.Old < nOld {
				pos[l.Old] = last
			}
			continue
		}
		if l.Old >= 0 && l.Old < nOld {
			pos[l.Old] = last + 0.5
		}
	}
	return pos
}

// build turns a change into the public form.
func (c change) build(o, n *side) Change {
	var out Change
	if c.old != nil {
		out.Kind = c.old.Kind
		out.Before, out.BeforeValue, out.Subject = gluedWords(o.text, c.old), c.old.Value, c.old.Subject
		if c.new == nil {
			out.Before = withPieces(out.Before, o.text, c.more)
		}
	}
	if c.new != nil {
		out.Kind = c.new.Kind
		out.After, out.AfterValue = withPieces(gluedWords(n.text, c.new), n.text, c.more), c.new.Value
		if c.new.Subject != "" {
			out.Subject = c.new.Subject
		}
	}
	if c.oSent >= 0 {
		out.BeforeSentence = o.sents[c.oSent].Text
	}
	if c.nSent >= 0 {
		out.AfterSentence = n.sents[c.nSent].Text
	}
	out.Detail = c.detail
	return out
}

// withPieces joins to the words of a quote's first piece those of its
// later pieces, an ellipsis standing for the attribution between.
func withPieces(first, text string, more []*item) string {
	for _, it := range more {
		first += " … " + gluedWords(text, it)
	}
	return first
}

// attributionEdited reports whether a quote whose words stayed was really
// given to someone else. Either its sentence changed and names both the old
// and the new speaker, the old one no longer standing in it ("McDowell
// said" → "Weinberger said"); or both versions attribute it by a pronoun
// and the sentence that named the pronoun's speaker was edited into one
// naming another ("Macron also said …" → "Merz also said …"). Otherwise
// only the resolution of a pronoun or of an unattributed quote moved with
// edits elsewhere: a sentence put in between, "he said" spelled out as
// "Charles said", a name shortened ("Keira Coady" for "Keira"). The
// reader sees the same attribution.
func attributionEdited(c Change, old, new *item, oldText, newText string) bool {
	o, n := lastName(old.Subject), lastName(new.Subject)
	// a name only capitalised otherwise ("the Chinese embassy" -> "the
	// Chinese Embassy") is the same; a speaker told by role alone ("the
	// Kremlin's spokesman" for "Peskov") names nobody else
	if o == "" || n == "" || roleOnly(o) || roleOnly(n) || strings.Contains(strings.ToLower(new.Subject), strings.ToLower(o)) || strings.Contains(strings.ToLower(old.Subject), strings.ToLower(n)) {
		return false
	}
	if old.via != "" {
		return new.via != "" && !strings.Contains(newText, old.via) && !strings.Contains(oldText, new.via) &&
			!strings.Contains(new.via, o) && overlap(strings.Fields(old.via), strings.Fields(new.via)) >= 0.5
	}
	bs, as := c.BeforeSentence, c.AfterSentence
	if bs == as {
		// a quote of two sentences or more, the first unchanged: its
		// attribution follows the last ("“… months. Any capital will
		// do,” Sybiha said"), so read its paragraphs
		bs, as = strings.TrimSpace(paragraphs(oldText, old.Start, 1)), strings.TrimSpace(paragraphs(newText, new.Start, 1))
		if bs == as {
			return false
		}
	}
	// both speakers named in the quote's own sentences, the old one gone
	// from the new: "he said" read as someone else before, or the same
	// speaker named twice, is no edit of the attribution
	bs, as = strings.ToLower(bs), strings.ToLower(as)
	o, n = strings.ToLower(o), strings.ToLower(n)
	return strings.Contains(bs, o) && strings.Contains(as, n) && !strings.Contains(as, o) && !strings.Contains(bs, n)
}

// lastName is the last word of a speaker's name ("Stubb" of "Finnish
// President Alexander Stubb").
// roleOnly reports whether a speaker's last word is no name but a role
// ("spokesman", "official"): lower case.
func roleOnly(last string) bool {
	r, _ := utf8.DecodeRuneInString(last)
	return unicode.IsLower(r)
}

func lastName(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// otherItems returns a function giving the items of one version that may
// state the facts asked for: all of them when the version's facts are
// known (stored with it), else those extracted from the sentences that hold
// a cue word of one of the facts, with their context; the items come in one
// or more lists, read in turn as one. Extracting the whole
// other text for every comparison would double what a comparison costs.
func otherItems(sd *side, done []bool, facts []Fact, published time.Time) func(asked []*item) [][]item {
	text, sents := sd.text, sd.sents
	return func(asked []*item) [][]item {
		if facts != nil {
			return [][]item{rehydrate(facts)}
		}
		var cues []string
		for _, it := range asked {
			cues = append(cues, cueWords(it)...)
		}
		if len(cues) == 0 {
			return nil
		}
		// The sentences compared already (done) were extracted with the
		// side: only the others are looked at here.
		need := make([]bool, len(sents))
		any := false
		x := newCueIndex(cues)
		for i, s := range sents {
			if i < len(done) && done[i] {
				continue
			}
			if x.in(s.Text) {
				need[i], any = true, true
			}
		}
		if !any {
			return [][]item{sd.items}
		}
		// Two lists, not one: joining them copied every item of the side
		// (about 200 bytes each) for one read.
		return [][]item{sd.items, newSide(text, sents, need, published).items}
	}
}

// cueWords are lower-case words one of which every statement of the same
// fact most likely contains: the digits of a number, a date's or a place's words, the
// rarest word of a quote, a position's actor, a notice's own label.
func cueWords(it *item) []string {
	switch it.Kind {
	case KindNumber:
		if it.slot == "toll" {
			// a toll risen to a new figure may have been told in words
			// of the dead only: "killed at least two people" (tollUpdated)
			return append([]string{numberCue(it)}, tollCues...)
		}
		return []string{numberCue(it)}
	case KindQuote:
		return []string{longestWord(strings.Join(it.words, " "))}
	case KindPosition:
		if a := it.slot; a != "" && !pronouns[a] {
			return []string{a}
		}
		return []string{longestWord(strings.ToLower(it.Text))}
	case KindCorrection:
		return []string{"correct", "updat", "editor", "clarif", "earlier version", "revised", "regret"}
	case KindDate:
		// every content word: "the coming days" may be "a few days"
		// elsewhere. "Monday" stated as "February 9" is missed: looking
		// at every sentence with a date would cost a whole extraction.
		var cues []string
		for _, w := range strings.Fields(strings.ToLower(it.Text)) {
			w = strings.Trim(w, ".,;:!?()")
			switch w {
			case "the", "last", "next", "this", "that", "early", "late", "of", "on", "in", "at", "by", "a", "an", "coming", "past":
				continue
			}
			if len(w) >= 3 {
				cues = append(cues, strings.TrimSuffix(w, "s"))
			}
			if w == "week" {
				// "last week" may tell of a day named before (weekStated)
				cues = append(cues, weekdays[:]...)
			}
		}
		return cues
	}
	return []string{strings.ToLower(it.Value), strings.ToLower(it.Text)}
}

// numberCue is the word every statement of number it holds: its digits
// ("killed14": a word the scraper glued to them is cut, and "42-year-old"
// is "42" elsewhere, "Smith, 42,"), else its longest word ("three").
func numberCue(it *item) string {
	for _, w := range strings.Fields(strings.ToLower(it.Text)) {
		if strings.ContainsAny(w, "0123456789") {
			w = strings.Trim(w, "$€£%,.;:()")
			w = strings.TrimLeftFunc(w, unicode.IsLetter)
			if k := strings.IndexFunc(w, func(r rune) bool { return (r < '0' || r > '9') && r != ',' && r != '.' }); k > 0 {
				w = w[:k]
			}
			return w
		}
	}
	return longestWord(strings.ToLower(it.Text))
}

// tollCues are the words a toll is told with.
var tollCues = []string{"kill", "dead", "death", "died", "toll", "fatalit"}

// longestWord is the longest word of s, the likeliest to be rare.
func longestWord(s string) string {
	best := ""
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()")
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// cueIndex holds cue words by their first byte, so that one pass over a
// sentence tests them all. A comparison asks for dozens of cues (every
// content word of each date), and testing each with startsWord scanned
// every sentence once per cue.
type cueIndex struct {
	by [256][]string
}

func newCueIndex(cues []string) *cueIndex {
	x := new(cueIndex)
	for _, c := range cues {
		if c != "" { // startsWord never finds an empty word
			x.by[c[0]] = append(x.by[c[0]], c)
		}
	}
	return x
}

// in reports whether startsWord(strings.ToLower(s), c) holds for one of
// the cues c. A sentence whose only changes under strings.ToLower are
// ASCII capitals (its other runes, curly quotes and dashes in news, lower
// to themselves) is lowered byte by byte as it is read, at the same
// offsets, instead of copied: sentences start with a capital, so
// strings.ToLower copied nearly every one.
func (x *cueIndex) in(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToLower(r) != r {
			// a letter lowered, or invalid UTF-8 (replaced by U+FFFD)
			return x.inLower(strings.ToLower(s))
		}
		i += n
	}
	for p := 0; p < len(s); p++ {
		if p > 0 && isWordByte(s[p-1]) { // the same for either case
			continue
		}
		for _, c := range x.by[lowerByte(s[p])] {
			if hasLowerPrefix(s[p:], c) {
				return true
			}
		}
	}
	return false
}

// inLower is in for s lower-cased already.
func (x *cueIndex) inLower(s string) bool {
	for p := 0; p < len(s); p++ {
		if p > 0 && isWordByte(s[p-1]) {
			continue
		}
		for _, c := range x.by[s[p]] {
			if strings.HasPrefix(s[p:], c) {
				return true
			}
		}
	}
	return false
}

// lowerByte lowers an ASCII capital, as strings.ToLower does.
func lowerByte(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// hasLowerPrefix reports whether s, its ASCII capitals lowered, starts
// with w.
func hasLowerPrefix(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lowerByte(s[k]) != w[k] {
			return false
		}
	}
	return true
}

// startsWord reports whether w stands in s at the start of a word ("day"
// in "days", not "2" in "2026" … unless 2 begins it: "2" in "20" counts).
func startsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		at := off + i
		if at == 0 || !isWordByte(s[at-1]) {
			return true
		}
		off = at + 1
	}
}

// isOutreach reports whether it is the press asking for comment ("CNN has
// reached out to the ministry"): the newsroom's act, no stance of the one
// asked. It is the first half of a reply that comes (see answer: "CNN has
// reached out to X" → "X told CNN"), never news when it comes or goes on
// its own.
func isOutreach(it *item) bool {
	return it != nil && it.Kind == KindPosition && it.Value == outreachValue
}

// outgrows reports whether a fact of change c runs past the end of its
// sentence: a quote that goes on into the next sentence ("said: “We
// cannot do this alone any longer. Madrid has to keep its word.”") is
// more than the sentence it starts in, whose edit may look like a slip
// (its closing mark moved on).
func outgrows(c change, old, new []align.Sentence) bool {
	if c.new != nil && c.nSent >= 0 && c.nSent < len(new) && c.new.End > new[c.nSent].End {
		return true
	}
	return c.old != nil && c.oSent >= 0 && c.oSent < len(old) && c.old.End > old[c.oSent].End
}
