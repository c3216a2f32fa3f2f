package tempeval

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts/timex"
)

// answer is one expression a table finder reports: the first occurrence
// of text in the document.
type answer struct{ text, typ, value string }

// tableFinder returns a finder that reports fixed answers per creation
// date, so that the expected counts can be worked out by hand.
func tableFinder(t *testing.T, answers map[string][]answer) func(string, time.Time) []timex.Expr {
	return func(text string, ref time.Time) []timex.Expr {
		var out []timex.Expr
		for _, a := range answers[ref.Format("2006-01-02")] {
			i := strings.Index(text, a.text)
			if i < 0 {
				t.Fatalf("answer %q not in text %q", a.text, text)
			}
			out = append(out, timex.Expr{Start: i, End: i + len(a.text), Text: a.text, Type: a.typ, Value: a.value})
		}
		return out
	}
}

func TestScoreDir(t *testing.T) {
	find := tableFinder(t, map[string][]answer{
		"2025-08-19": {
			{"Monday", "DATE", "2025-08-18"},      // strict, value, type
			{"next two weeks", "DURATION", "P2W"}, // relaxed only, value, type
			{"last year", "DURATION", "2023"},     // strict, wrong value and type
			{"tomorrow", "DATE", "2025-08-20"},    // spurious
		},
		"1998-01-10": {
			{"Friday", "DATE", "1998-01-16"}, // strict, wrong value; "1998" missed
		},
	})
	r, err := ScoreDir("testdata/corpus", find)
	if err != nil {
		t.Fatal(err)
	}
	want := Score{Gold: 5, System: 5, StrictMatch: 3, RelaxedMatch: 4, ValueCorrect: 2, TypeCorrect: 3}
	if r.Total != want {
		t.Errorf("Total = %+v, want %+v", r.Total, want)
	}
	if len(r.Corpora) != 2 || r.Corpora[0].Name != "A" || r.Corpora[1].Name != "B" {
		t.Fatalf("Corpora = %+v", r.Corpora)
	}
	wantA := Score{Gold: 3, System: 4, StrictMatch: 2, RelaxedMatch: 3, ValueCorrect: 2, TypeCorrect: 2}
	if r.Corpora[0].Score != wantA {
		t.Errorf("A = %+v, want %+v", r.Corpora[0].Score, wantA)
	}
	kinds := map[string]int{}
	for _, e := range r.Errors {
		kinds[e.Kind]++
	}
	wantKinds := map[string]int{"missed": 1, "spurious": 1, "span": 1, "value": 2, "type": 1}
	for k, n := range wantKinds {
		if kinds[k] != n {
			t.Errorf("%d %s errors, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
	out := r.String()
	for _, s := range []string{"A ", "B ", "TOTAL"} {
		if !strings.Contains(out, s) {
			t.Errorf("String() lacks %q:\n%s", s, out)
		}
	}
}

func TestScoreMetrics(t *testing.T) {
	s := Score{Gold: 10, System: 8, StrictMatch: 6, RelaxedMatch: 8, ValueCorrect: 4, TypeCorrect: 8}
	tests := []struct {
		name      string
		got, want float64
	}{
		{"strict P", s.StrictP(), 0.75},
		{"strict R", s.StrictR(), 0.6},
		{"strict F1", s.StrictF1(), 2 * 0.75 * 0.6 / 1.35},
		{"relaxed P", s.RelaxedP(), 1},
		{"relaxed R", s.RelaxedR(), 0.8},
		{"value F1", s.ValueF1(), 2 * 0.5 * 0.4 / 0.9},
		{"value F1 = acc x relaxed F1", s.ValueF1(), s.ValueAccuracy() * s.RelaxedF1()},
		{"type acc", s.TypeAccuracy(), 1},
		{"empty", Score{}.StrictF1(), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := tt.got - tt.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestParseTML(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus/B/doc2.tml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseTML(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(1998, 1, 10, 14, 26, 0, 0, time.UTC); !d.DCT.Equal(want) {
		t.Errorf("DCT = %v, want %v", d.DCT, want)
	}
	if !strings.Contains(d.Text, "the <firm> said") {
		t.Errorf("entities not decoded: %q", d.Text)
	}
	if len(d.Timexes) != 2 {
		t.Fatalf("Timexes = %+v", d.Timexes)
	}
	for _, x := range d.Timexes {
		if d.Text[x.Start:x.End] != x.Text {
			t.Errorf("offsets %d..%d give %q, want %q", x.Start, x.End, d.Text[x.Start:x.End], x.Text)
		}
	}
	if x := d.Timexes[1]; x.Text != "Friday" || x.Type != "DATE" || x.Value != "1998-01-09" {
		t.Errorf("second timex = %+v", x)
	}
}

func TestParseTMLErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/notext.tml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseTML(data); !errors.Is(err, ErrNoText) {
		t.Errorf("no TEXT: err = %v, want ErrNoText", err)
	}
	if _, err := ParseTML([]byte("<TEXT>a <TIMEX3 x</TEXT>")); err == nil {
		t.Error("unclosed tag: no error")
	}
	if _, err := ScoreDir("testdata/missing-dir", timex.Find); err == nil {
		t.Error("missing dir: no error")
	}
}

func FuzzParseTML(f *testing.F) {
	for _, p := range []string{"testdata/corpus/A/doc1.tml", "testdata/corpus/B/doc2.tml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseTML(data)
		if err != nil {
			return
		}
		for _, x := range d.Timexes {
			if x.Start > x.End || x.End > len(d.Text) || d.Text[x.Start:x.End] != x.Text {
				t.Fatalf("bad timex %+v", x)
			}
		}
	})
}
