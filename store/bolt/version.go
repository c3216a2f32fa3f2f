package bolt

import (
	"fmt"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// Versions returns every stored version of article id in seq order, text
// included. An unknown article is ErrNotFound.
func (s *Store) Versions(id string) ([]store.Version, error) {
	var out []store.Version
	err := s.db.View(func(tx *bbolt.Tx) error {
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
func (s *Store) Version(id string, seq int) (store.Version, error) {
	var v store.Version
	err := s.db.View(func(tx *bbolt.Tx) error {
		vs, ok := versionsOf(tx, id)
		if !ok || seq <= 0 {
			return store.ErrNotFound
		}
		var err error
		v, err = s.readVersion(vs, seq, nil)
		return err
	})
	if err != nil {
		return store.Version{}, fmt.Errorf("read version %d of %s: %w", seq, id, err)
	}
	return v, nil
}

// LatestVersion returns the newest stored version of article id, or
// ErrNotFound when it has none.
func (s *Store) LatestVersion(id string) (store.Version, error) {
	var v store.Version
	err := s.db.View(func(tx *bbolt.Tx) error {
		vs, ok := versionsOf(tx, id)
		if !ok {
			return store.ErrNotFound
		}
		seq, _ := vs.last()
		if seq == 0 {
			return store.ErrNotFound
		}
		var err error
		v, err = s.readVersion(vs, seq, nil)
		return err
	})
	if err != nil {
		return store.Version{}, fmt.Errorf("read latest version of %s: %w", id, err)
	}
	return v, nil
}
