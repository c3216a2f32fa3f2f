package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// articleRecord is the stored form of an Article plus the bookkeeping the
// store needs to append versions without decompressing anything but the
// keyframe. It is stored in the binary form of articlecodec.go; the JSON
// tags read the records older binaries wrote.
type articleRecord struct {
	ID           string    `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title,omitempty"`
	Outlet       string    `json:"outlet,omitempty"`
	Feeds        []string  `json:"feeds,omitempty"`
	Aliases      []string  `json:"aliases,omitempty"`
	FirstSeen    time.Time `json:"first_seen,omitzero"`
	LastChanged  time.Time `json:"last_changed,omitzero"`
	LastChecked  time.Time `json:"last_checked,omitzero"`
	Published    time.Time `json:"published,omitzero"`
	Versions     int       `json:"versions,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	PageHash     string    `json:"page_hash,omitempty"`
	Status       string    `json:"status,omitempty"`

	LatestSeq  int    `json:"latest_seq,omitempty"`  // seq of the newest version
	LatestHash string `json:"latest_hash,omitempty"` // its hash, for duplicate suppression
	KeySeq     int    `json:"key_seq,omitempty"`     // keyframe new versions are compressed against
	KeyCount   int    `json:"key_count,omitempty"`   // versions compressed against KeySeq so far
}

func (r *articleRecord) article() store.Article {
	return store.Article{
		ID: r.ID, URL: r.URL, Title: r.Title, Outlet: r.Outlet,
		Feeds: slices.Clone(r.Feeds), Aliases: slices.Clone(r.Aliases),
		FirstSeen: r.FirstSeen, LastChanged: r.LastChanged, LastChecked: r.LastChecked,
		Published: r.Published, Versions: r.Versions,
		ETag: r.ETag, LastModified: r.LastModified, PageHash: r.PageHash, Status: r.Status,
	}
}

// getArticle loads the record of article id, or ErrNotFound.
func getArticle(tx *bbolt.Tx, id string) (*articleRecord, error) {
	b := tx.Bucket(bucketArticles)
	if b == nil || id == "" {
		return nil, store.ErrNotFound
	}
	v := b.Get([]byte(id))
	if v == nil {
		return nil, store.ErrNotFound
	}
	return decodeArticle(v)
}

func putArticle(tx *bbolt.Tx, r *articleRecord) error {
	if err := tx.Bucket(bucketArticles).Put([]byte(r.ID), encodeArticle(r)); err != nil {
		return fmt.Errorf("write article %s: %w", r.ID, err)
	}
	return nil
}

// Article finds an article by id, unique id prefix (at least 4 characters),
// canonical URL or alias URL. It returns ErrNotFound when nothing matches
// and an error wrapping ErrAmbiguous, listing the candidates, when a prefix
// matches several articles.
func (s *Store) Article(ref string) (store.Article, error) {
	var a store.Article
	err := s.db.View(func(tx *bbolt.Tx) error {
		r, err := resolve(tx, ref)
		if err != nil {
			return err
		}
		a = r.article()
		return nil
	})
	if err != nil {
		return store.Article{}, fmt.Errorf("find article %q: %w", ref, err)
	}
	return a, nil
}

// resolve implements Article's lookup order: exact id, URL or alias, then
// id prefix.
func resolve(tx *bbolt.Tx, ref string) (*articleRecord, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, store.ErrNotFound
	}
	if r, err := getArticle(tx, ref); !errors.Is(err, store.ErrNotFound) {
		return r, err
	}
	if r, err := resolveURL(tx, ref); !errors.Is(err, store.ErrNotFound) {
		return r, err
	}
	if len(ref) < store.MinPrefix {
		return nil, store.ErrShortPrefix
	}
	arts := tx.Bucket(bucketArticles)
	if arts == nil {
		return nil, store.ErrNotFound
	}
	prefix := []byte(strings.ToLower(ref))
	var matches []string
	var first []byte
	c := arts.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if first == nil {
			first = copyBytes(v)
		}
		matches = append(matches, string(k))
		if len(matches) > 10 {
			break
		}
	}
	switch len(matches) {
	case 0:
		return nil, store.ErrNotFound
	case 1:
		return decodeArticle(first)
	default:
		return nil, fmt.Errorf("%w: matches %s", store.ErrAmbiguous, strings.Join(matches, ", "))
	}
}

// Articles returns every tracked article ordered by FirstSeen, then URL.
func (s *Store) Articles() ([]store.Article, error) {
	var out []store.Article
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			r, err := decodeArticle(v)
			if err != nil {
				return err
			}
			out = append(out, r.article())
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	slices.SortFunc(out, func(a, b store.Article) int {
		if c := a.FirstSeen.Compare(b.FirstSeen); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	return out, nil
}
