package facts

import (
	"math/rand"
	"strings"
	"testing"
)

// TestCompareParagraphShuffleIsNoChange reorders the paragraphs of the
// seed article: an editor's reorder must report nothing, even for quotes
// attributed by a pronoun whose antecedent moved.
func TestCompareParagraphShuffleIsNoChange(t *testing.T) {
	seed := seedText(t)
	lines := strings.Split(strings.TrimSpace(seed), "\n")
	r := rand.New(rand.NewSource(1))
	for k := range 8 {
		r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
		nw := strings.Join(lines, "\n")
		for _, c := range Compare(seed, nw, pub) {
			t.Errorf("shuffle %d: %s %q -> %q (%s)", k, c.Kind, c.Before, c.After, c.Detail)
		}
	}
}
