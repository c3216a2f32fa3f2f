package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCueIndexSameAsStartsWord checks the one-pass cue test against its
// definition: startsWord over the lowered sentence, cue by cue.
func TestCueIndexSameAsStartsWord(t *testing.T) {
	want := func(s string, cues []string) bool {
		low := strings.ToLower(s)
		for _, c := range cues {
			if startsWord(low, c) {
				return true
			}
		}
		return false
	}
	parts := []string{"The", "the", "Day", "days", "2", "20", "2026", "$90", "90", "billion", "Istanbul", "İstanbul", "ÉTÉ", "été",
		"earlier version", "Earlier Version", "correct", "INCORRECT", " ", " ", ",", ".", "(", "’", "'", "-", "x", "Ünter", "K", "k",
		"“", "”", "—", "\xff", "\xe2\x80", "\ufffd", "ẞ", "ß"}
	cuePool := []string{"", "the", "day", "2", "20", "90", "billion", "istanbul", "i̇stanbul", "été", "earlier version", "correct",
		"k", "unter", "ünter", "’", "-x", "(2", "“the", "\ufffd", "ß", "ss"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		var cues []string
		for range rng.IntN(5) {
			cues = append(cues, cuePool[rng.IntN(len(cuePool))])
		}
		if got, w := newCueIndex(cues).in(s), want(s, cues); got != w {
			t.Fatalf("cueIndex(%q).in(%q) = %v, want %v", cues, s, got, w)
		}
	}
}
