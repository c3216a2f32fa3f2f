package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bbolt "go.etcd.io/bbolt"
)

// Version records live in one flat bucket, keyed by a store-wide record
// number in write order, and an index maps (article id, seq) to that
// number. Schema 2 gave every article a nested bucket instead, and that
// cost a whole page per article: a new article's ~1.3 KB record sat alone
// on a 4 KiB page, so an ingest of new articles grew the file by about
// 6 KiB an article where it now grows by about 2.5. That matters for memory
// too: the kernel maps the 64 KiB around every page bbolt reads (fault
// around, which bbolt's MADV_RANDOM does not turn off) when those pages
// are cached, as pages just written are, and the article, URL and index
// pages every write reads sit all over the file, so an ingest ends with
// about three quarters of the file in the writer's RSS whatever the
// layout; a smaller file is the lever. Appending records in write order
// packs them into full pages that no later write modifies (only the
// rightmost leaf of the record bucket is rewritten). Articles stored
// under schema 2 keep their nested bucket, which stays readable and
// writable.
var (
	bucketRecords = []byte("vrecords") // record number -> version record
	bucketIndex   = []byte("vindex")   // indexPrefix(id) + seq -> record number
)

// indexPrefix is the index key prefix of article id: its length, then
// the id, so that no id's keys fall among a longer id's. Ids are keys of
// the articles bucket, which bbolt caps at 32 KiB, so the length fits.
func indexPrefix(id []byte) []byte {
	return append(binary.BigEndian.AppendUint16(nil, uint16(len(id))), id...)
}

// recordFill is the fill percent of the record bucket: its keys only grow,
// so a split never needs room for a later insert.
const recordFill = 1.0

// versionSet is one article's versions: either its schema 2 nested bucket
// or its entries in the index and record buckets.
type versionSet struct {
	nested *bbolt.Bucket // schema 2 article; nil otherwise
	index  *bbolt.Bucket
	recs   *bbolt.Bucket
	id     []byte // article id
	prefix []byte // indexPrefix(id)
}

// versionsOf returns the versions of article id, or ok false when it has
// none in either layout.
func versionsOf(tx *bbolt.Tx, id string) (vs versionSet, ok bool) {
	if id == "" {
		return versionSet{}, false
	}
	vs = openVersions(tx, id)
	if vs.nested != nil {
		return vs, true
	}
	if vs.index == nil {
		return vs, false
	}
	k, _ := vs.index.Cursor().Seek(vs.prefix)
	return vs, k != nil && bytes.HasPrefix(k, vs.prefix)
}

// openVersions returns the version set of article id whether or not it
// holds versions yet.
func openVersions(tx *bbolt.Tx, id string) versionSet {
	vs := versionSet{index: tx.Bucket(bucketIndex), recs: tx.Bucket(bucketRecords), id: []byte(id)}
	vs.prefix = indexPrefix(vs.id)
	if root := tx.Bucket(bucketVersions); root != nil {
		vs.nested = root.Bucket(vs.id)
	}
	if vs.recs != nil && tx.Writable() {
		vs.recs.FillPercent = recordFill
	}
	return vs
}

func (vs versionSet) indexKey(seq int) []byte {
	return binary.BigEndian.AppendUint64(bytes.Clone(vs.prefix), uint64(seq))
}

// get returns the record of version seq, or nil.
func (vs versionSet) get(seq int) []byte {
	if vs.nested != nil {
		return vs.nested.Get(seqKey(seq))
	}
	if vs.index == nil {
		return nil
	}
	n := vs.index.Get(vs.indexKey(seq))
	if len(n) != 8 {
		return nil
	}
	return vs.recs.Get(n)
}

// nextSeq returns the seq a new version gets: one past the highest ever
// assigned (latest, the article's newest seq, is never compacted away).
func (vs versionSet) nextSeq(latest int) (int, error) {
	if vs.nested != nil {
		n, err := vs.nested.NextSequence()
		return int(n), err
	}
	return latest + 1, nil
}

