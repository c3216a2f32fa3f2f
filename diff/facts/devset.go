package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// GoldChange is one expected fact change of a dev-set pair: the kind and
// the fact's words before and after ("" when added or removed).
type GoldChange struct {
	Kind   Kind   `yaml:"kind"`
	Before string `yaml:"before"`
	After  string `yaml:"after"`
}

// Edit replaces the single occurrence of From with To.
type Edit struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// DevPair is one labelled pair of article versions. The old text is given
// inline (Old) or as a file beside the pair (OldFile); the new text inline
// (New) or as edits of the old one (Edits), which keeps variants of a long
// article short and their differences obvious.
type DevPair struct {
	Name      string       `yaml:"-"`
	Published time.Time    `yaml:"published"`
	Note      string       `yaml:"note"`
	Old       string       `yaml:"old"`
	OldFile   string       `yaml:"old_file"`
	New       string       `yaml:"new"`
	Edits     []Edit       `yaml:"edits"`
	Expected  []GoldChange `yaml:"expected"`
}

// LoadDevPair reads one pair file and resolves OldFile and Edits.
func LoadDevPair(path string) (DevPair, error) {
	var p DevPair
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

// LoadDevSet reads every *.yaml pair in dir, in name order.
func LoadDevSet(dir string) ([]DevPair, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list dev set: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("list dev set %s: no pairs: %w", dir, ErrDevSet)
	}
	out := make([]DevPair, 0, len(paths))
	for _, p := range paths {
		dp, err := LoadDevPair(p)
		if err != nil {
			return nil, err
		}
		out = append(out, dp)
	}
	return out, nil
}
