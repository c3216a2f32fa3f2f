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
		vs, ok := versionsOf(tx, id)
		if !ok {
			return nil
		}
		var seqs []int
		if err := vs.each(func(seq int, _ []byte) error {
			seqs = append(seqs, seq)
			return nil
		}); err != nil {
			return err
		}
		cache := payloadCache{}
		for _, seq := range seqs {
			v, err := s.readVersion(vs, seq, cache)
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
		vs, ok := versionsOf(tx, id)
		if !ok || seq <= 0 {
			return ErrNotFound
		}
		var err error
		v, err = s.readVersion(vs, seq, nil)
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
		vs, ok := versionsOf(tx, id)
		if !ok {
			return ErrNotFound
		}
		seq, _ := vs.last()
		if seq == 0 {
			return ErrNotFound
		}
		var err error
		v, err = s.readVersion(vs, seq, nil)
		return err
	})
	if err != nil {
		return Version{}, fmt.Errorf("read latest version of %s: %w", id, err)
	}
	return v, nil
}

// utc normalises a timestamp for storage: UTC, no monotonic reading.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Round(0)
}
