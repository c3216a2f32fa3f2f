// Package eval measures the fact layer against labelled data: the summit
// development and held-out sets written for the project, and labels of
// real article revisions whose texts stay outside the repository. It is a
// harness: nothing in the pipeline imports it.
package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/storywatch/storywatch/diff/eval/devset"
	"github.com/storywatch/storywatch/diff/facts"
)

// SmallEdit is the most labelled changes a pair may have to count as a
// small edit in Report.Small.
const SmallEdit = 5

// Kind is a fact kind, as in package facts.
type Kind = facts.Kind

// Score counts true positives, false positives and false negatives.
type Score struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *Score) add(o Score) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// Report is the outcome of scoring a dev set.
type Report struct {
	Pairs         int            // pairs scored
	NoChangePairs int            // pairs that expect no change
	Kinds         map[Kind]Score // per kind
	Total         Score          // over all kinds
	// NoChangeFailures names the no-change pairs that produced a change.
	NoChangeFailures []string
	// Reported counts every change the extractor reported, over all pairs.
	Reported int
	// Patterns scores the pairs by the edit patterns their labels name.
	Patterns map[string]Score
	// Small scores the pairs of at most SmallEdit labelled changes (no-change
	// pairs included), Large the others: rewrites of a live story carry tens
	// of changes each and would otherwise weigh most in Total.
	Small, Large Score
	// Errors lists every false positive and false negative, one per line.
	Errors []string
}

