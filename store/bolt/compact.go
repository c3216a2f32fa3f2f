package bolt

import (
	"fmt"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// Compact applies the retention policy to every article and returns how
// many versions it removed. A version is kept only if it passes every limit
// that is set: it is among the last keepLast versions (0 = no limit) and it
// was fetched after now-keepFor (0 = forever). An article's first and latest
// versions are never removed. The change records of removed versions go too,
// so Changes keeps listing one element per stored version after the first.
// With keepFor set, delivered-alert keys older than the cutoff are forgotten.
func (s *Store) Compact(keepLast int, keepFor time.Duration, now time.Time) (removed int, err error) {
	cutoff, err := store.Cutoff(keepLast, keepFor, now)
	if err != nil {
		return 0, fmt.Errorf("compact store: %w", err)
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		var ids []string
		if err := tx.Bucket(bucketArticles).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		}); err != nil {
			return err
		}
		for _, id := range ids {
			n, err := s.compactArticle(tx, id, keepLast, cutoff)
			if err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			removed += n
		}
		if !cutoff.IsZero() {
			return pruneDelivered(tx, cutoff)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("compact store: %w", err)
	}
	return removed, nil
}

type storedVersion struct {
	seq int
	h   versionHeader
}

func (s *Store) compactArticle(tx *bbolt.Tx, id string, keepLast int, cutoff time.Time) (int, error) {
	vs, ok := versionsOf(tx, id)
	if !ok {
		return 0, nil
	}
	var all []storedVersion
	if err := vs.each(func(seq int, v []byte) error {
		h, _, err := parseHeader(v)
		if err != nil {
			return fmt.Errorf("version %d: %w", seq, err)
		}
		all = append(all, storedVersion{seq, h})
		return nil
	}); err != nil {
		return 0, err
	}
	gone := map[int]bool{}
	var kept []storedVersion
	for i, sv := range all {
		if store.Keep(i, len(all), sv.h.fetchedAt, keepLast, cutoff) {
			kept = append(kept, sv)
		} else {
			gone[sv.seq] = true
		}
	}
	if len(gone) == 0 {
		return 0, nil
	}

	// Survivors compressed against a keyframe that goes must be decoded
	// while that keyframe still exists, then re-encoded, in the binary
	// payload format and with the dictionary new records use.
	type orphan struct {
		storedVersion
		payload []byte
	}
	var orphans []orphan
	cache := payloadCache{}
	for _, sv := range kept {
		if sv.h.kind != kindKeyframe && gone[sv.h.base] {
			h, p, err := s.payload(vs, sv.seq, cache)
			if err != nil {
				return 0, err
			}
			if p, err = toFormat2(sv.seq, h, p); err != nil {
				return 0, err
			}
			orphans = append(orphans, orphan{sv, p})
		}
	}
	for seq := range gone {
		if err := vs.del(seq); err != nil {
			return 0, fmt.Errorf("delete version %d: %w", seq, err)
		}
		if err := deleteChange(tx, id, seq); err != nil {
			return 0, err
		}
	}
	// The first orphan of each removed keyframe becomes the new keyframe;
	// its siblings are compressed against it.
	type newKey struct {
		seq     int
		payload []byte
	}
	replaced := map[int]newKey{}
	for _, o := range orphans {
		h := o.h
		var base []byte
		nk, ok := replaced[h.base]
		if ok {
			base = nk.payload
		}
		var body []byte
		h.format = versionFormat2
		h.kind, h.dict, body = s.encodePayload(o.payload, base)
		if h.kind == kindKeyframe {
			if !ok {
				replaced[h.base] = newKey{o.seq, o.payload}
			}
			h.base = 0
		} else {
			h.base = nk.seq
		}
		if err := vs.put(o.seq, append(appendHeader(nil, h), body...)); err != nil {
			return 0, fmt.Errorf("rewrite version %d: %w", o.seq, err)
		}
	}

	rec, err := getArticle(tx, id)
	if err != nil {
		return 0, err
	}
	rec.Versions = len(kept)
	latest := vs.get(kept[len(kept)-1].seq)
	lh, _, err := parseHeader(latest)
	if err != nil {
		return 0, err
	}
	rec.KeySeq = kept[len(kept)-1].seq
	if lh.kind != kindKeyframe {
		rec.KeySeq = lh.base
	}
	rec.KeyCount = 0
	if err := vs.each(func(_ int, v []byte) error {
		if h, _, err := parseHeader(v); err == nil && h.kind != kindKeyframe && h.base == rec.KeySeq {
			rec.KeyCount++
		}
		return nil
	}); err != nil {
		return 0, err
	}
	return len(gone), putArticle(tx, rec)
}

// pruneDelivered forgets delivered-alert keys recorded before cutoff.
func pruneDelivered(tx *bbolt.Tx, cutoff time.Time) error {
	b := tx.Bucket(bucketDelivered)
	var old [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if len(v) == 12 && parseTimeKey(v).Before(cutoff) {
			old = append(old, copyBytes(k))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("prune delivered alerts: %w", err)
		}
	}
	return nil
}
