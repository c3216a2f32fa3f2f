package monitor

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/fetch"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/store"
)

// source is the feed an item came from.
type source struct {
	feedURL string
	outlet  string
}

type itemOutcome struct {
	matched bool
	seq     int // version stored, 0 when none
}

// content is one observed state of an article, from its page or its feed item.
type content struct {
	url                 string // canonical URL
	title, byline, text string
	published, modified time.Time
	source              string // "page" or "feed"
	siteName            string // the page's own name for its site (og:site_name)
	etag, lastModified  string
	pageHash            string
	// print is the page's fingerprint material when its site's layout was
	// still being learned (see settle); nil otherwise.
	print *pagePrint
	// dropped returns the page text left out as learned boilerplate
	// (extract.Article.Dropped). It is worked out only when asked for
	// (see sameText): most versions never need it. Nil means none.
	dropped func() []string
	// onPage reports whether a text is one of the blocks of the page's
	// article region (extract.Scanned.Shows), whatever was kept: whether a
	// paragraph gone from the text is still on the page (see sameText).
	// Worked out only when asked for. Nil means unknown.
	onPage func(string) bool
	// status is set instead of the rest when the page of a tracked article
	// is gone or redirects to another story (see recordStatus);
	// statusValue is its normalised form: the HTTP code or the new URL.
	status, statusValue string
}

// processItem takes one feed item through fetch, extraction, diff and store.
// release gives back the item's worker slot; it is called once the item no
// longer needs the network or much CPU (see record).
func (m *Monitor) processItem(ctx context.Context, src source, it feed.Item, release func()) (itemOutcome, error) {
	var out itemOutcome
	link, err := fetch.Canonicalize(it.Link)
	if err != nil {
		return out, fmt.Errorf("item %q: %w", it.Title, err)
	}
	unlock := m.articles.lock("link:" + link)
	defer unlock()
	if m.testHookItem != nil {
		m.testHookItem(it)
	}

	known, err := m.store.Article(link)
	switch {
	case err == nil:
		out.matched = true // tracked already: it covered the story once
	case errors.Is(err, store.ErrNotFound):
	default:
		return out, fmt.Errorf("look up article %s: %w", link, err)
	}
	// The feed's own text is only needed to filter a new item or as a
	// fallback; converting its HTML for every known item costs a lot at scale.
	feedText := sync.OnceValue(func() string { return itemText(it) })
	if !out.matched {
		// Without a story filter every item matches: skip the feed text.
		st := m.cfg.Story
		out.matched = len(st.Any)+len(st.All)+len(st.None) == 0 ||
			m.cfg.Matcher().Match(it.Title, it.Summary, feedText())
	}
	if !out.matched && (!m.cfg.Fetch.ArticlePages || m.isRejected(link)) {
		return out, nil
	}
	p := passFrom(ctx)
	if !p.first(link, src.feedURL) {
		// Another feed of this pass listed the article and it was checked a
		// moment ago: asking the site again would only be impolite. PollAll
		// records this feed on the article at the end of the pass.
		return out, nil
	}
	if known.ID == "" {
		// A new article this item leaves unstored (off the story, its
		// page failed and its feed gave no text) is another feed's to
		// take in this pass: its item may be on the story or carry text.
		// The first feed to list it decided for all of them, which one
		// was up to the order the feeds' answers came in.
		defer func() {
			if out.seq == 0 {
				p.release(link)
			}
		}()
	}

	// The article in hand is finished even when shutdown starts meanwhile:
	// its fetch is bounded by the client's own timeout. A page fetch that
	// has not started by then (its host's spacing or slots hold it back)
	// is not in hand: it gives up, and the item is left for the next pass.
	actx := fetch.UntilStarted(context.WithoutCancel(ctx), ctx)
	c, fetchErr := m.observe(actx, link, known, it, feedText)
	if c == nil {
		// Nothing observed: the page failed and the item has no text of its
		// own, or pages are off and it has none.
		if fetchErr == nil {
			fetchErr = fmt.Errorf("item %s: %w", fetch.Redact(link), ErrNoText)
		}
		return out, fetchErr
	}
	if c.status != "" {
		return out, m.recordStatus(known, c, src)
	}
	if c.notModified() {
		err := m.touch(known, c, src)
		if err == nil {
			passFrom(ctx).keepPrint(known.URL, c)
		}
		return out, err
	}
	if !out.matched {
		if !m.cfg.Matcher().Match(c.title, c.text) {
			m.reject(link)
			return out, nil
		}
		out.matched = true
	}
	if c.url != link {
		unlockID := m.articles.lock("id:" + c.url)
		defer unlockID()
	}
	seq, err := m.record(src, link, known, c, release)
	out.seq = seq
	if err == nil {
		passFrom(ctx).keepPrint(c.url, c)
	}
	if err == nil {
		err = fetchErr
	}
	return out, err
}

