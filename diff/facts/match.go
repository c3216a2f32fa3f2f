package facts

import "strings"

// matcher pairs the facts of two versions and collects the changes.
type matcher struct {
	lx  *lexicon
	pos []float64
	out []change
	// sameSentence is set while pair compares two sentences of equal text.
	sameSentence bool
	// oldText and newText let a pronoun reattribution be checked against
	// mere reordering.
	oldText, newText string
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
		{func(_ *matcher, a, b *item) bool { return comparableDates(a, b) }, true},
	},
	KindNumber: {
		{func(_ *matcher, a, b *item) bool { return a.key == b.key }, false},
		{func(_ *matcher, a, b *item) bool { return a.slot == b.slot && a.slot != "|" }, true},
		{func(_ *matcher, a, b *item) bool { return unitOf(a) == unitOf(b) && unitOf(a) != "" }, true},
	},
	KindQuote: {
		{func(m *matcher, a, b *item) bool { return m.sameQuote(a, b) }, false},
		{func(_ *matcher, a, b *item) bool { return overlap(a.words, b.words) >= 0.5 }, true},
	},
	KindPosition: {
		{func(_ *matcher, a, b *item) bool { return sameActor(a, b) && a.key == b.key }, false},
		// an unchanged sentence: a pronoun read as another actor after
		// edits elsewhere changes nothing the reader sees
		{func(m *matcher, a, b *item) bool { return m.sameSentence && a.key == b.key && a.Text == b.Text }, false},
		{func(_ *matcher, a, b *item) bool { return sameActor(a, b) }, true},
	},
	KindLocation: {
		{func(_ *matcher, a, b *item) bool { return a.key == b.key }, false},
		// a town's state, a continent or world region is no news on
		// its own: it never stands for another place ("Mobile,
		// Alabama" → "Houston")
		{func(_ *matcher, a, b *item) bool { return !a.minor && !b.minor }, true},
	},
	KindCorrection: {
		{func(_ *matcher, a, b *item) bool { return a.key == b.key }, false},
		{func(_ *matcher, a, b *item) bool { return true }, true},
	},
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
	usedO, usedN := make([]bool, len(olds)), make([]bool, len(news))
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
					if d, changed := m.detail(ai, bi, p.report); changed {
						m.out = append(m.out, change{old: ai, new: bi, oSent: oi, nSent: ni, pos: float64(ni), detail: d})
					}
					break
				}
			}
		}
	}
	for i, a := range olds {
		if !usedO[i] && reportable(&o.items[a]) {
			m.out = append(m.out, change{old: &o.items[a], oSent: oi, nSent: -1, pos: pos[oi]})
		}
	}
	for j, b := range news {
		if !usedN[j] && reportable(&n.items[b]) {
			m.out = append(m.out, change{new: &n.items[b], oSent: -1, nSent: ni, pos: float64(ni)})
		}
	}
}

// reordered reports whether a quote attributed by a pronoun ("he said")
// changed speaker only because sentences moved: both sentences that named
// the speakers stand unchanged in the other version.
func (m *matcher) reordered(a, b *item) bool {
	return a.via != "" && b.via != "" && strings.Contains(m.newText, a.via) && strings.Contains(m.oldText, b.via)
}

// reportable reports whether a fact may be reported as added or removed on
// its own. Vague time references ("now", "previously", "eventually"), a
// town's state and a continent or world region take part in matching but
// are no news when they come or go.
func reportable(it *item) bool {
	if it.Kind == KindLocation {
		return !it.minor
	}
	if it.Kind != KindDate {
		return true
	}
	switch it.Value {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return false
	}
	return !storyTime(it.Text) && !clockSpan(it)
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
		return "reworded", true
	case KindDate:
		if !report || strings.EqualFold(a.Text, b.Text) {
			// The same words are the same date: a value that differs only
			// because the tagger anchored it on another date nearby is no
			// edit of the reader's.
			return "", false
		}
		d := dateDetail(a, b)
		// "Monday" → "last week", "March 3" → "earlier this month": an
		// article ageing says the same date less precisely.
		return d, d != "generalization"
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
		if !reportable(&o.items[a]) {
			continue
		}
		m.out = append(m.out, change{old: &o.items[a], oSent: oi, nSent: -1, pos: pos[oi]})
	}
}

func (m *matcher) addAll(n *side, ni int) {
	for _, b := range n.by[ni] {
		if !reportable(&n.items[b]) {
			continue
		}
		m.out = append(m.out, change{new: &n.items[b], oSent: -1, nSent: ni, pos: float64(ni)})
	}
}

// cancel removes a removed fact and an added fact that are the same fact
// (a sentence split, merged or moved); then it pairs a removed and an added
// fact of the same slot in neighbouring sentences as one change.
func (m *matcher) cancel() {
	drop := make([]bool, len(m.out))
	var extra []change
	for _, strict := range []bool{true, false} {
		for i := range m.out {
			r := &m.out[i]
			if drop[i] || r.new != nil || r.old == nil {
				continue
			}
			for j := range m.out {
				a := &m.out[j]
				if drop[j] || a.old != nil || a.new == nil || a.new.Kind != r.old.Kind {
					continue
				}
				if strict {
					if !m.equivalent(r.old, a.new) {
						continue
					}
					drop[i], drop[j] = true, true
					if d, ch := m.detail(r.old, a.new, false); ch {
						extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: d})
					}
					break
				}
				if !m.near(r, a) || !m.sameSlot(r.old, a.new) {
					continue
				}
				drop[i], drop[j] = true, true
				d, _ := m.detail(r.old, a.new, true)
				extra = append(extra, change{old: r.old, new: a.new, oSent: r.oSent, nSent: a.nSent, pos: a.pos, detail: d})
				break
			}
		}
	}
	m.replace(drop, extra)
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

