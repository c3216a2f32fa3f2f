package main

import (
	"bytes"
	"encoding/csv"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// demoStoreOnce builds one kept demo store for the tests that only read it.
var demoStoreOnce struct {
	sync.Once
	dir string
	err string
}

// keptDemo returns the config of a store holding the whole demo story.
func keptDemo(t *testing.T) string {
	t.Helper()
	demoStoreOnce.Do(func() {
		dir, err := tempDirOutsideTest()
		if err != nil {
			demoStoreOnce.err = err.Error()
			return
		}
		demoStoreOnce.dir = dir
		if _, errOut, code := cli(t, "demo", "--keep", dir, "--color", "never"); code != 0 {
			demoStoreOnce.err = errOut
		}
	})
	if demoStoreOnce.err != "" {
		t.Fatalf("demo --keep: %s", demoStoreOnce.err)
	}
	return filepath.Join(demoStoreOnce.dir, "config.yaml")
}

type changeRow struct {
	Article   string `json:"article"`
	ArticleID string `json:"article_id"`
	Version   int    `json:"version"`
	Facts     []struct {
		Kind   string `json:"kind"`
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"facts"`
}

func changesJSON(t *testing.T, cfg string, args ...string) []changeRow {
	t.Helper()
	var out struct {
		Changes []changeRow `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, append([]string{"-c", cfg, "changes", "--json"}, args...)...), &out)
	return out.Changes
}

