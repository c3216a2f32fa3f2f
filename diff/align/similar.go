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
