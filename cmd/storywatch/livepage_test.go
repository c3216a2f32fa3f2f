package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestLivePageUpdatesListedOneByOne: a feed lists a live page's updates as
// items of their own, each linked to an anchor of the page. With article
// pages off they are one article holding every update, the same on every
// poll whatever order the items are handled in: its text was whichever
// item took the article first, flipping from poll to poll (each flip a
// version with fact changes) while the other updates were never stored.
func TestLivePageUpdatesListedOneByOne(t *testing.T) {
	var base string
	updates := []string{
		"Putin and Zelensky will meet in Budapest on Friday, officials said on Monday.",
		"Ceasefire talks between Russia and Ukraine resume in Geneva on Tuesday, with 40 delegates.",
		"The Putin and Zelensky summit moved to September 3, a Kremlin spokesman said.",
	}
	var polls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/live.rss", func(w http.ResponseWriter, r *http.Request) {
		polls.Add(1)
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>`)
		for i, u := range updates {
			fmt.Fprintf(&b, `<item><title>Summit live, update %[2]d</title><link>%[1]s/world/live.html#update-%[2]d</link><guid isPermaLink="false">u%[2]d</guid><description>%[3]s</description></item>`, base, i, u)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/live.rss"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))

	for range 5 {
		mustCLI(t, "-c", cfg, "poll")
	}
	if n := polls.Load(); n != 5 {
		t.Fatalf("the feed was read %d times, want 5", n)
	}
	var arts struct {
		Articles []struct {
			ID, URL  string
			Versions int
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 1 || arts.Articles[0].URL != srv.URL+"/world/live.html" || arts.Articles[0].Versions != 1 {
		t.Fatalf("articles %+v, want the live page with one version after 5 polls", arts.Articles)
	}
	text := mustCLI(t, "-c", cfg, "history", arts.Articles[0].ID, "--text", "1")
	for _, u := range updates {
		if !strings.Contains(text, u) {
			t.Errorf("the stored text lacks the update %q:\n%s", u, text)
		}
	}
}
