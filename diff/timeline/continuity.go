package timeline

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/storywatch/storywatch/diff/facts"
)

// A rewritten sentence can attach its date or place to another event word
// than the version before did ("the meeting on August 29" becomes "the
// meeting was announced on Monday and will be held in early September"), or
// to none ("agreed to meet Zelensky in early September"). The value changed
// in place, so it belongs to the thread of the value it replaced. The
// Builder keeps the dates and places of the article's last version added
// with the event each was filed under (anchors), and files the facts of a
// rewritten sentence by the anchors of the sentence it rewrote. Like the
// event cache it holds one article at a time, so memory does not grow with
// the store: add an article's versions one after another (as query does)
// for its rewrites to be followed.

// anchor is a date or place of a version and the event it was filed under.
type anchor struct {
	kind facts.Kind
	sent string // its sentence
	norm string
	ev   string
}

// versionMemo is what the next version of an article is compared with.
type versionMemo struct {
	anchors []anchor
	sents   []uint64 // hashes of the sentences holding a date or place
}

// continuity is the Builder's state for rewritten sentences.
type continuity struct {
	seed        maphash.Seed
	last        *versionMemo // the last version added of article lastArticle
	lastArticle int
	next        versionMemo // collected for the version being added
	// filed holds the events chosen for the facts of rewritten sentences
	// of the version being added, by fact start; done marks the
	// sentences (start, kind) already worked out.
	filed map[int]string
	done  map[sentKind]bool
	// rewritten caches the version's new sentences by kind (see
	// Builder.rewritten).
	rewritten map[facts.Kind][]newSentence
	pairs     []pairing // scratch
}

type sentKind struct {
	start int
	kind  facts.Kind
}

// pairing is one fact of a rewritten sentence while its event is chosen.
type pairing struct {
	start int
	own   string // the event its own words attach it to
	dist  int    // words between it and that event noun
	norm  string
	ev    string
	done  bool
	// kept is true when the old sentence had the same words unfiled: they
	// stay so ("flew to Washington on Monday" beside a summit date).
	kept bool
}

// minSentenceOverlap is the share of content words a rewritten sentence
// must keep from the one it replaces (see overlap).
const minSentenceOverlap = 0.5

func newContinuity() continuity {
	return continuity{seed: maphash.MakeSeed(), lastArticle: -1, filed: map[int]string{}, done: map[sentKind]bool{},
		rewritten: map[facts.Kind][]newSentence{}}
}

// startVersion resets the per-version state.
func (c *continuity) startVersion() {
	c.next.anchors, c.next.sents = c.next.anchors[:0], c.next.sents[:0]
	clear(c.filed)
	clear(c.done)
	clear(c.rewritten)
}

// endVersion keeps the version's anchors for the article's next version.
// Sentence strings are copied, so the version's text is not kept alive,
// except where the previous memo already holds an equal copy.
func (c *continuity) endVersion(article int) {
	var prev *versionMemo
	if c.lastArticle == article {
		prev = c.last
	}
	m := &versionMemo{anchors: make([]anchor, len(c.next.anchors)), sents: slices.Clone(c.next.sents)}
	for i, a := range c.next.anchors {
		a.sent = c.copySentence(prev, a.sent)
		m.anchors[i] = a
	}
	c.last, c.lastArticle = m, article
}

func (c *continuity) copySentence(prev *versionMemo, s string) string {
	if prev != nil {
		for _, a := range prev.anchors {
			if a.sent == s {
				return a.sent
			}
		}
	}
	return strings.Clone(s)
}

// noteSentence records that the version has a date or place in sent.
func (c *continuity) noteSentence(sent string) {
	h := maphash.String(c.seed, sent)
	if n := len(c.next.sents); n == 0 || c.next.sents[n-1] != h {
		c.next.sents = append(c.next.sents, h)
	}
}

// inherited returns the event a fact of a rewritten sentence is filed
// under, or false to keep the event its own words give it.
func (b *Builder) inherited(o *Observation, f *facts.Fact, s *sentence) (string, bool) {
	c := &b.cont
	prev := c.last
	if c.lastArticle != b.cur || prev == nil || len(prev.anchors) == 0 {
		return "", false
	}
	sk := sentKind{start: s.start, kind: f.Kind}
	if !c.done[sk] {
		c.done[sk] = true
		b.pairSentence(o, s, f.Kind, prev)
	}
	ev, ok := c.filed[f.Start]
	return ev, ok
}

