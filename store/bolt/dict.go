package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/klauspost/compress/dict"
	bbolt "go.etcd.io/bbolt"
)

// The store trains its own zstd dictionaries from the keyframes it holds:
// one article compressed alone leaves most of zstd's gain on the table
// (about 0.48 of its payload), while with a dictionary learned from the
// store's other articles the same payload takes about 0.25. Nothing is
// built into the binary: a dictionary learns only what the user's store
// holds.
//
// Each dictionary is stored in the meta bucket under keyDictPrefix + its
// big-endian id, in the same transaction as the first records compressed
// with it, so a crash can never leave a record naming a missing
// dictionary. Dictionaries are never deleted: old records keep naming
// theirs. The newest one compresses new records.

var (
	keyDictPrefix = []byte("dict/")
	keyDictState  = []byte("dictstate")
)

// dictTrainAt lists the counts of binary keyframes written at which the
// writer (re)trains: first soon, then on larger and more varied samples.
// A retrained dictionary is kept only if it compresses held-out keyframes
// clearly better than the current one.
var dictTrainAt = [...]int{64, 1024, 16384}

const (
	maxDictSamples  = 256      // keyframes read to train; bounds training time
	minDictSamples  = 16       // fewer and the dictionary learns one story
	minSampleBytes  = 64 << 10 // nor from less text than this
	maxDictSize     = 32 << 10
	dictHashBytes   = 6
	dictGainPercent = 3 // a retrained dictionary must save this much
)

// dictState is the writer's dictionary bookkeeping in the meta bucket.
type dictState struct {
	keyframes int // binary keyframes written since the store had none
	nextAt    int // keyframe count of the next training; 0 = never again
}

func readDictState(meta *bbolt.Bucket) dictState {
	st := dictState{nextAt: dictTrainAt[0]}
	b := meta.Get(keyDictState)
	k, n := binary.Uvarint(b)
	if n <= 0 {
		return st
	}
	next, m := binary.Uvarint(b[n:])
	if m <= 0 {
		return st
	}
	return dictState{keyframes: int(k), nextAt: int(next)}
}

func (st dictState) put(meta *bbolt.Bucket) error {
	b := binary.AppendUvarint(nil, uint64(st.keyframes))
	b = binary.AppendUvarint(b, uint64(st.nextAt))
	if err := meta.Put(keyDictState, b); err != nil {
		return fmt.Errorf("write dictionary state: %w", err)
	}
	return nil
}

func dictKey(id uint32) []byte { return binary.BigEndian.AppendUint32(bytes.Clone(keyDictPrefix), id) }

// forEachDict calls fn with every stored dictionary in id order.
func forEachDict(meta *bbolt.Bucket, fn func(id uint32, d []byte) error) error {
	c := meta.Cursor()
	for k, v := c.Seek(keyDictPrefix); k != nil && bytes.HasPrefix(k, keyDictPrefix); k, v = c.Next() {
		if len(k) != len(keyDictPrefix)+4 {
			return fmt.Errorf("read dictionaries: malformed key %q", k)
		}
		if err := fn(binary.BigEndian.Uint32(k[len(keyDictPrefix):]), v); err != nil {
			return err
		}
	}
	return nil
}

// loadDicts registers the store's dictionaries with the codec; the newest
// compresses new records.
func (s *Store) loadDicts(tx *bbolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil
	}
	var newest uint32
	if err := forEachDict(meta, func(id uint32, _ []byte) error {
		newest = max(newest, id)
		return nil
	}); err != nil {
		return err
	}
	return forEachDict(meta, func(id uint32, d []byte) error {
		// The codec keeps d beyond the transaction.
		return s.codec.addDict(id, bytes.Clone(d), id == newest)
	})
}

// noteKeyframes counts n binary keyframes written by the current write
// transaction and trains a dictionary when a threshold is reached. The
// returned undo, when not nil, must run if the transaction does not commit.
func (s *Store) noteKeyframes(tx *bbolt.Tx, n int) (undo func(), err error) {
	meta := tx.Bucket(bucketMeta)
	st := readDictState(meta)
	st.keyframes += n
	if st.nextAt > 0 && st.keyframes >= st.nextAt {
		st.nextAt = 0
		for _, at := range dictTrainAt {
			if at > st.keyframes {
				st.nextAt = at
				break
			}
		}
		// A new dictionary serves at least until the next training, or
		// for as many keyframes again as the store holds after the last.
		horizon := st.keyframes
		if st.nextAt > 0 {
			horizon = st.nextAt - st.keyframes
		}
		var enough bool
		undo, enough, err = s.trainDict(tx, st.keyframes, horizon)
		if err != nil {
			return nil, err
		}
		if !enough {
			st.nextAt = 2 * st.keyframes // the store holds too little; retry later
		}
	}
	if err := st.put(meta); err != nil {
		if undo != nil {
			undo()
		}
		return nil, err
	}
	return undo, nil
}

// sample is one keyframe read for training.
type sample struct {
	article []byte
	seq     int
	h       versionHeader
	stored  int // compressed bytes as stored
	payload []byte
}

