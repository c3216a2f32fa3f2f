package extract

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// Layout learns, for one site, which elements of its article region are not
// article text, by comparing the region's elements with what readability
// extracted from the same pages (Observe). An element kind (a signature
// chain: tag and class/id shapes from the region down) is left out when, on
// at least layoutMinPages pages and in every one of its latest
// layoutWindow occurrences, readability either dropped all of its text or
// kept only text that other pages of the site carry too (digit runs
// folded): ad copy, newsletter pitches, paywall meters, share counts, "most
// read" lists, clocks. Article paragraphs are unique to their article, so an
// element kind that holds them is never left out, and one that is left out
// comes back as soon as it holds unique text readability keeps on two
// checked pages in a row.
//
// A Layout is not safe for concurrent use; its Skips are.
type Layout struct {
	sigs   map[uint64]*sigStats
	texts  map[uint64]textSeen
	skip   SkipSet
	boiler map[uint64]bool // TextHash of every block seen in a left-out element
	common map[uint64]bool // TextHash of texts an earlier learner saw on two pages or more
	// frequent holds those an earlier learner saw on frequentPages or more.
	frequent map[uint64]bool
	// links counts the pages the text of each link was seen on, of links
	// making up a whole block, alone or after a related link's label
	// (Scanned.LinkTexts), and titles holds the
	// TextHash of the site's pages' titles: the headlines a rotating box of
	// links to other stories shows (see Glued).
	links  map[uint64]textSeen
	titles map[uint64]bool
	// main counts the pages each text was seen on in the page's main kind
	// of element (Scanned.MainTexts), and mainShared holds those an
	// earlier learner saw on two pages or more: a line every article's
	// body ends with ("Last updated 10:42") is not one article's own text.
	main       map[uint64]textSeen
	mainShared map[uint64]bool
	// printShared holds the boilerplate texts seen in the main kind of
	// element on two pages or more, now or by an earlier learner: they are
	// left out of fingerprints there too (see PrintSkips). printMain counts
	// the pages each text was seen on in the main kind of element as
	// fingerprints tell it, with no element left out (printBlocks): a
	// "Follow us" line is in an element kind left out on most pages, and
	// shaped like the paragraphs on the others. prints is what fingerprints
	// leave out, built on demand, and printGen counts its changes.
	printShared map[uint64]bool
	printMain   map[uint64]textSeen
	prints      *PrintSkips
	printGen    int
}

// SiteHost is the site a page's layout is learned for: its URL's host.
func SiteHost(pageURL string) string {
	if u, err := url.Parse(pageURL); err == nil {
		return u.Host
	}
	return pageURL
}

// LayoutState is what a Layout learned, to be stored and given to
// NewLayout by the next process.
type LayoutState struct {
	Skip     []uint64 // the chains left out
	Boiler   []uint64 // the text blocks seen in them
	Common   []uint64 // the texts seen on two pages or more
	Frequent []uint64 // of those, the ones seen on frequentPages or more (see Frequent)
	Main     []uint64 // known boilerplate seen in the main kind of element on two pages or more
	// Titles are up to layoutMaxShared page titles and link texts, those
	// seen on two pages first (see Glued and Headline). Stores written
	// before round 11 hold them in Common.
	Titles []uint64
}

const (
	layoutMinPages  = 3  // pages an element kind is seen on before it may be left out
	layoutWindow    = 16 // latest occurrences that must all look like boilerplate
	layoutMaxBlocks = 16 // an element with more text blocks is never boilerplate
	// Bounds on what one site's learner holds (and stores): a few hundred
	// KiB at most, so that many sites fit.
	layoutMaxSigs   = 4096
	layoutMaxTexts  = 8192 // texts seen, counted by pages; unique ones are swept first
	layoutMaxBoiler = 4096
	layoutMaxCommon = 2048 // common texts stored for the next process
	layoutMaxSeen   = 64   // texts remembered per element kind
	layoutMaxLinks  = 4096 // link texts counted; those seen once are swept first
	layoutMaxTitles = 4096 // page titles remembered; half are forgotten when full
	layoutMaxShared = 2048 // titles and link texts stored for the next process
	// layoutMaxGlued bounds the paragraphs Glued splits (bytes): it costs
	// the square of their length.
	layoutMaxGlued = 2048
	// frequentPages is the least pages a text is seen on to be the site's
	// furniture (see Frequent); seenCap the count textSeen stops at.
	frequentPages = 4
	seenCap       = frequentPages
	// repeatMinLen is the shortest block (bytes) that counts as restating
	// the article's text when the extraction holds it twice: shorter ones
	// ("Advertisement", "Share") recur on a page as labels.
	repeatMinLen = 40
)

