package monitor

import (
	"slices"
	"strings"
	"sync"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/store"
)

// Readability costs a few milliseconds a page; most news sites mark up
// their article well enough that the text of the article region, cleaned of
// boilerplate, is exactly what readability finds. siteLearner checks that on
// each site's first pages by running both, then uses the fast path alone for
// that site, checking again every recheckEvery pages and falling back to
// readability for good sites that stop agreeing.
const (
	learnPages   = 3  // agreeing pages before a site is trusted
	recheckEvery = 25 // fast pages between two checks
	// settledAfter fast pages in a row that taught the site's layout
	// nothing end learning between checks, until a check or a learned page
	// changes it again: a settled site's pages then cost no learning.
	settledAfter = 100
)

type siteLearner struct {
	mu    sync.Mutex
	sites map[string]*siteState
}

type siteState struct {
	agreed     int  // consecutive pages where both extractions agreed
	trusted    bool // the fast path is used
	sinceCheck int  // fast pages since the last check
	// layout learns which elements of the site's article region are not
	// article text; they are left out of the region's fingerprint and of
	// both extractions.
	layout *extract.Layout
	quiet  int // fast pages in a row that changed nothing in layout
	// handed is what fingerprints left out when last handed out (see
	// skipsNow), at the layout's PrintGen handedGen; past holds the ones
	// before it, newest first, up to pastPrints (see pastSkips). base is
	// the first handed out by this process: what the site's layout was
	// when the process loaded it, under which the last pass (settled at
	// its end, see Monitor.settle) stored the page hashes this one meets.
	// It is kept however often the layout changes after: a pass that goes
	// on learning a rotating insert's texts changes it every few pages,
	// and once base fell out of past every unchanged page holding one of
	// those texts was extracted again. It covers a process's first pass
	// only: the daemon's scheduled polls (no pass, nothing settled) store
	// page hashes under later sets, which only past keeps.
	handed    *extract.PrintSkips
	handedGen int
	past      []*extract.PrintSkips
	base      *extract.PrintSkips
}

// pastPrints bounds the earlier fingerprint skips a site keeps: a pass
// that learns rarely changes them more than a few times.
const pastPrints = 3

// useFast reports whether the next page of host may skip readability.
func (l *siteLearner) useFast(host string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	if st.trusted && st.sinceCheck < recheckEvery {
		st.sinceCheck++
		return true
	}
	return false
}

// trusted reports whether host's pages take the fast path between checks.
func (l *siteLearner) trusted(host string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state(host).trusted
}

// record notes whether both extractions agreed on a page of host.
func (l *siteLearner) record(host string, agree bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	st.sinceCheck = 0
	if !agree {
		st.agreed, st.trusted = 0, false
		return
	}
	st.agreed++
	st.trusted = st.agreed >= learnPages
}

// load seeds the learner with what earlier runs learned.
func (l *siteLearner) load(sites map[string]store.SiteState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for host, st := range sites {
		*l.state(host) = siteState{agreed: st.Agreed, trusted: st.Trusted, sinceCheck: st.SinceCheck,
			layout: extract.NewLayout(extract.LayoutState{Skip: st.Skip, Boiler: st.Boiler, Common: st.Common, Main: st.Main, Titles: st.Titles, Frequent: st.Frequent}), quiet: st.Quiet}
	}
}

// snapshot returns what the learner knows, to be stored for the next run.
func (l *siteLearner) snapshot() map[string]store.SiteState {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]store.SiteState, len(l.sites))
	for host, st := range l.sites {
		ls := st.layout.State()
		out[host] = store.SiteState{Agreed: st.agreed, Trusted: st.trusted, SinceCheck: st.sinceCheck,
			Skip: ls.Skip, Boiler: ls.Boiler, Common: ls.Common, Main: ls.Main, Quiet: st.quiet, Titles: ls.Titles, Frequent: ls.Frequent}
	}
	return out
}

func (l *siteLearner) state(host string) *siteState {
	if l.sites == nil {
		l.sites = map[string]*siteState{}
	}
	st := l.sites[host]
	if st == nil {
		st = &siteState{layout: extract.NewLayout(extract.LayoutState{})}
		l.sites[host] = st
	}
	return st
}

// skips returns the elements of host's article region left out so far.
func (l *siteLearner) skips(host string) extract.SkipSet {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state(host).layout.Skips()
}

