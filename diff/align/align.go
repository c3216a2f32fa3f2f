package align

// Threshold is the least similarity (Dice coefficient over the sets of
// content words, numbers and dates masked) for two different sentences to be
// paired as a Change or a reworded Move. Tuned on the seed article: reworded
// sentences score 0.75–1 (a changed figure or day alone scores 1), while the
// most alike pair of different sentences in it scores 0.40.
const Threshold = 0.5

// Align aligns the sentences of two versions. Every old and every new
// sentence appears in exactly one link. Links come in new-document order,
// with deleted sentences placed where they stood (after the kept sentence
// that preceded them).
//
// Align hashes every sentence once, normalises only the sentences that are
// not equal byte for byte, and looks up the rest in an index of content
// words; it does no pairwise string comparison.
func Align(old, new []Sentence) []Link {
	m := newMatching(len(old), len(new))
	m.matchEqual(old, new)
	m.matchSimilar(old, new)
	return m.links()
}

// matching holds the pairs found so far.
type matching struct {
	oldTo []int     // old index -> new index, -1 when unpaired
	newTo []int     // new index -> old index, -1 when unpaired
	score []float64 // by new index
	exact []bool    // by new index: paired by equal normalised text
}

func newMatching(nOld, nNew int) *matching {
	m := &matching{
		oldTo: make([]int, nOld),
		newTo: make([]int, nNew),
		score: make([]float64, nNew),
		exact: make([]bool, nNew),
	}
	for i := range m.oldTo {
		m.oldTo[i] = -1
	}
	for j := range m.newTo {
		m.newTo[j] = -1
	}
	return m
}

func (m *matching) pair(i, j int, score float64, exact bool) {
	m.oldTo[i], m.newTo[j], m.score[j], m.exact[j] = j, i, score, exact
}

// matchEqual pairs sentences with equal normalised text; repeated sentences
// pair up in order. Most sentences of a new version are byte-for-byte
// unchanged, so raw text is matched first (Go's string hash is fast) and
// only the rest is normalised.
func (m *matching) matchEqual(old, new []Sentence) {
	byText := make(map[string][]int, len(old))
	for i := range old {
		byText[old[i].Text] = append(byText[old[i].Text], i)
	}
	for j := range new {
		if q := byText[new[j].Text]; len(q) > 0 {
			m.pair(q[0], j, 1, true)
			byText[new[j].Text] = q[1:]
		}
	}
	byHash := make(map[uint64][]int)
	for i := range old {
		if m.oldTo[i] < 0 {
			k := normHash(old[i].Text)
			byHash[k] = append(byHash[k], i)
		}
	}
	for j := range new {
		if m.newTo[j] >= 0 {
			continue
		}
		k := normHash(new[j].Text)
		q := byHash[k]
		for n, i := range q {
			// Equal hashes are checked in full: a collision must not
			// hide a change.
			if Normalize(old[i].Text) == Normalize(new[j].Text) {
				m.pair(i, j, 1, true)
				byHash[k] = append(q[:n:n], q[n+1:]...)
				break
			}
		}
	}
}
