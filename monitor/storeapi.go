package monitor

import (
	"time"

	"github.com/storywatch/storywatch/store"
)

// Store is what the pipeline needs from its database. The embedded bbolt
// store (*bolt.Store) and the PostgreSQL store (store/postgres) both
// provide it; the conformance suite in store/storetest keeps them alike.
type Store interface {
	// Apply writes one batch of article updates and feed states atomically
	// and returns each update's stored version seq (0: none stored).
	Apply(updates []store.Update, feeds []store.FeedState) ([]int, error)
	// Article finds an article by id, id prefix, canonical or alias URL.
	Article(ref string) (store.Article, error)
	// Version returns one stored version of article id.
	Version(id string, seq int) (store.Version, error)
	// LatestVersion returns article id's newest stored version.
	LatestVersion(id string) (store.Version, error)
	// Feed returns one feed's stored state, or store.ErrNotFound.
	Feed(url string) (store.FeedState, error)
	// Sites and PutSites keep what the site learner learned across runs.
	Sites() (map[string]store.SiteState, error)
	PutSites(sites map[string]store.SiteState) error
	AlertStore
}

// AlertStore is the persistent alert outbox the dispatcher delivers from.
type AlertStore interface {
	DueAlerts(now time.Time, limit int) ([]store.OutboxEntry, error)
	NextAlertDue() (next time.Time, ok bool, err error)
	AlertDelivered(key string, at time.Time) error
	AlertFailed(key string, next time.Time, msg string) error
	AlertDead(key string, at time.Time, msg string) error
}

// Replicated is implemented by a store several storywatch processes share
// (store/postgres). With it each feed is polled by the replica holding its
// lease and each alert delivered by the replica that claimed it; leases
// and claims expire, so the work of a replica that died passes on.
type Replicated interface {
	// ClaimFeed takes feed url's lease for owner until now+ttl, or
	// reports false while another replica holds it, or when the feed was
	// polled at or after fresh (zero: never mind).
	ClaimFeed(url, owner string, now time.Time, ttl time.Duration, fresh time.Time) (bool, error)
	// ReleaseFeed ends owner's lease, recording the poll's end polledAt.
	ReleaseFeed(url, owner string, polledAt time.Time) error
	// ClaimDueAlerts claims and returns due alerts no other replica holds.
	ClaimDueAlerts(now time.Time, limit int, owner string, ttl time.Duration) ([]store.OutboxEntry, error)
}
