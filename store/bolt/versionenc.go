package bolt

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// versionMeta is the payload metadata of record format 1, which stored it
// as JSON; it is only read now. A format 1 payload is uvarint(len(meta
// JSON)), the meta JSON, then the raw text.
type versionMeta struct {
	FetchedAt time.Time `json:"f,omitzero"`
	Hash      string    `json:"h,omitempty"`
	Source    string    `json:"s,omitempty"`
	Published time.Time `json:"p,omitzero"`
	Modified  time.Time `json:"m,omitzero"`
	Title     string    `json:"t,omitempty"`
	Byline    string    `json:"b,omitempty"`
	// Compact are the version's facts. (A first form, "k", holding whole
	// facts, was only ever written by unreleased builds and is not read.)
	Compact []storedFact `json:"x,omitempty"`
}

// storedFact is a format 1 facts.Fact without what the version's text
// already holds: the words are text[Start:End], and the value is left out
// when it equals them.
type storedFact struct {
	Kind    facts.Kind `json:"k"`
	Start   int        `json:"s"`
	End     int        `json:"e"`
	Text    string     `json:"w,omitempty"` // only when not text[Start:End]
	Value   *string    `json:"v,omitempty"` // only when not the words
	Type    string     `json:"t,omitempty"`
	Subject string     `json:"j,omitempty"`
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

// Version record header: format byte, kind byte, then (format 2 only)
// uvarint dictionary id, then uvarint base seq, uvarint raw length
// (title+text bytes), varint fetch seconds, uvarint nanos. The header lets
// Compact and Stats work without decompressing.
//
// The format also says how the payload is encoded: format 1 records hold
// the JSON payload (versionMeta) and are only read; format 2 records hold
// the binary payload of payloadenc.go, compressed with the named zstd
// dictionary (0 = none). A delta always has its keyframe's format.
const (
	versionFormat1 = 1
	versionFormat2 = 2

	kindKeyframe = 0 // zstd of the payload
	kindDelta    = 1 // zstd of a delta against the base keyframe's payload
	kindDeltaRaw = 2 // a delta too small to gain from zstd
)

// keyframeEvery caps how many versions share one keyframe, which bounds how
// much Compact must re-encode when it removes a keyframe.
const keyframeEvery = 32

// versionHeader is the decoded header of a stored version.
type versionHeader struct {
	format    byte
	kind      byte
	dict      uint32 // zstd dictionary of the body; 0 = none (always 0 in format 1)
	base      int    // seq of the keyframe a delta was compressed against; 0 for keyframes
	raw       int    // uncompressed title+text bytes
	fetchedAt time.Time
}

// appendHeader appends h in its format; a zero format means format 2.
func appendHeader(dst []byte, h versionHeader) []byte {
	if h.format == 0 {
		h.format = versionFormat2
	}
	dst = append(dst, h.format, h.kind)
	if h.format != versionFormat1 {
		dst = binary.AppendUvarint(dst, uint64(h.dict))
	}
	dst = binary.AppendUvarint(dst, uint64(h.base))
	dst = binary.AppendUvarint(dst, uint64(h.raw))
	dst = binary.AppendVarint(dst, h.fetchedAt.Unix())
	dst = binary.AppendUvarint(dst, uint64(h.fetchedAt.Nanosecond()))
	return dst
}

// parseHeader splits a stored version into header and compressed payload.
func parseHeader(b []byte) (versionHeader, []byte, error) {
	var h versionHeader
	if len(b) < 2 || (b[0] != versionFormat1 && b[0] != versionFormat2) {
		return h, nil, fmt.Errorf("decode version: unknown record format")
	}
	h.format, h.kind = b[0], b[1]
	if h.kind > kindDeltaRaw {
		return h, nil, fmt.Errorf("decode version: unknown kind %d", h.kind)
	}
	rest := b[2:]
	if h.format == versionFormat2 {
		d, n := binary.Uvarint(rest)
		if n <= 0 || d > 1<<32-1 {
			return h, nil, fmt.Errorf("decode version: corrupt dictionary id")
		}
		h.dict, rest = uint32(d), rest[n:]
	}
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

// unmarshalJSONVersion decodes a format 1 payload.
func unmarshalJSONVersion(seq int, p []byte) (store.Version, error) {
	n, k := binary.Uvarint(p)
	if k <= 0 || n > uint64(len(p)-k) {
		return store.Version{}, fmt.Errorf("decode version %d: corrupt payload", seq)
	}
	var m versionMeta
	if err := json.Unmarshal(p[k:k+int(n)], &m); err != nil {
		return store.Version{}, fmt.Errorf("decode version %d: %w", seq, err)
	}
	text := string(p[k+int(n):])
	fs := expandFacts(m.Compact, text)
	return store.Version{
		Seq: seq, FetchedAt: m.FetchedAt, Hash: m.Hash, Title: m.Title, Byline: m.Byline,
		Published: m.Published, Modified: m.Modified, Text: text,
		Source: m.Source, Facts: fs,
	}, nil
}

// decodeVersion decodes payload p of a record with header h.
func decodeVersion(seq int, h versionHeader, p []byte) (store.Version, error) {
	if h.format == versionFormat1 {
		return unmarshalJSONVersion(seq, p)
	}
	return unmarshalPayload(seq, h.fetchedAt, p)
}

// toFormat2 returns p, the payload of a record of format f, as a binary
// payload; Compact uses it to re-encode versions of old records.
func toFormat2(seq int, h versionHeader, p []byte) ([]byte, error) {
	if h.format != versionFormat1 {
		return p, nil
	}
	v, err := unmarshalJSONVersion(seq, p)
	if err != nil {
		return nil, err
	}
	return marshalPayload(&v), nil
}

// payloadCache remembers decoded keyframe payloads while one transaction
// walks several versions of an article.
type payloadCache map[int][]byte

// readVersion decodes version seq of vs.
func (s *Store) readVersion(vs versionSet, seq int, cache payloadCache) (store.Version, error) {
	h, p, err := s.payload(vs, seq, cache)
	if err != nil {
		return store.Version{}, err
	}
	return decodeVersion(seq, h, p)
}

// payload returns the header and uncompressed payload of version seq of vs.
func (s *Store) payload(vs versionSet, seq int, cache payloadCache) (versionHeader, []byte, error) {
	rec := vs.get(seq)
	if rec == nil {
		return versionHeader{}, nil, fmt.Errorf("version %d: %w", seq, store.ErrNotFound)
	}
	h, body, err := parseHeader(rec)
	if err != nil {
		return h, nil, fmt.Errorf("version %d: %w", seq, err)
	}
	if p, ok := cache[seq]; ok {
		return h, p, nil
	}
	if h.kind == kindKeyframe {
		p, err := s.codec.decompress(body, h.dict)
		if err != nil {
			return h, nil, fmt.Errorf("version %d: %w", seq, err)
		}
		if cache != nil {
			cache[seq] = p
		}
		return h, p, nil
	}
	if h.base == seq {
		return h, nil, fmt.Errorf("version %d: delta against itself", seq)
	}
	bh, base, err := s.payload(vs, h.base, cache)
	if err != nil {
		return h, nil, fmt.Errorf("read keyframe %d of version %d: %w", h.base, seq, err)
	}
	if bh.kind != kindKeyframe || bh.format != h.format {
		return h, nil, fmt.Errorf("version %d: base %d is no keyframe of its format", seq, h.base)
	}
	ops := body
	if h.kind == kindDelta {
		if ops, err = s.codec.decompress(body, h.dict); err != nil {
			return h, nil, fmt.Errorf("version %d: %w", seq, err)
		}
	}
	p, err := applyDelta(base, ops, len(base))
	if err != nil {
		return h, nil, fmt.Errorf("version %d: %w", seq, err)
	}
	return h, p, nil
}

// minCompress is the smallest delta worth a zstd attempt: below it the
// frame overhead eats any gain.
const minCompress = 64

// encodePayload compresses binary payload p as a keyframe or, when a
// keyframe base is given and pays off, as a delta against it. It returns
// the header kind, the dictionary id and the body.
func (s *Store) encodePayload(p, base []byte) (byte, uint32, []byte) {
	if base == nil {
		z, id := s.codec.compress(p)
		return kindKeyframe, id, z
	}
	kind, dict, body := byte(kindDeltaRaw), uint32(0), encodeDelta(base, p)
	if len(body) >= minCompress {
		if z, id := s.codec.compress(body); len(z) < len(body) {
			kind, dict, body = kindDelta, id, z
		}
	}
	if len(body)*8 < len(p) {
		return kind, dict, body // clearly paying off; skip the trial compression
	}
	// The story was rewritten: start a new keyframe unless the delta is
	// still less than half a keyframe.
	if f, id := s.codec.compress(p); len(body)*2 > len(f) {
		return kindKeyframe, id, f
	}
	return kind, dict, body
}
