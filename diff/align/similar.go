package align

import (
	"cmp"
	"slices"
)

// Token ids 0 and 1 are the masks; a pair needs a shared word beyond them,
// or two sentences that both say only "on Monday" would look equal.
const (
	idNumber int32 = iota
	idDate
	firstWordID
)

// maxCandidates is how many old sentences a new sentence may be paired
// with, its most similar ones. A sentence in an article is like a few
// others at most; a page of thousands of look-alike sentences (a live blog
// of templated entries, a hostile page) would otherwise make a candidate
// of every old and new pair: 8,000 such sentences edited throughout took
// 52 s and 6.9 GB to align.
const maxCandidates = 32

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
	better := func(a, b candidate) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		return cmp.Compare(a.new, b.new)
	}
	var cands, own []candidate
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
					own = keepBest(own, candidate{old: int(i), new: j, score: s, dist: max(d, -d)}, better)
				}
			}
			shared[i], real[i] = 0, false
		}
		touched = touched[:0]
		cands = append(cands, own...)
		own = own[:0]
	}
	slices.SortFunc(cands, better)
	for _, c := range cands {
		if m.oldTo[c.old] < 0 && m.newTo[c.new] < 0 {
			m.pair(c.old, c.new, c.score, false)
		}
	}
}

// keepBest adds c to best, a heap of at most maxCandidates candidates with
// the worst (by cmp) at its root, when there is room or c is better than
// the worst of them, which it then replaces.
func keepBest[T any](best []T, c T, cmp func(a, b T) int) []T {
	if len(best) < maxCandidates {
		best = append(best, c)
		for i := len(best) - 1; i > 0; {
			p := (i - 1) / 2
			if cmp(best[i], best[p]) <= 0 {
				break
			}
			best[i], best[p] = best[p], best[i]
			i = p
		}
		return best
	}
	if cmp(c, best[0]) >= 0 {
		return best
	}
	best[0] = c
	for i := 0; ; {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(best) && cmp(best[l], best[w]) > 0 {
			w = l
		}
		if r < len(best) && cmp(best[r], best[w]) > 0 {
			w = r
		}
		if w == i {
			return best
		}
		best[i], best[w] = best[w], best[i]
		i = w
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
