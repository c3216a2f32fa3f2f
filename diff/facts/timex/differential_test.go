package timex

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// update rewrites the golden files of this package: go test -run Differential -args -update
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestDifferentialFind compares Find, every field of every expression, with
// a golden made from an earlier version of the tagger over the articles in
// the repository and variants of them (case changed, lines joined, no
// reference time): a speed-up must not change a single expression.
func TestDifferentialFind(t *testing.T) {
	var paths []string
	for _, g := range []string{"testdata/*.txt", "../../eval/testdata/devset/base/*.txt", "../testdata/story/*/*.txt"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	sort.Strings(paths)
	if len(paths) < 10 {
		t.Fatalf("found %d texts, want >= 10", len(paths))
	}
	ref := time.Date(2025, 8, 19, 8, 0, 0, 0, time.UTC)
	var got []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, v := range []struct {
			name string
			text string
			ref  time.Time
		}{
			{"", text, ref},
			{"/upper", strings.ToUpper(text), ref},
			{"/lower", strings.ToLower(text), ref},
			{"/joined", strings.ReplaceAll(text, "\n", " "), ref},
			{"/noref", text, time.Time{}},
		} {
			h := sha256.Sum256(fmt.Appendf(nil, "%+v", Find(v.text, v.ref)))
			got = append(got, p+v.name+" "+hex.EncodeToString(h[:12]))
		}
	}
	const golden = "testdata/differential.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(want) != len(got) {
		t.Fatalf("golden has %d lines, got %d", len(want), len(got))
	}
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("output differs: got %s, want %s", got[i], want[i])
		}
	}
}

// FuzzShortcut checks that skipping the rules where shortcut.go says none
// can match changes nothing: Find must equal the exhaustive search.
func FuzzShortcut(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"the next two years", "the 1990s", "the same day", "the day before yesterday",
		"the past", "a year earlier", "a half year", "the year-ago quarter", "on Mondays",
		"the fiscal year", "the third quarter", "the few years", "the a year", "the",
		"early next year", "nearly three years ago", "the end of the year", "mid-1990s",
		"the following morning", "that same day", "the prior day", "the q3", "noon Thursday",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range []time.Time{ref, {}} {
			got, want := find(nil, s, "", r, false), find(nil, s, "", r, true)
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
				t.Fatalf("ref %v: with shortcut %+v, exhaustive %+v", r, got, want)
			}
		}
	})
}

// TestShortcutRandomWords strings random words of the lexicon, numbers and
// marks together, far denser in temporal words than news, and checks that
// the shortcut of shortcut.go changes nothing there either.
func TestShortcutRandomWords(t *testing.T) {
	var vocab []string
	for w, e := range english().words {
		vocab = append(vocab, w)
		for _, ps := range e.byKind {
			for _, ph := range ps {
				vocab = append(vocab, ph.words...)
			}
		}
	}
	for w := range coreWords {
		vocab = append(vocab, w)
	}
	for w := range durWords {
		vocab = append(vocab, w)
	}
	// Half the words come from a short list of the words rules test by
	// spelling, numbers and marks, so that tricky neighbours meet often.
	focus := []string{"1998", "3", "12", "30", "2025", "90", "s", "th", "-", "/", ":", ",", ".",
		"'", "talks", "Monday", "May", "Mondays", "on", "most", "ago", "earlier", "of", "in", "said",
		"will", "to", "or", "year", "years", "quarter", "day", "week", "the", "a", "an", "that"}
	for w := range coreWords {
		focus = append(focus, w)
	}
	for w := range durWords {
		focus = append(focus, w)
	}
	sort.Strings(focus)
	vocab = append(vocab, focus...)
	sort.Strings(vocab)
	same := func(s string) {
		t.Helper()
		for _, rf := range []time.Time{ref, {}} {
			got, want := find(nil, s, "", rf, false), find(nil, s, "", rf, true)
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
				t.Fatalf("%q ref %v: with shortcut %+v, exhaustive %+v", s, rf, got, want)
			}
		}
	}
	// Every two words of the short list, spaced and glued, in contexts
	// that complete a match: the neighbours the shortcut reasons about.
	for _, a := range focus {
		for _, b := range focus {
			for _, f := range []string{"%s %s", "%s %s years", "%s%s year", "%s %s 3 years",
				"nearly %s %s weeks", "the %s %s day", "%s %s of May 1998", "early %s%s"} {
				same(fmt.Sprintf(f, a, b))
			}
		}
	}
	r := rand.New(rand.NewSource(7))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b strings.Builder
		for k := range 3 + r.Intn(10) {
			if k > 0 && r.Intn(4) != 0 {
				b.WriteByte(' ')
			}
			if r.Intn(2) == 0 {
				b.WriteString(focus[r.Intn(len(focus))])
			} else {
				b.WriteString(vocab[r.Intn(len(vocab))])
			}
		}
		same(b.String())
	}
}

// TestFindLowerSameAsFind checks FindLower, given a copy of the text with
// its letters lowered at the same width (as package facts makes it), or a
// copy of the wrong length, against Find over the same texts as
// TestDifferentialFind, upper-cased too.
func TestFindLowerSameAsFind(t *testing.T) {
	sameWidth := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
				r = l
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	var paths []string
	for _, g := range []string{"testdata/*.txt", "../../eval/testdata/devset/base/*.txt", "../testdata/story/*/*.txt"} {
		m, _ := filepath.Glob(g)
		paths = append(paths, m...)
	}
	texts := []string{"", "ÉTÉ 2024: Monday, İSTANBUL, MARCH 3", "Ünter den Linden on Ñovember 5th"}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b), strings.ToUpper(string(b)))
	}
	ref := time.Date(2025, 8, 19, 8, 0, 0, 0, time.UTC)
	for _, text := range texts {
		want := fmt.Sprintf("%+v", Find(text, ref))
		if got := fmt.Sprintf("%+v", FindLower(text, sameWidth(text), ref)); got != want {
			t.Fatalf("FindLower differs from Find on %.60q:\n got %s\nwant %s", text, got, want)
		}
		if got := AppendFindLower(make([]Expr, 1, 3), text, sameWidth(text), ref); fmt.Sprintf("%+v", got[1:]) != want || got[0] != (Expr{}) {
			t.Fatalf("AppendFindLower differs from Find on %.60q", text)
		}
		if got := fmt.Sprintf("%+v", FindLower(text, "x"+text, ref)); got != want {
			t.Fatalf("FindLower with a copy of another length differs from Find on %.60q", text)
		}
	}
}
