package main

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// TestChangesSinceFirstVersion: each version after the second is also
// compared with the first, so `changes` tells what the article says now
// against what it said at first.
func TestChangesSinceFirstVersion(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	cfg := writeConfig(t, t.TempDir(), srv.FeedURLs(), summitStory)
	for {
		mustCLI(t, "-c", cfg, "poll")
		if len(srv.Revise()) == 0 {
			break
		}
	}
	var out struct {
		Changes []struct {
			Article    string `json:"article"`
			Version    int    `json:"version"`
			SinceFirst []struct {
				Kind, Before, After string
			} `json:"since_first"`
		} `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "changes", "--json"), &out)
	found := map[string]bool{}
	for _, c := range out.Changes {
		if !strings.Contains(c.Article, "putin-zelensky-peace-summit") {
			continue
		}
		if c.Version == 2 && len(c.SinceFirst) != 0 {
			t.Errorf("version 2 carries since-first changes: %+v", c.SinceFirst)
		}
		if c.Version != 5 {
			continue
		}
		for _, f := range c.SinceFirst {
			switch {
			case f.Kind == "date" && strings.Contains(f.Before, "two weeks") && strings.Contains(f.After, "September"):
				found["date"] = true
			case f.Kind == "number" && strings.Contains(f.Before, "90") && strings.Contains(f.After, "100"):
				found["number"] = true
			case f.Kind == "position" && strings.Contains(f.Before, "ruled out"):
				found["position"] = true
			}
		}
	}
	for _, k := range []string{"date", "number", "position"} {
		if !found[k] {
			t.Errorf("version 5 of the wire story: since-first lacks the %s change (two weeks → September, $90bn → $100bn, ruled out → could consider)", k)
		}
	}
}
