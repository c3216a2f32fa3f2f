package query

import (
	"time"

	"github.com/storywatch/storywatch/store"
)

// Store is what the queries read. The embedded bbolt store (*bolt.Store)
// and the PostgreSQL store (store/postgres) both provide it.
type Store interface {
	Articles() ([]store.Article, error)
	Versions(id string) ([]store.Version, error)
	Version(id string, seq int) (store.Version, error)
	// EachChange walks the stored changes newest first: the timeline finds
	// the page status events there, which store no version.
	EachChange(since time.Time, fn func(*store.Change) error) error
	// Site is what the pipeline learned of one site's boilerplate: Diff
	// sets it aside as the pipeline does when it compares versions.
	Site(host string) (store.SiteState, error)
}
