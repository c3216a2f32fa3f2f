package query

import "github.com/storywatch/storywatch/store"

// Store is what the queries read. The embedded bbolt store (*store.Store)
// and the PostgreSQL store (store/postgres) both provide it.
type Store interface {
	Articles() ([]store.Article, error)
	Versions(id string) ([]store.Version, error)
	Version(id string, seq int) (store.Version, error)
}