type occurrence struct {
	kept bool // readability kept some of its text
	// repeat marks an element that restates the article's own text: a
	// sentence of it, not a link, that the extraction holds twice, here
	// and in a paragraph ("Key points" lists, pull quotes, summaries).
	// Shared ledes make such text common across a site's pages, yet it is
	// the article's: its kind is not left out while it does.
	repeat bool
	// own are the TextHash of its blocks' text outside links that the
	// reference kept: what could be article text of its own (a list of
	// links to other stories never is).
	own    []uint64
	blocks []uint64 // TextHash of each block; nil when it has too many
}

type sigStats struct {
	pages    int    // distinct pages it was seen on
	body     bool   // it held a large share of a page's article text once: never left out
	lastPage uint64 // to count pages, not occurrences
	window   [layoutWindow]occurrence
	n, next  int // occurrences in window; where the next one goes
	// texts are the block hashes seen in it so far (up to layoutMaxSeen),
	// all of which become known boilerplate when it is left out: a version
	// stored before then may hold any of them.
	texts map[uint64]bool
}

func (st *sigStats) push(o occurrence) {
	st.window[st.next] = o
	st.next = (st.next + 1) % layoutWindow
	st.n = min(st.n+1, layoutWindow)
}

// latest returns the k-th latest occurrence (0: the latest).
func (st *sigStats) latest(k int) occurrence {
	return st.window[(st.next-1-k+2*layoutWindow)%layoutWindow]
}

// textSeen counts the distinct pages a text block was seen on, up to
// seenCap. It keeps the pages counted (the low bits of their hash, all but
// the one that reaches seenCap), since pages are observed again, pass after
// pass: two pages seen in turn are two, not four.
type textSeen struct {
	ids   [seenCap - 1]uint32
	pages uint8
}

// counted reports whether page is among those t counted.
func (t textSeen) counted(page uint64) bool {
	return slices.Contains(t.ids[:min(int(t.pages), len(t.ids))], uint32(page))
}

// SkipSet is a set of signature chains to leave out; it is never changed
// once built, so it may be shared between goroutines.
type SkipSet map[uint64]bool

// Skip reports whether elements of chain are left out.
func (s SkipSet) Skip(chain uint64) bool { return s[chain] }

// NewLayout returns a learner that starts from what an earlier one learned
// (see State); st may be empty.
func NewLayout(st LayoutState) *Layout {
	l := &Layout{sigs: map[uint64]*sigStats{}, texts: map[uint64]textSeen{}, skip: SkipSet{},
		boiler: map[uint64]bool{}, common: map[uint64]bool{}, frequent: map[uint64]bool{}, links: map[uint64]textSeen{},
		titles: map[uint64]bool{}, main: map[uint64]textSeen{}, mainShared: map[uint64]bool{}}
	for _, h := range st.Common {
		l.common[h] = true
	}
	for _, h := range st.Frequent {
		l.frequent[h] = true
	}
	for _, c := range st.Skip {
		l.skip[c] = true
	}
	for _, h := range st.Boiler {
		l.boiler[h] = true
	}
	for _, h := range st.Main {
		l.mainShared[h] = true
	}
	for _, h := range st.Titles {
		l.titles[h] = true
	}
	l.printShared, l.printMain = maps.Clone(l.mainShared), map[uint64]textSeen{}
	return l
}