// observe learns from a page of host that readability extracted as ref and
// returns the elements to leave out from now on.
func (l *siteLearner) observe(host string, sc *extract.Scanned, pageURL string, ref extract.Article) extract.SkipSet {
	// The page's elements and text blocks are built once and kept in sc:
	// build them before taking the lock every worker needs.
	sc.Elements()
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	if st.layout.Observe(sc, pageURL, ref) {
		st.quiet = 0
	}
	return st.layout.Skips()
}

// observeFast learns from a page of host that the fast path extracted as
// art, unless the site's layout has settled.
func (l *siteLearner) observeFast(host string, sc *extract.Scanned, pageURL string, art extract.Article) {
	l.mu.Lock()
	st := l.state(host)
	st.layout.SeeTitle(art.Title)
	settled := st.quiet >= settledAfter
	l.mu.Unlock()
	if settled {
		return
	}
	sc.Elements()
	l.mu.Lock()
	defer l.mu.Unlock()
	st = l.state(host)
	if st.layout.Observe(sc, pageURL, art) {
		st.quiet = 0
	} else {
		st.quiet++
	}
}

// knownNotArticle reports whether paragraph p, gone from an article's new
// text, is text host's layout knows is no article's own: learned
// boilerplate or one of its headlines (extract.Layout.Boilerplate,
// Headline), and with shared also text many of its pages carry or texts
// run together (Frequent, Glued); under one lock.
func (l *siteLearner) knownNotArticle(host, p string, shared bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	ly := l.state(host).layout
	return ly.Boilerplate(p) || ly.Headline(p) || shared && (ly.Frequent(p) || ly.Glued(p))
}

// clean drops paragraphs of page sc that are text of host's left-out
// elements (see extract.Layout.Clean).
func (l *siteLearner) clean(host string, paragraphs, skipped []string, sc *extract.Scanned) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state(host).layout.Clean(paragraphs, skipped, sc)
}

// skipsNow returns what host's fingerprints leave out so far (the elements
// of its article region learned as boilerplate, and the blocks whose text
// is), and the count of changes to it, so that a fingerprint taken before
// the last one is known to be stale.
func (l *siteLearner) skipsNow(host string) (skips *extract.PrintSkips, gen int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	skips, gen = st.layout.PrintSkips(), st.layout.PrintGen()
	if st.handed == nil {
		st.base = skips
	}
	if st.handed != nil && st.handedGen != gen {
		st.past = append([]*extract.PrintSkips{st.handed}, st.past[:min(len(st.past), pastPrints-1)]...)
	}
	st.handed, st.handedGen = skips, gen
	return skips, gen
}

// pastSkips returns what host's fingerprints leave out now and what they
// left out before the last changes, newest first, then what they left out
// when the process began (see siteState.base): a page hash stored under
// one of those still tells an unchanged text when the page's fingerprint
// under it is the same and it left out no more than the current one (see
// storedUnder).
func (l *siteLearner) pastSkips(host string) (cur *extract.PrintSkips, past []*extract.PrintSkips) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	cur, past = st.layout.PrintSkips(), slices.Clone(st.past)
	if st.base != nil && st.base != cur && !slices.Contains(past, st.base) {
		past = append(past, st.base)
	}
	return cur, past
}

// pagePrint is a page's fingerprint material, the host whose learned
// layout it was fingerprinted under, and the learner's generation then.
type pagePrint struct {
	print *extract.Print
	host  string
	gen   int
}

// pageHash identifies the article text of a scanned page of pageURL's
// site: its fingerprint without the elements learned to be boilerplate.
// With keep it also returns the page's print, to fingerprint the page again
// under what the rest of the pass learns (see settle).
func (m *Monitor) pageHash(sc *extract.Scanned, pageURL string, keep bool) (string, *pagePrint) {
	host := siteHost(pageURL)
	skips, gen := m.sites.skipsNow(host)
	if !keep {
		return sc.Fingerprint(skips), nil // nothing kept: no copy of the page's text
	}
	pr := sc.Print()
	return pr.Fingerprint(skips), &pagePrint{print: pr, host: host, gen: gen}
}

