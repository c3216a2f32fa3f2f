package main

import (
	"strconv"
	"strings"
	"testing"
)

// TestHistoryText prints each version of an article of the demo story
// with `history --text N` and checks it against `history --json` and
// `history --text N --json`; an absent version lists the ones there are.
func TestHistoryText(t *testing.T) {
	cfg := keptDemo(t)
	all := changesJSON(t, cfg)
	id := all[0].ArticleID
	var h struct {
		Versions []struct {
			Version int    `json:"version"`
			Title   string `json:"title"`
			Words   int    `json:"words"`
		} `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", id, "--json"), &h)
	if len(h.Versions) < 2 {
		t.Fatalf("article %s has %d versions", id, len(h.Versions))
	}
	texts := map[string]bool{}
	for _, v := range h.Versions {
		n := strconv.Itoa(v.Version)
		out := mustCLI(t, "-c", cfg, "history", id, "--text", n)
		head, body, ok := strings.Cut(out, "\n\n")
		if !ok || !strings.HasPrefix(head, v.Title+"\n") || !strings.Contains(head, "version "+n+", fetched ") ||
			!strings.Contains(head, "(storywatch's clock)") {
			t.Errorf("version %s: header %q", n, head)
		}
		if got := len(strings.Fields(body)); got != v.Words {
			t.Errorf("version %s: %d words printed, history says %d", n, got, v.Words)
		}
		texts[body] = true
		var j struct {
			Version struct {
				Version int    `json:"version"`
				Text    string `json:"text"`
			} `json:"version"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "history", id, "--text", n, "--json"), &j)
		if j.Version.Version != v.Version || j.Version.Text+"\n" != body {
			t.Errorf("version %s: --json gives version %d and another text", n, j.Version.Version)
		}
	}
	if len(texts) != len(h.Versions) {
		t.Errorf("%d versions printed only %d distinct texts", len(h.Versions), len(texts))
	}
	_, errOut, code := cli(t, "-c", cfg, "history", id, "--text", "99")
	if code == 0 || !strings.Contains(errOut, "version 99") || !strings.Contains(errOut, "versions: 1, 2") {
		t.Errorf("history --text 99: exit %d, %q", code, errOut)
	}
}