// State returns what the learner decided, to be stored and given to
// NewLayout by the next process.
func (l *Layout) State() LayoutState {
	skip := slices.Sorted(maps.Keys(l.skip))
	boiler := slices.Sorted(maps.Keys(l.boiler))
	// Clean asks whether a text is shared only for known boilerplate: all
	// of those are kept (they are no more than the boilerplate), so that a
	// text one process dropped is not kept by the next.
	ms := maps.Clone(l.printShared)
	maps.Copy(ms, l.mainShared)
	for h, t := range l.main {
		if t.pages >= 2 && l.boiler[h] {
			ms[h] = true
		}
	}
	cs, fs := maps.Clone(l.common), maps.Clone(l.frequent)
	for h, t := range l.texts {
		if t.pages >= 2 && len(cs) < layoutMaxCommon {
			cs[h] = true
		}
		if t.pages >= frequentPages && len(fs) < layoutMaxCommon {
			fs[h] = true
		}
	}
	titles := map[uint64]bool{}
	for h := range l.titles {
		if len(titles) < layoutMaxShared {
			titles[h] = true
		}
	}
	for _, twice := range []bool{true, false} {
		for h, t := range l.links {
			if (t.pages >= 2) == twice && len(titles) < layoutMaxShared {
				titles[h] = true
			}
		}
	}
	return LayoutState{Skip: skip, Boiler: boiler, Common: slices.Sorted(maps.Keys(cs)), Main: slices.Sorted(maps.Keys(ms)),
		Titles: slices.Sorted(maps.Keys(titles)), Frequent: slices.Sorted(maps.Keys(fs))}
}

// Common reports whether a paragraph's text (digit runs folded) was seen on
// two pages of the site or more, or in an element left out: text that is
// not one article's own.
func (l *Layout) Common(p string) bool { return l.commonHash(TextHash(p)) }

func (l *Layout) commonHash(h uint64) bool {
	return l.texts[h].pages >= 2 || l.common[h] || l.boiler[h]
}

// Frequent reports whether a paragraph's text (digit runs folded) was seen
// on frequentPages pages of the site or more, now or by an earlier learner:
// the site's furniture (an ad's copy drawn from a few, a sign-up pitch), not
// a paragraph a story's articles share (background, a wire line), which a
// few of them carry.
func (l *Layout) Frequent(p string) bool {
	h := TextHash(p)
	return l.texts[h].pages >= frequentPages || l.frequent[h]
}

// SeeTitle notes the title of one of the site's pages, for Glued: a
// headline the site may show in boxes of links on its other pages. It is
// cheap enough for every page, also those Observe no longer sees.
func (l *Layout) SeeTitle(title string) {
	if title == "" {
		return
	}
	h := TextHash(title)
	if l.titles[h] {
		return
	}
	if len(l.titles) >= layoutMaxTitles {
		n := 0
		maps.DeleteFunc(l.titles, func(uint64, bool) bool { n++; return n%2 == 0 })
	}
	l.titles[h] = true
}

// Glued reports whether a paragraph's text is two texts or more, run
// together or apart by spaces, each of which the site carries on other
// pages (see Common), is the title of one of its pages or was the text of
// a link making up a whole block (see Scanned.LinkTexts: headlines of other
// stories in a box of links, never article text): a rotating box of
// headlines that an extraction took for a paragraph before the box was
// learned, which no other page carries whole because its headlines come in
// ever other pairs. An article's own paragraph is none of that.
func (l *Layout) Glued(p string) bool {
	return l.glued(p, func(h uint64) bool { return l.commonHash(h) || l.headline(h) })
}

// Headline reports whether a paragraph's text (digit runs folded) is the
// title of one of the site's pages, or was the text of a link making up a
// whole block (see Scanned.LinkTexts), alone or with a short label run onto it
// (at most headlineLabel bytes: a card's "3h ago", "Live", "Read more: "):
// a story card an early version of an article took for a paragraph, never
// a paragraph of the article.
//
// A label that ends in a colon may be longer (at most headlineLinkLabel
// bytes): a related link's "Related coverage: " or "More on this story: "
// before the headline. folio's "Related coverage:" lines (18 bytes) in
// versions stored before the site's titles were known made an unedited
// article's next version.
func (l *Layout) Headline(p string) bool {
	if l.headline(TextHash(p)) {
		return true
	}
	for k := 1; k <= headlineLabel && len(p)-k >= headlineMin; k++ {
		if l.headline(TextHash(strings.TrimSpace(p[:len(p)-k]))) || l.headline(TextHash(strings.TrimSpace(p[k:]))) {
			return true
		}
	}
	if i := strings.IndexByte(p, ':'); i >= 0 && i < headlineLinkLabel {
		if rest := strings.TrimSpace(p[i+1:]); len(rest) >= headlineMin && l.headline(TextHash(rest)) {
			return true
		}
	}
	return false
}

