package web

import (
	"time"

	"github.com/storywatch/storywatch/store"
)

// Store is what the web view reads. The embedded bbolt store
// (*bolt.Store) and the PostgreSQL store (store/postgres) both provide it.
type Store interface {
	Article(ref string) (store.Article, error)
	Articles() ([]store.Article, error)
	Versions(id string) ([]store.Version, error)
	Version(id string, seq int) (store.Version, error)
	LatestVersion(id string) (store.Version, error)
	Changes(since time.Time) ([]store.Change, error)
	EachChange(since time.Time, fn func(*store.Change) error) error
	ArticleChanges(id string) ([]store.Change, error)
	Feeds() ([]store.FeedState, error)
	// Site is what the pipeline learned of one site (see query.Diff).
	Site(host string) (store.SiteState, error)
	// Path names the store in cache keys: a file path, or a database
	// address without its password.
	Path() string
}
