package main

import (
	"strings"
	"time"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/fetch"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/monitor/web"
	"github.com/storywatch/storywatch/store"
)

// Store is everything the commands use of a store: the pipeline's and the
// web view's needs plus the maintenance verbs. The embedded bbolt store
// (*bolt.Store) and the PostgreSQL store (store/postgres) both provide it.
type Store interface {
	monitor.Store
	web.Store
	metrics.Store
	Outbox() ([]store.OutboxEntry, error)
	DeadAlerts() ([]store.OutboxEntry, error)
	RetryDead(now time.Time, keys ...string) (int, error)
	Compact(keepLast int, keepFor time.Duration, now time.Time) (removed int, err error)
	Close() error
}

// findArticle finds the article ref names: an id, an id prefix or a URL.
// A URL that names no article as given is tried again canonicalised the
// way the pipeline keys articles (tracking parameters and fragment
// dropped, scheme and host lower-cased, default port dropped), so a link
// copied from a browser or a newsletter finds its article.
func findArticle(s Store, ref string) (store.Article, error) {
	art, err := s.Article(ref)
	if err == nil {
		return art, nil
	}
	if c, cerr := fetch.Canonicalize(ref); cerr == nil && c != strings.TrimSpace(ref) {
		if art, cerr := s.Article(c); cerr == nil {
			return art, nil
		}
	}
	return store.Article{}, err
}