// pairSentence files the facts of kind of sentence s by the anchors of
// the same sentence in the article's previous version, or else of the
// sentence of that version it rewrites:
//
//  1. a value the old sentence reported keeps its event;
//  2. a new value already attached to the event of a value that is gone
//     takes that event;
//  3. the other events of values that are gone go to the new values
//     attached loosest (to no event, else farthest from their event noun),
//     but not to words the old sentence had without an event.
//
// A new value beside an unchanged one ("ahead of a Monday vote, a judge
// ruled Saturday") keeps the event of its own words, or none: it replaced
// nothing.
func (b *Builder) pairSentence(o *Observation, s *sentence, kind facts.Kind, prev *versionMemo) {
	c := &b.cont
	sent := o.Text[s.start:s.end]
	old := sent
	unchanged := slices.Contains(prev.sents, maphash.String(c.seed, sent))
	if !unchanged {
		if old = b.rewrittenFrom(o, sent, kind, prev); old == "" {
			return
		}
	}
	var anchors []anchor
	for _, a := range prev.anchors {
		if a.kind == kind && a.sent == old {
			anchors = append(anchors, a)
		}
	}
	ps := c.pairs[:0]
	for i := range o.Facts {
		f := &o.Facts[i]
		if f.Kind != kind || f.Start < s.start || f.End > s.end || f.Start > f.End {
			continue
		}
		own, dist := b.ownEvent(o, f, s)
		ps = append(ps, pairing{start: f.Start, own: own, dist: dist, norm: b.resolve(f).norm, kept: strings.Contains(old, f.Text)})
	}
	used := make([]bool, len(anchors))
	for i := range ps { // 1
		for j, a := range anchors {
			if !used[j] && a.norm == ps[i].norm {
				ps[i].ev, ps[i].done, used[j] = a.ev, true, true
				break
			}
		}
	}
	if unchanged {
		// The sentence as it stood: its facts keep the events they were
		// filed under, which an earlier rewrite may have decided.
		b.fileDone(ps)
		return
	}
	for j, a := range anchors { // values the new sentence no longer reports
		if !used[j] && slices.ContainsFunc(ps, func(p pairing) bool { return p.norm == a.norm }) {
			used[j] = true
		}
	}
	for i := range ps { // 2
		for j, a := range anchors {
			if !ps[i].done && !used[j] && a.ev == ps[i].own {
				ps[i].ev, ps[i].done, used[j] = a.ev, true, true
			}
		}
	}
	for j, a := range anchors { // 3
		if used[j] {
			continue
		}
		best := -1
		for i := range ps {
			if !ps[i].done && !ps[i].kept && (best < 0 || looser(ps[i], ps[best])) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		ps[best].ev, ps[best].done, used[j] = a.ev, true, true
	}
	b.fileDone(ps)
}

// fileDone files the paired facts under their events.
func (b *Builder) fileDone(ps []pairing) {
	for _, p := range ps {
		if p.done {
			b.cont.filed[p.start] = p.ev
		}
	}
	b.cont.pairs = ps
}

// looser reports whether p is attached more loosely than q.
func looser(p, q pairing) bool {
	if (p.own == "") != (q.own == "") {
		return p.own == ""
	}
	return p.dist > q.dist
}

// rewrittenFrom returns the sentence of the previous version that sent
// rewrites: of the sentences with anchors of kind that are gone from the
// new text, the one sharing the most content words with sent (see
// similarity), at least minSentenceOverlap, provided no other rewritten
// sentence of the new version with facts of kind shares more with it.
func (b *Builder) rewrittenFrom(o *Observation, sent string, kind facts.Kind, prev *versionMemo) string {
	var words map[string]bool
	best, bestScore, seen := "", minSentenceOverlap, ""
	var bestWords map[string]bool
	for _, a := range prev.anchors {
		if a.kind != kind || a.sent == seen {
			continue
		}
		seen = a.sent
		if strings.Contains(o.Text, a.sent) {
			continue
		}
		if words == nil {
			words = contentWords(strings.ToLower(sent))
		}
		aw := contentWords(strings.ToLower(a.sent))
		if sc := similarity(words, aw); sc >= bestScore {
			best, bestScore, bestWords = a.sent, sc, aw
		}
	}
	if best == "" {
		return ""
	}
	for _, other := range b.rewritten(o, kind, prev) {
		if other.sent != sent && similarity(other.words, bestWords) > bestScore {
			return "" // best was rewritten into another sentence
		}
	}
	return best
}

// similarity is the share of the two sentences' content words they have
// in common, over the larger set: a sentence that only names the same
// people is no rewrite of another.
func similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(max(len(a), len(b)))
}

// newSentence is a sentence of the version being added that holds facts
// of some kind and was not in the previous version.
type newSentence struct {
	sent  string
	words map[string]bool
}

// rewritten lists, once per version and kind, the sentences of o with facts
// of kind that the previous version did not have.
func (b *Builder) rewritten(o *Observation, kind facts.Kind, prev *versionMemo) []newSentence {
	c := &b.cont
	if list, ok := c.rewritten[kind]; ok {
		return list
	}
	var list []newSentence
	last := -1
	for i := range o.Facts {
		f := &o.Facts[i]
		if f.Kind != kind || f.Start < 0 || f.End > len(o.Text) || f.Start > f.End || f.Start < last {
			continue
		}
		st, en := sentenceBounds(o.Text, f.Start, f.End)
		last = en
		sent := o.Text[st:en]
		if slices.Contains(prev.sents, maphash.String(c.seed, sent)) {
			continue
		}
		list = append(list, newSentence{sent: sent, words: contentWords(strings.ToLower(sent))})
	}
	c.rewritten[kind] = list
	return list
}

// ownEvent is the event the words of f's sentence attach it to, cached
// per sentence and place in it.
func (b *Builder) ownEvent(o *Observation, f *facts.Fact, s *sentence) (string, int) {
	ek := eventKey{sent: o.Text[s.start:s.end], from: f.Start - s.start, to: f.End - s.start}
	if e, ok := b.events[ek]; ok {
		return e.ev, e.dist
	}
	if s.toks == nil {
		b.toks = tokenize(o.Text, s.start, s.end, b.toks)
		s.toks = b.toks
	}
	ev, dist := eventAndDistance(o.Text, s.toks, f.Start, f.End, b.buf)
	b.events[ek] = attachment{ev: ev, dist: dist}
	return ev, dist
}