const (
	headlineLabel     = 16 // bytes of a label Headline allows beside a headline
	headlineLinkLabel = 32 // bytes of a label ending in a separator (see isLabel)
	headlineMin       = 24 // bytes of the headline, so that a label is no headline with a word
)

// headline reports whether text h is the title of one of the site's pages or
// was the text of a link making up a whole block (see Scanned.LinkTexts).
func (l *Layout) headline(h uint64) bool { return l.titles[h] || l.links[h].pages >= 1 }

// gluedHeadlines reports whether p is two or more of the site's headlines
// run together (see Glued): a box of links to other stories, whatever the
// version, which Clean drops. Texts other pages carry are left out of the
// test: two sentences of wire copy another page repeats make an article's
// paragraph.
func (l *Layout) gluedHeadlines(p string) bool {
	// Headlines end without a full stop; an article's paragraphs with one
	// (or a closing quote or bracket), which spares the test nearly all of
	// them.
	if p == "" || strings.ContainsRune(".:;\"”)", rune(p[len(p)-1])) || strings.HasSuffix(p, "”") {
		return false
	}
	return l.glued(p, l.headline)
}

// glued reports whether p splits into two texts or more that known holds.
func (l *Layout) glued(p string, known func(h uint64) bool) bool {
	if len(p) > layoutMaxGlued {
		return false
	}
	// parts[i] is the fewest known texts p[:i] splits into, 0 when none.
	parts := make([]int, len(p)+1)
	parts[0] = -1 // the start, reached by no text yet
	for i := 0; i < len(p); i++ {
		if parts[i] == 0 {
			continue
		}
		start := i
		for start < len(p) && p[start] == ' ' {
			start++
		}
		// TextHash of p[start:j+1], extended a byte at a time.
		h := newTextHasher()
		for j := start; j < len(p); j++ {
			h.add(p[j])
			if h.digits && j+1 < len(p) && p[j+1] >= '0' && p[j+1] <= '9' {
				continue // a run of digits hashes as one '#': end it first
			}
			if known(h.sum()) {
				n := max(parts[i], 0) + 1
				if parts[j+1] == 0 || n < parts[j+1] {
					parts[j+1] = n
				}
			}
		}
	}
	return parts[len(p)] >= 2
}

// Skips returns the current set of left-out chains.
func (l *Layout) Skips() SkipSet { return l.skip }

