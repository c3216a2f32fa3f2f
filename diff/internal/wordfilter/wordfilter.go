// Package wordfilter is a small Bloom-style filter over words, shared by the
// fact extractors and the date tagger.
package wordfilter

// Filter answers "certainly not a key" for most words not in a set, at a
// fraction of the cost of a map lookup: most words of a text are in no word
// list, and the map lookup per token was a large share of the extractors'
// and the tagger's time. It has no false negatives, so a filtered lookup
// finds exactly what the plain lookup finds. The zero value is empty.
type Filter struct {
	bits [filterBits / 64]uint64
}

// filterBits is the filter size: with a few thousand keys, about one word
// in twenty that is not a key still passes to the map.
const filterBits = 1 << 16

// hashWord is FNV-1a, inlined and cheap for short words.
func hashWord(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// Add records w as a key.
func (f *Filter) Add(w string) {
	h := hashWord(w) % filterBits
	f.bits[h/64] |= 1 << (h % 64)
}

// MayHave reports false only when w was never added.
func (f *Filter) MayHave(w string) bool {
	h := hashWord(w) % filterBits
	return f.bits[h/64]&(1<<(h%64)) != 0
}
