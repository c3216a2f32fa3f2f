package facts

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"github.com/storywatch/storywatch/diff/eval/devset"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// update rewrites the golden files of this package: go test -run Differential -update
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// dumpTo, when set, names a file that receives the full differential
// output, to find what changed when a hash does not match.
var dumpTo = flag.String("dump", "", "write the full differential output to this file")

// diffText is one input of the differential test.
type diffText struct {
	name string
	text string
	pub  time.Time
}

// diffCorpus gathers every text the repository holds for facts (dev and
// held-out pairs, their base articles, the demo story), plus variants that
// drive other code paths: upper and lower case, paragraphs shuffled, lines
// joined, and no publication time.
func diffCorpus(t *testing.T) []diffText {
	t.Helper()
	var base []diffText
	for _, dir := range []string{"../eval/testdata/devset", "../eval/testdata/heldout"} {
		pairs, err := devset.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pairs {
			base = append(base, diffText{dir + "/" + p.Name + "/old", p.Old, p.Published},
				diffText{dir + "/" + p.Name + "/new", p.New, p.Published})
		}
	}
	var paths []string
	for _, g := range []string{"../eval/testdata/devset/base/*.txt", "timex/testdata/*.txt", "testdata/story/*/*.txt"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		base = append(base, diffText{p, string(b), pub})
	}
	for i, s := range fuzzSeeds {
		base = append(base, diffText{fmt.Sprintf("seed%d", i), s, pub})
	}
	if len(base) < 200 {
		t.Fatalf("differential corpus has %d texts, want >= 200", len(base))
	}
	r := rand.New(rand.NewSource(5))
	out := make([]diffText, 0, 6*len(base))
	for _, b := range base {
		lines := strings.Split(b.text, "\n")
		r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
		out = append(out, b,
			diffText{b.name + "/upper", strings.ToUpper(b.text), b.pub},
			diffText{b.name + "/lower", strings.ToLower(b.text), b.pub},
			diffText{b.name + "/shuffled", strings.Join(lines, "\n"), b.pub},
			diffText{b.name + "/joined", strings.ReplaceAll(b.text, "\n", " "), b.pub},
			diffText{b.name + "/nopub", b.text, time.Time{}})
	}
	return out
}

// dumpItems writes every field of the items, the internal ones too, so the
// hash changes when anything Compare relies on changes.
func dumpItems(its []item) string {
	var b strings.Builder
	for _, it := range its {
		fmt.Fprintf(&b, "%s %d %d %q %q %q %q key=%q slot=%q words=%q mod=%q inQ=%v via=%q\n",
			it.Kind, it.Start, it.End, it.Text, it.Value, it.Type, it.Subject,
			it.key, it.slot, it.words, it.mod, it.inQ, it.via)
	}
	return b.String()
}

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:12])
}

// TestDifferentialExtract compares extraction (and Compare on the dev and
// held-out pairs) with a golden made from an earlier version of the code:
// a speed-up must leave every fact, value and internal key as it was.
func TestDifferentialExtract(t *testing.T) {
	var got []string
	var full strings.Builder
	for _, d := range diffCorpus(t) {
		s := dumpItems(extractItems(d.text, d.pub))
		got = append(got, d.name+" "+hashOf(s))
		if *dumpTo != "" {
			full.WriteString("== " + d.name + "\n" + s)
		}
	}
	if *dumpTo != "" {
		if err := os.WriteFile(*dumpTo, []byte(full.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{"../eval/testdata/devset", "../eval/testdata/heldout"} {
		pairs, err := devset.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pairs {
			got = append(got, dir+"/"+p.Name+"/compare "+hashOf(fmt.Sprintf("%q", Compare(p.Old, p.New, p.Published))))
		}
	}
	const golden = "testdata/differential.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		want = append(want, sc.Text())
	}
	if len(want) != len(got) {
		t.Fatalf("golden has %d lines, got %d", len(want), len(got))
	}
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("output differs: got %s, want %s", got[i], want[i])
		}
	}
}
