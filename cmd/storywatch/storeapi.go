package main

import (
	"time"

	"github.com/storywatch/storywatch/monitor"
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