// sameText reports whether a new text of an article on pageURL's site is
// the old one once learned boilerplate is set aside. A version stored
// before the site's boilerplate was learned still holds some: paragraphs of
// the old text that are gone from the new one are not counted as edited
// away when they are known boilerplate of the site, are still on the page
// in elements now left out (dropped), are one of the site's headlines (a
// story card), are text many of its pages carry (an ad's copy drawn from a
// few, a pitch), or are several texts the site's other pages carry or
// headlines of its stories run together (a rotating "Read more" box of two
// headlines, stored as one paragraph before the box was learned: no page
// carries that pair whole, and the next render shows another pair). A
// paragraph a few other pages carry is not set aside: a story's articles
// share paragraphs (background, a wire line), and deleting one is an edit
// (any text of two pages was set aside until round 11, and such a deletion
// was lost). When the old text is
// readability's on a page where the fast path disagreed (its page hash
// carries refMark; readability may have kept rotating boilerplate not yet
// known as such), a paragraph gone from the new text is also set aside
// while it is still a block of the page, whole or without its links' text
// (onPage, see extract.Scanned.Shows): readability keeps a short
// paragraph or not by the inserts drawn around it, and the fast path's
// text may lack what readability kept. A paragraph gone from the page was
// edited or deleted: until round 12 every gone paragraph was set aside
// here, and an edit landing in a paragraph readability happened to drop
// on that fetch was lost (folio in-process: one edit of 50 in about a
// third of the runs).
// A paragraph the old text holds more often than the new one is gone from
// it that many times (see keptOld): a live blog's "Key events" box repeats
// one-sentence posts whole. Paragraphs new to the text always count, so an
// edit within a paragraph, an added one and a move are still changes.
func (m *Monitor) sameText(pageURL string, prev store.Version, prevPageHash, title, text string, dropped func() []string, onPage func(string) bool) bool {
	if prev.Title != title {
		return false
	}
	learning := strings.HasPrefix(prevPageHash, refMark)
	// text was cleaned when it was extracted; the old text may need it.
	cur := strings.Split(text, "\n\n")
	old := strings.Split(prev.Text, "\n\n")
	// Only paragraphs of the old text are kept, so a new text with a
	// paragraph the old one lacks (an edit, an addition: most new versions)
	// is another text whatever is set aside; that needs neither the
	// dropped text nor the site's lock.
	inOld := make(map[string]bool, len(old))
	for _, p := range old {
		inOld[p] = true
	}
	for _, p := range cur {
		if !inOld[p] {
			return false
		}
	}
	aside := asideGlued
	if learning {
		aside = asideOnPage
	}
	return slices.Equal(m.keptOld(siteHost(pageURL), old, cur, aside, dropped, onPage), cur)
}

// What keptOld sets aside of the paragraphs gone from the new text.
type asideRule int

const (
	// asideLearned: known boilerplate of the site, its headlines (a story
	// card taken for a paragraph, see extract.Layout.Headline), and text on
	// the page in elements now left out.
	asideLearned asideRule = iota
	// asideGlued: those, text many of the site's pages carry, and texts
	// its other pages carry or headlines of its stories run together.
	asideGlued
	// asideOnPage: those, and a block of the page in any element, whole
	// or without its links' text (see extract.Scanned.Shows).
	asideOnPage
)

// keptOld returns the paragraphs of old, an earlier text of an article of
// host, that are the article's as far as cur, its new text, tells: those
// still in cur, and those gone from it that rule does not set aside
// (dropped is the text of the page's left-out elements, onPage tells a
// block of its article region, see sameText; either may be nil).
func (m *Monitor) keptOld(host string, old, cur []string, rule asideRule, dropped func() []string, onPage func(string) bool) []string {
	// A paragraph is still in cur as many times as cur holds it: an old
	// text may hold a paragraph twice, once as the article's and once in
	// an insert that repeats it (a live blog's pinned "Key events" or a
	// "Key points" box quoting its one-sentence posts, kept before the box
	// was learned), and the new text once. Old paragraphs are matched with
	// cur's in order; one cur holds no more of is gone from it, and so
	// set aside or kept by rule like a paragraph cur lacks.
	surplus := make(map[string]int, len(old))
	for _, p := range old {
		surplus[p]++
	}
	for _, p := range cur {
		surplus[p]--
	}
	var left [][]string      // dropped's words, read on the first question
	var told map[string]bool // aside's answers: boxedCopies asks of a paragraph's neighbours too
	aside := func(p string) bool {
		if a, ok := told[p]; ok {
			return a
		}
		if told == nil {
			var d []string
			if dropped != nil {
				d = dropped()
			}
			left, told = extract.FoldAll(d), map[string]bool{}
		}
		a := m.sites.knownNotArticle(host, p, rule >= asideGlued) || extract.PartOf(p, left) || extract.Resembles(p, left)
		if !a && rule == asideOnPage && onPage != nil {
			a = onPage(p)
		}
		told[p] = a
		return a
	}
	boxed := boxedCopies(old, cur, surplus, aside)
	kept := make([]string, 0, len(old))
	j := 0 // cur[j] is the next paragraph of cur to match
	for i, p := range old {
		if boxed[i] {
			continue // set aside, surplus counted (see boxedCopies)
		}
		if j < len(cur) && p == cur[j] {
			kept = append(kept, p)
			j++
			continue
		}
		if surplus[p] <= 0 {
			// in cur as often as here: still the article's, moved or not
			kept = append(kept, p)
			continue
		}
		if !aside(p) {
			kept = append(kept, p)
		} else {
			surplus[p]--
		}
	}
	return kept
}