// notModified reports a page that answered 304 or whose article region is
// byte-identical to the last time: nothing to extract.
func (c *content) notModified() bool { return c.source == "" }

// observe fetches and extracts the article page, falling back to the feed's
// own content when the page cannot be had. It returns the error of the page
// alongside a feed fallback so that the failure is still reported. The
// content is nil only with an error: the page failed and the item has no
// text, or pages are off and the item has no text (ErrNoText).
func (m *Monitor) observe(ctx context.Context, link string, known store.Article, it feed.Item, feedText func() string) (*content, error) {
	fallback := func(cause error) (*content, error) {
		text := feedText()
		if strings.TrimSpace(text) == "" {
			if cause == nil {
				cause = fmt.Errorf("item %s: %w", fetch.Redact(link), ErrNoText)
			}
			return nil, cause
		}
		return &content{
			url: link, title: clipTitle(it.Title), text: text, source: "feed",
			published: it.Published, modified: it.Updated,
		}, cause
	}
	if !m.cfg.Fetch.ArticlePages {
		return fallback(nil)
	}
	req := fetch.Request{URL: it.Link, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", Robots: m.cfg.Fetch.Robots}
	if known.ID != "" {
		req.ETag, req.LastModified = known.ETag, known.LastModified
	}
	resp, err := m.fetch(ctx, metrics.TargetPage, req)
	if st := goneStatus(known, err); st != "" {
		var se *fetch.StatusError
		errors.As(err, &se)
		return &content{status: st, statusValue: strconv.Itoa(se.Code)}, nil
	}
	if errors.Is(err, context.Canceled) {
		// Shut down before the page fetch started (fetch.UntilStarted):
		// the feed's text is no stand-in for a page not asked for.
		return nil, fmt.Errorf("fetch article %s: %w", fetch.Redact(it.Link), err)
	}
	if err != nil {
		return fallback(fmt.Errorf("fetch article %s: %w", fetch.Redact(it.Link), err))
	}
	if resp.NotModified {
		return &content{url: known.URL, etag: known.ETag, lastModified: known.LastModified, pageHash: known.PageHash}, nil
	}
	if mt, ok := articleType(resp.ContentType, resp.Body); !ok {
		return fallback(fmt.Errorf("fetch article %s: %w (%s)", fetch.Redact(resp.URL), ErrNotArticlePage, mt))
	}
	page := pageUTF8(resp.Body, resp.ContentType)
	if target := metaRefresh(page, resp.URL); target != "" {
		// An interstitial sending the reader on at once ("Redirecting…"):
		// its one line was stored as the article, over the feed's text.
		// The hop is followed once, as the client follows a redirect.
		r, err := m.fetch(ctx, metrics.TargetPage, fetch.Request{URL: target, Accept: req.Accept, Robots: req.Robots})
		if err != nil {
			return fallback(fmt.Errorf("fetch article %s: follow its meta refresh: %w", fetch.Redact(resp.URL), err))
		}
		if mt, ok := articleType(r.ContentType, r.Body); !ok {
			return fallback(fmt.Errorf("fetch article %s: %w (%s)", fetch.Redact(r.URL), ErrNotArticlePage, mt))
		}
		resp, page = r, pageUTF8(r.Body, r.ContentType)
	}
	sc := extract.Scan(page)
	pageHash, pr := m.pageHash(sc, resp.URL, passFrom(ctx).roomForPrints())
	if known.ID != "" && known.Versions > 0 {
		if keep, ok := m.knownPage(sc, pr, resp.URL, pageHash, known.PageHash); ok && m.regionHeld(sc, known) {
			m.metrics.PageChecked(metrics.CheckFingerprint)
			return &content{url: known.URL, etag: resp.ETag, lastModified: resp.LastModified, pageHash: keep,
				print: pr}, nil
		}
	}
	var (
		art     extract.Article
		dropped func() []string
		mark    string
		canon   string
	)
	if known.ID != "" && known.Versions > 0 && strings.HasPrefix(known.PageHash, refMark) {
		if fast, ok := m.refUnchanged(sc, page, resp.URL, link, known, it); ok {
			// The stored text is readability's and says all the fast path
			// finds: the article is unchanged, and keeps refMark.
			art, mark, canon = fast, refMark, known.URL
			m.metrics.PageChecked(metrics.CheckFast)
		}
	}
	if canon == "" {
		art, dropped, mark, err = m.extractPage(sc, page, resp.URL, known.PageHash)
		if err != nil {
			return fallback(fmt.Errorf("extract article %s: %w", fetch.Redact(resp.URL), err))
		}
		canon = canonicalURL(link, art, resp.URL)
	}
	if st := redirectStatus(known, link, resp.URL, canon); st != "" {
		return &content{status: st, statusValue: canon}, nil
	}
	published := firstTime(art.Published, it.Published)
	pageHash = mark + pageHash
	if mark == noPrint {
		pageHash, pr = noPrint, nil // nothing to fingerprint again at the pass's end either
	}
	return &content{
		url: canon, title: clipTitle(firstString(art.Title, it.Title)), byline: art.Byline, text: art.Text(),
		published: published, modified: firstTime(art.Modified, it.Updated), source: "page", siteName: art.SiteName,
		etag: resp.ETag, lastModified: resp.LastModified, pageHash: pageHash, dropped: dropped, onPage: sc.Shows,
		print: pr,
	}, nil
}

// canonicalURL names the article a page holds: its canonical URL
// (<link rel=canonical>, og:url) when that is on the page's own site, else
// the page's URL, else the item link. A canonical URL on another site is a
// syndicated copy naming its source (a wire story on a partner's site, one
// brand's story on a sister brand's): the copy is its outlet's own article
// with its own text. Keyed by the source's URL, every outlet's copy was one
// article whose text flipped between the outlets' on every pass, each flip
// a version with fact changes and alerts.
//
// A canonical URL that is its site's home page, given by a page that is
// not, is a template's mistake (the CMS writes the site's address in every
// page): taken at its word, every article of the site was one article
// whose text flipped on every pass. It is ignored.
func canonicalURL(link string, art extract.Article, pageURL string) string {
	urls := []string{pageURL}
	if art.Canonical != "" && sameSite(art.Canonical, pageURL) && (!homePage(art.Canonical, true) || homePage(pageURL, false)) {
		urls = []string{art.Canonical, pageURL}
	}
	for _, u := range urls {
		if u == "" {
			continue
		}
		if cu, err := fetch.Canonicalize(u); err == nil {
			return cu
		}
	}
	return link
}

// homePage reports whether u is a site's home page: no path but "/" and,
// when bare, no query ("/?p=123" is a post of some CMSs).
func homePage(u string, bare bool) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Path == "" || p.Path == "/") && (!bare || p.RawQuery == "")
}

