package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSIGTERMStartsNoNewArticle stops the daemon while its one worker
// fetches the first of a feed's pages and the next item waits for the
// worker. Before, the item that waited through SIGTERM started when the
// worker came free, and then fetched its page (a page past shutdown gets
// the whole timeout, and twice it again to wait for its host), and so on:
// with slow pages shutdown outlasted the unit's TimeoutStopSec=60. Now the
// article in hand is finished and stored, no other page is asked for, and
// the daemon exits 0; the next pass takes up the rest.
func TestSIGTERMStartsNoNewArticle(t *testing.T) {
	const items = 3
	var pages atomic.Int32
	hold := make(chan struct{})
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/feed.rss":
			writeItemFeed(w, srv.URL, items)
		case strings.HasPrefix(r.URL.Path, "/a/"):
			if pages.Add(1) == 1 {
				<-hold // the article in hand when SIGTERM comes
			}
			writeItemPage(w, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	release := sync.OnceFunc(func() { close(hold) })
	t.Cleanup(release)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, []string{srv.URL + "/feed.rss"}, "")
	stop := startDaemonOnPages(t, cfg, "", &pages)
	// The first page answers a moment after SIGTERM has been taken.
	time.AfterFunc(time.Second, release)
	stop()

	if n := pages.Load(); n != 1 {
		t.Errorf("%d article pages fetched, want 1: the daemon started articles after SIGTERM", n)
	}
	if urls := articleURLs(t, cfg); len(urls) != 1 || !strings.HasSuffix(urls[0], "/a/0.html") {
		t.Errorf("stored %q, want the article in hand (/a/0.html) alone", urls)
	}
	mustCLI(t, "-c", cfg, "poll")
	if urls := articleURLs(t, cfg); len(urls) != items {
		t.Errorf("%d of %d items stored after the next poll: %q", len(urls), items, urls)
	}
}

// writeItemFeed writes an RSS feed titled Slow whose items link to
// base/a/0.html … base/a/(items-1).html, the pages writeItemPage serves.
func writeItemFeed(w http.ResponseWriter, base string, items int) {
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>%s/</link>`, base)
	for i := range items {
		fmt.Fprintf(w, `<item><title>Summit item %[2]d</title><link>%[1]s/a/%[2]d.html</link></item>`, base, i)
	}
	fmt.Fprint(w, `</channel></rss>`)
}

// writeItemPage writes the article page of one of writeItemFeed's items.
func writeItemPage(w http.ResponseWriter, path string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><html><head><title>Summit item %[1]s</title></head><body><article>
<p>Item %[1]s: the leaders will meet in Geneva on August 29, officials said on Monday.</p>
<p>About 300 delegates are expected at the talks, a diplomat said.</p></article></body></html>`, path)
}

// articleURLs is the URL of every article `articles --json` lists.
func articleURLs(t *testing.T, cfg string) []string {
	t.Helper()
	var arts struct {
		Articles []struct {
			URL string `json:"url"`
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	urls := make([]string, len(arts.Articles))
	for i, a := range arts.Articles {
		urls[i] = a.URL
	}
	return urls
}

// startDaemonOnPages starts the daemon on cfg with one worker (and the
// fetch settings in fetch, YAML lines), no jitter and no robots.txt, and
// returns once it has asked for an article page (pages counts them).
func startDaemonOnPages(t *testing.T, cfg, fetch string, pages *atomic.Int32) func() {
	t.Helper()
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n",
		"fetch:\n  workers: 1\n  jitter: 0s\n  robots: false\n"+fetch, 1))
	stop := startDaemon(t, cfg, filepath.Join(filepath.Dir(cfg), "storywatch.db.sock"))
	for deadline := time.Now().Add(20 * time.Second); pages.Load() == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the daemon never fetched an article page")
		}
	}
	return stop
}

// TestPerHostIntervalLongerThanTheSlotBudget sets fetch.per_host_interval
// above twice the timeout, as a polite crawl of slow sites does (30s
// against the default 20s). The wait for a request's turn counted
// against the budget for a host slot (twice the timeout), so every page
// of a pass but the first timed out waiting ("wait for host slot: after
// 2s: request timed out"), pass after pass. Now the spacing is waited
// for apart from that budget and every page is fetched, spaced.
func TestPerHostIntervalLongerThanTheSlotBudget(t *testing.T) {
	const items = 3
	const interval = 1500 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		if r.URL.Path == "/feed.rss" {
			writeItemFeed(w, srv.URL, items)
			return
		}
		writeItemPage(w, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n",
		"fetch:\n  timeout: 1s\n  per_host_interval: 1500ms\n  jitter: 0s\n  robots: false\n", 1))

	out, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 || strings.Contains(errOut, "wait for host slot") {
		t.Errorf("poll: exit %d\n%s%s", code, out, errOut)
	}
	if urls := articleURLs(t, cfg); len(urls) != items {
		t.Errorf("%d of %d pages stored: %q", len(urls), items, urls)
	}
	mu.Lock()
	defer mu.Unlock()
	for i := 1; i < len(starts); i++ {
		// A little slack for the timer and the scheduler.
		if gap := starts[i].Sub(starts[i-1]); gap < interval-50*time.Millisecond {
			t.Errorf("request %d came %s after the one before, want at least %s", i, gap, interval)
		}
	}
}

// TestSIGTERMWhileWaitingForHostSpacing stops the daemon while its pages
// wait their turn under a long fetch.per_host_interval. A page whose
// fetch has not started is not in hand: the daemon exits at once rather
// than wait out the spacing (past the unit's TimeoutStopSec), and stores
// no version from the items' feed text in place of pages it never asked
// for (the next pass fetches them).
func TestSIGTERMWhileWaitingForHostSpacing(t *testing.T) {
	var feedHits, pages atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.rss" {
			pages.Add(1)
			writeItemPage(w, r.URL.Path)
			return
		}
		feedHits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Spaced</title>
<item><title>Summit spaced</title><link>%s/a/0.html</link>
<description>Putin and Zelensky looked set for a peace summit after talks in Kyiv, officials said on Monday.</description></item>
</channel></rss>`, srv.URL)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, []string{srv.URL + "/feed.rss"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n",
		"fetch:\n  per_host_interval: 10m\n  jitter: 0s\n  robots: false\n", 1))

	stop := startDaemon(t, cfg, filepath.Join(dir, "storywatch.db.sock"))
	for deadline := time.Now().Add(20 * time.Second); feedHits.Load() == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the daemon never fetched the feed")
		}
	}
	time.Sleep(300 * time.Millisecond) // the page now waits for its turn
	begin := time.Now()
	stop()
	if took := time.Since(begin); took > 10*time.Second {
		t.Errorf("shutdown took %s", took)
	}
	if n := pages.Load(); n != 0 {
		t.Errorf("%d pages fetched within the 10m spacing", n)
	}
	if urls := articleURLs(t, cfg); len(urls) != 0 {
		t.Errorf("stored %q from the feed's text in place of a page never asked for", urls)
	}
}
