package diff

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

const (
	pMerz  = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting within the next two weeks, but there was no confirmation of a date or location."
	pZel   = "Zelensky said Ukraine offered to buy about $90 billion worth of US weapons."
	pDeal  = "But a peace deal still appeared far from imminent."
	pTurk  = "The last direct talks between Russia and Ukraine took place in Turkey in June."
	pExtra = "Officials in Kyiv said a draft of the guarantees would be sent to Washington within days."
)

func TestCompare(t *testing.T) {
	published := time.Date(2025, 8, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		old, new    Document
		wantOps     string // ops in order
		wantSummary Summary
		wantChanged bool
		wantTitle   bool
		wantWords   string // wdiff of the first edit with words, if any
	}{
		{
			name:        "identical",
			old:         Document{Title: "Summit", Text: pMerz + "\n" + pZel},
			new:         Document{Title: "Summit", Text: pMerz + "\n" + pZel},
			wantOps:     "equal equal",
			wantSummary: Summary{Equal: 2},
		},
		{
			name:        "typography only",
			old:         Document{Title: `Trump says "very good"`, Text: `He said "fine".`},
			new:         Document{Title: "Trump  says “very good”", Text: "He said “fine”."},
			wantOps:     "equal",
			wantSummary: Summary{Equal: 1},
		},
		{
			name:        "title only",
			old:         Document{Title: "Leaders set for summit", Text: pDeal},
			new:         Document{Title: "Leaders agree on summit date", Text: pDeal},
			wantOps:     "equal",
			wantSummary: Summary{Equal: 1},
			wantChanged: true,
			wantTitle:   true,
		},
		{
			name:        "number change",
			old:         Document{Text: pMerz + "\n" + pZel},
			new:         Document{Text: pMerz + "\n" + strings.Replace(pZel, "$90", "$100", 1)},
			wantOps:     "equal change",
			wantSummary: Summary{Equal: 1, Changed: 1},
			wantChanged: true,
			wantWords:   "Zelensky said Ukraine offered to buy about $[-90-]{+100+} billion worth of US weapons.",
		},
		{
			name:        "insert, delete and reworded move",
			old:         Document{Text: strings.Join([]string{pMerz, pZel, pDeal, pTurk}, "\n")},
			new:         Document{Text: strings.Join([]string{pZel, pExtra, pTurk, strings.Replace(pMerz, "within the next two weeks", "on August 29", 1)}, "\n")},
			wantOps:     "equal delete insert equal move",
			wantSummary: Summary{Equal: 2, Inserted: 1, Deleted: 1, Moved: 1},
			wantChanged: true,
			wantWords:   "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting [-within the next two weeks-]{+on August 29+}, but there was no confirmation of a date or location.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.old.Published, tt.new.Published = published, published
			r := Compare(tt.old, tt.new, Options{})
			var ops []string
			words := ""
			for _, e := range r.Edits {
				ops = append(ops, e.Op)
				if words == "" && len(e.Words) > 0 {
					words = wdiff(e.Words)
					checkWords(t, e.Old, e.New, e.Words)
				}
				checkEdit(t, e)
			}
			if got := strings.Join(ops, " "); got != tt.wantOps {
				t.Errorf("ops = %q, want %q", got, tt.wantOps)
			}
			if r.Summary != tt.wantSummary {
				t.Errorf("summary = %+v, want %+v", r.Summary, tt.wantSummary)
			}
			if r.Changed() != tt.wantChanged {
				t.Errorf("Changed() = %v, want %v", r.Changed(), tt.wantChanged)
			}
			if r.TitleChanged != tt.wantTitle {
				t.Errorf("TitleChanged = %v, want %v", r.TitleChanged, tt.wantTitle)
			}
			if words != tt.wantWords {
				t.Errorf("words\n got %s\nwant %s", words, tt.wantWords)
			}
			titleFacts := 0
			for k, c := range r.Facts {
				if c.Kind == facts.KindTitle {
					titleFacts++
					if k != 0 || c.Before != tt.old.Title || c.After != tt.new.Title || c.BeforeValue != tt.old.Title || c.AfterValue != tt.new.Title {
						t.Errorf("title fact %d = %+v", k, c)
					}
				}
			}
			if want := map[bool]int{true: 1}[tt.wantTitle]; titleFacts != want {
				t.Errorf("title facts = %d, want %d", titleFacts, want)
			}
		})
	}
}