// put stores rec as version seq, replacing the record when seq exists.
func (vs versionSet) put(seq int, rec []byte) error {
	if vs.nested != nil {
		return vs.nested.Put(seqKey(seq), rec)
	}
	ik := vs.indexKey(seq)
	n := vs.index.Get(ik)
	if len(n) != 8 {
		next, err := vs.recs.NextSequence()
		if err != nil {
			return fmt.Errorf("next record number: %w", err)
		}
		n = seqKey(int(next))
		if err := vs.index.Put(ik, n); err != nil {
			return err
		}
	} else {
		n = bytes.Clone(n)
	}
	return vs.recs.Put(n, rec)
}

// del removes version seq.
func (vs versionSet) del(seq int) error {
	if vs.nested != nil {
		return vs.nested.Delete(seqKey(seq))
	}
	ik := vs.indexKey(seq)
	n := vs.index.Get(ik)
	if len(n) != 8 {
		return nil
	}
	if err := vs.recs.Delete(bytes.Clone(n)); err != nil {
		return err
	}
	return vs.index.Delete(ik)
}

// each calls fn with every version in seq order. fn must not modify the
// set.
func (vs versionSet) each(fn func(seq int, rec []byte) error) error {
	if vs.nested != nil {
		return vs.nested.ForEach(func(k, v []byte) error { return fn(keySeq(k), v) })
	}
	if vs.index == nil {
		return nil
	}
	c := vs.index.Cursor()
	for k, n := c.Seek(vs.prefix); k != nil && bytes.HasPrefix(k, vs.prefix); k, n = c.Next() {
		if len(k) != len(vs.prefix)+8 {
			return fmt.Errorf("read version index: malformed key %q", k)
		}
		seq := keySeq(k[len(vs.prefix):])
		rec := vs.recs.Get(n)
		if rec == nil {
			return fmt.Errorf("version %d: index names a missing record", seq)
		}
		if err := fn(seq, rec); err != nil {
			return err
		}
	}
	return nil
}

// last returns the newest version's seq and record; seq 0 when none.
func (vs versionSet) last() (int, []byte) {
	if vs.nested != nil {
		k, v := vs.nested.Cursor().Last()
		if k == nil {
			return 0, nil
		}
		return keySeq(k), v
	}
	if vs.index == nil {
		return 0, nil
	}
	c := vs.index.Cursor()
	k, n := c.Seek(vs.indexKey(1<<63 - 1))
	if k == nil {
		k, n = c.Last()
	} else {
		k, n = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, vs.prefix) || len(k) != len(vs.prefix)+8 {
		return 0, nil
	}
	return keySeq(k[len(vs.prefix):]), vs.recs.Get(n)
}

// eachArticleVersions calls fn with the version set of every article that
// has one, schema 2 articles first, then the others in id order.
func eachArticleVersions(tx *bbolt.Tx, fn func(id []byte, vs versionSet) error) error {
	if root := tx.Bucket(bucketVersions); root != nil {
		if err := root.ForEachBucket(func(id []byte) error {
			return fn(id, versionSet{nested: root.Bucket(id), id: id})
		}); err != nil {
			return err
		}
	}
	index := tx.Bucket(bucketIndex)
	if index == nil {
		return nil
	}
	recs := tx.Bucket(bucketRecords)
	var prev []byte
	c := index.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) < 10 || int(binary.BigEndian.Uint16(k))+10 != len(k) {
			return fmt.Errorf("read version index: malformed key %q", k)
		}
		id := k[2 : len(k)-8]
		if bytes.Equal(id, prev) {
			continue
		}
		prev = bytes.Clone(id)
		if err := fn(prev, versionSet{index: index, recs: recs, id: prev, prefix: indexPrefix(prev)}); err != nil {
			return err
		}
	}
	return nil
}
