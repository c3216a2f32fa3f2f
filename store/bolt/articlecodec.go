package bolt

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Article records are written in a binary form: every write of a new
// article reads and rewrites a leaf of the articles bucket at a random
// place (ids are hashes), so over an ingest that bucket is read whole,
// and the JSON form took about 700 bytes an article where this one takes
// about 350. Records written as JSON by older binaries start with '{' and
// stay readable.
//
// Layout: articleFormat1, then the strings ID, URL, Title, Outlet, ETag,
// LastModified, the hashes PageHash and LatestHash, the lists Feeds and
// Aliases, the times FirstSeen, LastChanged, LastChecked, Published, and
// the counts Versions, LatestSeq, KeySeq, KeyCount, and last, only when it
// is set, the string Status (records written before it existed end with
// the counts). A string is
// uvarint(len) then its bytes (appendString); a hash is uvarint(2*len+1) then the bytes
// its lower-case hex spelling decodes to, or a string with uvarint(2*len)
// when it is not such hex; a list is uvarint(count) then its strings; a
// time is varint(seconds since the zero time) then uvarint(nanoseconds).
const articleFormat1 = 1

var errCorruptArticle = errors.New("corrupt article record")

// appendHash stores a lower-case hex string in half the bytes.
func appendHash(dst []byte, s string) []byte {
	if b, err := hex.DecodeString(s); err == nil && hex.EncodeToString(b) == s {
		dst = binary.AppendUvarint(dst, uint64(2*len(b)+1))
		return append(dst, b...)
	}
	dst = binary.AppendUvarint(dst, uint64(2*len(s)))
	return append(dst, s...)
}

// appendArticleTime counts from the zero time, so that it takes two bytes.
func appendArticleTime(dst []byte, t time.Time) []byte {
	dst = binary.AppendVarint(dst, t.Unix()-zeroUnix)
	return binary.AppendUvarint(dst, uint64(t.Nanosecond()))
}

// encodeArticle returns the binary record of r.
func encodeArticle(r *articleRecord) []byte {
	b := make([]byte, 0, 256)
	b = append(b, articleFormat1)
	for _, s := range []string{r.ID, r.URL, r.Title, r.Outlet, r.ETag, r.LastModified} {
		b = appendString(b, s)
	}
	b = appendHash(b, r.PageHash)
	b = appendHash(b, r.LatestHash)
	for _, list := range [][]string{r.Feeds, r.Aliases} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, s := range list {
			b = appendString(b, s)
		}
	}
	for _, t := range []time.Time{r.FirstSeen, r.LastChanged, r.LastChecked, r.Published} {
		b = appendArticleTime(b, t)
	}
	for _, n := range []int{r.Versions, r.LatestSeq, r.KeySeq, r.KeyCount} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	if r.Status != "" {
		b = appendString(b, r.Status)
	}
	return b
}

// articleReader reads the fields of a binary record; the first failure
// sticks and later reads return zero values.
type articleReader struct {
	b   []byte
	err error
}

func (r *articleReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCorruptArticle
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *articleReader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errCorruptArticle
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *articleReader) str() string { return string(r.bytes(r.uvarint())) }

func (r *articleReader) hash() string {
	n := r.uvarint()
	b := r.bytes(n / 2)
	if n%2 == 1 {
		return hex.EncodeToString(b)
	}
	return string(b)
}

func (r *articleReader) list() []string {
	n := r.uvarint()
	if n > uint64(len(r.b)) { // every string takes at least a byte
		r.err = errCorruptArticle
		return nil
	}
	var out []string
	for range n {
		out = append(out, r.str())
	}
	return out
}

func (r *articleReader) time() time.Time {
	if r.err != nil {
		return time.Time{}
	}
	sec, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errCorruptArticle
		return time.Time{}
	}
	r.b = r.b[n:]
	nsec := r.uvarint()
	if nsec >= 1e9 {
		r.err = errCorruptArticle
		return time.Time{}
	}
	if sec == 0 && nsec == 0 {
		return time.Time{}
	}
	return time.Unix(sec+zeroUnix, int64(nsec)).UTC()
}

func (r *articleReader) count() int {
	v := r.uvarint()
	if v > 1<<40 {
		r.err = errCorruptArticle
	}
	return int(v)
}

// decodeArticle decodes a stored article record of either form.
func decodeArticle(b []byte) (*articleRecord, error) {
	if len(b) > 0 && b[0] == '{' {
		var r articleRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("decode article: %w", err)
		}
		return &r, nil
	}
	if len(b) == 0 || b[0] != articleFormat1 {
		return nil, fmt.Errorf("decode article: unknown record format")
	}
	rd := &articleReader{b: b[1:]}
	r := &articleRecord{
		ID: rd.str(), URL: rd.str(), Title: rd.str(), Outlet: rd.str(), ETag: rd.str(), LastModified: rd.str(),
		PageHash: rd.hash(), LatestHash: rd.hash(),
	}
	r.Feeds, r.Aliases = rd.list(), rd.list()
	r.FirstSeen, r.LastChanged, r.LastChecked, r.Published = rd.time(), rd.time(), rd.time(), rd.time()
	r.Versions, r.LatestSeq, r.KeySeq, r.KeyCount = rd.count(), rd.count(), rd.count(), rd.count()
	if rd.err == nil && len(rd.b) != 0 {
		r.Status = rd.str()
	}
	if rd.err == nil && len(rd.b) != 0 {
		rd.err = errCorruptArticle
	}
	if rd.err != nil {
		return nil, fmt.Errorf("decode article: %w", rd.err)
	}
	return r, nil
}
