package store

import (
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	bolt "go.etcd.io/bbolt"
)

// Version is one stored state of an article's text.
type Version struct {
	Seq       int          `json:"version"`            // 1-based, in fetch order; stays stable after Compact
	FetchedAt time.Time    `json:"fetched_at"`         // when this text was fetched
	Hash      string       `json:"hash"`               // content hash computed by the caller (normalised title+text)
	Title     string       `json:"title"`              // headline of this version
	Byline    string       `json:"byline,omitempty"`   // author line, if any
	Published time.Time    `json:"published,omitzero"` // publication time the page or feed claimed
	Modified  time.Time    `json:"modified,omitzero"`  // modification time the page or feed claimed
	Text      string       `json:"text,omitempty"`     // paragraphs separated by "\n\n"
	Source    string       `json:"source"`             // "page" or "feed"
	Facts     []facts.Fact `json:"facts,omitempty"`    // facts extracted from this version, for timelines
}

// Versions returns every stored version of article id in seq order, text
// included. An unknown article is ErrNotFound.
func (s *Store) Versions(id string) ([]Version, error) {
	var out []Version
	err := s.db.View(func(tx *bolt.Tx) error {
		if _, err := getArticle(tx, id); err != nil {
			return err
		}
		vb := versionBucket(tx, id)
		if vb == nil {
			return nil
		}
		cache := payloadCache{}
		c := vb.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			seq := keySeq(k)
			v, err := s.readVersion(vb, seq, cache)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read versions of %s: %w", id, err)
	}
	return out, nil
}

// Version returns version seq of article id, or ErrNotFound.
func (s *Store) Version(id string, seq int) (Version, error) {
	var v Version
	err := s.db.View(func(tx *bolt.Tx) error {
		vb := versionBucket(tx, id)
		if vb == nil || seq <= 0 {
			return ErrNotFound
		}
		var err error
		v, err = s.readVersion(vb, seq, nil)
		return err
	})
	if err != nil {
		return Version{}, fmt.Errorf("read version %d of %s: %w", seq, id, err)
	}
	return v, nil
}

// LatestVersion returns the newest stored version of article id, or
// ErrNotFound when it has none.
func (s *Store) LatestVersion(id string) (Version, error) {
	var v Version
	err := s.db.View(func(tx *bolt.Tx) error {
		vb := versionBucket(tx, id)
		if vb == nil {
			return ErrNotFound
		}
		k, _ := vb.Cursor().Last()
		if k == nil {
			return ErrNotFound
		}
		seq := keySeq(k)
		var err error
		v, err = s.readVersion(vb, seq, nil)
		return err
	})
	if err != nil {
		return Version{}, fmt.Errorf("read latest version of %s: %w", id, err)
	}
	return v, nil
}

// versionBucket returns the nested bucket holding article id's versions, or
// nil when there is none.
func versionBucket(tx *bolt.Tx, id string) *bolt.Bucket {
	root := tx.Bucket(bucketVersions)
	if root == nil || id == "" {
		return nil
	}
	return root.Bucket([]byte(id))
}

// utc normalises a timestamp for storage: UTC, no monotonic reading.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Round(0)
}