// boxedCopies picks, of a paragraph old holds more often than cur, the
// copies that stood in a box set aside: a copy next to a paragraph that is
// gone from cur and set aside (the box's other lines). It counts them out
// of surplus. Matched in order alone, the box's copy stood for the
// article's: a live blog whose two latest one-sentence posts swapped places
// (each also a line of its "Key events", learned and left out after the
// first fetch) matched its first post with the box's line and set the
// post's own copy aside, and the move was lost (spa, about one run in a
// hundred, one in two on some draws).
func boxedCopies(old, cur []string, surplus map[string]int, aside func(string) bool) map[int]bool {
	inCur := make(map[string]bool, len(cur))
	for _, p := range cur {
		inCur[p] = true
	}
	var boxed map[int]bool
	goneAside := func(i int) bool {
		if i < 0 || i >= len(old) {
			return false
		}
		return boxed[i] || !inCur[old[i]] && aside(old[i])
	}
	for i, p := range old {
		if surplus[p] <= 0 || !inCur[p] {
			continue // no copy to choose: cur holds it as often, or never
		}
		if (goneAside(i-1) || goneAside(i+1)) && aside(p) {
			if boxed == nil {
				boxed = map[int]bool{}
			}
			boxed[i] = true
			surplus[p]--
		}
	}
	return boxed
}

// articleText returns an earlier text of an article on pageURL's site
// without the paragraphs gone from text, its new one, that are learned
// boilerplate or the site's headlines: a version stored before the site's
// boilerplate was learned holds some (a byline with its time, an ad, a
// poll with its votes, a story card), and they would pass for facts the
// new version dropped. Text other pages carry is not set aside, not even
// text many carry as sameText does: a story's articles share paragraphs
// (background, a wire line), and an edit of one is news.
// It returns old itself when nothing is set aside. The stored versions keep
// what they hold; only their comparison reads them so.
func (m *Monitor) articleText(pageURL, old, text string, dropped func() []string) string {
	oldParas := strings.Split(old, "\n\n")
	kept := m.keptOld(siteHost(pageURL), oldParas, strings.Split(text, "\n\n"), asideLearned, dropped, nil)
	if len(kept) == len(oldParas) {
		return old
	}
	return strings.Join(kept, "\n\n")
}

func siteHost(pageURL string) string { return extract.SiteHost(pageURL) }

// refMark prefixes the stored page hash of an article whose text came from
// readability on a page where the fast path gave another text (see
// sameText): the next extraction of that article uses readability too, or
// the difference between the two would pass for an edit. (Such pages are
// the few a site shows before its boilerplate is learned.) An unchanged
// fingerprint still means an unchanged text.
const refMark = "r:"

// noPrint is the page hash stored with an article whose page's article
// region (see extract.Scan) does not hold its text: readability found the
// article elsewhere. Such a region's fingerprint says nothing of the text
// (a WordPress page whose only <article>s are its readers' comments: the
// fingerprint of the largest comment vouched for pages whose article had
// been edited), so it is never stored: noPrint is no fingerprint of any
// page, and the next pass extracts the page again. It carries refMark: the
// text is readability's.
const noPrint = refMark + "-"

// samePage reports whether a page's fingerprint is the one stored with the
// article's text, with or without refMark: its text is unchanged.
func samePage(pageHash, stored string) bool {
	return pageHash == strings.TrimPrefix(stored, refMark)
}

