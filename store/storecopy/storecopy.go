// Package storecopy moves a storywatch store into another implementation
// (the embedded bbolt file into PostgreSQL, for `storywatch copy`) and
// proves the copy complete: counts and SHA-256 digests of everything both
// stores return through their read methods must agree.
package storecopy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/storywatch/storywatch/diff/facts"
	"hash"
	"maps"
	"slices"
	"time"

	"github.com/storywatch/storywatch/store"
)

// Source is a store read whole.
type Source interface {
	Articles() ([]store.Article, error)
	Versions(id string) ([]store.Version, error)
	ArticleChanges(id string) ([]store.Change, error)
	Changes(since time.Time) ([]store.Change, error)
	Outbox() ([]store.OutboxEntry, error)
	DeadAlerts() ([]store.OutboxEntry, error)
	DeliveredAlerts() (map[string]time.Time, error)
	Feeds() ([]store.FeedState, error)
	Sites() (map[string]store.SiteState, error)
}

// Target is a store that takes records as they are.
type Target interface {
	Source
	ImportArticle(a store.Article, versions []store.Version, changes, status []store.Change) error
	ImportAlerts(pending, dead []store.OutboxEntry, delivered map[string]time.Time) error
	Apply(updates []store.Update, feeds []store.FeedState) ([]int, error)
	PutSites(sites map[string]store.SiteState) error
}

// Summary counts a store's records and digests them.
type Summary struct {
	Articles  int    `json:"articles"`
	Versions  int    `json:"versions"`
	Changes   int    `json:"changes"` // status changes included
	Pending   int    `json:"pending_alerts"`
	Dead      int    `json:"dead_alerts"`
	Delivered int    `json:"delivered_alerts"`
	Feeds     int    `json:"feeds"`
	Sites     int    `json:"sites"`
	Digest    string `json:"sha256"` // of every record, in the stores' common order
}

// ErrNotEmpty is returned by Copy when the target already holds articles.
var ErrNotEmpty = fmt.Errorf("storecopy: target store is not empty")

// changeKey identifies a change among an article's.
func changeKey(c *store.Change) string {
	return fmt.Sprintf("%s/%d/%d", c.ArticleID, c.Version, c.DetectedAt.UnixNano())
}

// Copy writes everything src holds into the empty dst, article by article
// (progress, if set, is called after each), then alerts, feeds and sites,
// and returns Verify's verdict.
func Copy(dst Target, src Source, progress func(done, total int)) (Summary, error) {
	if have, err := dst.Articles(); err != nil {
		return Summary{}, fmt.Errorf("read target: %w", err)
	} else if len(have) > 0 {
		return Summary{}, fmt.Errorf("%w (%d articles)", ErrNotEmpty, len(have))
	}
	arts, err := src.Articles()
	if err != nil {
		return Summary{}, fmt.Errorf("read source: %w", err)
	}
	for i, a := range arts {
		vs, err := src.Versions(a.ID)
		if err != nil {
			return Summary{}, fmt.Errorf("read source: %w", err)
		}
		cs, err := src.ArticleChanges(a.ID)
		if err != nil {
			return Summary{}, fmt.Errorf("read source: %w", err)
		}
		// The article's list holds its versions' changes and, after them,
		// its page status events, which store no version.
		var own, status []store.Change
		for _, c := range cs {
			if isStatus(&c) {
				status = append(status, c)
			} else {
				own = append(own, c)
			}
		}
		if err := dst.ImportArticle(a, vs, own, status); err != nil {
			return Summary{}, err
		}
		if progress != nil {
			progress(i+1, len(arts))
		}
	}
	pending, err := src.Outbox()
	if err != nil {
		return Summary{}, fmt.Errorf("read source: %w", err)
	}
	dead, err := src.DeadAlerts()
	if err != nil {
		return Summary{}, fmt.Errorf("read source: %w", err)
	}
	delivered, err := src.DeliveredAlerts()
	if err != nil {
		return Summary{}, fmt.Errorf("read source: %w", err)
	}
	if err := dst.ImportAlerts(pending, dead, delivered); err != nil {
		return Summary{}, err
	}
	feeds, err := src.Feeds()
	if err != nil {
		return Summary{}, fmt.Errorf("read source: %w", err)
	}
	if len(feeds) > 0 {
		if _, err := dst.Apply(nil, feeds); err != nil {
			return Summary{}, fmt.Errorf("copy feed states: %w", err)
		}
	}
	sites, err := src.Sites()
	if err != nil {
		return Summary{}, fmt.Errorf("read source: %w", err)
	}
	if err := dst.PutSites(sites); err != nil {
		return Summary{}, fmt.Errorf("copy site states: %w", err)
	}
	return Verify(dst, src)
}

// ErrMismatch is returned by Verify when the stores differ.
var ErrMismatch = fmt.Errorf("storecopy: stores differ")

// Verify summarises both stores and fails with ErrMismatch, naming the
// first difference, unless they hold the same records.
func Verify(dst, src Source) (Summary, error) {
	want, err := Summarize(src)
	if err != nil {
		return Summary{}, fmt.Errorf("summarise source: %w", err)
	}
	got, err := Summarize(dst)
	if err != nil {
		return Summary{}, fmt.Errorf("summarise target: %w", err)
	}
	if got != want {
		return got, fmt.Errorf("%w: source %+v, target %+v", ErrMismatch, want, got)
	}
	return got, nil
}

// Summarize counts and digests everything s returns, in a fixed order.
func Summarize(s Source) (Summary, error) {
	var sum Summary
	h := sha256.New()
	arts, err := s.Articles()
	if err != nil {
		return sum, err
	}
	sum.Articles = len(arts)
	for _, a := range arts {
		vs, err := s.Versions(a.ID)
		if err != nil {
			return sum, err
		}
		cs, err := s.ArticleChanges(a.ID)
		if err != nil {
			return sum, err
		}
		sum.Versions += len(vs)
		if err := digest(h, a, vs, cs); err != nil {
			return sum, err
		}
	}
	all, err := s.Changes(time.Time{})
	if err != nil {
		return sum, err
	}
	pending, err := s.Outbox()
	if err != nil {
		return sum, err
	}
	dead, err := s.DeadAlerts()
	if err != nil {
		return sum, err
	}
	delivered, err := s.DeliveredAlerts()
	if err != nil {
		return sum, err
	}
	feeds, err := s.Feeds()
	if err != nil {
		return sum, err
	}
	sites, err := s.Sites()
	if err != nil {
		return sum, err
	}
	sum.Changes, sum.Pending, sum.Dead, sum.Delivered, sum.Feeds, sum.Sites =
		len(all), len(pending), len(dead), len(delivered), len(feeds), len(sites)
	keys := slices.Sorted(maps.Keys(delivered))
	times := make([]time.Time, len(keys))
	for i, k := range keys {
		times[i] = delivered[k]
	}
	hosts := slices.Sorted(maps.Keys(sites))
	states := make([]store.SiteState, len(hosts))
	for i, k := range hosts {
		states[i] = sites[k]
	}
	if err := digest(h, all, pending, dead, keys, times, feeds, hosts, states); err != nil {
		return sum, err
	}
	sum.Digest = hex.EncodeToString(h.Sum(nil))
	return sum, nil
}

// digest feeds the JSON of each value to h.
func digest(h hash.Hash, vs ...any) error {
	enc := json.NewEncoder(h)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}

// isStatus reports whether c is a page status event: its one fact is of
// kind status.
func isStatus(c *store.Change) bool {
	return len(c.Facts) == 1 && c.Facts[0].Kind == facts.KindStatus
}
