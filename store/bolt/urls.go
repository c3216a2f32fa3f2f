package bolt

import (
	"crypto/sha256"
	"errors"
	"slices"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// URL lookups (canonical and alias URLs -> article id) are keyed by a
// 12-byte hash of the URL instead of the URL itself. Every new article
// writes its URLs at random places in this bucket, so over an ingest it is
// read whole; with URLs of 60 to 100 bytes as keys it was the second
// largest bucket after the versions. Schema 2 stores keep their
// URL-keyed entries in the aliases bucket, which is still consulted after
// this one but no longer written.
var bucketURLs = []byte("urls")

// urlKey is the key of URL u in bucketURLs. 96 bits make a collision
// between two of a store's URLs practically impossible; resolve checks
// the record anyway.
func urlKey(u string) []byte {
	sum := sha256.Sum256([]byte(u))
	return sum[:12]
}

// lookupURL returns the article id URL u points at, or nil.
func lookupURL(tx *bbolt.Tx, u string) []byte {
	if b := tx.Bucket(bucketURLs); b != nil {
		if id := b.Get(urlKey(u)); id != nil {
			return id
		}
	}
	if b := tx.Bucket(bucketAliases); b != nil {
		return b.Get([]byte(u))
	}
	return nil
}

// resolveURL returns the record of the article URL u points at, or
// ErrNotFound.
func resolveURL(tx *bbolt.Tx, u string) (*articleRecord, error) {
	if b := tx.Bucket(bucketURLs); b != nil {
		if id := b.Get(urlKey(u)); id != nil {
			r, err := getArticle(tx, string(id))
			switch {
			case err == nil && (r.URL == u || slices.Contains(r.Aliases, u)):
				return r, nil
			case err != nil && !errors.Is(err, store.ErrNotFound):
				return nil, err
			}
			// A hash collision: the entry is another URL's.
		}
	}
	if b := tx.Bucket(bucketAliases); b != nil {
		if id := b.Get([]byte(u)); id != nil {
			return getArticle(tx, string(id))
		}
	}
	return nil, store.ErrNotFound
}

// putURL points URL u at article id.
func putURL(tx *bbolt.Tx, u, id string) error {
	return tx.Bucket(bucketURLs).Put(urlKey(u), []byte(id))
}
