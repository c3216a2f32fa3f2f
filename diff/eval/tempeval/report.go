package tempeval

import (
	"fmt"
	"strings"

	"github.com/storywatch/storywatch/diff/facts/timex"
)

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
