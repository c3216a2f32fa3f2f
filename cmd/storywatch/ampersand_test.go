package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestDoublyEscapedAmpersandsInFeedLinks reads a feed whose CMS escaped
// the ampersands of its links twice ("&amp;amp;" in the XML, or
// WordPress's "&#038;" escaped again). The links came out as
// "?id=5&amp;page=2": the page was asked for with a parameter named
// "amp;page" (another page, on a site that reads it), and
// "?utm_source=rss&amp;amp;utm_medium=x" kept "amp;utm_medium" past the
// tracking-parameter cleaning, so an article the feed also listed plainly
// was tracked a second time under its own URL. Now each link's query is
// the one meant.
func TestDoublyEscapedAmpersandsInFeedLinks(t *testing.T) {
	var mu sync.Mutex
	var asked []string // the query of each page request
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Amps</title><link>%[1]s/</link>
<item><title>Summit plain</title><link>%[1]s/world/summit.html</link></item>
<item><title>Summit tracked</title><link>%[1]s/world/summit.html?utm_source=rss&amp;amp;utm_medium=feed</link></item>
<item><title>Summit paged</title><link>%[1]s/story?id=5&amp;amp;page=2</link></item>
<item><title>Summit wordpress</title><link>%[1]s/story?id=6&amp;#038;page=3</link></item>
<item><title>Summit thrice</title><link>%[1]s/story?id=7&amp;amp;amp;page=4</link></item>
<item><title>Summit encoded</title><link>%[1]s/story?q=tom%%26jerry&amp;page=5</link></item>
</channel></rss>`, base)
	})
	page := func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.RawQuery)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Summit %[1]s</title></head><body><article>
<p>Page %[1]s: the leaders will meet in Geneva on August 29, officials said on Monday.</p>
<p>About 300 delegates are expected at the talks, a diplomat said.</p></article></body></html>`, r.URL.RawQuery)
	}
	mux.HandleFunc("/world/summit.html", page)
	mux.HandleFunc("/story", page)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  robots: false\n", 1))
	mustCLI(t, "-c", cfg, "poll")

	urls := articleURLs(t, cfg)
	for i := range urls {
		urls[i] = strings.TrimPrefix(urls[i], srv.URL)
	}
	slices.Sort(urls)
	want := []string{"/story?id=5&page=2", "/story?id=6&page=3", "/story?id=7&page=4", "/story?page=5&q=tom%26jerry", "/world/summit.html"}
	if !slices.Equal(urls, want) {
		t.Errorf("articles %q, want %q", urls, want)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, q := range asked {
		if strings.Contains(q, "amp;") || strings.Contains(q, "#038;") {
			t.Errorf("a page was asked for with the query %q", q)
		}
	}
}