// Observe learns from one page and what readability extracted from it (its
// unfiltered result). It reports whether the set of left-out chains changed.
func (l *Layout) Observe(sc *Scanned, pageURL string, ref Article) bool {
	var ph fnvHash = fnvOffset
	ph.write([]byte(pageURL))
	page := uint64(ph)
	var joined strings.Builder
	joined.WriteString("\n" + ref.Title + "\n")
	for _, p := range ref.Paragraphs {
		joined.WriteString(p)
		joined.WriteByte('\n')
	}
	text := joined.String()
	kept := map[string]bool{}
	hashes := map[string]uint64{} // TextHash of each block, once per page
	hash := func(b string) uint64 {
		h, ok := hashes[b]
		if !ok {
			h = TextHash(b)
			hashes[b] = h
		}
		return h
	}
	// The headlines a page links to, and its own, for Glued, first: a box
	// of them kept as a paragraph is no text kept (below).
	l.SeeTitle(ref.Title)
	for _, t := range sc.LinkTexts() {
		seeCounted(l.links, layoutMaxLinks, TextHash(t), page)
	}
	var seen []uint64
	share := map[uint64]int{} // bytes of kept text per chain on this page
	for _, el := range sc.Elements() {
		st := l.sigs[el.Chain]
		if st == nil {
			if len(l.sigs) >= layoutMaxSigs {
				continue
			}
			st = &sigStats{}
			l.sigs[el.Chain] = st
		}
		if st.lastPage != page || st.pages == 0 {
			st.pages++
			st.lastPage = page
			seen = append(seen, el.Chain)
		}
		if el.InWord {
			// A drop cap is part of the paragraph's first word: never left
			// out, and its block, the paragraph, is no text of its own (a
			// lede several articles share made it "boilerplate", and every
			// such lede with it).
			st.body, st.texts = true, nil
		}
		var o occurrence
		if len(el.Blocks) <= layoutMaxBlocks {
			o.blocks = make([]uint64, len(el.Blocks))
		}
		for i, b := range el.Blocks {
			k, ok := kept[b]
			if !ok {
				k = strings.Contains(text, b)
				kept[b] = k
			}
			if k && el.Bare[i] == "" && (!strings.Contains(text, "\n"+b+"\n") || l.gluedHeadlines(b)) {
				// A block made only of links (other stories' headlines)
				// is kept only as a paragraph of its own: the same
				// headline inside a kept paragraph ("READ MORE: …") is
				// that paragraph's text, not this block's. Nor is a box
				// of headlines run together kept, which Clean drops from
				// the text: the fast path, reference of its own learning
				// on a trusted site, keeps it as a paragraph, and its
				// kind was never learned.
				k = false
			}
			o.kept = o.kept || k
			if k {
				share[el.Chain] += len(b)
				if len(b) >= repeatMinLen && el.Bare[i] != "" && strings.Count(text, b) >= 2 {
					o.repeat = true
				}
			}
			h := hash(b)
			if o.blocks != nil {
				o.blocks[i] = h
			}
			if bare := el.Bare[i]; k && bare != "" && (bare == b || strings.Contains(text, bare)) {
				o.own = append(o.own, hash(bare))
			}
			if st.texts == nil && !st.body {
				st.texts = map[uint64]bool{}
			}
			if !st.body && len(st.texts) < layoutMaxSeen {
				st.texts[h] = true
				if bare := el.Bare[i]; bare != "" && bare != b {
					st.texts[hash(bare)] = true
				}
			}
		}
		st.push(o)
	}
	// Count the page for each distinct block once, after all of them were
	// pushed, so that a block repeated within the page is not "common".
	for b := range kept {
		l.seeText(hash(b), page)
	}
	// The texts of the page's main kind of element, for Clean.
	for t := range sc.MainTexts(l.skip) {
		h := TextHash(t)
		seeCounted(l.main, layoutMaxTexts, h, page)
		l.seeShared(h)
	}
	for _, b := range sc.printBlocks() {
		if b.main && b.hash != 0 {
			seeCounted(l.printMain, layoutMaxTexts, b.hash, page)
			l.seeShared(b.hash)
		}
	}
	// readability's own paragraphs too: it may render an element's text
	// otherwise than its blocks (dropping link text, joining blocks).
	for _, p := range ref.Paragraphs {
		if _, ok := kept[p]; !ok {
			kept[p] = true
			l.seeText(TextHash(p), page)
		}
	}
	for c, n := range share {
		// A quarter of the page's article text is no insert: whatever else
		// such an element kind holds, it holds the article.
		if n*4 > len(text) {
			l.sigs[c].body = true
			l.sigs[c].texts = nil // never left out: its texts are not needed
		}
	}
	changed := false
	for _, c := range seen {
		st := l.sigs[c]
		switch boiler := l.boilerplate(st); {
		case boiler && !l.skip[c]:
			l.setSkip(c, true)
			changed = true
		case !boiler && l.skip[c] && (st.body || l.holdsText(st)):
			l.setSkip(c, false)
			changed = true
		}
		if l.skip[c] {
			for h := range st.texts {
				l.addBoiler(h)
			}
		}
	}
	return changed
}

// setSkip replaces the skip set, which readers may hold.
func (l *Layout) setSkip(chain uint64, on bool) {
	next := maps.Clone(l.skip)
	if on {
		next[chain] = true
	} else {
		delete(next, chain)
	}
	l.skip = next
	l.printChanged()
}

func (l *Layout) seeText(h, page uint64) { seeCounted(l.texts, layoutMaxTexts, h, page) }