// sampleKeyframes reads up to maxDictSamples binary keyframes, the latest of
// randomly chosen articles (reservoir sampling over the articles with versions,
// seeded by the caller, so it is repeatable).
func (s *Store) sampleKeyframes(tx *bbolt.Tx, seed uint64) []sample {
	var ids []string
	seen := 0
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	// Only the index is walked (and the schema 2 buckets' names), not
	// the records: training stays cheap however large the store. A
	// malformed index key ends the walk early; training goes on with the
	// articles seen, as latestKeyframe skips corrupt records.
	_ = eachArticleVersions(tx, func(id []byte, _ versionSet) error {
		seen++
		if len(ids) < maxDictSamples {
			ids = append(ids, string(id))
		} else if j := rng.IntN(seen); j < maxDictSamples {
			ids[j] = string(id)
		}
		return nil
	})
	var out []sample
	for _, id := range ids {
		if sm, ok := s.latestKeyframe(openVersions(tx, id), []byte(id)); ok {
			out = append(out, sm)
		}
	}
	return out
}

// latestKeyframe reads the binary keyframe the latest version of article
// id is based on. A corrupt record is skipped: it is reported when read,
// and must not stop the writer from training.
func (s *Store) latestKeyframe(vs versionSet, id []byte) (sample, bool) {
	seq, v := vs.last()
	if seq == 0 {
		return sample{}, false
	}
	h, _, err := parseHeader(v)
	if err != nil {
		return sample{}, false
	}
	if h.kind != kindKeyframe {
		seq = h.base
	}
	rec := vs.get(seq)
	if rec == nil {
		return sample{}, false
	}
	h, body, err := parseHeader(rec)
	if err != nil || h.format != versionFormat2 || h.kind != kindKeyframe {
		return sample{}, false
	}
	p, err := s.codec.decompress(body, h.dict)
	if err != nil {
		return sample{}, false
	}
	return sample{article: id, seq: seq, h: h, stored: len(body), payload: p}, true
}

// trainDict trains a dictionary from the store's keyframes (keyframes
// written so far) and, when it pays over the next horizon keyframes,
// stores it, makes it the one new records use and recompresses the
// sampled keyframes with it (their payloads are at hand). enough is false
// when the store holds too little to train from.
func (s *Store) trainDict(tx *bbolt.Tx, keyframes, horizon int) (undo func(), enough bool, err error) {
	samples := s.sampleKeyframes(tx, uint64(keyframes))
	total := 0
	for _, sm := range samples {
		total += len(sm.payload)
	}
	if len(samples) < minDictSamples || total < minSampleBytes {
		return nil, false, nil
	}
	// Train on three quarters, judge on the rest.
	var train, held [][]byte
	for i, sm := range samples {
		if i%4 == 3 {
			held = append(held, sm.payload)
		} else {
			train = append(train, sm.payload)
		}
	}
	meta := tx.Bucket(bucketMeta)
	var id uint32 = 1
	if err := forEachDict(meta, func(have uint32, _ []byte) error {
		id = max(id, have+1)
		return nil
	}); err != nil {
		return nil, true, err
	}
	d, err := buildDict(train, id)
	if err != nil {
		return nil, true, nil // nothing worth learning (e.g. no repeats): carry on without
	}
	if !s.dictPays(d, held, horizon) {
		return nil, true, nil
	}
	prev := s.codec.activeDict()
	if err := s.codec.addDict(id, d, true); err != nil {
		return nil, true, nil // a dictionary zstd cannot load: carry on without
	}
	undo = func() { s.codec.dropDict(id, prev) }
	if err := meta.Put(dictKey(id), d); err != nil {
		undo()
		return nil, true, fmt.Errorf("write dictionary %d: %w", id, err)
	}
	if err := s.recompress(tx, samples, id); err != nil {
		undo()
		return nil, true, err
	}
	return undo, true, nil
}

// dictPays reports whether dictionary d compresses the held-out payloads
// by dictGainPercent less than the current codec does and, at that rate,
// saves more than its own size over the next horizon keyframes: a store of
// a few short, varied articles may never repay a 32 KiB dictionary.
func (s *Store) dictPays(d []byte, held [][]byte, horizon int) bool {
	enc, err := newEncoder(d)
	if err != nil {
		return false
	}
	defer enc.Close()
	var cur, next int
	for _, p := range held {
		z, _ := s.codec.compress(p)
		cur += len(z)
		next += len(enc.EncodeAll(p, nil))
	}
	if len(held) == 0 || next*100 >= cur*(100-dictGainPercent) {
		return false
	}
	return (cur-next)*horizon/len(held) > len(d)
}

// recompress rewrites the sampled keyframes with dictionary id where that
// makes them smaller. Their payloads do not change, so the deltas based
// on them stay valid.
func (s *Store) recompress(tx *bbolt.Tx, samples []sample, id uint32) error {
	for _, sm := range samples {
		if sm.h.dict == id {
			continue
		}
		z, used := s.codec.compress(sm.payload)
		if used != id || len(z) >= sm.stored {
			continue
		}
		h := sm.h
		h.dict = id
		if err := openVersions(tx, string(sm.article)).put(sm.seq, append(appendHeader(nil, h), z...)); err != nil {
			return fmt.Errorf("recompress version %d of %s: %w", sm.seq, sm.article, err)
		}
	}
	return nil
}

// buildDict trains dictionary id from samples. The builder is third-party
// code fed with whatever the store holds; a panic in it must not take the
// writer down, so it becomes an error and the store carries on without.
func buildDict(samples [][]byte, id uint32) (d []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("train dictionary: %v", r)
		}
	}()
	d, err = dict.BuildZstdDict(samples, dict.Options{
		MaxDictSize: maxDictSize, HashBytes: dictHashBytes, ZstdDictID: id, ZstdLevel: encoderLevel,
	})
	if err != nil {
		return nil, fmt.Errorf("train dictionary: %w", err)
	}
	return d, nil
}