// String renders the report as a table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "pairs %d (no-change %d, clean %d); %.2f changes reported per pair\n", r.Pairs, r.NoChangePairs,
		r.NoChangePairs-len(r.NoChangeFailures), float64(r.Reported)/float64(max(r.Pairs, 1)))
	fmt.Fprintf(&b, "%-9s %4s %4s %4s %6s %6s %6s\n", "kind", "TP", "FP", "FN", "P", "R", "F1")
	kinds := make([]string, 0, len(r.Kinds))
	for k := range r.Kinds {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	row := func(name string, s Score) {
		fmt.Fprintf(&b, "%-9s %4d %4d %4d %6.3f %6.3f %6.3f\n", name, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	for _, k := range kinds {
		row(k, r.Kinds[Kind(k)])
	}
	row("all", r.Total)
	if len(r.NoChangeFailures) > 0 {
		fmt.Fprintf(&b, "no-change pairs with changes: %s\n", strings.Join(r.NoChangeFailures, ", "))
	}
	if r.Small != (Score{}) || r.Large != (Score{}) {
		fmt.Fprintf(&b, "by size of the edit:\n")
		row(fmt.Sprintf("  <=%d", SmallEdit), r.Small)
		row(fmt.Sprintf("  >%d", SmallEdit), r.Large)
	}
	if len(r.Patterns) > 0 {
		pats := make([]string, 0, len(r.Patterns))
		for p := range r.Patterns {
			pats = append(pats, p)
		}
		sort.Strings(pats)
		fmt.Fprintf(&b, "by edit pattern (pairs tagged with it):\n")
		for _, p := range pats {
			row("  "+p, r.Patterns[p])
		}
	}
	return b.String()
}

// ScoreDevSet runs facts.Compare on every pair of the dev set in dir and scores
// the changes against the expected ones. A predicted change matches an
// expected one when the kinds are equal and both Before and After match:
// both empty, or equal after normalisation (case, whitespace, quote marks
// and surrounding punctuation), or one contains the other as whole words
// (so "$90 billion" matches "about $90 billion" and "the next two weeks"
// matches "within the next two weeks"). Matching is one to one.
func ScoreDevSet(dir string) (Report, error) {
	pairs, err := devset.Load(dir)
	if err != nil {
		return Report{}, err
	}
	return ScorePairs(pairs), nil
}

// ScoreReal scores the labelled real revisions: labels from the labels
// directory, texts from the corpus directory (see devset.LoadReal).
func ScoreReal(labels, corpus string) (Report, error) {
	pairs, err := devset.LoadReal(labels, corpus)
	if err != nil {
		return Report{}, err
	}
	return ScorePairs(pairs), nil
}

// ScorePairs runs facts.Compare on every pair and scores the changes
// against the expected ones.
func ScorePairs(pairs []devset.Pair) Report {
	return scoreWith(pairs, func(p devset.Pair) []facts.Change { return facts.Compare(p.Old, p.New, p.Published) }, sameKeys)
}

// scoreWith scores the changes predict gives for each pair against the
// pair's expected ones, matched by match.
func scoreWith(pairs []devset.Pair, predict func(devset.Pair) []facts.Change, match matcher) Report {
	r := Report{Kinds: map[Kind]Score{}, Patterns: map[string]Score{}}
	for _, p := range pairs {
		got := predict(p)
		r.Reported += len(got)
		r.Pairs++
		if len(p.Expected) == 0 {
			r.NoChangePairs++
			if len(got) > 0 {
				r.NoChangeFailures = append(r.NoChangeFailures, p.Name)
			}
		}
		scores, errs := scorePair(got, p.Expected, func(g facts.Change, w devset.GoldChange) bool { return match(p, g, w) })
		for k, s := range scores {
			ks := r.Kinds[k]
			ks.add(s)
			r.Kinds[k] = ks
			r.Total.add(s)
		}
		var pairScore Score
		for _, sc := range scores {
			pairScore.add(sc)
		}
		if len(p.Expected) <= SmallEdit {
			r.Small.add(pairScore)
		} else {
			r.Large.add(pairScore)
		}
		for _, pat := range p.Patterns {
			ps := r.Patterns[pat]
			ps.add(pairScore)
			r.Patterns[pat] = ps
		}
		for _, e := range errs {
			r.Errors = append(r.Errors, p.Name+": "+e)
		}
	}
	return r
}

// scorePair matches predicted against expected changes of one pair; match
// says whether a prediction is the expected change.
func scorePair(got []facts.Change, want []devset.GoldChange, match func(facts.Change, devset.GoldChange) bool) (map[Kind]Score, []string) {
	scores := map[Kind]Score{}
	used := make([]bool, len(got))
	var errs []string
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && match(g, w) {
				used[i], found = true, true
				break
			}
		}
		s := scores[Kind(w.Kind)]
		if found {
			s.TP++
		} else {
			s.FN++
			errs = append(errs, fmt.Sprintf("FN %s %q -> %q", w.Kind, w.Before, w.After))
		}
		scores[Kind(w.Kind)] = s
	}
	for i, g := range got {
		if used[i] {
			continue
		}
		s := scores[g.Kind]
		s.FP++
		scores[g.Kind] = s
		errs = append(errs, fmt.Sprintf("FP %s %q -> %q (%s) [%s | %s]", g.Kind, g.Before, g.After, g.Detail, g.BeforeSentence, g.AfterSentence))
	}
	return scores, errs
}

// matcher says whether change g of pair p is the expected change w.
type matcher func(p devset.Pair, g facts.Change, w devset.GoldChange) bool

// sameKeys is the matching rule of ScoreDevSet.
func sameKeys(_ devset.Pair, g facts.Change, w devset.GoldChange) bool {
	return g.Kind == Kind(w.Kind) && textMatch(g.Before, w.Before) && textMatch(g.After, w.After)
}

// textMatch implements the matching rule of ScoreDevSet for one side.
func textMatch(got, want string) bool {
	g, w := normGold(got), normGold(want)
	if g == "" || w == "" {
		return g == w
	}
	return g == w || strings.Contains(" "+g+" ", " "+w+" ") || strings.Contains(" "+w+" ", " "+g+" ")
}

// normGold lower-cases s, unifies quote marks and drops punctuation at
// word edges, so "“very good,”" equals "very good".
func normGold(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "«", "\"", "»", "\"", "„", "\"",
		// glued by the scraper ("EDITOR’S NOTE:This story"): a word edge
		":", ": ", ";", "; ",
		// an ellipsis or a bracket inside a word ("me…Why", "weapon(s)")
		// is a word edge too
		"…", " … ", "(", " (", ")", ") ",
		// "$4.12" holds the figure "4.12"
		"$", "$ ", "€", "€ ", "£", "£ ").Replace(s)
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, "\"'.,;:!?()—–-…")
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
