package align

import (
	"cmp"
	"slices"
)

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
// Align costs one normalisation per sentence plus, for the sentences that
// are not unchanged, one pass over an index of content words; it does no
// pairwise string comparison.
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

// Token ids 0 and 1 are the masks; a pair needs a shared word beyond them,
// or two sentences that both say only "on Monday" would look equal.
const (
	idNumber int32 = iota
	idDate
	firstWordID
)

// matchSimilar pairs the remaining sentences by shared content words. Old
// sentences are indexed by word, so each new sentence only meets the old
// sentences it shares a word with.
func (m *matching) matchSimilar(old, new []Sentence) {
	ids := map[string]int32{MaskNumber: idNumber, MaskDate: idDate}
	oldToks := make([][]int32, len(old))
	var postings [][]int32
	for i := range old {
		if m.oldTo[i] >= 0 {
			continue
		}
		oldToks[i] = tokenIDs(old[i].Text, ids)
		for _, t := range oldToks[i] {
			for int(t) >= len(postings) {
				postings = append(postings, nil)
			}
			postings[t] = append(postings[t], int32(i))
		}
	}
	if len(postings) == 0 {
		return
	}
	type candidate struct {
		old, new int
		score    float64
		dist     float64 // distance of relative positions, for ties
	}
	var cands []candidate
	shared := make([]int32, len(old))
	real := make([]bool, len(old))
	var touched []int32
	for j := range new {
		if m.newTo[j] >= 0 {
			continue
		}
		toks := tokenIDs(new[j].Text, ids)
		for _, t := range toks {
			if int(t) >= len(postings) {
				continue
			}
			for _, i := range postings[t] {
				if shared[i] == 0 {
					touched = append(touched, i)
				}
				shared[i]++
				if t >= firstWordID {
					real[i] = true
				}
			}
		}
		for _, i := range touched {
			if real[i] {
				s := 2 * float64(shared[i]) / float64(len(oldToks[i])+len(toks))
				if s >= Threshold {
					d := relPos(int(i), len(old)) - relPos(j, len(new))
					cands = append(cands, candidate{old: int(i), new: j, score: s, dist: max(d, -d)})
				}
			}
			shared[i], real[i] = 0, false
		}
		touched = touched[:0]
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		return cmp.Compare(a.new, b.new)
	})
	for _, c := range cands {
		if m.oldTo[c.old] < 0 && m.newTo[c.new] < 0 {
			m.pair(c.old, c.new, c.score, false)
		}
	}
}

func relPos(i, n int) float64 { return float64(i) / float64(max(n, 1)) }

// tokenIDs returns the sorted, distinct content-word ids of s, interning
// new words into ids.
func tokenIDs(s string, ids map[string]int32) []int32 {
	var out []int32
	eachWord(s, func(w []byte) {
		w, mask, keep := classify(w)
		switch {
		case mask == MaskNumber:
			out = append(out, idNumber)
		case mask == MaskDate:
			out = append(out, idDate)
		case keep:
			id, ok := ids[string(w)]
			if !ok {
				id = int32(len(ids))
				ids[string(w)] = id
			}
			out = append(out, id)
		}
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// links orders the pairs into links. The longest run of pairs that keeps
// its order (LIS of old indexes taken in new order) stays in place; any
// other pair crossed it and is a Move.
func (m *matching) links() []Link {
	var seq []int // new indexes of the pairs, in new order
	for j, i := range m.newTo {
		if i >= 0 {
			seq = append(seq, j)
		}
	}
	kept := make([]bool, len(m.newTo))
	var anchors []int // old indexes of the kept pairs, increasing
	for _, k := range lis(seq, func(j int) int { return m.newTo[j] }) {
		kept[seq[k]] = true
		anchors = append(anchors, m.newTo[seq[k]])
	}

	links := make([]Link, 0, len(m.oldTo)+len(m.newTo))
	nextOld := 0
	// deletes emits the unpaired old sentences before old index upTo.
	deletes := func(upTo int) {
		for ; nextOld < upTo; nextOld++ {
			if m.oldTo[nextOld] < 0 {
				links = append(links, Link{Op: Delete, Old: nextOld, New: -1})
			}
		}
	}
	anchorAfter := func(a int) int {
		if a < len(anchors) {
			return anchors[a]
		}
		return len(m.oldTo)
	}
	a := 0
	deletes(anchorAfter(0))
	for j, i := range m.newTo {
		switch {
		case i < 0:
			links = append(links, Link{Op: Insert, Old: -1, New: j})
		case kept[j]:
			op := Change
			if m.exact[j] {
				op = Equal
			}
			links = append(links, Link{Op: op, Old: i, New: j, Score: m.score[j]})
			a++
			deletes(anchorAfter(a))
		default:
			links = append(links, Link{Op: Move, Old: i, New: j, Score: m.score[j]})
		}
	}
	deletes(len(m.oldTo))
	return links
}

// lis returns the positions in seq of a longest strictly increasing
// subsequence of key(seq[k]), in order. O(n log n).
func lis(seq []int, key func(int) int) []int {
	if len(seq) == 0 {
		return nil
	}
	tails := make([]int, 0, len(seq)) // tails[l]: position ending the best run of length l+1
	prev := make([]int, len(seq))
	for k, v := range seq {
		x := key(v)
		l, _ := slices.BinarySearchFunc(tails, x, func(t, x int) int { return cmp.Compare(key(seq[t]), x) })
		if l > 0 {
			prev[k] = tails[l-1]
		} else {
			prev[k] = -1
		}
		if l == len(tails) {
			tails = append(tails, k)
		} else {
			tails[l] = k
		}
	}
	out := make([]int, len(tails))
	for k, l := tails[len(tails)-1], len(tails)-1; l >= 0; k, l = prev[k], l-1 {
		out[l] = k
	}
	return out
}