// seeCounted counts page for text h in seen, which holds up to limit texts.
func seeCounted(seen map[uint64]textSeen, limit int, h, page uint64) {
	t, ok := seen[h]
	switch {
	case !ok:
		if len(seen) >= limit {
			// Most texts are article paragraphs, seen once: forget those
			// and keep what recurs.
			maps.DeleteFunc(seen, func(_ uint64, t textSeen) bool { return t.pages < 2 })
		}
		if len(seen) < limit {
			seen[h] = textSeen{ids: [seenCap - 1]uint32{uint32(page)}, pages: 1}
		}
	case t.pages < seenCap && !t.counted(page):
		if int(t.pages) < len(t.ids) {
			t.ids[t.pages] = uint32(page)
		}
		t.pages++
		seen[h] = t
	}
}

// allCommon reports whether every block of o was seen on two pages or more,
// or in an element left out before (what an earlier process learned).
func (l *Layout) allCommon(o occurrence) bool {
	if o.blocks == nil {
		return false
	}
	for _, h := range o.blocks {
		if l.texts[h].pages < 2 && !l.boiler[h] {
			return false
		}
	}
	return true
}

// boilerplate reports whether an element kind looks like boilerplate on
// every one of its latest occurrences.
func (l *Layout) boilerplate(st *sigStats) bool {
	if st.pages < layoutMinPages || st.body {
		return false
	}
	for k := range st.n {
		if o := st.latest(k); o.kept && (o.repeat || !l.allCommon(o)) {
			return false
		}
	}
	return true
}

// holdsText reports whether a left-out element kind held text of its own
// (outside links) that readability kept and no other page carried, on its
// two latest occurrences.
func (l *Layout) holdsText(st *sigStats) bool {
	if st.n < 2 {
		return false
	}
	for k := range 2 {
		if !l.ownText(st.latest(k)) {
			return false
		}
	}
	return true
}

func (l *Layout) ownText(o occurrence) bool {
	for _, h := range o.own {
		if l.texts[h].pages < 2 && !l.boiler[h] {
			return true
		}
	}
	return false
}

// Boilerplate reports whether a paragraph's text (digit runs folded) was
// seen in a left-out element.
func (l *Layout) Boilerplate(p string) bool { return l.boiler[TextHash(p)] }