// sameSite reports whether URLs a and b are on one site: one host, or
// hosts of one registrable domain (www.example.co.uk, amp.example.co.uk).
func sameSite(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	if errA != nil || errB != nil {
		return false
	}
	ha, hb := strings.ToLower(ua.Hostname()), strings.ToLower(ub.Hostname())
	if ha == hb {
		return true
	}
	da, errA := publicsuffix.EffectiveTLDPlusOne(ha)
	db, errB := publicsuffix.EffectiveTLDPlusOne(hb)
	return errA == nil && errB == nil && da == db
}

// touch records that an article was checked and found unchanged.
func (m *Monitor) touch(known store.Article, c *content, src source) error {
	if known.ID == "" {
		return nil
	}
	a := known
	a.LastChecked = m.now()
	a.ETag, a.LastModified, a.PageHash = c.etag, c.lastModified, c.pageHash
	a.Feeds = []string{src.feedURL}
	a.Status = "" // the page answers again
	return m.writer.post(store.Update{Article: a})
}

func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func firstString(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func (m *Monitor) isRejected(link string) bool {
	m.rejectedMu.Lock()
	defer m.rejectedMu.Unlock()
	return m.rejected[link]
}

func (m *Monitor) reject(link string) {
	m.rejectedMu.Lock()
	defer m.rejectedMu.Unlock()
	m.rejected[link] = true
}
