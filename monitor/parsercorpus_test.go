package monitor

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/feed"
)

// parserCorpus returns the feed files of another feed parser's test corpus
// (gofeed's own testdata: RSS 0.9x to 2.0, RDF, Atom 0.3 and 1.0 and JSON
// Feed, with odd, broken and hostile documents), from the module cache.
func parserCorpus(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/mmcdole/gofeed").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("gofeed's module directory: %v", err)
	}
	var files []string
	err = filepath.WalkDir(filepath.Join(dir, "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case strings.HasSuffix(p, ".xml"):
			files = append(files, p)
		case strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, "_expected.json") &&
			(strings.Contains(rel, "parser/json") || strings.Contains(rel, "parser/universal")):
			files = append(files, p) // JSON Feed inputs; the other .json files are expected parses
		}
		return nil
	})
	if err != nil || len(files) < 100 {
		t.Skipf("gofeed's testdata: %d files, %v", len(files), err)
	}
	return files
}

// TestParserCorpusUnderSwitches polls every feed of another parser's test
// corpus (several hundred files) through the real pipeline into a real
// store, under the switches that change an item's path, twice. Only
// documents that are no feed at all (an empty body, JSON or XML of another
// kind) may fail their feed; nothing panics, the pass goes on, and polling
// the same bytes again stores nothing new. It found valid JSON Feeds with a
// bare version ("1.1") refused as no feed.
func TestParserCorpusUnderSwitches(t *testing.T) {
	files := parserCorpus(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/f/"))
		if err != nil || i < 0 || i >= len(files) {
			http.NotFound(w, r) // relative item links land here
			return
		}
		b, err := os.ReadFile(files[i])
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if strings.HasSuffix(files[i], ".json") {
			w.Header().Set("Content-Type", "application/feed+json")
		} else {
			w.Header().Set("Content-Type", "application/xml")
		}
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	feeds := make([]string, len(files))
	for i := range files {
		feeds[i] = srv.URL + "/f/" + strconv.Itoa(i)
	}
	for _, sw := range []switches{{}, {articlePages: true}, {story: true}, {articlePages: true, story: true, robots: true}} {
		t.Run(sw.String(), func(t *testing.T) {
			st := openTestStore(t)
			m, err := New(Options{Config: switchesConfig(t, feeds, srv.URL+"/hook", sw), Store: st})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { m.Close() })
			stored, failed := 0, 0
			for pass := range 2 {
				res := m.PollAll(context.Background())
				if len(res.Feeds) != len(files) {
					t.Fatalf("pass %d: %d feeds polled, want %d", pass+1, len(res.Feeds), len(files))
				}
				for i, f := range res.Feeds {
					if f.Err != nil && !errors.Is(f.Err, feed.ErrNotFeed) {
						// a document that is a feed is read, whatever is odd in it
						t.Errorf("pass %d: %s: %v", pass+1, files[i], f.Err)
					}
					if pass == 0 {
						stored += f.NewVersions
						if f.Err != nil {
							failed++
						}
					} else if f.NewVersions != 0 || f.Changed != 0 {
						t.Errorf("%s: the same bytes polled again stored %d versions", files[i], f.NewVersions)
					}
				}
			}
			t.Logf("%d feeds: %d failed, %d versions stored", len(files), failed, stored)
			if stored == 0 && !sw.story {
				t.Error("nothing stored from the whole corpus")
			}
		})
	}
}
