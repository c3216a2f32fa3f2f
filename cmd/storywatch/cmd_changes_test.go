package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/report"
	"github.com/storywatch/storywatch/store"
)

// changesTextReference renders `changes` the way it was rendered from the
// whole list before it was streamed.
func changesTextReference(chs []store.Change) string {
	var b strings.Builder
	if len(chs) == 0 {
		return "no changes\n"
	}
	for i := range chs {
		ch := toChangeJSON(&chs[i])
		fmt.Fprintf(&b, "%s  %s  v%d  %s\n", humanTime(deref(ch.DetectedAt)), ch.ArticleID, ch.Version, ch.Title)
		if len(ch.Facts) == 0 {
			fmt.Fprintf(&b, "    text edited (%d changed, %d inserted, %d deleted, %d moved sentences); no fact changed\n",
				ch.Changed, ch.Inserted, ch.Deleted, ch.Moved)
		}
		for _, f := range ch.Facts {
			fmt.Fprintf(&b, "    %s\n", report.DescribeChange(f))
		}
		if len(ch.SinceFirst) > 0 {
			fmt.Fprintf(&b, "    since the first version: %s\n", plural(len(ch.SinceFirst), "fact change"))
		}
	}
	return b.String()
}

// TestChangesText checks the streamed text listing against the listing
// rendered from Store.Changes, with and without facts, since-first facts
// and matches.
func TestChangesText(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, []string{"http://127.0.0.1:1/feed.rss"}, "")
	path := filepath.Join(dir, "storywatch.db")

	bulkChanges(t, path, 40)
	s, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	url := "https://bulk.example/edited"
	var ups []store.Update
	for v, text := range []string{"One.", "One. Two.", "One. Two. Three."} {
		u := store.Update{
			Article: store.Article{URL: url, Title: "Edited", Feeds: []string{"https://bulk.example/rss"}, LastChecked: at},
			Version: &store.Version{FetchedAt: at.Add(time.Duration(v) * time.Minute), Title: "Edited", Text: text, Source: "page"},
		}
		switch v {
		case 1:
			u.Change = &store.Change{Inserted: 1} // no fact changed
		case 2:
			u.Change = &store.Change{Inserted: 1, Facts: []facts.Change{{Kind: facts.KindNumber, Before: "two", After: "three"}},
				SinceFirst: []facts.Change{{Kind: facts.KindNumber, Before: "one", After: "three"}}}
		}
		ups = append(ups, u)
	}
	if _, err := s.Apply(ups, nil); err != nil {
		t.Fatal(err)
	}
	all, err := s.Changes(time.Time{})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want []store.Change
	}{
		{"all", nil, all},
		{"within 3h", []string{"--since", "3h"}, all[:2]},
		{"within a minute", []string{"--since", "1m"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustCLI(t, append([]string{"-c", cfg, "changes"}, tt.args...)...)
			if want := changesTextReference(tt.want); got != want {
				t.Errorf("changes %v differs from byte %d:\n%.400s\nwant\n%.400s", tt.args,
					firstDiff([]byte(got), []byte(want)), got, want)
			}
		})
	}
	if len(all) != 42 || !strings.Contains(changesTextReference(all), "no fact changed") ||
		!strings.Contains(changesTextReference(all), "since the first version") {
		t.Errorf("fixture lacks a case: %d changes", len(all))
	}
}