// knownPage reports whether a page of pageURL, scanned as sc, whose
// fingerprint is pageHash, is the one whose page hash stored is kept with
// its article's text, and returns the page hash to keep. A page hash
// stored before fingerprints left out learned boilerplate texts and page
// furniture (extract.PrintSkips) is the page's fingerprint without the
// learned element kinds alone (a SkipSet, as round 6 to 8 stored it): when
// the page's is that one, its text is unchanged just as surely, and the
// article takes the new fingerprint with the same mark, so an upgrade
// extracts no unchanged page again. So is a page hash stored under what
// the fingerprints left out before the site's layout last changed (see
// storedUnder). pr, the page's print when the pass kept one, fingerprints it
// again more cheaply.
func (m *Monitor) knownPage(sc *extract.Scanned, pr *pagePrint, pageURL, pageHash, stored string) (keep string, ok bool) {
	if samePage(pageHash, stored) {
		return stored, true
	}
	if stored == "" || !m.storedUnder(sc, pr, siteHost(pageURL), strings.TrimPrefix(stored, refMark)) {
		return "", false
	}
	if strings.HasPrefix(stored, refMark) {
		return refMark + pageHash, true
	}
	return pageHash, true
}

// regionHeld reports whether the region of the page scanned as sc holds
// the stored text of the known article, so that its fingerprint may vouch
// for that text. A page hash without refMark was taken where the region's
// own text was stored (the fast path's, or readability's agreeing with
// it); one with refMark, where readability read the text from the whole
// page, and a store written before noPrint may hold one of a region that
// is no article (a teaser or a comment <article>): that text is checked
// against the region once more, which costs a read of the latest version.
func (m *Monitor) regionHeld(sc *extract.Scanned, known store.Article) bool {
	if !strings.HasPrefix(known.PageHash, refMark) {
		return true
	}
	v, err := m.store.LatestVersion(known.ID)
	if err != nil || v.Source != "page" {
		return false
	}
	return sc.Holds(strings.Split(v.Text, "\n\n"))
}

// storedUnder reports whether the page scanned as sc has fingerprint
// stored under what host's fingerprints left out at an earlier time: the
// element kinds alone (as rounds 6 to 8 stored page hashes), or what they
// left out before the site's layout last changed or when the process
// began (see pastSkips), when that left out no more than they do now (see
// extract.PrintSkips.Within). A layout learned further
// in the middle of a pass would otherwise make every later page's
// fingerprint differ from the one stored before it, and the pass would
// extract each again only to find its text unchanged.
func (m *Monitor) storedUnder(sc *extract.Scanned, pr *pagePrint, host, stored string) bool {
	// The page's print, when the pass kept one, fingerprints it again
	// without another walk of its region (the same sums: see
	// extract.Print): an edited WordPress page spent a tenth of the
	// revision pass here.
	fingerprint := sc.Fingerprint
	if pr != nil {
		fingerprint = pr.print.Fingerprint
	}
	if fingerprint(m.sites.skips(host)) == stored {
		return true
	}
	cur, past := m.sites.pastSkips(host)
	for _, ps := range past {
		if ps.Within(cur) && fingerprint(ps) == stored {
			return true
		}
	}
	return false
}

