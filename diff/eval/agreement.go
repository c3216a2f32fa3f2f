package eval

import (
	"fmt"
	"strings"

	"github.com/storywatch/storywatch/diff/eval/devset"
	"github.com/storywatch/storywatch/diff/facts"
)

// Agreement is how far two people's labels of the same real pairs agree,
// and how the fact layer scores against each of them on those pairs: the
// ceiling a score against one labeller's labels can be read against.
type Agreement struct {
	// Strict scores the second labeller against the first with the
	// scorer's own key rule (sameKeys), as the fact layer is scored.
	Strict Report
	// Overlap counts two labels as one change when their kinds are equal
	// and their keys overlap in the text they were taken from: two people
	// often key one fact by different words ("44 people", "toll rose to
	// 44"), which the key rule, written for the extractor's whole-fact
	// keys, would count as a disagreement.
	Overlap Report
	// First and Second score the fact layer against each labeller's labels
	// of the shared pairs.
	First, Second Report
}

// ScoreAgreement reads two label directories of real pairs (see
// devset.LoadReal) and compares them on the pairs both labelled; pairs a
// labeller skipped are left out.
func ScoreAgreement(first, second, corpus string) (Agreement, error) {
	a, err := devset.LoadReal(first, corpus)
	if err != nil {
		return Agreement{}, fmt.Errorf("load first labels: %w", err)
	}
	b, err := devset.LoadReal(second, corpus)
	if err != nil {
		return Agreement{}, fmt.Errorf("load second labels: %w", err)
	}
	byName := make(map[string]devset.Pair, len(a))
	for _, p := range a {
		byName[p.Name] = p
	}
	var firsts, seconds []devset.Pair
	for _, p := range b {
		if q, ok := byName[p.Name]; ok {
			firsts, seconds = append(firsts, q), append(seconds, p)
		}
	}
	if len(firsts) == 0 {
		return Agreement{}, fmt.Errorf("compare labels of %s and %s: no pair labelled in both: %w", first, second, devset.ErrDevSet)
	}
	secondOf := make(map[string][]devset.GoldChange, len(seconds))
	for _, p := range seconds {
		secondOf[p.Name] = p.Expected
	}
	asChanges := func(p devset.Pair) []facts.Change {
		gs := secondOf[p.Name]
		out := make([]facts.Change, len(gs))
		for i, g := range gs {
			out[i] = facts.Change{Kind: Kind(g.Kind), Before: g.Before, After: g.After}
		}
		return out
	}
	var ag Agreement
	ag.Strict = scoreWith(firsts, asChanges, sameKeys)
	ag.Overlap = scoreWith(firsts, asChanges, func(p devset.Pair, g facts.Change, w devset.GoldChange) bool {
		return g.Kind == Kind(w.Kind) && keysOverlap(p.Old, g.Before, w.Before) && keysOverlap(p.New, g.After, w.After)
	})
	ag.First, ag.Second = ScorePairs(firsts), ScorePairs(seconds)
	return ag, nil
}

// keysOverlap says whether two keys of one side name the same words of
// text: both empty, matching by the scorer's key rule, or some occurrence
// of one overlapping some occurrence of the other (case folded).
func keysOverlap(text, a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	if textMatch(a, b) {
		return true
	}
	// lengths of the folded keys: folding may change a key's length
	lt, la, lb := strings.ToLower(text), strings.ToLower(a), strings.ToLower(b)
	as, bs := occurrences(lt, la), occurrences(lt, lb)
	for _, x := range as {
		for _, y := range bs {
			if x < y+len(lb) && y < x+len(la) {
				return true
			}
		}
	}
	return false
}

// occurrences lists the byte offsets where key starts in text.
func occurrences(text, key string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(text[i:], key)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 1
	}
}
