package monitor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/fetch"
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
}

// shrinkLimit: an extraction that keeps less than this share of the last
// good text is treated as a broken extraction, not as an edit.
const shrinkLimit = 0.5

// processItem takes one feed item through fetch, extraction, diff and store.
func (m *Monitor) processItem(ctx context.Context, src source, it feed.Item) (itemOutcome, error) {
	var out itemOutcome
	link, err := fetch.Canonicalize(it.Link)
	if err != nil {
		return out, fmt.Errorf("item %q: %w", it.Title, err)
	}
	unlock := m.articles.lock("link:" + link)
	defer unlock()

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

	// The article in hand is finished even when shutdown starts meanwhile:
	// its fetch is bounded by the client's own timeout.
	actx := context.WithoutCancel(ctx)
	c, fetchErr := m.observe(actx, link, known, it, feedText)
	if fetchErr != nil && c == nil {
		return out, fetchErr
	}
	if c.notModified() {
		return out, m.touch(known, c, src)
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
	seq, err := m.record(src, link, known, c)
	out.seq = seq
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
// alongside a feed fallback so that the failure is still reported.
func (m *Monitor) observe(ctx context.Context, link string, known store.Article, it feed.Item, feedText func() string) (*content, error) {
	fallback := func(cause error) (*content, error) {
		text := feedText()
		if strings.TrimSpace(text) == "" {
			return nil, cause
		}
		return &content{
			url: link, title: it.Title, text: text, source: "feed",
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
	resp, err := m.fetcher.Get(ctx, req)
	if err != nil {
		return fallback(fmt.Errorf("fetch article %s: %w", fetch.Redact(it.Link), err))
	}
	if resp.NotModified {
		return &content{url: known.URL, etag: known.ETag, lastModified: known.LastModified, pageHash: known.PageHash}, nil
	}
	pageHash := hashBytes(extract.Region(resp.Body))
	if known.ID != "" && known.Versions > 0 && pageHash == known.PageHash {
		return &content{url: known.URL, etag: resp.ETag, lastModified: resp.LastModified, pageHash: pageHash}, nil
	}
	art, err := m.extractPage(pageUTF8(resp.Body, resp.ContentType), resp.URL)
	if err != nil {
		return fallback(fmt.Errorf("extract article %s: %w", fetch.Redact(resp.URL), err))
	}
	canon := link
	for _, u := range []string{art.Canonical, resp.URL} {
		if u == "" {
			continue
		}
		if cu, err := fetch.Canonicalize(u); err == nil {
			canon = cu
			break
		}
	}
	published := firstTime(art.Published, it.Published)
	return &content{
		url: canon, title: firstString(art.Title, it.Title), byline: art.Byline, text: art.Text(),
		published: published, modified: firstTime(art.Modified, it.Updated), source: "page", siteName: art.SiteName,
		etag: resp.ETag, lastModified: resp.LastModified, pageHash: pageHash,
	}, nil
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
	return m.writer.post(store.Update{Article: a})
}

// record stores c as a new version of its article when its content changed,
// with the diff against the previous version and the alerts it causes, in
// one transaction.
func (m *Monitor) record(src source, link string, known store.Article, c *content) (int, error) {
	now := m.now()
	a := known
	if c.url != known.URL {
		// The page's canonical URL names the article; the item link is an alias.
		if byCanon, err := m.store.Article(c.url); err == nil {
			a = byCanon
		} else if !errors.Is(err, store.ErrNotFound) {
			return 0, fmt.Errorf("look up article %s: %w", c.url, err)
		} else {
			a = store.Article{}
		}
	}
	if a.ID == "" {
		// The site's own name says whose article it is; the feed it was seen
		// in first may be an aggregator or another outlet's feed.
		a = store.Article{ID: store.ArticleID(c.url), URL: c.url, Outlet: firstString(c.siteName, src.outlet), FirstSeen: now}
	}
	if link != a.URL {
		a.Aliases = []string{link}
	}
	a.Feeds = []string{src.feedURL}
	a.LastChecked = now
	a.ETag, a.LastModified = c.etag, c.lastModified
	if a.Published.IsZero() {
		a.Published = c.published
	}

	v := store.Version{
		FetchedAt: now, Title: c.title, Byline: c.byline, Text: c.text, Source: c.source,
		Published: c.published, Modified: c.modified, Hash: contentHash(c.title, c.text),
	}
	prev, err := m.store.LatestVersion(a.ID)
	hasPrev := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return 0, fmt.Errorf("load latest version of %s: %w", a.URL, err)
	}
	log := m.log.With("article_url", a.URL)
	if hasPrev {
		if prev.Hash == v.Hash {
			a.PageHash = c.pageHash
			return 0, m.writer.post(store.Update{Article: a})
		}
		if reason := suspicious(prev, v); reason != "" {
			// Keep the last good version; leave PageHash unset so the page is
			// extracted again next time.
			log.Warn("kept last good version", "reason", reason, "source", v.Source)
			return 0, m.writer.post(store.Update{Article: a})
		}
	}
	a.PageHash = c.pageHash
	ref := firstTime(a.Published, c.published, now)
	v.Facts = facts.Extract(v.Text, ref)
	a.Title = v.Title
	u := store.Update{Article: a, Version: &v}
	if hasPrev {
		res := diff.Compare(
			diff.Document{Title: prev.Title, Text: prev.Text, Published: ref},
			diff.Document{Title: v.Title, Text: v.Text, Published: ref},
			diff.Options{})
		if !res.Changed() {
			return 0, m.writer.post(store.Update{Article: a})
		}
		u.Change = &store.Change{
			ArticleID: a.ID, Article: a.URL, Title: v.Title, Version: prev.Seq + 1, DetectedAt: now,
			Facts:    res.Facts,
			Inserted: res.Summary.Inserted, Deleted: res.Summary.Deleted,
			Changed: res.Summary.Changed, Moved: res.Summary.Moved,
		}
		if prev.Seq > 1 {
			u.Change.SinceFirst = m.sinceFirst(a.ID, v, ref)
		}
		u.Alerts, err = m.alertsFor(a, u.Change)
		if err != nil {
			return 0, err
		}
		log.Info("new version", "version", u.Change.Version, "facts", len(res.Facts))
	} else {
		log.Info("new article", "title", v.Title, "source", v.Source)
	}
	seq, err := m.writer.apply(u)
	if err != nil {
		return 0, fmt.Errorf("store version of %s: %w", a.URL, err)
	}
	return seq, nil
}

// sinceFirst compares a new version with the article's first one: what the
// coverage says now against what it said at first. Compact never removes a
// first version; should it be unreadable, the comparison is left out.
func (m *Monitor) sinceFirst(id string, v store.Version, ref time.Time) []facts.Change {
	first, err := m.store.Version(id, 1)
	if err != nil {
		m.log.Warn("read first version", "article_id", id, "err", err)
		return nil
	}
	return diff.Compare(
		diff.Document{Title: first.Title, Text: first.Text, Published: ref},
		diff.Document{Title: v.Title, Text: v.Text, Published: ref},
		diff.Options{}).Facts
}

// suspicious explains why a new observation looks like a broken fetch or
// extraction rather than an edit, or returns "".
func suspicious(prev, v store.Version) string {
	if prev.Source == "page" && v.Source == "feed" {
		return "page unavailable; not replacing page text with feed text"
	}
	if prev.Source == v.Source && float64(len(v.Text)) < shrinkLimit*float64(len(prev.Text)) {
		return fmt.Sprintf("text shrank from %d to %d bytes", len(prev.Text), len(v.Text))
	}
	return ""
}

// contentHash identifies a version's content: the title and text with
// whitespace, case of quotes and dashes normalised, so formatting churn is
// no new version.
func contentHash(title, text string) string {
	h := sha256.New()
	// Normalising straight into the hash (same bytes as normalize) saves
	// three copies of every text, about 2% of an ingest pass's CPU.
	buf := make([]byte, 0, 4096)
	buf = appendNormalized(buf, title, h)
	buf = append(buf, 0)
	buf = appendNormalized(buf, text, h)
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// appendNormalized appends normalize(s) to buf, handing full buffers to w,
// and returns what is left to write.
func appendNormalized(buf []byte, s string, w io.Writer) []byte {
	pendingSpace := false
	wrote := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+size]
		i += size
		switch r {
		case '“', '”', '„':
			raw = `"`
		case '‘', '’':
			raw = "'"
		case '–', '—':
			raw = "-"
		case '\u00a0':
			raw = " "
			r = ' '
		}
		if size == 1 && r == utf8.RuneError {
			// An invalid byte is kept as it is, as strings.FieldsFunc does.
		} else if unicode.IsSpace(r) {
			pendingSpace = wrote
			continue
		}
		if pendingSpace {
			buf = append(buf, ' ')
			pendingSpace = false
		}
		if len(buf)+len(raw) > cap(buf) {
			w.Write(buf)
			buf = buf[:0]
		}
		buf = append(buf, raw...)
		wrote = true
	}
	return buf
}

var quoteFolder = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‘", "'", "’", "'", "–", "-", "—", "-", "\u00a0", " ")

func normalize(s string) string {
	s = quoteFolder.Replace(s)
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func hashBytes(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
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
