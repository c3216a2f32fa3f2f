package bolt

import (
	"encoding/binary"
	"errors"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// Change records are read in bulk by Changes, so they use a small binary
// form rather than JSON: a format byte, then uvarint-length-prefixed strings
// and uvarint counts. Decoding copies the value into one string and slices
// every field out of it, a handful of allocations per record.
//
//	format(1) url title inserted deleted changed moved nfacts
//	then per fact: kind before after before_value after_value subject
//	               before_sentence after_sentence detail
//	then, only when there are any, nsince and the SinceFirst facts alike
//	(records without them are the same bytes as before they existed)
const changeFormat1 = 1

// changeFactFields is the number of facts.Change fields the format stores;
// TestChangeCodecCoversFactChange fails when facts.Change grows.
const changeFactFields = 9

var errBadChange = errors.New("decode change: corrupt record")

func encodeChange(c *store.Change) []byte {
	b := []byte{changeFormat1}
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.AppendUvarint(b, uint64(max(n, 0))) }
	str(c.Article)
	str(c.Title)
	num(c.Inserted)
	num(c.Deleted)
	num(c.Changed)
	num(c.Moved)
	list := func(fs []facts.Change) {
		num(len(fs))
		for _, f := range fs {
			for _, s := range []string{string(f.Kind), f.Before, f.After, f.BeforeValue, f.AfterValue,
				f.Subject, f.BeforeSentence, f.AfterSentence, f.Detail} {
				str(s)
			}
		}
	}
	list(c.Facts)
	if len(c.SinceFirst) > 0 {
		list(c.SinceFirst)
	}
	return b
}

// decodeChangeValue fills the value fields of c from v (which it copies).
func decodeChangeValue(v []byte, c *store.Change) error {
	if len(v) == 0 || v[0] != changeFormat1 {
		return errBadChange
	}
	s := string(v[1:])
	bad := false
	num := func() int {
		// A uvarint read from the string itself, to avoid converting.
		var n uint64
		for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
			n |= uint64(s[i]&0x7f) << (7 * i)
			if s[i] < 0x80 {
				s = s[i+1:]
				if n > 1<<31 {
					break
				}
				return int(n)
			}
		}
		bad = true
		return 0
	}
	str := func() string {
		n := num()
		if bad || n > len(s) {
			bad = true
			return ""
		}
		out := s[:n]
		s = s[n:]
		return out
	}
	c.Article, c.Title = str(), str()
	c.Inserted, c.Deleted, c.Changed, c.Moved = num(), num(), num(), num()
	list := func() []facts.Change {
		n := num()
		if bad || n > len(s) { // every fact takes at least one byte per field
			bad = true
			return nil
		}
		if n == 0 {
			return nil
		}
		fs := make([]facts.Change, n)
		for i := range fs {
			f := &fs[i]
			f.Kind = facts.Kind(str())
			f.Before, f.After, f.BeforeValue, f.AfterValue = str(), str(), str(), str()
			f.Subject, f.BeforeSentence, f.AfterSentence, f.Detail = str(), str(), str(), str()
		}
		return fs
	}
	c.Facts = list()
	if !bad && len(s) > 0 {
		// The encoder writes this section only when it is not empty.
		if c.SinceFirst = list(); len(c.SinceFirst) == 0 {
			bad = true
		}
	}
	if bad || len(s) != 0 {
		return errBadChange
	}
	return nil
}
