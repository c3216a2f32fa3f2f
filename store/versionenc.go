package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	bolt "go.etcd.io/bbolt"
)

// versionMeta is the stored form of a Version without its text; the seq is
// the key. A payload is uvarint(len(meta JSON)), the meta JSON, then the raw
// text, so reading a version never unescapes the text.
type versionMeta struct {
	FetchedAt time.Time    `json:"f,omitzero"`
	Hash      string       `json:"h,omitempty"`
	Source    string       `json:"s,omitempty"`
	Published time.Time    `json:"p,omitzero"`
	Modified  time.Time    `json:"m,omitzero"`
	Title     string       `json:"t,omitempty"`
	Byline    string       `json:"b,omitempty"`
	Facts     []facts.Fact `json:"k,omitempty"` // read only: the first format
	Compact   []storedFact `json:"x,omitempty"`
}

// storedFact is a facts.Fact without what the version's text already holds:
// the words are text[Start:End], and the value is left out when it equals
// them. Facts are stored with every version for timelines; spelled out they
// weighed about as much as the text.
type storedFact struct {
	Kind    facts.Kind `json:"k"`
	Start   int        `json:"s"`
	End     int        `json:"e"`
	Text    string     `json:"w,omitempty"` // only when not text[Start:End]
	Value   *string    `json:"v,omitempty"` // only when not the words
	Type    string     `json:"t,omitempty"`
	Subject string     `json:"j,omitempty"`
}

func compactFacts(fs []facts.Fact, text string) []storedFact {
	if len(fs) == 0 {
		return nil
	}
	out := make([]storedFact, len(fs))
	for i, f := range fs {
		sf := storedFact{Kind: f.Kind, Start: f.Start, End: f.End, Type: f.Type, Subject: f.Subject}
		if f.Start < 0 || f.End > len(text) || f.Start > f.End || text[f.Start:f.End] != f.Text {
			sf.Text = f.Text
		}
		if f.Value != f.Text {
			sf.Value = &f.Value
		}
		out[i] = sf
	}
	return out
}

func expandFacts(sfs []storedFact, text string) []facts.Fact {
	if len(sfs) == 0 {
		return nil
	}
	out := make([]facts.Fact, len(sfs))
	for i, sf := range sfs {
		f := facts.Fact{Kind: sf.Kind, Start: sf.Start, End: sf.End, Text: sf.Text, Type: sf.Type, Subject: sf.Subject}
		if f.Text == "" && f.Start >= 0 && f.Start <= f.End && f.End <= len(text) {
			f.Text = text[f.Start:f.End]
		}
		f.Value = f.Text
		if sf.Value != nil {
			f.Value = *sf.Value
		}
		out[i] = f
	}
	return out
}

// Version record header: format byte, kind byte, then uvarint base seq,
// uvarint raw length (title+text bytes), varint fetch seconds, uvarint nanos.
// The header lets Compact and Stats work without decompressing.
const (
	versionFormat1 = 1

	kindKeyframe = 0 // zstd of the payload
	kindDelta    = 1 // zstd of a delta against the base keyframe's payload
	kindDeltaRaw = 2 // a delta too small to gain from zstd
)

// keyframeEvery caps how many versions share one keyframe, which bounds how
// much Compact must re-encode when it removes a keyframe.
const keyframeEvery = 32

// versionHeader is the decoded header of a stored version.
type versionHeader struct {
	kind      byte
	base      int // seq of the keyframe a delta was compressed against; 0 for keyframes
	raw       int // uncompressed title+text bytes
	fetchedAt time.Time
}

func appendHeader(dst []byte, h versionHeader) []byte {
	dst = append(dst, versionFormat1, h.kind)
	dst = binary.AppendUvarint(dst, uint64(h.base))
	dst = binary.AppendUvarint(dst, uint64(h.raw))
	dst = binary.AppendVarint(dst, h.fetchedAt.Unix())
	dst = binary.AppendUvarint(dst, uint64(h.fetchedAt.Nanosecond()))
	return dst
}

// parseHeader splits a stored version into header and compressed payload.
func parseHeader(b []byte) (versionHeader, []byte, error) {
	var h versionHeader
	if len(b) < 2 || b[0] != versionFormat1 {
		return h, nil, fmt.Errorf("decode version: unknown record format")
	}
	h.kind = b[1]
	if h.kind > kindDeltaRaw {
		return h, nil, fmt.Errorf("decode version: unknown kind %d", h.kind)
	}
	rest := b[2:]
	var vals [4]int64
	for i := range vals {
		var n int
		if i == 2 {
			vals[i], n = binary.Varint(rest)
		} else {
			var u uint64
			u, n = binary.Uvarint(rest)
			vals[i] = int64(u)
		}
		if n <= 0 {
			return h, nil, fmt.Errorf("decode version: truncated header")
		}
		rest = rest[n:]
	}
	if vals[0] < 0 || vals[0] > 1<<40 || vals[1] < 0 || vals[1] > 1<<40 || vals[3] < 0 || vals[3] >= 1e9 {
		return h, nil, fmt.Errorf("decode version: corrupt header")
	}
	h.base, h.raw = int(vals[0]), int(vals[1])
	h.fetchedAt = time.Unix(vals[2], vals[3]).UTC()
	if vals[2] == zeroUnix && vals[3] == 0 {
		h.fetchedAt = time.Time{}
	}
	return h, rest, nil
}

