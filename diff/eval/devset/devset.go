// Package devset loads labelled version pairs: the summit development and
// held-out sets (texts written for the project) and the labels of real
// article revisions (texts read from outside the repository). It knows
// nothing of the extractor, so the fact package's own tests can read the
// same texts without an import cycle.
package devset

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// ErrDevSet reports a malformed pair file.
var ErrDevSet = errors.New("devset: malformed pair")

// GoldChange is one expected fact change of a dev-set pair: the kind and
// the fact's words before and after ("" when added or removed).
type GoldChange struct {
	Kind   string `yaml:"kind"`
	Before string `yaml:"before"`
	After  string `yaml:"after"`
}

// Edit replaces the single occurrence of From with To.
type Edit struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// Pair is one labelled pair of article versions. The old text is given
// inline (Old) or as a file beside the pair (OldFile); the new text inline
// (New) or as edits of the old one (Edits), which keeps variants of a long
// article short and their differences obvious.
type Pair struct {
	Name      string       `yaml:"-"`
	Published time.Time    `yaml:"published"`
	Note      string       `yaml:"note"`
	Patterns  []string     `yaml:"patterns"` // free tags of the edit: "rewrite", "quote-trim" …
	Old       string       `yaml:"old"`
	OldFile   string       `yaml:"old_file"`
	New       string       `yaml:"new"`
	Edits     []Edit       `yaml:"edits"`
	Expected  []GoldChange `yaml:"expected"`
}

// LoadPair reads one pair file and resolves OldFile and Edits.
func LoadPair(path string) (Pair, error) {
	var p Pair
	data, err := os.ReadFile(path)
	if err != nil {
		return p, fmt.Errorf("read dev pair: %w", err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return p, fmt.Errorf("parse %s: %w", path, err)
	}
	p.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if p.OldFile != "" {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), p.OldFile))
		if err != nil {
			return p, fmt.Errorf("read old_file of %s: %w", p.Name, err)
		}
		p.Old = string(b)
	}
	if p.New == "" {
		p.New = p.Old
		for _, e := range p.Edits {
			if n := strings.Count(p.New, e.From); n != 1 {
				return p, fmt.Errorf("apply edit %q in %s: found %d times: %w", e.From, p.Name, n, ErrDevSet)
			}
			p.New = strings.Replace(p.New, e.From, e.To, 1)
		}
	} else if len(p.Edits) > 0 {
		return p, fmt.Errorf("load %s: both new and edits: %w", p.Name, ErrDevSet)
	}
	if p.Old == "" || p.New == "" {
		return p, fmt.Errorf("load %s: empty text: %w", p.Name, ErrDevSet)
	}
	for _, g := range p.Expected {
		if g.Before == "" && g.After == "" {
			return p, fmt.Errorf("load %s: expected change with neither before nor after: %w", p.Name, ErrDevSet)
		}
	}
	return p, nil
}

// Load reads every *.yaml pair in dir, in name order.
func Load(dir string) ([]Pair, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list dev set: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("list dev set %s: no pairs: %w", dir, ErrDevSet)
	}
	out := make([]Pair, 0, len(paths))
	for _, p := range paths {
		dp, err := LoadPair(p)
		if err != nil {
			return nil, err
		}
		out = append(out, dp)
	}
	return out, nil
}

// Label is the label of one pair of real article versions. The texts are
// not in the repository (they are someone else's articles): Article names
// a folder of the corpus, whose vN.txt files hold the versions.
type Label struct {
	Article  string       `yaml:"article"`
	From     int          `yaml:"from"`
	To       int          `yaml:"to"`
	Note     string       `yaml:"note"`
	Patterns []string     `yaml:"patterns"`
	Skip     string       `yaml:"skip"` // why the pair is unusable; skipped pairs are not scored
	Expected []GoldChange `yaml:"expected"`
}

// LoadReal reads every *.yaml label in labels and the two versions each
// names from corpus (corpus/ARTICLE/vN.txt). A label with Skip set is left
// out. The publication time, which relative dates resolve against, is the
// date that starts the article's folder name (noon UTC), else the first
// version's scrape time from corpus/ARTICLE/meta.json.
func LoadReal(labels, corpus string) ([]Pair, error) {
	paths, err := filepath.Glob(filepath.Join(labels, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("list labels %s: no labels: %w", labels, ErrDevSet)
	}
	var out []Pair
	for _, path := range paths {
		var l Label
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read label: %w", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("parse %s: %w", path, err)
		}
		if l.Skip != "" {
			continue
		}
		if l.Article == "" || l.From < 1 || l.To <= l.From {
			return nil, fmt.Errorf("load %s: needs article, from >= 1 and to > from: %w", path, ErrDevSet)
		}
		p := Pair{Name: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), Note: l.Note,
			Patterns: l.Patterns, Expected: l.Expected}
		dir := filepath.Join(corpus, l.Article)
		if p.Old, err = readText(dir, l.From); err != nil {
			return nil, err
		}
		if p.New, err = readText(dir, l.To); err != nil {
			return nil, err
		}
		if p.Published, err = published(dir, l.Article); err != nil {
			return nil, err
		}
		for _, g := range p.Expected {
			if g.Before == "" && g.After == "" {
				return nil, fmt.Errorf("load %s: expected change with neither before nor after: %w", p.Name, ErrDevSet)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

func readText(dir string, v int) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("v%d.txt", v)))
	if err != nil {
		return "", fmt.Errorf("read version %d of %s: %w", v, filepath.Base(dir), err)
	}
	return string(b), nil
}

// published reads the publication time of a corpus article: the date its
// folder name starts with, else the first scrape time in meta.json.
func published(dir, name string) (time.Time, error) {
	if len(name) >= 10 {
		if t, err := time.Parse("2006-01-02", name[:10]); err == nil {
			return t.Add(12 * time.Hour), nil
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		return time.Time{}, fmt.Errorf("read publication time of %s: %w", name, err)
	}
	var meta struct {
		Versions []struct {
			ScrapedAt string `json:"scraped_at"`
		} `json:"versions"`
	}
	if err := json.Unmarshal(b, &meta); err != nil || len(meta.Versions) == 0 {
		return time.Time{}, fmt.Errorf("parse %s/meta.json: no scrape time: %w", name, ErrDevSet)
	}
	t, err := time.Parse(time.RFC3339Nano, meta.Versions[0].ScrapedAt)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse %s/meta.json scrape time: %w", name, err)
	}
	return t, nil
}
