package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// minPrefix is the shortest id prefix Article accepts.
const minPrefix = 4

// Article is one tracked news article.
type Article struct {
	ID           string    `json:"id"`                      // ArticleID(URL)
	URL          string    `json:"url"`                     // canonical URL
	Title        string    `json:"title"`                   // latest title
	Outlet       string    `json:"outlet,omitempty"`        // name of the first feed it was seen in
	Feeds        []string  `json:"feeds,omitempty"`         // feed URLs it appeared in
	Aliases      []string  `json:"aliases,omitempty"`       // other URLs (item links, pre-redirect URLs) that led here
	FirstSeen    time.Time `json:"first_seen"`              // when it was first seen in a feed
	LastChanged  time.Time `json:"last_changed"`            // fetch time of the latest stored version (maintained by the store)
	LastChecked  time.Time `json:"last_checked,omitzero"`   // when it was last fetched
	Published    time.Time `json:"published,omitzero"`      // publication time claimed by the page or feed
	Versions     int       `json:"versions"`                // stored versions (maintained by the store)
	ETag         string    `json:"etag,omitempty"`          // conditional GET state of the page
	LastModified string    `json:"last_modified,omitempty"` // conditional GET state of the page
	PageHash     string    `json:"page_hash,omitempty"`     // hash of the raw article region, lets the pipeline skip extraction
	// Status is the last page status event reported for the article
	// ("removed (404 Not Found)", "redirects to URL"); empty while its page
	// answers. It is replaced as given by every Update, so a status is
	// reported once per event.
	Status string `json:"status,omitempty"`
}

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

func (r *articleRecord) article() Article {
	return Article{
		ID: r.ID, URL: r.URL, Title: r.Title, Outlet: r.Outlet,
		Feeds: slices.Clone(r.Feeds), Aliases: slices.Clone(r.Aliases),
		FirstSeen: r.FirstSeen, LastChanged: r.LastChanged, LastChecked: r.LastChecked,
		Published: r.Published, Versions: r.Versions,
		ETag: r.ETag, LastModified: r.LastModified, PageHash: r.PageHash, Status: r.Status,
	}
}

// ArticleID returns the id of the article with the given canonical URL: the
// first 12 hex digits of its SHA-256.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:6])
}

// getArticle loads the record of article id, or ErrNotFound.
func getArticle(tx *bolt.Tx, id string) (*articleRecord, error) {
	b := tx.Bucket(bucketArticles)
	if b == nil || id == "" {
		return nil, ErrNotFound
	}
	v := b.Get([]byte(id))
	if v == nil {
		return nil, ErrNotFound
	}
	return decodeArticle(v)
}

func putArticle(tx *bolt.Tx, r *articleRecord) error {
	if err := tx.Bucket(bucketArticles).Put([]byte(r.ID), encodeArticle(r)); err != nil {
		return fmt.Errorf("write article %s: %w", r.ID, err)
	}
	return nil
}

// Article finds an article by id, unique id prefix (at least 4 characters),
// canonical URL or alias URL. It returns ErrNotFound when nothing matches
// and an error wrapping ErrAmbiguous, listing the candidates, when a prefix
// matches several articles.
func (s *Store) Article(ref string) (Article, error) {
	var a Article
	err := s.db.View(func(tx *bolt.Tx) error {
		r, err := resolve(tx, ref)
		if err != nil {
			return err
		}
		a = r.article()
		return nil
	})
	if err != nil {
		return Article{}, fmt.Errorf("find article %q: %w", ref, err)
	}
	return a, nil
}

// resolve implements Article's lookup order: exact id, URL or alias, then
// id prefix.
func resolve(tx *bolt.Tx, ref string) (*articleRecord, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, ErrNotFound
	}
	if r, err := getArticle(tx, ref); !errors.Is(err, ErrNotFound) {
		return r, err
	}
	if r, err := resolveURL(tx, ref); !errors.Is(err, ErrNotFound) {
		return r, err
	}
	if len(ref) < minPrefix {
		return nil, ErrShortPrefix
	}
	arts := tx.Bucket(bucketArticles)
	if arts == nil {
		return nil, ErrNotFound
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
		return nil, ErrNotFound
	case 1:
		return decodeArticle(first)
	default:
		return nil, fmt.Errorf("%w: matches %s", ErrAmbiguous, strings.Join(matches, ", "))
	}
}

// Articles returns every tracked article ordered by FirstSeen, then URL.
func (s *Store) Articles() ([]Article, error) {
	var out []Article
	err := s.db.View(func(tx *bolt.Tx) error {
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
	slices.SortFunc(out, func(a, b Article) int {
		if c := a.FirstSeen.Compare(b.FirstSeen); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	return out, nil
}
