package bolt

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

// A delta rebuilds a target from a base as a list of operations:
//
//	uvarint(n<<1 | 0) followed by n literal bytes   insert
//	uvarint(n<<1 | 1) uvarint(offset)               copy n bytes of base from offset
//
// Edits to a news story touch a few words, so a delta against the article's
// keyframe is tiny and is read back in one pass without hash tables. (A zstd
// raw dictionary gives similar sizes but rebuilds megabyte-sized match
// tables for every new dictionary, which made each write cost milliseconds.)

const (
	deltaMinMatch = 12 // shorter matches cost more as a copy op than as literals
	deltaHashLen  = 8  // bytes hashed to find match candidates
	deltaStep     = 4  // index every 4th base position; matches grow backwards
)

var errBadDelta = errors.New("decode version: corrupt delta")

// encodeDelta returns the operations that turn base into target.
func encodeDelta(base, target []byte) []byte {
	out := make([]byte, 0, 64)
	if len(base) < deltaHashLen || len(target) < deltaMinMatch {
		return appendInsert(out, target)
	}
	// Hash table of every deltaStep-th base position: power-of-two size, two
	// slots per indexed position (up to 128k), last position wins.
	shift := 64 - uint(min(bits.Len(uint(len(base)/deltaStep))+1, 17))
	table := make([]int32, 1<<(64-shift))
	for i := range table {
		table[i] = -1
	}
	hash := func(b []byte) uint64 { return (binary.LittleEndian.Uint64(b) * 0x9E3779B97F4A7C15) >> shift }
	for j := 0; j+deltaHashLen <= len(base); j += deltaStep {
		table[hash(base[j:])] = int32(j)
	}

	lit := 0 // start of pending literals in target
	for i := 0; i+deltaHashLen <= len(target); {
		j := int(table[hash(target[i:])])
		if j < 0 {
			i++
			continue
		}
		n := 0
		for i+n < len(target) && j+n < len(base) && target[i+n] == base[j+n] {
			n++
		}
		// Grow the match backwards into the pending literals.
		back := 0
		for i-back > lit && j-back > 0 && target[i-back-1] == base[j-back-1] {
			back++
		}
		if n+back < deltaMinMatch {
			i++
			continue
		}
		i, j, n = i-back, j-back, n+back
		out = appendInsert(out, target[lit:i])
		out = binary.AppendUvarint(out, uint64(n)<<1|1)
		out = binary.AppendUvarint(out, uint64(j))
		i += n
		lit = i
	}
	return appendInsert(out, target[lit:])
}

func appendInsert(out, lit []byte) []byte {
	if len(lit) == 0 {
		return out
	}
	out = binary.AppendUvarint(out, uint64(len(lit))<<1)
	return append(out, lit...)
}

// applyDelta rebuilds the target of delta from base. sizeHint presizes the
// result; corrupt input yields errBadDelta, never a panic.
func applyDelta(base, delta []byte, sizeHint int) ([]byte, error) {
	out := make([]byte, 0, max(sizeHint, 0))
	for len(delta) > 0 {
		op, k := binary.Uvarint(delta)
		if k <= 0 {
			return nil, errBadDelta
		}
		delta = delta[k:]
		n := op >> 1
		if n > maxDecoded-uint64(len(out)) {
			return nil, errBadDelta
		}
		if op&1 == 0 {
			if n > uint64(len(delta)) {
				return nil, errBadDelta
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
			continue
		}
		off, k := binary.Uvarint(delta)
		if k <= 0 || off > uint64(len(base)) || n > uint64(len(base))-off {
			return nil, errBadDelta
		}
		delta = delta[k:]
		out = append(out, base[off:off+n]...)
	}
	return out, nil
}
