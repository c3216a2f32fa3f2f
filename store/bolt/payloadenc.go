package bolt

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// The binary payload (record format 2) of a version, all integers varints:
//
//	flags byte                  payloadHexHash, payloadPublished, payloadModified
//	hash                        uvarint length + bytes; hex decoded when flagged
//	source                      one code byte (sourceCodes), or 0xff + string
//	published, modified         when flagged: varint unix seconds, uvarint nanos
//	title, byline, text         uvarint length + bytes each
//	uvarint fact count, then per fact:
//	  head byte                 kind code (low 3 bits) and factWords, factValue,
//	                            factType, factSubject
//	  varint start - previous start, varint end - start (wrapping, so
//	                            any int, even a broken offset, round-trips)
//	  [kind]                    interned string, when the kind code is kindOther
//	  [words]                   string, only when not text[start:end]
//	  [value]                   string, only when not the words
//	  [type] [subject]          interned strings (see interner)
//
// The fetch time lives in the record header, so the payload omits it. The
// text comes before the facts so zstd can match a fact's value against the
// words it came from. Reading it needs no reflection and no unescaping: the
// JSON meta of format 1 cost about a tenth of a revision pass's CPU.

const (
	payloadHexHash   = 1 << 0
	payloadPublished = 1 << 1
	payloadModified  = 1 << 2
)

const (
	factWords   = 1 << 3
	factValue   = 1 << 4
	factType    = 1 << 5
	factSubject = 1 << 6

	kindCodeMask = 7
	kindOther    = 7 // the kind string follows
)

// kindCodes numbers the fact kinds; code 0 is the empty kind.
var kindCodes = [...]facts.Kind{"", facts.KindDate, facts.KindNumber, facts.KindQuote, facts.KindPosition, facts.KindLocation, facts.KindTitle}

// sourceCodes numbers the usual version sources; sourceOther spells one out.
var sourceCodes = [...]string{"", "page", "feed"}

const sourceOther = 0xff

func kindCode(k facts.Kind) byte {
	for i, c := range kindCodes {
		if c == k {
			return byte(i)
		}
	}
	return kindOther
}

// appendString appends s with its uvarint length.
func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func appendTime(dst []byte, t time.Time) []byte {
	dst = binary.AppendVarint(dst, t.Unix())
	return binary.AppendUvarint(dst, uint64(t.Nanosecond()))
}

// interner numbers repeated short strings (fact types, subjects) within one
// payload: the first use spells a string out, later uses cost one byte.
type interner struct {
	seen []string
}

// appendRef appends 0 and s the first time s is seen, else its 1-based index.
func (in *interner) appendRef(dst []byte, s string) []byte {
	for i, x := range in.seen {
		if x == s {
			return binary.AppendUvarint(dst, uint64(i+1))
		}
	}
	in.seen = append(in.seen, s)
	return appendString(binary.AppendUvarint(dst, 0), s)
}

// isLowerHex reports whether s is an even-length lower-case hex string, which
// packs into half its bytes and unpacks to the same string.
func isLowerHex(s string) bool {
	if len(s) == 0 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// marshalPayload returns the binary payload of v (record format 2).
func marshalPayload(v *store.Version) []byte {
	size := 64 + len(v.Hash) + len(v.Source) + len(v.Title) + len(v.Byline) + len(v.Text) + 8*len(v.Facts)
	b := make([]byte, 1, size)
	var flags byte
	hash := []byte(v.Hash)
	if isLowerHex(v.Hash) {
		flags |= payloadHexHash
		hash, _ = hex.DecodeString(v.Hash)
	}
	pub, mod := store.UTC(v.Published), store.UTC(v.Modified)
	if !pub.IsZero() {
		flags |= payloadPublished
	}
	if !mod.IsZero() {
		flags |= payloadModified
	}
	b[0] = flags
	b = binary.AppendUvarint(b, uint64(len(hash)))
	b = append(b, hash...)
	src := byte(sourceOther)
	for i, s := range sourceCodes {
		if s == v.Source {
			src = byte(i)
		}
	}
	b = append(b, src)
	if src == sourceOther {
		b = appendString(b, v.Source)
	}
	if !pub.IsZero() {
		b = appendTime(b, pub)
	}
	if !mod.IsZero() {
		b = appendTime(b, mod)
	}
	b = appendString(b, v.Title)
	b = appendString(b, v.Byline)
	b = appendString(b, v.Text)
	return appendFacts(b, v.Facts, v.Text)
}

func appendFacts(b []byte, fs []facts.Fact, text string) []byte {
	b = binary.AppendUvarint(b, uint64(len(fs)))
	var in interner
	prev := 0
	for _, f := range fs {
		head := kindCode(f.Kind)
		words := f.Start < 0 || f.End > len(text) || f.Start > f.End || text[f.Start:f.End] != f.Text
		if words {
			head |= factWords
		}
		if f.Value != f.Text {
			head |= factValue
		}
		if f.Type != "" {
			head |= factType
		}
		if f.Subject != "" {
			head |= factSubject
		}
		b = append(b, head)
		b = binary.AppendVarint(b, int64(uint64(f.Start)-uint64(prev)))
		b = binary.AppendVarint(b, int64(uint64(f.End)-uint64(f.Start)))
		prev = f.Start
		if head&kindCodeMask == kindOther {
			b = in.appendRef(b, string(f.Kind))
		}
		if words {
			b = appendString(b, f.Text)
		}
		if head&factValue != 0 {
			b = appendString(b, f.Value)
		}
		if f.Type != "" {
			b = in.appendRef(b, f.Type)
		}
		if f.Subject != "" {
			b = in.appendRef(b, f.Subject)
		}
	}
	return b
}

// payloadReader walks a binary payload; the first error sticks and names
// the field that was corrupt, so the caller checks it once at the end.
type payloadReader struct {
	b    []byte
	err  error
	seen []string
}

func (r *payloadReader) fail(field string) {
	if r.err == nil {
		r.err = fmt.Errorf("corrupt payload: %s", field)
	}
}

func (r *payloadReader) byte(field string) byte {
	if r.err != nil || len(r.b) == 0 {
		r.fail(field)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *payloadReader) uvarint(field string) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(field)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *payloadReader) varint(field string) int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(field)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *payloadReader) bytes(field string) []byte {
	n := r.uvarint(field)
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail(field)
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *payloadReader) string(field string) string { return string(r.bytes(field)) }

