package bolt

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// t0 is a fixed base time for fixtures.
var t0 = time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)

// mustOpen opens a fresh write store in t.TempDir and closes it at cleanup.
func mustOpen(t testing.TB) *Store {
	t.Helper()
	return mustOpenPath(t, filepath.Join(t.TempDir(), "storywatch.db"), Options{})
}

// mustOpenPath opens path with opts and closes the store at cleanup.
func mustOpenPath(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// mustApply applies updates and fails the test on error.
func mustApply(t testing.TB, s *Store, feeds []store.FeedState, updates ...store.Update) []int {
	t.Helper()
	seqs, err := s.Apply(updates, feeds)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return seqs
}

// summit returns the seed article as "\n\n"-separated paragraphs.
func summit(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "summit-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Split(strings.TrimSpace(string(b)), "\n"), "\n\n")
}

// summitEdits returns the seed article and n successive realistic edits:
// changed figures and dates, a new paragraph, a reworded sentence.
func summitEdits(t testing.TB, n int) []string {
	t.Helper()
	edits := []func(string) string{
		func(s string) string { return strings.Replace(s, "next two weeks", "next 10 days", 1) },
		func(s string) string { return strings.Replace(s, "$90 billion", "$100 billion", 1) },
		func(s string) string {
			return s + "\n\nThe White House said the summit could take place in Budapest, a person familiar with the plans said."
		},
		func(s string) string { return strings.Replace(s, "far from imminent", "some way off", 1) },
		func(s string) string { return strings.Replace(s, "in June", "in May and June", 1) },
		func(s string) string {
			return strings.Replace(s, "Budapest", "Geneva", 1) + "\n\nUPDATE: Zelensky said he was ready for a trilateral meeting."
		},
	}
	out := []string{summit(t)}
	for i := 0; i < n; i++ {
		out = append(out, edits[i%len(edits)](out[len(out)-1])+strings.Repeat(" (updated)", i/len(edits)))
	}
	return out
}

// articleUpdate builds an update storing text as a new page version of url.
func articleUpdate(url, title, text string, at time.Time) store.Update {
	return store.Update{
		Article: store.Article{URL: url, Title: title, Outlet: "Example World", Feeds: []string{"https://example.com/rss"}, LastChecked: at},
		Version: &store.Version{
			FetchedAt: at, Hash: hashOf(title, text), Title: title, Text: text, Source: "page",
			Facts: []facts.Fact{{Kind: facts.KindNumber, Text: "$90 billion", Start: 10, End: 21, Value: "90000000000 USD"}},
		},
	}
}

// hashOf is a stand-in for the pipeline's content hash.
func hashOf(title, text string) string { return store.ArticleID(title + "\x00" + text) }

// dump renders values as indented JSON for comparisons and failure messages.
func dump(vs ...any) string {
	b, err := json.MarshalIndent(vs, "", "  ")
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}
