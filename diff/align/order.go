package align

import (
	"cmp"
	"slices"
)

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