func (r *payloadReader) time(field string) time.Time {
	sec := r.varint(field)
	nsec := r.uvarint(field)
	if r.err != nil {
		return time.Time{}
	}
	if nsec >= 1e9 {
		r.fail(field)
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// ref reads an interned string: 0 and a new string, or the index of one
// already read.
func (r *payloadReader) ref(field string) string {
	i := r.uvarint(field)
	switch {
	case r.err != nil:
		return ""
	case i == 0:
		s := r.string(field)
		r.seen = append(r.seen, s)
		return s
	case i > uint64(len(r.seen)):
		r.fail(field + " reference")
		return ""
	}
	return r.seen[i-1]
}

// offset returns base+delta. Facts may carry any offsets, broken ones
// included, so the deltas wrap around like the encoder's subtraction did
// and every int round-trips.
func (r *payloadReader) offset(base int, field string) int {
	d := r.varint(field)
	if r.err != nil {
		return 0
	}
	return int(uint64(base) + uint64(d))
}

// unmarshalPayload decodes a binary payload; the fetch time comes from the
// record header. Hostile bytes give an error naming the corrupt field,
// never a panic.
func unmarshalPayload(seq int, fetchedAt time.Time, p []byte) (store.Version, error) {
	r := payloadReader{b: p}
	v := store.Version{Seq: seq, FetchedAt: fetchedAt}
	flags := r.byte("flags")
	if flags&^(payloadHexHash|payloadPublished|payloadModified) != 0 {
		r.fail("flags")
	}
	hash := r.bytes("hash")
	if flags&payloadHexHash != 0 {
		v.Hash = hex.EncodeToString(hash)
	} else {
		v.Hash = string(hash)
	}
	src := r.byte("source")
	switch {
	case src == sourceOther:
		v.Source = r.string("source")
	case int(src) < len(sourceCodes):
		v.Source = sourceCodes[src]
	default:
		r.fail("source")
	}
	if flags&payloadPublished != 0 {
		v.Published = r.time("published time")
	}
	if flags&payloadModified != 0 {
		v.Modified = r.time("modified time")
	}
	v.Title = r.string("title")
	v.Byline = r.string("byline")
	v.Text = r.string("text")
	n := r.uvarint("fact count")
	if r.err == nil && n > uint64(len(r.b))/3 { // a fact takes at least 3 bytes
		r.fail("fact count")
	}
	if r.err == nil && n > 0 {
		v.Facts = make([]facts.Fact, 0, n)
	}
	prev := 0
	for i := uint64(0); r.err == nil && i < n; i++ {
		v.Facts = append(v.Facts, r.fact(&prev, v.Text))
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail(fmt.Sprintf("%d bytes after the facts", len(r.b)))
	}
	if r.err != nil {
		return store.Version{}, fmt.Errorf("decode version %d: %w", seq, r.err)
	}
	return v, nil
}

func (r *payloadReader) fact(prev *int, text string) facts.Fact {
	var f facts.Fact
	head := r.byte("fact head")
	if head&0x80 != 0 {
		r.fail("fact head")
	}
	f.Start = r.offset(*prev, "fact start")
	f.End = r.offset(f.Start, "fact end")
	*prev = f.Start
	if code := head & kindCodeMask; code == kindOther {
		f.Kind = facts.Kind(r.ref("fact kind"))
	} else if int(code) < len(kindCodes) {
		f.Kind = kindCodes[code]
	}
	if head&factWords != 0 {
		f.Text = r.string("fact words")
	} else if r.err == nil {
		if f.Start < 0 || f.Start > f.End || f.End > len(text) {
			r.fail("fact span")
			return f
		}
		f.Text = text[f.Start:f.End]
	}
	f.Value = f.Text
	if head&factValue != 0 {
		f.Value = r.string("fact value")
	}
	if head&factType != 0 {
		f.Type = r.ref("fact type")
	}
	if head&factSubject != 0 {
		f.Subject = r.ref("fact subject")
	}
	return f
}
