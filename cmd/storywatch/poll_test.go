package main

import (
	"slices"
	"sort"
	"testing"

	"github.com/storywatch/storywatch/monitor/corpus"
)

// TestPollReportsExactlyTheEditedArticles is the acceptance test of the
// pipeline: feeds whose pages rotate their boilerplate on every request,
// a third of the articles really edited; poll, poll, `changes --json` must
// name exactly the edited articles.
func TestPollReportsExactlyTheEditedArticles(t *testing.T) {
	srv := startCorpus(t, corpus.NewSynthetic, corpus.Options{
		Feeds: 4, ArticlesPerFeed: 6, EditFraction: 1.0 / 3, Seed: 7, RotateBoilerplate: true,
	})
	// The synthetic story uses invented names: no story filter, every item counts.
	cfg := writeConfig(t, t.TempDir(), srv.FeedURLs(), "")

	mustCLI(t, "-c", cfg, "poll")
	var articles struct {
		Articles []struct {
			ID       string `json:"id"`
			URL      string `json:"url"`
			Versions int    `json:"versions"`
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &articles)
	if len(articles.Articles) != len(srv.ArticleURLs()) {
		t.Fatalf("%d articles tracked after the first poll, want all %d of the corpus", len(articles.Articles), len(srv.ArticleURLs()))
	}

	edited := srv.Revise()
	if len(edited) == 0 {
		t.Fatal("corpus revised nothing")
	}
	mustCLI(t, "-c", cfg, "poll")

	var changes struct {
		Changes []struct {
			Article string `json:"article"`
			Version int    `json:"version"`
		} `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "changes", "--json"), &changes)
	var got []string
	for _, c := range changes.Changes {
		got = append(got, c.Article)
		if c.Version != 2 {
			t.Errorf("%s: change at version %d, want 2", c.Article, c.Version)
		}
	}
	sort.Strings(got)
	want := slices.Clone(edited)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("changes reported %d articles, want the %d edited:\n got %v\nwant %v", len(got), len(want), got, want)
	}
}
