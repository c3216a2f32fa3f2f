package monitor

import (
	"errors"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// shrinkLimit: an extraction that keeps less than this share of the last
// good text is treated as a broken extraction, not as an edit.
const shrinkLimit = 0.5

// record stores c as a new version of its article when its content changed,
// with the diff against the previous version and the alerts it causes, in
// one transaction.
func (m *Monitor) record(src source, link string, known store.Article, c *content, release func()) (int, error) {
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
	a.Status = "" // the page answers again
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
		if prev.Hash == v.Hash || (c.source == "page" && m.sameText(a.URL, prev, a.PageHash, v.Title, v.Text, c.dropped, c.onPage)) {
			a.PageHash = c.pageHash
			return 0, m.writer.post(store.Update{Article: a})
		}
		if prev.Source == "page" && v.Source == "feed" {
			// The feed's text of an article stored from its page is no new
			// version of it. Pages off by choice, that is no news at all;
			// a page that failed is warned of once, as the item's error
			// ("article failed"), not a second time here.
			if !m.cfg.Fetch.ArticlePages {
				log.Debug("kept page version", "reason", "fetch.article_pages is false; feed text does not replace page text")
			} else {
				log.Info("kept last good version", "reason", "page unavailable; not replacing page text with feed text", "source", v.Source)
			}
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
	ref := store.Anchor(now, a.Published, c.published)
	a.Title = v.Title
	u := store.Update{Article: a, Version: &v}
	if hasPrev {
		// The previous version's facts were stored with it; the new one's
		// are extracted whole once, here, for the store and for whether a
		// fact is stated elsewhere in both comparisons. Matching still
		// extracts the changed sentences of both versions afresh, with
		// their context, so that both sides are read alike.
		v.Facts = facts.Extract(v.Text, ref)
		res := diff.Compare(m.earlier(a.URL, prev, c, ref), diff.Document{Title: v.Title, Text: v.Text, Published: ref, Facts: v.Facts},
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
			u.Change.SinceFirst = m.sinceFirst(a, v, c, ref)
		}
		if prev.Source == "feed" && v.Source == "page" {
			// The first page of an article stored from its feed's text
			// (the page failed, or pages were off): the feed gave a summary,
			// the page the whole text, and every fact of the page not in
			// the summary came out "added" and alerted. The version is
			// stored, its facts compared from the next version on.
			u.Change.Facts, u.Change.SinceFirst = nil, nil
			log.Info("first page version of an article stored from its feed: fact changes not reported", "version", u.Change.Version)
		}
		u.Alerts, err = m.alertsFor(a, u.Change, "")
		if err != nil {
			return 0, err
		}
		log.Info("new version", "version", u.Change.Version, "facts", len(res.Facts))
	} else {
		v.Facts = facts.Extract(v.Text, ref)
		log.Info("new article", "title", v.Title, "source", v.Source)
	}
	// Waiting for the commit (an fsync shared with other items) needs no
	// worker slot: give it back so that another article is fetched and
	// diffed meanwhile, or a slow disk would idle the CPUs. committing bounds
	// how many finished items may wait.
	m.committing <- struct{}{}
	release()
	seq, err := m.writer.apply(u)
	<-m.committing
	if err != nil {
		return 0, fmt.Errorf("store version of %s: %w", a.URL, err)
	}
	return seq, nil
}

// sinceFirst compares a new version with the article's first one: what the
// coverage says now against what it said at first. Compact never removes a
// first version; should it be unreadable, the comparison is left out.
func (m *Monitor) sinceFirst(a store.Article, v store.Version, c *content, ref time.Time) []facts.Change {
	first, err := m.store.Version(a.ID, 1)
	if err != nil {
		m.log.Warn("read first version", "article_id", a.ID, "err", err)
		return nil
	}
	if first.Source == "feed" && v.Source == "page" {
		return nil // a feed's summary against a page: every fact "added"
	}
	return diff.Compare(m.earlier(a.URL, first, c, ref), diff.Document{Title: v.Title, Text: v.Text, Published: ref, Facts: v.Facts},
		diff.Options{}).Facts
}

// earlier is an earlier version of an article as a new text c of its page
// is compared with it: without the paragraphs gone from c that are the
// site's boilerplate (see articleText), its facts then extracted afresh.
func (m *Monitor) earlier(url string, old store.Version, c *content, ref time.Time) diff.Document {
	d := diff.Document{Title: old.Title, Text: old.Text, Published: ref, Facts: old.Facts}
	if old.Source == "page" && c.source == "page" {
		if t := m.articleText(url, old.Text, c.text, c.dropped); t != old.Text {
			d.Text, d.Facts = t, nil
		}
	}
	return d
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