// checkEdit asserts that an edit's fields fit its op.
func checkEdit(t testing.TB, e Edit) {
	t.Helper()
	switch e.Op {
	case EditInsert:
		if e.OldIndex != -1 || e.NewIndex < 0 || e.Old != "" || e.New == "" {
			t.Errorf("bad insert %+v", e)
		}
	case EditDelete:
		if e.NewIndex != -1 || e.OldIndex < 0 || e.New != "" || e.Old == "" {
			t.Errorf("bad delete %+v", e)
		}
	case EditChange:
		if e.OldIndex < 0 || e.NewIndex < 0 || len(e.Words) == 0 {
			t.Errorf("bad change %+v", e)
		}
	case EditEqual, EditMove:
		if e.OldIndex < 0 || e.NewIndex < 0 {
			t.Errorf("bad %s %+v", e.Op, e)
		}
	default:
		t.Errorf("unknown op %q", e.Op)
	}
}

func TestEditJSON(t *testing.T) {
	e := Edit{Op: EditInsert, New: "New.", OldIndex: -1, NewIndex: 3}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"op":"insert","new":"New.","old_index":-1,"new_index":3}`; got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
}

func TestCompareBenchPair(t *testing.T) {
	oldText, newText := benchtext.Pair(5000)
	r := Compare(Document{Text: oldText}, Document{Text: newText}, Options{})
	s := r.Summary
	if s.Changed == 0 || s.Inserted == 0 || s.Deleted == 0 || s.Moved == 0 || s.Equal == 0 {
		t.Errorf("bench pair should exercise every op: %+v", s)
	}
	for _, e := range r.Edits {
		checkEdit(t, e)
		if len(e.Words) > 0 {
			checkWords(t, e.Old, e.New, e.Words)
		}
	}
}

// wholeText is a long article of look-alike entries, each with its own
// figure, plus one figure a summary and an entry both give.
func wholeText(entries int) string {
	var b strings.Builder
	b.WriteString("In all, 7,500 troops would stay in the region, officials said.\n")
	for i := range entries {
		fmt.Fprintf(&b, "Entry %d: Putin and Zelensky will meet on August %d in Geneva with %d delegates, officials said.\n", i, i%28+1, 100+i)
	}
	b.WriteString("The 7,500 troops would stay until the summit, the ministry said.\n")
	return b.String()
}

// TestCompareTextPastedOrCutWhole compares a long text with an empty
// version both ways: every entry's figure is news added (or removed) once,
// and the figure the summary repeats counts once. The facts added or
// removed are looked up by kind and figure (BenchmarkCompareTextPastedWhole
// measures it; held each against all the others, 60,000 entries did not
// finish in minutes).
func TestCompareTextPastedOrCutWhole(t *testing.T) {
	const entries = 500
	text := wholeText(entries)
	for _, tt := range []struct {
		name     string
		old, new string
	}{
		{"pasted", "", text},
		{"cut", text, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(Document{Text: tt.old}, Document{Text: tt.new}, Options{})
			figures := map[string]int{}
			for _, c := range res.Facts {
				if c.Kind != facts.KindNumber {
					continue
				}
				if (c.Before == "") == (c.After == "") {
					t.Errorf("number change %q → %q, want only added or removed", c.Before, c.After)
				}
				figures[c.BeforeValue+c.AfterValue]++
			}
			for i := range entries {
				if v := fmt.Sprintf("%d delegates", 100+i); figures[v] != 1 {
					t.Errorf("%q told %d times, want once", v, figures[v])
				}
			}
			if n := figures["7500 troops"]; n != 1 {
				t.Errorf("7,500 troops told %d times, want once (summary and entry are one piece of news)", n)
			}
		})
	}
}
