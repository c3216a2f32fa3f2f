package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// timeKey encodes t so that bytewise order is time order, also before 1970:
// seconds with the sign bit flipped, then nanoseconds.
func timeKey(t time.Time) []byte {
	b := binary.BigEndian.AppendUint64(nil, uint64(t.Unix())^(1<<63))
	return binary.BigEndian.AppendUint32(b, uint32(t.Nanosecond()))
}

func parseTimeKey(b []byte) time.Time {
	sec := int64(binary.BigEndian.Uint64(b) ^ (1 << 63))
	t := time.Unix(sec, int64(binary.BigEndian.Uint32(b[8:]))).UTC()
	if sec == zeroUnix && t.Nanosecond() == 0 {
		return time.Time{}
	}
	return t
}

// changeKey is timeKey(detected) + seq + id; artChangeKey is id + 0 + seq.
func changeKey(detected time.Time, id string, seq int) []byte {
	k := append(timeKey(detected), seqKey(seq)...)
	return append(k, id...)
}

func artChangePrefix(id string) []byte { return append([]byte(id), 0) }

func artChangeKey(id string, seq int) []byte { return append(artChangePrefix(id), seqKey(seq)...) }

// changesFillPercent is how full bbolt packs the pages of the changes
// bucket when it splits them. Its keys start with the detection time, so
// records arrive almost in key order and a split page never gets the
// inserts that the default (half full) leaves room for: at 100k changes
// the bucket was 46% full and Changes walked twice the pages it needed.
// (The artchanges index is keyed by article id, so inserts there land all
// over the bucket and keep the default.)
const changesFillPercent = 0.95

func putChange(tx *bbolt.Tx, c *store.Change) error {
	b := encodeChange(c)
	k := changeKey(store.UTC(c.DetectedAt), c.ArticleID, c.Version)
	bucket := tx.Bucket(bucketChanges)
	// FillPercent belongs to the bucket handle, which lives as long as tx.
	bucket.FillPercent = changesFillPercent
	if err := bucket.Put(k, b); err != nil {
		return fmt.Errorf("write change: %w", err)
	}
	if err := tx.Bucket(bucketArtChanges).Put(artChangeKey(c.ArticleID, c.Version), k); err != nil {
		return fmt.Errorf("write change index: %w", err)
	}
	return nil
}

// putStatusChange stores a status change. The per-article index keeps the
// version's own diff under id+seq; a status event after that version is
// indexed under id+seq+detection time, so ArticleChanges lists it after the
// version it followed while the diff lookups of a version never see it.
func putStatusChange(tx *bbolt.Tx, c *store.Change) error {
	k := changeKey(store.UTC(c.DetectedAt), c.ArticleID, c.Version)
	if err := tx.Bucket(bucketChanges).Put(k, encodeChange(c)); err != nil {
		return fmt.Errorf("write status change: %w", err)
	}
	ak := append(artChangeKey(c.ArticleID, c.Version), timeKey(store.UTC(c.DetectedAt))...)
	if err := tx.Bucket(bucketArtChanges).Put(ak, k); err != nil {
		return fmt.Errorf("write status change index: %w", err)
	}
	return nil
}

// deleteChange removes the change record of version seq of article id, if any.
func deleteChange(tx *bbolt.Tx, id string, seq int) error {
	ak := artChangeKey(id, seq)
	idx := tx.Bucket(bucketArtChanges)
	k := idx.Get(ak)
	if k == nil {
		return nil
	}
	if err := tx.Bucket(bucketChanges).Delete(copyBytes(k)); err != nil {
		return fmt.Errorf("delete change: %w", err)
	}
	return idx.Delete(ak)
}

// decodeChange rebuilds a Change from its key and stored value. The
// record (small, apart from version text) keeps Changes fast with many
// versions; article id, version and detection time live in the key.
func decodeChange(k, v []byte) (store.Change, error) {
	if len(k) < 20 {
		return store.Change{}, fmt.Errorf("decode change: short key")
	}
	c := store.Change{ArticleID: string(k[20:]), Version: keySeq(k[12:20]), DetectedAt: parseTimeKey(k[:12])}
	if err := decodeChangeValue(v, &c); err != nil {
		return store.Change{}, err
	}
	if c.Facts == nil {
		c.Facts = []facts.Change{} // JSON consumers expect "facts": []
	}
	return c, nil
}

// Changes returns the changes detected at or after since, newest first
// (DetectedAt descending, then version descending, then article id
// descending). A zero since returns all.
func (s *Store) Changes(since time.Time) ([]store.Change, error) {
	return store.CollectChanges(since, s.EachChange)
}

// EachChange calls fn with each change Changes(since) would return, in the
// same order, without building the list: at 100k changes growing it cost
// a third of the call. fn may keep the *Change (every call gets a fresh
// one). A non-nil error from fn stops the walk and is returned as is.
// fn runs inside a read transaction, so it must not write to the store,
// and a slow fn keeps that transaction open.
func (s *Store) EachChange(since time.Time, fn func(*store.Change) error) error {
	var fnErr error
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketChanges)
		if b == nil {
			return nil
		}
		// Keys sort by time, then seq, then id: walking backwards yields
		// newest first, version descending among equal times.
		var lowest []byte
		if !since.IsZero() {
			lowest = timeKey(since.UTC())
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && (lowest == nil || bytes.Compare(k, lowest) >= 0); k, v = c.Prev() {
			ch, err := decodeChange(k, v)
			if err != nil {
				return fmt.Errorf("list changes: %w", err)
			}
			if err := fn(&ch); err != nil {
				fnErr = err
				return err
			}
		}
		return nil
	})
	if fnErr != nil {
		return fnErr
	}
	return err
}

// ArticleChanges returns the changes of article id in version order (oldest
// first), each status event after the version it followed. An article
// without changes yields an empty list.
func (s *Store) ArticleChanges(id string) ([]store.Change, error) {
	var out []store.Change
	err := s.db.View(func(tx *bbolt.Tx) error {
		idx, changes := tx.Bucket(bucketArtChanges), tx.Bucket(bucketChanges)
		if idx == nil || changes == nil {
			return nil
		}
		prefix := artChangePrefix(id)
		c := idx.Cursor()
		for k, ck := c.Seek(prefix); k != nil && len(k) >= len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, ck = c.Next() {
			if len(k) != len(prefix)+8 && len(k) != len(prefix)+8+12 {
				continue // neither a version's change nor a status event
			}
			v := changes.Get(ck)
			if v == nil {
				return fmt.Errorf("change index points to missing record")
			}
			ch, err := decodeChange(ck, v)
			if err != nil {
				return err
			}
			out = append(out, ch)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list changes of %s: %w", id, err)
	}
	return out, nil
}
