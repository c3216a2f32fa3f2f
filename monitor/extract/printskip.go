package extract

import (
	"bytes"
	"maps"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// PrintSkips is what a site's fingerprints leave out: the element kinds its
// Layout leaves out (as a SkipSet does), and the text blocks whose text
// (TextHash, digit runs folded) the site learned as boilerplate, seen in
// its left-out elements. The second is for sites whose element kinds cannot
// be told apart from one fetch to the next (class names drawn per request):
// an ad, a sign-up box or a story card that lands in an element kind not
// learned yet still holds a text the site knows, and leaving that block out
// keeps the fingerprint of an unchanged page. An article paragraph stays in:
// its text is its own, and an edit makes any text a new one, so a block
// whose text was edited is never left out.
//
// One kind of article block can hold known boilerplate text: a lede that
// story cards of other pages quote. A text in the page's main kind of
// element (see printBlocks) is therefore left out only when the site saw
// it there on two pages or more as well (a "Follow us" or "Last updated"
// line shaped like the paragraphs), so that an edit of a digit in such a
// lede, which folding hides from TextHash, still changes the fingerprint.
//
// A PrintSkips leaves out related links (see relatedPart) too, which
// Layout.Clean drops from the text: a block that is a link to another page
// beside at most a short label, drawn anew on every fetch in the article
// paragraphs' own element kind on some sites.
//
// A PrintSkips also leaves out page furniture that every extraction removes
// whatever the site (cleanDoc): <aside>, <nav>, <footer>, <form> and <menu>
// elements and those of a furniture ARIA role ("complementary", "banner"
// ...), unless they are or hold the article or much of its prose. Their
// text never reaches a stored version, so no edit of one can be lost, and
// a story card or sign-up box there, whose text is ever new, leaves the
// fingerprint alone.
//
// A PrintSkips is never changed once built: it may be shared between
// goroutines.
type PrintSkips struct {
	SkipSet
	texts  map[uint64]bool // TextHash of the texts left out
	shared map[uint64]bool // of those, the ones left out in the main kind of element too
}

// Within reports whether q leaves out everything ps leaves out: then a page
// whose fingerprint under ps is unchanged holds every block q keeps
// unchanged too, and so an unchanged article text. (A later PrintSkips of a
// site mostly leaves out more; one that took an element kind back in, as
// article text after all, does not.)
func (ps *PrintSkips) Within(q *PrintSkips) bool {
	return subset(ps.SkipSet, q.SkipSet) && subset(ps.texts, q.texts) && subset(ps.shared, q.shared)
}

// subset reports whether every key of a is in b.
func subset[M ~map[uint64]bool](a, b M) bool {
	if len(a) > len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// printBlock is what a fingerprint needs of one text block to tell whether
// a PrintSkips leaves it out.
type printBlock struct {
	hash    uint64 // TextHash of its text; 0 for a block with none
	main    bool   // it is directly held by an element of the page's main kind
	related bool   // it is a related link (see relatedPart), which Clean drops
}

// printBlocks returns, per text block of the region, its TextHash and
// whether it is in the page's main kind of element: of the block-level
// elements that directly hold a block, those of the signature chain that
// holds the most text. Unlike MainTexts it leaves no element out, so that a
// page's blocks are the same whatever the site learns later (a Print keeps
// them).
func (s *Scanned) printBlocks() []printBlock {
	l := s.layout()
	out := make([]printBlock, len(l.ranges))
	lens := make([]int, len(l.ranges))
	for b := range l.ranges {
		h, n, ok := l.blockHash(s, b)
		if !ok {
			// A character reference or a non-ASCII byte: the block's
			// text as Elements builds it.
			l.texts(s)
			h, n = 0, len(l.blocks[b])
			if n > 0 {
				h = TextHash(l.blocks[b])
			}
		}
		out[b].hash, lens[b] = h, n
	}
	for b := range out {
		out[b].related = lens[b] > 0 && l.relatedBlock(s, b)
	}
	inner, _, main := s.mainKind(nil, lens) // nil: whatever is learned later
	for b := range out {
		out[b].main = lens[b] > 0 && inner[b] > 0 && l.elems[inner[b]-1].chain == main
	}
	return out
}

// blockHash returns TextHash of text block b's normalised text (see
// regionLayout.texts and normalizeSpace) and its length, read from the
// block's tokens without building the text, when they hold valid UTF-8 and
// no character reference; ok is false otherwise. The hash of an empty
// block is 0.
func (l *regionLayout) blockHash(s *Scanned, b int) (h uint64, n int, ok bool) {
	th := newTextHasher()
	space := false
	emit := func(p []byte) {
		if space {
			th.add(' ')
			n++
			space = false
		}
		for _, c := range p {
			th.add(c)
		}
		n += len(p)
	}
	r := l.ranges[b]
	for k := r[0]; k < r[1]; k++ {
		if l.text[k]&textCounts == 0 {
			continue
		}
		t := s.toks[l.t0+k]
		text := s.page[t.start:t.end]
		for i := 0; i < len(text); {
			c := text[i]
			if c < utf8.RuneSelf {
				switch {
				case c == '&':
					return 0, 0, false
				case c > ' ' && c < 0x7f:
					emit(text[i : i+1])
				case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
					space = n > 0
				}
				// else a control character, dropped
				i++
				continue
			}
			ru, size := utf8.DecodeRune(text[i:])
			if ru == utf8.RuneError && size == 1 {
				return 0, 0, false
			}
			switch {
			case unicode.IsSpace(ru) || ru == '\u00a0' || ru == '\u2007' || ru == '\u202f':
				space = n > 0
			case ru == '\u200b' || ru == '\u200c' || ru == '\u200d' || ru == '\u2060' || ru == '\ufeff' || ru == '\u00ad',
				unicode.IsControl(ru):
			default:
				emit(text[i : i+size])
			}
			i += size
		}
	}
	if n == 0 {
		return 0, 0, true
	}
	return th.sum(), n, true
}

// droppedBlocks returns which of blocks sk leaves out by their text, nil
// when none: only a *PrintSkips leaves text blocks out, those whose text
// the site learned as boilerplate and related links.
func droppedBlocks(sk Skipper, blocks []printBlock) []bool {
	ps, ok := sk.(*PrintSkips)
	if !ok || ps == nil {
		return nil
	}
	var drop []bool
	for i, b := range blocks {
		learned := b.hash != 0 && ps.texts[b.hash] && (!b.main || ps.shared[b.hash])
		if !learned && !b.related {
			continue
		}
		if drop == nil {
			drop = make([]bool, len(blocks))
		}
		drop[i] = true
	}
	return drop
}

// PrintSkips returns what the site's fingerprints leave out now (see
// PrintSkips); it is built again only after the learner changed it.
func (l *Layout) PrintSkips() *PrintSkips {
	if l.prints == nil {
		l.prints = &PrintSkips{SkipSet: l.skip, texts: maps.Clone(l.boiler), shared: maps.Clone(l.printShared)}
	}
	return l.prints
}

// PrintGen counts the changes to what the site's fingerprints leave out: a
// fingerprint taken at another count may be stale.
func (l *Layout) PrintGen() int { return l.printGen }

// printChanged notes that what fingerprints leave out changed.
func (l *Layout) printChanged() {
	l.prints = nil
	l.printGen++
}

// addBoiler notes text h as seen in a left-out element.
func (l *Layout) addBoiler(h uint64) {
	if l.boiler[h] || len(l.boiler) >= layoutMaxBoiler {
		return
	}
	l.boiler[h] = true
	l.printChanged()
	l.seeShared(h)
}

// seeShared notes text h as boilerplate that stands in the main kind of
// element of two pages or more, when it is.
func (l *Layout) seeShared(h uint64) {
	if !l.printShared[h] && l.boiler[h] && (l.main[h].pages >= 2 || l.printMain[h].pages >= 2) {
		l.printShared[h] = true
		l.printChanged()
	}
}

// minProse is the least text of a <p> (bytes other than spaces) that
// counts as prose (paragraphTextLen): a list of one-line teasers does not.
const minProse = 80

// printElems returns the region's elements as a fingerprint needs them,
// and the region's prose: the text bytes, spaces aside, of its <p> elements
// of minProse or more, as paragraphTextLen counts them on the parsed page.
func (s *Scanned) printElems() ([]printElem, int32) {
	l := s.layout()
	out := make([]printElem, len(l.elems))
	// Per element index, prefix sums of the prose of <p>s and of the
	// elements that are or hold the article.
	prose := make([]int32, len(l.elems)+1)
	holders := make([]int32, len(l.elems)+1)
	holder := make([]bool, len(l.elems))
	chrome := make([]bool, len(l.elems))
	for i, e := range l.elems {
		t := s.toks[e.first]
		var n int32
		if t.a == atom.P && t.kind == tokStart && !e.never {
			for k := e.first; k < l.t1 && int(s.toks[k].start) < e.endOff; k++ {
				if tk := s.toks[k]; tk.kind == tokText && l.text[k-l.t0]&textCounts != 0 {
					n += int32(nonSpace(s.page[tk.start:tk.end]))
				}
			}
			if n < minProse {
				n = 0
			}
		}
		prose[i+1] = prose[i] + n
		if t.kind == tokStart || t.kind == tokVoid {
			at := readTagAttrs(s.page[t.start:t.end])
			role := string(bytes.ToLower(bytes.TrimSpace(at.role)))
			switch t.a {
			case atom.Article, atom.Main, atom.Body, atom.Html:
				holder[i] = true
			}
			holder[i] = holder[i] || role == "main" || bytes.EqualFold(at.itemprop, []byte("articleBody"))
			switch t.a {
			case atom.Aside, atom.Nav, atom.Footer, atom.Form, atom.Menu:
				chrome[i] = true
			}
			chrome[i] = chrome[i] || chromeRoles[role]
		}
		holders[i+1] = holders[i]
		if holder[i] {
			holders[i+1]++
		}
	}
	for i, e := range l.elems {
		out[i] = printElem{chain: e.chain, start: int32(e.startOff), end: int32(e.endOff), last: int32(e.last),
			skippable: e.closed && !e.never, prose: prose[e.last] - prose[i],
			furniture: chrome[i] && !holder[i] && holders[e.last] == holders[i+1]}
	}
	return out, prose[len(l.elems)]
}

// nonSpace counts the bytes of b that are not spaces, as textLen does.
func nonSpace(b []byte) int {
	n := 0
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			n++
		}
	}
	return n
}
