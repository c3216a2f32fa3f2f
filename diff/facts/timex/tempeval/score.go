// Package tempeval scores a temporal tagger against TimeML corpora the
// TempEval-3 way.
//
// Matching is one-to-one: each gold TIMEX3 pairs with at most one system
// expression, the first unused one with the same span, else the first
// unused one that overlaps it. Strict counts identical spans, relaxed
// counts overlaps. Attribute scores follow the official TempEval-3 script:
// value (type) precision is the number of relaxed matches with the right
// value (type) over all system expressions, recall the same over all gold
// ones, and value F1 their harmonic mean, which equals value accuracy on
// relaxed matches times relaxed F1.
package tempeval

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts/timex"
)

// Score counts the outcome of matching system against gold expressions.
type Score struct {
	Gold, System              int // expressions in gold and system output
	StrictMatch, RelaxedMatch int // pairs with identical / overlapping spans
	ValueCorrect, TypeCorrect int // relaxed pairs with equal value / type
}

// Add adds the counts of o to s.
func (s *Score) Add(o Score) {
	s.Gold += o.Gold
	s.System += o.System
	s.StrictMatch += o.StrictMatch
	s.RelaxedMatch += o.RelaxedMatch
	s.ValueCorrect += o.ValueCorrect
	s.TypeCorrect += o.TypeCorrect
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// StrictP is the strict precision.
func (s Score) StrictP() float64 { return ratio(s.StrictMatch, s.System) }

// StrictR is the strict recall.
func (s Score) StrictR() float64 { return ratio(s.StrictMatch, s.Gold) }

// StrictF1 is the strict F1.
func (s Score) StrictF1() float64 { return f1(s.StrictP(), s.StrictR()) }

// RelaxedP is the relaxed (overlap) precision.
func (s Score) RelaxedP() float64 { return ratio(s.RelaxedMatch, s.System) }

// RelaxedR is the relaxed (overlap) recall.
func (s Score) RelaxedR() float64 { return ratio(s.RelaxedMatch, s.Gold) }

// RelaxedF1 is the relaxed F1.
func (s Score) RelaxedF1() float64 { return f1(s.RelaxedP(), s.RelaxedR()) }

// ValueF1 is the TempEval-3 value F1 (see the package comment).
func (s Score) ValueF1() float64 {
	return f1(ratio(s.ValueCorrect, s.System), ratio(s.ValueCorrect, s.Gold))
}

// TypeF1 is the TempEval-3 type F1.
func (s Score) TypeF1() float64 {
	return f1(ratio(s.TypeCorrect, s.System), ratio(s.TypeCorrect, s.Gold))
}

// ValueAccuracy is the share of relaxed matches with the gold value.
func (s Score) ValueAccuracy() float64 { return ratio(s.ValueCorrect, s.RelaxedMatch) }

// TypeAccuracy is the share of relaxed matches with the gold type.
func (s Score) TypeAccuracy() float64 { return ratio(s.TypeCorrect, s.RelaxedMatch) }

// Corpus is the score of one directory of .tml files.
type Corpus struct {
	Name  string
	Files int
	Score Score
}

// Error is one disagreement between system and gold, for error analysis.
type Error struct {
	File string
	// Kind is "missed" (gold without a match), "spurious" (system without
	// a match), "span" (relaxed but not strict match), "value" or "type".
	Kind    string
	Gold    timex.Expr // zero for "spurious"
	System  timex.Expr // zero for "missed"
	Context string     // the text around the expression
}

// Report is the result of ScoreDir.
type Report struct {
	Corpora []Corpus // one per directory holding .tml files, by name
	Total   Score
	Errors  []Error
}

// String renders the report as a table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %5s %5s %5s | %-17s | %-17s | %6s %6s %6s\n",
		"corpus", "files", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "valF1", "typeF1", "typAcc")
	row := func(name string, files int, s Score) {
		fmt.Fprintf(&b, "%-10s %5d %5d %5d | %.3f %.3f %.3f | %.3f %.3f %.3f | %6.3f %6.3f %6.3f\n",
			name, files, s.Gold, s.System, s.StrictP(), s.StrictR(), s.StrictF1(),
			s.RelaxedP(), s.RelaxedR(), s.RelaxedF1(), s.ValueF1(), s.TypeF1(), s.TypeAccuracy())
	}
	files := 0
	for _, c := range r.Corpora {
		row(c.Name, c.Files, c.Score)
		files += c.Files
	}
	row("TOTAL", files, r.Total)
	return b.String()
}