// equivalent reports whether two facts state the same thing.
func (m *matcher) equivalent(a, b *item) bool {
	switch a.Kind {
	case KindDate:
		return m.dateEqual(a, b)
	case KindQuote:
		return m.sameQuote(a, b)
	case KindPosition:
		return sameActor(a, b) && a.key == b.key
	}
	return a.key == b.key
}

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
		return sameActor(a, b) && (overlap(a.words, b.words) > 0 || isReply(a) || isReply(b))
	case KindCorrection:
		return true
	}
	return false
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
// or correction notice: the quote or notice change already says it.
func (m *matcher) subsume() {
	type span struct{ s, e int }
	var os, ns []span
	for _, c := range m.out {
		if c.old != nil && encloses(c.old.Kind) || c.new != nil && encloses(c.new.Kind) {
			if c.old != nil {
				os = append(os, span{c.old.Start, c.old.End})
			}
			if c.new != nil {
				ns = append(ns, span{c.new.Start, c.new.End})
			}
		}
	}
	in := func(sp []span, it *item) bool {
		if it == nil {
			return false
		}
		for _, s := range sp {
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
	// a stammer or a doubled word removed ("we we will") says the same
	a, b = dedupe(a), dedupe(b)
	if len(a) != len(b) {
		return slipFixed(a, b) || slipFixed(b, a)
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if min(len(a[i]), len(b[i])) < 4 || editDistance(a[i], b[i]) > 1+len(a[i])/7 {
			return false
		}
	}
	return true
}

// sameQuote reports whether two quotes say the same: the same words
// (sameWords), or the same words with the quotation marks moved over a
// word or two that stood just outside them ("will come “tumbling down”" →
// "will “come tumbling down”"). A word added inside the marks ("useful" →
// "very useful") is a rewording.
func (m *matcher) sameQuote(a, b *item) bool {
	if sameWords(a.words, b.words) || trimmed(a.words, b.words) {
		return true
	}
	if len(a.words) < len(b.words) {
		return marksMoved(b.words, a, m.oldText)
	}
	return marksMoved(a.words, b, m.newText)
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
	// a hyphen added or dropped is spelling: "better placed", "better-placed"
	unhyphen := strings.NewReplacer("-", " ")
	l := " " + unhyphen.Replace(strings.Join(long, " ")) + " "
	return strings.Contains(l, " "+unhyphen.Replace(strings.Join(short, " "))+" ")
}

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
		if len(long[i]) <= 4 && lx.function[long[i]] &&
			equalWords(long[:i], short[:i]) && equalWords(long[i+1:], short[i:]) {
			return true
		}
	}
	return false
}

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

// present drops an added fact that the old version states anywhere, and a
// removed fact that the new version still states anywhere: when a
// paragraph is rewritten or moves, the facts it repeats from elsewhere in
// the article are no news, and a reader asked "what is new?" would not
// count them. Only the whole other text can tell: its facts are asked for
// only when something was added or removed.
func (m *matcher) present(oldItems, newItems func(asked []*item) [][]item) {
	m.splitPlaceChanges()
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
	out := m.out[:0]
	for _, c := range m.out {
		switch {
		case c.old == nil && m.statedIn(c.new, oldAll, m.oldText, false):
		case c.new == nil && m.statedIn(c.old, newAll, m.newText, true):
		default:
			out = append(out, c)
		}
	}
	m.out = out
}

// statedIn reports whether the fact it (of the old version when isOld) is
// among all (the facts of the other version, in one or more lists, whose text is text): the same value, or for a place or a
// date its very words ("Thursday" in another sentence).
func (m *matcher) statedIn(it *item, lists [][]item, text string, isOld bool) bool {
	for _, all := range lists {
		for i := range all {
			if all[i].Kind != it.Kind {
				continue
			}
			// equivalent takes the old version's fact first
			if isOld && m.equivalent(it, &all[i]) || !isOld && m.equivalent(&all[i], it) {
				return true
			}
		}
	}
	switch it.Kind {
	case KindLocation:
		return m.lx.placeNamedIn(text, it)
	case KindDate:
		return containsWord(text, it.Text)
	}
	return false
}

// containsPlace reports whether the place name w stands in text other than
// as a possessive: "Moscow's position" names an actor, not the place.
func containsPlace(text, w string) bool {
	for off := 0; off < len(text); {
		i := indexWord(text[off:], w)
		if i < 0 {
			return false
		}
		e := off + i + len(w)
		if rest := text[e:]; !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
			return true
		}
		off = e
	}
	return false
}

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
// name, or one speaking for the other ("Kremlin spokesman Dmitry Peskov"
// for "the Kremlin").
func sameActor(a, b *item) bool {
	if slotEqual(a.slot, b.slot) {
		return true
	}
	oa, ob := orgOf(a.Subject), orgOf(b.Subject)
	return oa != "" && (oa == b.slot || oa == ob) || ob != "" && ob == a.slot
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
