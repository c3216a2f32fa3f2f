package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Stats summarises the store's size.
type Stats struct {
	Articles    int   `json:"articles"`
	Versions    int   `json:"versions"`
	StoredBytes int64 `json:"stored_bytes"` // bytes of the stored (compressed) version records and of the dictionaries they use
	RawBytes    int64 `json:"raw_bytes"`    // uncompressed title+text of those versions
	DictBytes   int64 `json:"dict_bytes"`   // of StoredBytes, the store's trained zstd dictionaries
}

// Stats counts articles and versions and compares stored with raw bytes.
// The dictionaries the records were compressed with count as stored bytes,
// so StoredBytes/RawBytes is the honest compression ratio.
func (s *Store) Stats() (Stats, error) {
	var st Stats
	err := s.db.View(func(tx *bolt.Tx) error {
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
		return Stats{}, fmt.Errorf("read store stats: %w", err)
	}
	return st, nil
}