// Finder is the signature of timex.Find.
type Finder func(text string, ref time.Time) []timex.Expr

// ScoreDir scores find on every *.tml file under dir (recursively), with
// each document's creation time as the reference. Files are grouped into
// corpora by the directory that holds them.
func ScoreDir(dir string, find func(text string, ref time.Time) []timex.Expr) (Report, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return Report{}, fmt.Errorf("walk %s: %w", dir, err)
	}
	sort.Strings(paths)
	var r Report
	byName := map[string]int{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return Report{}, fmt.Errorf("read %s: %w", path, err)
		}
		doc, err := ParseTML(data)
		if err != nil {
			return Report{}, fmt.Errorf("parse %s: %w", path, err)
		}
		s, errs := ScoreDoc(doc, find(doc.Text, doc.DCT))
		for k := range errs {
			errs[k].File = filepath.Base(path)
		}
		r.Errors = append(r.Errors, errs...)
		name := corpusName(dir, path)
		k, ok := byName[name]
		if !ok {
			k = len(r.Corpora)
			byName[name] = k
			r.Corpora = append(r.Corpora, Corpus{Name: name})
		}
		r.Corpora[k].Files++
		r.Corpora[k].Score.Add(s)
		r.Total.Add(s)
	}
	sort.Slice(r.Corpora, func(a, b int) bool { return r.Corpora[a].Name < r.Corpora[b].Name })
	return r, nil
}

// corpusName names the corpus of path: its directory relative to root, or
// root's own name for files directly in it.
func corpusName(root, path string) string {
	rel, err := filepath.Rel(root, filepath.Dir(path))
	if err != nil || rel == "." {
		return filepath.Base(filepath.Clean(root))
	}
	return filepath.ToSlash(rel)
}

// ScoreDoc matches system expressions against the gold ones of doc.
func ScoreDoc(doc Doc, sys []timex.Expr) (Score, []Error) {
	s := Score{Gold: len(doc.Timexes), System: len(sys)}
	used := make([]bool, len(sys))
	var errs []Error
	ctx := func(a, b int) string {
		a, b = max(a-40, 0), min(b+40, len(doc.Text))
		return strings.ReplaceAll(doc.Text[a:b], "\n", " ")
	}
	for _, g := range doc.Timexes {
		ge := timex.Expr{Start: g.Start, End: g.End, Text: g.Text, Type: g.Type, Value: g.Value, Mod: g.Mod}
		best := -1
		for k, e := range sys {
			if used[k] || e.End <= g.Start || e.Start >= g.End {
				continue
			}
			if e.Start == g.Start && e.End == g.End {
				best = k
				break
			}
			if best < 0 {
				best = k
			}
		}
		if best < 0 {
			errs = append(errs, Error{Kind: "missed", Gold: ge, Context: ctx(g.Start, g.End)})
			continue
		}
		used[best] = true
		e := sys[best]
		s.RelaxedMatch++
		if e.Start == g.Start && e.End == g.End {
			s.StrictMatch++
		} else {
			errs = append(errs, Error{Kind: "span", Gold: ge, System: e, Context: ctx(g.Start, g.End)})
		}
		if e.Value == g.Value {
			s.ValueCorrect++
		} else {
			errs = append(errs, Error{Kind: "value", Gold: ge, System: e, Context: ctx(g.Start, g.End)})
		}
		if e.Type == g.Type {
			s.TypeCorrect++
		} else {
			errs = append(errs, Error{Kind: "type", Gold: ge, System: e, Context: ctx(g.Start, g.End)})
		}
	}
	for k, e := range sys {
		if !used[k] {
			errs = append(errs, Error{Kind: "spurious", System: e, Context: ctx(e.Start, e.End)})
		}
	}
	return s, errs
}