// Clean drops the paragraphs that are text of left-out elements: those in
// skipped (the page's own left-out blocks, see Scanned.SkippedText), also
// as readability renders them (it may leave a block's links or buttons
// out), and those seen in left-out elements of the site's other pages;
// unless the page, sc, holds the text in its main kind of element too and
// no other page does there (see Scanned.MainTexts): a lede that story cards
// quote, here or on other pages, is still this article's, whichever path
// extracted it. sc may be nil. A paragraph that is two or more of the
// site's headlines run together (a box of links to other stories) is
// dropped too, whatever page it is on, and a related link of sc (see
// relatedPart), which fingerprints leave out too.
func (l *Layout) Clean(paragraphs, skipped []string, sc *Scanned) []string {
	if len(l.boiler) == 0 && len(skipped) == 0 && len(l.titles) == 0 && len(l.links) == 0 && sc == nil {
		return paragraphs
	}
	drop := make(map[uint64]bool, len(skipped))
	for _, b := range skipped {
		drop[TextHash(b)] = true
	}
	var words [][]string     // skipped's words, when first needed
	var main map[string]bool // sc's main texts, when first needed
	own := func(p string, h uint64) bool {
		if main == nil && sc != nil {
			main = sc.MainTexts(l.skip)
		}
		return main[p] && !l.mainShared[h] && l.main[h].pages < 2
	}
	out := paragraphs[:0:0]
	for _, p := range paragraphs {
		if l.gluedHeadlines(p) || sc != nil && len(p) <= layoutMaxGlued && sc.relatedLink(p) {
			// a box of other stories' headlines taken for a paragraph
			// before the box was learned: its pairs rotate, so leaving it
			// in would make every fetch another text; or a related link
			// drawn among the paragraphs
			continue
		}
		h := TextHash(p)
		left := drop[h] || l.boiler[h]
		if !left && len(skipped) > 0 {
			if words == nil {
				words = FoldAll(skipped)
			}
			left = PartOf(p, words)
		}
		if left && !own(p, h) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// SameButInline reports whether readability's paragraphs are the fast
// path's once the text of the page's left-out elements that stands inside
// them is taken out (see InlineLeftOut), and not the same as they are: an
// inline element the fast path leaves out (one learned as boilerplate, or a
// byline's <time>, see Scanned.SkippedInline) stays in the paragraph
// readability keeps it in. Told apart as a disagreement, such a site never
// kept the fast path: every check found it again, and ledger's first pass
// took readability on 83-139 of its 200 pages.
func SameButInline(fast, full, leftOut []string) bool {
	if len(fast) != len(full) || slices.Equal(fast, full) {
		return false
	}
	var words [][]string
	for i := range fast {
		if fast[i] == full[i] {
			continue
		}
		if words == nil {
			words = make([][]string, 0, len(leftOut))
			for _, b := range leftOut {
				if w := FoldWords(b); len(w) > 0 {
					words = append(words, w)
				}
			}
		}
		if !InlineLeftOut(full[i], fast[i], words) {
			return false
		}
	}
	return true
}

// InlineLeftOut reports whether paragraph p is q with one or more whole
// left-out blocks' words (see FoldWords) standing in it, before, between or
// after q's words, and nothing else: q is p without them.
func InlineLeftOut(p, q string, leftOut [][]string) bool {
	pw, qw := FoldWords(p), FoldWords(q)
	if len(pw) <= len(qw) {
		return false
	}
	i, j := 0, 0
	for i < len(pw) {
		if j < len(qw) && pw[i] == qw[j] {
			i, j = i+1, j+1
			continue
		}
		k := slices.IndexFunc(leftOut, func(b []string) bool { return len(b) <= len(pw)-i && slices.Equal(pw[i:i+len(b)], b) })
		if k < 0 {
			return false
		}
		i += len(leftOut[k])
	}
	return j == len(qw)
}

// PartOf reports whether p's words, in order, are some of one block's words
// (see FoldWords): p is that block's text with parts left out.
func PartOf(p string, blocks [][]string) bool {
	pw := FoldWords(p)
	if len(pw) == 0 {
		return false
	}
	for _, bw := range blocks {
		if subsequence(pw, bw) {
			return true
		}
	}
	return false
}

// subsequence reports whether the words of a stand, in order, among b's.
func subsequence(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	i := 0
	for _, w := range b {
		if i < len(a) && w == a[i] {
			i++
		}
	}
	return i == len(a)
}

// Resembles reports whether p is the text of one of blocks, elements of
// a page the site's layout leaves out, but for a part that rotates between
// fetches: a caption whose photo credit is drawn per request, a box whose
// count or time moved on. It asks that the two be of a like length (the
// longer at most half as long again) and share, in order, at least two
// thirds of the shorter one's words, and that p has resembleMin words, so
// a short line ("Photo: AP") resembles nothing by the words every credit
// holds. An article paragraph edited in place is no left-out element of
// the page, so it is never set aside this way.
func Resembles(p string, blocks [][]string) bool {
	pw := FoldWords(p)
	if len(pw) < resembleMin {
		return false
	}
	for _, bw := range blocks {
		short, long := min(len(pw), len(bw)), max(len(pw), len(bw))
		if 2*long > 3*short {
			continue
		}
		if 3*commonWords(pw, bw) >= 2*short {
			return true
		}
	}
	return false
}

// resembleMin is the fewest words of a paragraph Resembles matches.
const resembleMin = 6

// commonWords is the length of the longest common subsequence of a and b.
func commonWords(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for _, x := range a {
		for j, y := range b {
			switch {
			case x == y:
				cur[j+1] = prev[j] + 1
			case cur[j] > prev[j+1]:
				cur[j+1] = cur[j]
			default:
				cur[j+1] = prev[j+1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// FoldAll returns the words (FoldWords) of each of texts, for PartOf and
// Resembles; never nil, so that a caller can tell it from not yet worked
// out.
func FoldAll(texts []string) [][]string {
	out := make([][]string, len(texts))
	for i, t := range texts {
		out[i] = FoldWords(t)
	}
	return out
}

// FoldWords splits a text into lower-case words of letters and digits,
// each digit run folded to "#", for PartOf.
func FoldWords(s string) []string {
	return strings.FieldsFunc(strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return '#'
		case unicode.IsLetter(r):
			return unicode.ToLower(r)
		}
		return ' '
	}, s), func(r rune) bool { return r == ' ' })
}