// extractPage extracts an article page, through the fast path when its site
// has earned it. sc is the page as scanned for its region hash; page is the
// same page converted to UTF-8 (the same bytes for almost every page);
// prevHash is the page hash stored with the article's text. dropped returns
// the page's text left out as learned boilerplate (extract.Article.Dropped),
// worked out on the fast path only when first asked for. mark is refMark
// when the text is readability's and the fast path disagreed, noPrint when
// the page's region does not even hold readability's text, else "".
// An article whose stored text is the fast path's keeps it on a page where
// the two disagree.
func (m *Monitor) extractPage(sc *extract.Scanned, page []byte, pageURL, prevHash string) (art extract.Article, dropped func() []string, mark string, err error) {
	host := siteHost(pageURL)
	if !sameBytes(sc.Page(), page) {
		sc = extract.Scan(page)
	}
	if !strings.HasPrefix(prevHash, refMark) && m.sites.useFast(host) {
		skips := m.sites.skips(host)
		art, err := sc.ExtractLearned(pageURL, skips)
		if err != nil {
			return art, nil, "", err
		}
		m.metrics.PageChecked(metrics.CheckFast)
		// Learning goes on between checks: rotating inserts show as text
		// other pages carry too, which needs no readability to see. Text
		// the fast path keeps counts as kept, so article paragraphs (unique
		// to their page) are never learned as boilerplate this way.
		m.sites.observeFast(host, sc, pageURL, art)
		art.Paragraphs = m.sites.clean(host, art.Paragraphs, nil, sc)
		// The skipped elements' text is only needed to tell whether a
		// paragraph gone from a known article is still on the page (see
		// sameText); sc and skips are this page's own and do not change.
		return art, sync.OnceValue(func() []string { return sc.SkippedText(skips) }), "", nil
	}
	full, err := extract.Extract(page, pageURL)
	if err != nil {
		return full, nil, "", err
	}
	m.metrics.PageChecked(metrics.CheckReadability)
	// Learn from readability's own result, then hold both extractions to
	// what is now known to be boilerplate.
	skips := m.sites.observe(host, sc, pageURL, full)
	full.Dropped = sc.SkippedText(skips)
	full.Paragraphs = m.sites.clean(host, full.Paragraphs, full.Dropped, sc)
	fast, ferr := sc.ExtractLearned(pageURL, skips)
	fast.Paragraphs = m.sites.clean(host, fast.Paragraphs, nil, sc)
	// The fast path reads only the head and the article region, so the
	// dates must agree too, not just the text.
	same := ferr == nil && fast.Title == full.Title && fast.Published.Equal(full.Published) && fast.Modified.Equal(full.Modified)
	agree := same && slices.Equal(fast.Paragraphs, full.Paragraphs)
	// Readability may keep in a paragraph the text of an inline element
	// the fast path leaves out (a byline's time stamp): the two agree on
	// the article, whose text is the fast path's, as on the site's later
	// pages. (A stored text of readability's is compared with its like.)
	inline := same && !agree && extract.SameButInline(fast.Paragraphs, full.Paragraphs, sc.SkippedInline(skips))
	m.sites.record(host, agree || inline)
	dropped = func() []string { return full.Dropped }
	if !agree && !inline && !sc.Holds(full.Paragraphs) {
		return full, dropped, noPrint, nil
	}
	if inline && !strings.HasPrefix(prevHash, refMark) {
		return fast, dropped, "", nil
	}
	if !agree {
		if prevHash != "" && !strings.HasPrefix(prevHash, refMark) && ferr == nil {
			// The stored text is the fast path's: compare like with like.
			// The site is no longer trusted, so its next new pages take
			// readability; this one keeps the path it was tracked by.
			return fast, dropped, "", nil
		}
		mark = refMark
	}
	return full, dropped, mark, nil
}

// refUnchanged tells, without readability, whether the page of a known
// article whose stored text is readability's (its page hash carries
// refMark) is unchanged: on a trusted site, when the fast path's text says
// nothing the stored text does not (sameText, which for such a version sets
// aside a paragraph gone from the new text while it is still a block of
// the page, as it does for readability's), under the same title and URL. Readability would find the
// same, and costs ten times as much: such pages are those a site shows
// while its boilerplate is learned, and their fingerprint changes once when
// it is. An edit (a changed or added paragraph) fails the test, and the
// page takes extractPage's readability path as before. ok is false when the
// fast path cannot tell; art is the fast path's article when ok.
func (m *Monitor) refUnchanged(sc *extract.Scanned, page []byte, pageURL, link string, known store.Article, it feed.Item) (art extract.Article, ok bool) {
	host := siteHost(pageURL)
	if !m.sites.trusted(host) {
		return art, false
	}
	if !sameBytes(sc.Page(), page) {
		sc = extract.Scan(page)
	}
	art, err := sc.ExtractLearned(pageURL, m.sites.skips(host))
	if err != nil || canonicalURL(link, art, pageURL) != known.URL {
		return art, false
	}
	art.Paragraphs = m.sites.clean(host, art.Paragraphs, nil, sc)
	prev, err := m.store.LatestVersion(known.ID)
	if err != nil || prev.Source != "page" {
		return art, false
	}
	title, text := clipTitle(firstString(art.Title, it.Title)), art.Text()
	return art, prev.Hash == contentHash(title, text) || m.sameText(known.URL, prev, known.PageHash, title, text, nil, sc.Shows)
}

// sameBytes reports whether a and b are the same slice of memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