var zeroUnix = time.Time{}.Unix()

// seqKey is the big-endian key of a version, so cursor order is seq order.
func seqKey(seq int) []byte { return binary.BigEndian.AppendUint64(nil, uint64(seq)) }

func keySeq(k []byte) int { return int(binary.BigEndian.Uint64(k)) }

// marshalVersion returns the uncompressed payload of v.
func marshalVersion(v *Version) ([]byte, error) {
	meta, err := json.Marshal(versionMeta{
		FetchedAt: utc(v.FetchedAt), Hash: v.Hash, Source: v.Source,
		Published: utc(v.Published), Modified: utc(v.Modified),
		Title: v.Title, Byline: v.Byline, Compact: compactFacts(v.Facts, v.Text),
	})
	if err != nil {
		return nil, fmt.Errorf("encode version: %w", err)
	}
	b := make([]byte, 0, binary.MaxVarintLen64+len(meta)+len(v.Text))
	b = binary.AppendUvarint(b, uint64(len(meta)))
	b = append(b, meta...)
	return append(b, v.Text...), nil
}

func unmarshalVersion(seq int, p []byte) (Version, error) {
	n, k := binary.Uvarint(p)
	if k <= 0 || n > uint64(len(p)-k) {
		return Version{}, fmt.Errorf("decode version %d: corrupt payload", seq)
	}
	var m versionMeta
	if err := json.Unmarshal(p[k:k+int(n)], &m); err != nil {
		return Version{}, fmt.Errorf("decode version %d: %w", seq, err)
	}
	text := string(p[k+int(n):])
	fs := m.Facts
	if len(m.Compact) > 0 {
		fs = expandFacts(m.Compact, text)
	}
	return Version{
		Seq: seq, FetchedAt: m.FetchedAt, Hash: m.Hash, Title: m.Title, Byline: m.Byline,
		Published: m.Published, Modified: m.Modified, Text: text,
		Source: m.Source, Facts: fs,
	}, nil
}

// payloadCache remembers decoded keyframe payloads while one transaction
// walks several versions of an article.
type payloadCache map[int][]byte

// payload returns the uncompressed payload of version seq in bucket vb.
func (s *Store) payload(vb *bolt.Bucket, seq int, cache payloadCache) ([]byte, error) {
	if p, ok := cache[seq]; ok {
		return p, nil
	}
	rec := vb.Get(seqKey(seq))
	if rec == nil {
		return nil, fmt.Errorf("version %d: %w", seq, ErrNotFound)
	}
	h, body, err := parseHeader(rec)
	if err != nil {
		return nil, err
	}
	if h.kind == kindKeyframe {
		p, err := s.codec.decompress(body)
		if err != nil {
			return nil, fmt.Errorf("version %d: %w", seq, err)
		}
		if cache != nil {
			cache[seq] = p
		}
		return p, nil
	}
	if h.base == seq {
		return nil, fmt.Errorf("version %d: delta against itself", seq)
	}
	base, err := s.payload(vb, h.base, cache)
	if err != nil {
		return nil, fmt.Errorf("read keyframe %d of version %d: %w", h.base, seq, err)
	}
	ops := body
	if h.kind == kindDelta {
		if ops, err = s.codec.decompress(body); err != nil {
			return nil, fmt.Errorf("version %d: %w", seq, err)
		}
	}
	p, err := applyDelta(base, ops, len(base))
	if err != nil {
		return nil, fmt.Errorf("version %d: %w", seq, err)
	}
	return p, nil
}

// minCompress is the smallest delta worth a zstd attempt: below it the
// frame overhead eats any gain.
const minCompress = 64

// encodePayload compresses payload p as a keyframe or, when a keyframe base
// is given and pays off, as a delta against it. It returns the header kind
// and the body.
func (s *Store) encodePayload(p, base []byte) (byte, []byte) {
	full := func() []byte { return s.codec.compress(p) }
	if base == nil {
		return kindKeyframe, full()
	}
	kind, body := byte(kindDeltaRaw), encodeDelta(base, p)
	if len(body) >= minCompress {
		if z := s.codec.compress(body); len(z) < len(body) {
			kind, body = kindDelta, z
		}
	}
	if len(body)*8 < len(p) {
		return kind, body // clearly paying off; skip the trial compression
	}
	// The story was rewritten: start a new keyframe unless the delta is
	// still less than half a keyframe.
	if f := full(); len(body)*2 > len(f) {
		return kindKeyframe, f
	}
	return kind, body
}
