package monitor

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/fetch"
	"github.com/storywatch/storywatch/store"
)

// goneStatus returns the status event of a tracked article whose page
// fetch failed with err: "removed (404 Not Found)" or "removed (410
// Gone)", or "" when err says nothing about the article itself (a
// timeout, a 500: the page may come back) or the article never had a page
// of its own (it is tracked from its feed's text: PageHash is empty).
func goneStatus(known store.Article, err error) string {
	var se *fetch.StatusError
	if known.Versions == 0 || known.PageHash == "" || !errors.As(err, &se) {
		return ""
	}
	if se.Code != http.StatusNotFound && se.Code != http.StatusGone {
		return ""
	}
	return fmt.Sprintf("removed (%d %s)", se.Code, http.StatusText(se.Code))
}

// redirectStatus returns the status event of a tracked article whose link
// now redirects to another story: the fetch ended at finalURL and the
// page there calls itself canon. A redirect to the article's own
// canonical URL or one of its aliases is no event.
func redirectStatus(known store.Article, link, finalURL, canon string) string {
	if known.Versions == 0 || canon == "" || canon == known.URL || slices.Contains(known.Aliases, canon) {
		return ""
	}
	if fu, err := fetch.Canonicalize(finalURL); err != nil || fu == link || fu == known.URL {
		return "" // no redirect happened: the page only names another canonical URL
	}
	return "redirects to " + canon
}

// recordStatus reports a status event of a tracked article once: the first
// time it is seen it becomes a change of kind status (stored without a
// version, with the article's latest version number) and its alerts; while
// it lasts, later polls only note the check. The last good version stays
// the article's latest.
func (m *Monitor) recordStatus(known store.Article, c *content, src source) error {
	a := known
	a.LastChecked = m.now()
	a.Feeds = []string{src.feedURL}
	if known.Status == c.status {
		return m.writer.post(store.Update{Article: a})
	}
	a.Status = c.status
	latest, err := m.store.LatestVersion(a.ID)
	if err != nil {
		return fmt.Errorf("load latest version of %s: %w", a.URL, err)
	}
	ch := &store.Change{
		ArticleID: a.ID, Article: a.URL, Title: a.Title, Version: latest.Seq, DetectedAt: a.LastChecked,
		Facts: []facts.Change{{Kind: facts.KindStatus, After: c.status, AfterValue: c.statusValue}},
	}
	alerts, err := m.alertsFor(a, ch, c.status)
	if err != nil {
		return err
	}
	m.log.Info("article page status", "article_url", a.URL, "status", c.status)
	return m.writer.post(store.Update{Article: a, StatusChange: ch, Alerts: alerts})
}
