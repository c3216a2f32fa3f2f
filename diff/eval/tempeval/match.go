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
