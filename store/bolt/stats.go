package bolt

import (
	"fmt"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// Stats counts articles and versions and compares stored with raw bytes.
// The dictionaries the records were compressed with count as stored bytes,
// so StoredBytes/RawBytes is the honest compression ratio.
func (s *Store) Stats() (store.Stats, error) {
	var st store.Stats
	err := s.db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket(bucketArticles); b != nil {
			st.Articles = b.Stats().KeyN
		}
		if meta := tx.Bucket(bucketMeta); meta != nil {
			if err := forEachDict(meta, func(_ uint32, d []byte) error {
				st.DictBytes += int64(len(d))
				return nil
			}); err != nil {
				return err
			}
			st.StoredBytes += st.DictBytes
		}
		return eachArticleVersions(tx, func(id []byte, vs versionSet) error {
			return vs.each(func(seq int, v []byte) error {
				h, _, err := parseHeader(v)
				if err != nil {
					return fmt.Errorf("article %s version %d: %w", id, seq, err)
				}
				st.Versions++
				st.StoredBytes += int64(len(v))
				st.RawBytes += int64(h.raw)
				return nil
			})
		})
	})
	if err != nil {
		return store.Stats{}, fmt.Errorf("read store stats: %w", err)
	}
	return st, nil
}

// Size returns the size of the database file in bytes as bbolt sees it (the
// high-water mark of its pages, free pages included). It reads one number
// and is cheap enough for every metrics scrape, unlike [Store.Stats].
func (s *Store) Size() (int64, error) {
	var n int64
	err := s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Size()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read store size: %w", err)
	}
	return n, nil
}

// AlertCounts returns how many alerts wait in the outbox (pending, retries
// included) and how many are in the dead letters. It counts keys without
// decoding entries, so a metrics scrape can call it.
func (s *Store) AlertCounts() (pending, dead int, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		pending = countKeys(tx.Bucket(bucketOutbox))
		dead = countKeys(tx.Bucket(bucketDead))
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count alerts: %w", err)
	}
	return pending, dead, nil
}

// countKeys counts the keys of b; nil counts none.
func countKeys(b *bbolt.Bucket) int {
	if b == nil {
		return 0
	}
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	return n
}