// TestChangesFilters checks --article, --outlet and --kind against the
// unfiltered list, filtered by hand.
func TestChangesFilters(t *testing.T) {
	cfg := keptDemo(t)
	all := changesJSON(t, cfg)
	var arts struct {
		Articles []struct {
			ID     string `json:"id"`
			Outlet string `json:"outlet"`
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	outletOf := map[string]string{}
	for _, a := range arts.Articles {
		outletOf[a.ID] = a.Outlet
	}
	target := all[0].ArticleID
	outlet := outletOf[target]

	kindsOf := func(c changeRow) []string {
		var ks []string
		for _, f := range c.Facts {
			ks = append(ks, f.Kind)
		}
		return ks
	}
	tests := []struct {
		name string
		args []string
		keep func(c changeRow) bool
		kind []string // facts must be of these kinds
	}{
		{"article by id prefix", []string{"--article", target[:8]}, func(c changeRow) bool { return c.ArticleID == target }, nil},
		{"article by URL", []string{"--article", all[0].Article}, func(c changeRow) bool { return c.ArticleID == target }, nil},
		{"outlet in another case", []string{"--outlet", strings.ToUpper(outlet)}, func(c changeRow) bool { return outletOf[c.ArticleID] == outlet }, nil},
		{"kind", []string{"--kind", "date"}, func(c changeRow) bool { return slices.Contains(kindsOf(c), "date") }, []string{"date"}},
		{"kinds", []string{"--kind", "location,title"}, func(c changeRow) bool {
			return slices.Contains(kindsOf(c), "location") || slices.Contains(kindsOf(c), "title")
		}, []string{"location", "title"}},
		{"outlet and kind", []string{"--outlet", outlet, "--kind", "date"}, func(c changeRow) bool {
			return outletOf[c.ArticleID] == outlet && slices.Contains(kindsOf(c), "date")
		}, []string{"date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			for _, c := range all {
				if tt.keep(c) {
					want = append(want, c.ArticleID+" v"+strconv.Itoa(c.Version))
				}
			}
			if len(want) == 0 {
				t.Fatal("the demo story has no change for this filter: the test would prove nothing")
			}
			var got []string
			for _, c := range changesJSON(t, cfg, tt.args...) {
				got = append(got, c.ArticleID+" v"+strconv.Itoa(c.Version))
				for _, f := range c.Facts {
					if tt.kind != nil && !slices.Contains(tt.kind, f.Kind) {
						t.Errorf("%s: a fact of kind %s is shown", c.ArticleID, f.Kind)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("changes %v:\n got %v\nwant %v", tt.args, got, want)
			}
			// The text listing applies the same filter.
			text := mustCLI(t, append([]string{"-c", cfg, "changes"}, tt.args...)...)
			entries := 0 // an entry's first line is not indented; its facts are
			for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
				if !strings.HasPrefix(l, " ") {
					entries++
				}
			}
			if entries != len(want) {
				t.Errorf("text listing has %d changes, want %d:\n%s", entries, len(want), text)
			}
		})
	}

	for _, bad := range []struct{ args []string }{
		{[]string{"--kind", "weather"}},
		{[]string{"--outlet", "No Such Outlet"}},
		{[]string{"--article", "ffffffffffff"}},
		{[]string{"--csv", "--json"}},
	} {
		_, errOut, code := cli(t, append([]string{"-c", cfg, "changes"}, bad.args...)...)
		if code == 0 || !strings.Contains(errOut, strings.TrimPrefix(bad.args[0], "--")) {
			t.Errorf("changes %v: exit %d, %q; want an error naming the flag", bad.args, code, errOut)
		}
	}
}

// TestChangesCSV parses `changes --csv` and checks it row by row against
// `changes --json`.
func TestChangesCSV(t *testing.T) {
	cfg := keptDemo(t)
	all := changesJSON(t, cfg)
	out := mustCLI(t, "-c", cfg, "changes", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v\n%s", err, out)
	}
	if !slices.Equal(rows[0], changesCSVHeader) {
		t.Fatalf("header %v", rows[0])
	}
	col := func(name string) int { return slices.Index(changesCSVHeader, name) }
	i := 1
	for _, c := range all {
		n := max(1, len(c.Facts))
		for j := range n {
			if i >= len(rows) {
				t.Fatalf("CSV ends at row %d; JSON has more", i)
			}
			r := rows[i]
			if r[col("article_id")] != c.ArticleID || r[col("version")] != strconv.Itoa(c.Version) {
				t.Errorf("row %d is %s v%s, want %s v%d", i, r[col("article_id")], r[col("version")], c.ArticleID, c.Version)
			}
			if len(c.Facts) == 0 {
				if r[col("kind")] != "text" {
					t.Errorf("row %d: kind %q for a text-only change", i, r[col("kind")])
				}
			} else if f := c.Facts[j]; r[col("kind")] != f.Kind || r[col("before")] != f.Before || r[col("after")] != f.After {
				t.Errorf("row %d: %v, want %+v", i, r, f)
			}
			i++
		}
	}
	if i != len(rows) {
		t.Errorf("CSV has %d rows, JSON accounts for %d", len(rows)-1, i-1)
	}
	kindOnly := mustCLI(t, "-c", cfg, "changes", "--csv", "--kind", "date")
	rows, _ = csv.NewReader(strings.NewReader(kindOnly)).ReadAll()
	if len(rows) < 2 {
		t.Fatal("no date rows")
	}
	for _, r := range rows[1:] {
		if r[col("kind")] != "date" {
			t.Errorf("--csv --kind date printed a %s row", r[col("kind")])
		}
	}
}

// tempDirOutsideTest makes a directory that outlives one test, for data
// several tests share; TestMain's cleanup of the binary's directory does
// not cover it, so it lives under that directory.
func tempDirOutsideTest() (string, error) {
	return os.MkdirTemp(filepath.Dir(binPath), "demo-")
}

// TestArticleByCopiedURL names an article by its URL as a reader copies it
// from a browser or a newsletter: tracking parameters, a fragment, an
// upper-case scheme and host. history, diff and changes --article find it,
// as the pipeline keyed it; a URL of no article is still not found.
func TestArticleByCopiedURL(t *testing.T) {
	cfg := keptDemo(t)
	all := changesJSON(t, cfg)
	id, url := all[0].ArticleID, all[0].Article
	u, err := neturl.Parse(url)
	if err != nil {
		t.Fatal(err)
	}
	u.Scheme, u.Host = strings.ToUpper(u.Scheme), strings.ToUpper(u.Host)
	u.RawQuery, u.Fragment = "utm_source=newsletter&fbclid=abc", "comments"
	copied := u.String()
	var h struct {
		Article struct {
			ID string `json:"id"`
		} `json:"article"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", copied, "--json"), &h)
	if h.Article.ID != id {
		t.Errorf("history %s: article %q, want %s", copied, h.Article.ID, id)
	}
	var d struct {
		Article string `json:"article"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "diff", copied, "--json"), &d)
	if d.Article != url {
		t.Errorf("diff %s: article %q, want %s", copied, d.Article, url)
	}
	for _, c := range changesJSON(t, cfg, "--article", copied) {
		if c.ArticleID != id {
			t.Errorf("changes --article %s lists article %s", copied, c.ArticleID)
		}
	}
	u.Path += "-no-such-story"
	if _, errOut, code := cli(t, "-c", cfg, "history", u.String()); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("history of an unknown URL: exit %d, %q", code, errOut)
	}
}

// TestChangesCSVCellsAreNoFormulas: a headline, an outlet's name or a
// fact's words that start as a formula would run when a spreadsheet
// opens the file; they get a leading apostrophe, the other cells stay as
// they are.
func TestChangesCSVCellsAreNoFormulas(t *testing.T) {
	var buf bytes.Buffer
	c := &changesCSV{w: csv.NewWriter(&buf), outlets: map[string]string{"a1": "@Wire"}}
	ch := &store.Change{ArticleID: "a1", Article: "http://127.0.0.1/a.html", Title: `=HYPERLINK("http://evil.example","click")`,
		Version: 2, Facts: []facts.Change{{Kind: facts.KindNumber, Before: "-42,000 jobs", After: "+3 points", BeforeValue: "-42000 jobs", AfterValue: "3 points"}}}
	if err := c.add(ch); err != nil {
		t.Fatal(err)
	}
	if err := c.close(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %q, err %v", rows, err)
	}
	col := func(name string) string { return rows[0][slices.Index(changesCSVHeader, name)] }
	for name, want := range map[string]string{
		"title": `'=HYPERLINK("http://evil.example","click")`, "outlet": "'@Wire", "before": "'-42,000 jobs", "after": "'+3 points",
		"before_value": "-42000 jobs", "article": "http://127.0.0.1/a.html", "kind": "number",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}
