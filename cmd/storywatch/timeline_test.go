package main

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

type timelineOut struct {
	Timeline []struct {
		Key          string `json:"key"`
		Kind         string `json:"kind"`
		Topic        string `json:"topic"`
		Articles     int    `json:"articles"`
		Converged    bool   `json:"converged"`
		Contradicted bool   `json:"contradicted"`
		Values       []struct {
			Value     string  `json:"value"`
			Text      string  `json:"text"`
			Sentence  string  `json:"sentence"`
			Article   string  `json:"article"`
			Outlet    string  `json:"outlet"`
			Version   int     `json:"version"`
			FirstSeen *string `json:"first_seen"`
			LastSeen  *string `json:"last_seen"`
			Current   bool    `json:"current"`
		} `json:"values"`
	} `json:"timeline"`
}

// TestTimelineDemoStory polls the demo story through all its revisions and
// checks that the timeline follows the summit's date across versions and
// outlets, and the Foreign Ministry's turn on NATO troops
// (monitor/harness/corpus/story/CHANGES.md).
func TestTimelineDemoStory(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	cfg := writeConfig(t, t.TempDir(), srv.FeedURLs(), summitStory)
	for i := 0; i < 10; i++ {
		mustCLI(t, "-c", cfg, "poll")
		if len(srv.Revise()) == 0 {
			break
		}
	}

	var tl timelineOut
	decodeJSON(t, mustCLI(t, "-c", cfg, "timeline", "--json"), &tl)

	t.Run("summit date", func(t *testing.T) {
		i := threadIndex(tl, "date", "summit", "meeting")
		if i < 0 {
			t.Fatalf("no date thread for the summit in %s", threadKeys(tl))
		}
		th := tl.Timeline[i]
		var wire []string // the wire story's wordings, in order of first report
		outlets := map[string]bool{}
		for _, v := range th.Values {
			outlets[v.Article] = true
			if v.FirstSeen == nil || v.LastSeen == nil || v.Sentence == "" || v.Outlet == "" {
				t.Errorf("incomplete value %+v", v)
			}
			if strings.Contains(v.Article, "/wire/") {
				wire = append(wire, v.Text+"="+v.Value)
				if v.Current != strings.Contains(v.Text, "September") {
					t.Errorf("value %q current = %v", v.Text, v.Current)
				}
			}
		}
		if len(wire) != 3 || !strings.Contains(wire[0], "two weeks=P2W") || wire[1] != "August 29=2025-08-29" ||
			!strings.HasPrefix(wire[2], "early September=") || !strings.HasSuffix(wire[2], "-09") {
			t.Errorf("wire story's summit dates = %q, want two weeks → August 29 → early September", wire)
		}
		if len(outlets) < 2 {
			t.Errorf("summit date reported by %d articles, want the courier's too", len(outlets))
		}
		// The wire says early September, the courier the end of August.
		if !th.Contradicted || th.Converged {
			t.Errorf("contradicted %v converged %v, want contradicted", th.Contradicted, th.Converged)
		}
	})

	t.Run("Foreign Ministry on NATO troops", func(t *testing.T) {
		i := -1
		for j, th := range tl.Timeline {
			if th.Kind == "position" && strings.HasPrefix(th.Key, "position/russia's foreign ministry/") {
				i = j
			}
		}
		if i < 0 {
			t.Fatalf("no position thread of Russia's Foreign Ministry in %s", threadKeys(tl))
		}
		th := tl.Timeline[i]
		if !strings.Contains(th.Topic, "NATO troops") || len(th.Values) != 2 {
			t.Fatalf("thread = %+v", th)
		}
		first, last := th.Values[0], th.Values[1]
		if first.Text != "ruled out" || first.Version != 1 || first.Current {
			t.Errorf("first value = %+v", first)
		}
		if !strings.Contains(last.Text, "consider") || last.Version != 3 || !last.Current {
			t.Errorf("last value = %+v", last)
		}
	})

	t.Run("one current value per article", func(t *testing.T) {
		for _, th := range tl.Timeline {
			n := map[string]int{}
			for _, v := range th.Values {
				if v.Current {
					n[v.Article]++
				}
			}
			for art, k := range n {
				if k > 1 {
					t.Errorf("%s: %s has %d current values", th.Key, art, k)
				}
			}
		}
	})

	t.Run("the wire story's correction notice", func(t *testing.T) {
		var only timelineOut
		decodeJSON(t, mustCLI(t, "-c", cfg, "timeline", "--json", "--kind", "correction,status"), &only)
		if len(only.Timeline) != 1 {
			t.Fatalf("correction and status threads = %s, want the wire story's corrections", threadKeys(only))
		}
		th := only.Timeline[0]
		if th.Kind != "correction" || th.Articles != 1 || len(th.Values) != 1 {
			t.Fatalf("thread = %+v", th)
		}
		v := th.Values[0]
		if !strings.HasPrefix(v.Text, "An earlier version of this story misstated") || v.Version != 5 || !v.Current ||
			!strings.Contains(v.Article, "/wire/") {
			t.Errorf("notice = %+v", v)
		}
	})

	t.Run("text output and kind filter", func(t *testing.T) {
		out := mustCLI(t, "-c", cfg, "timeline")
		for _, want := range []string{"date of the summit", "CONTRADICTED", "\"August 29\"", "Russia's Foreign Ministry on NATO troops", "* "} {
			if !strings.Contains(out, want) {
				t.Errorf("text output lacks %q:\n%s", want, out)
			}
		}
		var only timelineOut
		decodeJSON(t, mustCLI(t, "-c", cfg, "timeline", "--json", "--kind", "position"), &only)
		if len(only.Timeline) == 0 {
			t.Fatal("no position threads")
		}
		for _, th := range only.Timeline {
			if th.Kind != "position" {
				t.Errorf("--kind position printed %s", th.Key)
			}
		}
		if _, errOut, code := cli(t, "-c", cfg, "timeline", "--kind", "weather"); code == 0 || !strings.Contains(errOut, "--kind") {
			t.Errorf("bad --kind: exit %d, %q", code, errOut)
		}
	})
}

func threadIndex(tl timelineOut, kind string, words ...string) int {
	for i, th := range tl.Timeline {
		if th.Kind != kind {
			continue
		}
		for _, w := range words {
			if strings.Contains(th.Key, w) || strings.Contains(th.Topic, w) {
				return i
			}
		}
	}
	return -1
}

func threadKeys(tl timelineOut) string {
	var keys []string
	for _, th := range tl.Timeline {
		keys = append(keys, th.Key)
	}
	return strings.Join(keys, ", ")
}
