package monitor

import (
	"time"

	"github.com/storywatch/storywatch/store"
)

// Store is what the pipeline needs from its database. The embedded bbolt
// store (*store.Store) and the PostgreSQL store (store/postgres) both
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
