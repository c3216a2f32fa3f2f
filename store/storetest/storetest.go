// Package storetest is the conformance suite every storywatch store
// implementation passes: the embedded bbolt store (package store) and the
// PostgreSQL store (store/postgres). It pins the behaviour the pipeline, the
// outbox, the read commands and the web view rely on, so the two cannot
// drift apart. Each implementation's tests call Run with a Harness.
package storetest

import (
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

// Store is the full method set the suite exercises: every method a
// consumer (monitor, notify's outbox, the read commands, serve) calls.
type Store interface {
	Apply(updates []store.Update, feeds []store.FeedState) ([]int, error)
	Article(ref string) (store.Article, error)
	Articles() ([]store.Article, error)
	Versions(id string) ([]store.Version, error)
	Version(id string, seq int) (store.Version, error)
	LatestVersion(id string) (store.Version, error)
	Changes(since time.Time) ([]store.Change, error)
	EachChange(since time.Time, fn func(*store.Change) error) error
	ArticleChanges(id string) ([]store.Change, error)
	Compact(keepLast int, keepFor time.Duration, now time.Time) (int, error)
	Feed(url string) (store.FeedState, error)
	Feeds() ([]store.FeedState, error)
	DeleteFeed(url string) error
	DueAlerts(now time.Time, limit int) ([]store.OutboxEntry, error)
	NextAlertDue() (time.Time, bool, error)
	Outbox() ([]store.OutboxEntry, error)
	DeadAlerts() ([]store.OutboxEntry, error)
	AlertDelivered(key string, at time.Time) error
	AlertFailed(key string, next time.Time, msg string) error
	AlertDead(key string, at time.Time, msg string) error
	RetryDead(now time.Time, keys ...string) (int, error)
	Delivered(key string) (bool, error)
	AlertCounts() (pending, dead int, err error)
	Sites() (map[string]store.SiteState, error)
	Site(host string) (store.SiteState, error)
	PutSites(sites map[string]store.SiteState) error
	Stats() (store.Stats, error)
	Size() (int64, error)
	Path() string
	Close() error
}

// Harness opens the implementation under test.
type Harness struct {
	// New returns a new, empty store. The suite closes it.
	New func(t *testing.T) Store
	// Reopen closes s and opens the same data again, as a restarted
	// process would.
	Reopen func(t *testing.T, s Store) Store
}

// Run runs the whole suite against h, one subtest per behaviour.
func Run(t *testing.T, h Harness) {
	tests := []struct {
		name string
		fn   func(t *testing.T, h Harness)
	}{
		{"EmptyLists", testEmptyLists},
		{"Versions", testVersions},
		{"DuplicateVersion", testDuplicateVersion},
		{"EmptyHash", testEmptyHash},
		{"ArticleLookup", testArticleLookup},
		{"ArticleMerge", testArticleMerge},
		{"Articles", testArticles},
		{"Changes", testChanges},
		{"ChangesOrder", testChangesOrder},
		{"EachChangeStops", testEachChangeStops},
		{"StatusChange", testStatusChange},
		{"Outbox", testOutbox},
		{"OutboxDedup", testOutboxDedup},
		{"DeadLetters", testDeadLetters},
		{"FeedState", testFeedState},
		{"Sites", testSites},
		{"Retention", testRetention},
		{"RetentionKeepFor", testRetentionKeepFor},
		{"Stats", testStats},
		{"Reopen", testReopen},
		{"Rollback", testRollback},
		{"OddBytes", testOddBytes},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, h) })
	}
}

// open returns a fresh store closed at cleanup.
func open(t *testing.T, h Harness) Store {
	t.Helper()
	s := h.New(t)
	t.Cleanup(func() { _ = s.Close() })
	return s
}
