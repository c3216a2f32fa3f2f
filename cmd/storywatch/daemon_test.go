package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// TestReadCommandsWhileDaemonRuns starts the real daemon, which holds the
// bbolt lock, and checks that read commands still answer (through the
// daemon's control socket), that a second daemon fails fast, and that
// SIGTERM stops the daemon with exit 0.
func TestReadCommandsWhileDaemonRuns(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), summitStory)
	stop := startDaemon(t, cfg, filepath.Join(dir, "storywatch.db.sock"))

	// The daemon polls once at start; wait until its articles are visible.
	var articles struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		out, errOut, code := cli(t, "-c", cfg, "articles", "--json")
		if code == 0 {
			decodeJSON(t, out, &articles)
			if len(articles.Articles) > 0 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("articles never became visible while the daemon runs: exit %d, %s", code, errOut)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// poll while the daemon runs: the daemon makes the pass.
	if out := mustCLI(t, "-c", cfg, "poll"); !strings.Contains(out, "delivered by the running daemon") {
		t.Errorf("poll while the daemon runs: %q", out)
	}
	for _, args := range [][]string{
		{"feeds", "--json"},
		{"history", articles.Articles[0].ID, "--json"},
		{"changes", "--json"},
		{"timeline", "--json"},
		{"alerts", "--json"},
	} {
		out := mustCLI(t, append([]string{"-c", cfg}, args...)...)
		var v map[string]any
		decodeJSON(t, out, &v)
	}

	// A second daemon on the same store fails fast with a clear message.
	// (Killed after a minute so that a hang fails the test instead of blocking it.)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	second := exec.CommandContext(ctx, binPath, "-c", cfg, "run")
	var secondErr bytes.Buffer
	second.Stderr = &secondErr
	err := second.Run()
	if err == nil {
		t.Fatal("a second daemon on the same store started")
	}
	if !strings.Contains(secondErr.String(), "in use") {
		t.Errorf("second daemon's message %q does not say the store is in use", secondErr.String())
	}

	stop()
	// With the daemon gone the CLI opens the store itself.
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &articles)
	if len(articles.Articles) == 0 {
		t.Error("articles vanished after the daemon stopped")
	}
}

// TestForwardedPollRunsOnTheDaemonsMonitor: `poll` while the daemon runs
// makes its pass on the daemon's own Monitor, not on a second one (a second
// store writer, article locks, site learner and HTTP client): the pass
// happens, and it reuses the daemon's robots.txt, which a fresh client
// would fetch again.
func TestForwardedPollRunsOnTheDaemonsMonitor(t *testing.T) {
	var robotsHits, feedHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		feedHits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Summit set</title><link>http://%s/news/summit.html</link></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/news/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Summit set</title></head><body><article><h1>Summit set</h1>
<p>The leaders will meet in Budapest on August 29, officials said on Monday after the talks.</p>
<p>About 10,000 troops could take part in a security force, a diplomat said later that day.</p></article></body></html>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, []string{srv.URL + "/feed.rss"}, "")
	stop := startDaemon(t, cfg, filepath.Join(dir, "storywatch.db.sock"))
	defer stop()

	// The daemon's first pass stores the article, asking robots.txt once.
	deadline := time.Now().Add(30 * time.Second)
	for {
		var articles struct {
			Articles []struct{} `json:"articles"`
		}
		if out, _, code := cli(t, "-c", cfg, "articles", "--json"); code == 0 {
			decodeJSON(t, out, &articles)
			if len(articles.Articles) == 1 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the daemon's first pass stored nothing")
		}
		time.Sleep(100 * time.Millisecond)
	}
	robots, feeds := robotsHits.Load(), feedHits.Load()
	if robots != 1 {
		t.Fatalf("robots.txt fetched %d times by the first pass, want 1", robots)
	}

	out := mustCLI(t, "-c", cfg, "poll")
	if !strings.Contains(out, "1 item, 1 on the story") || !strings.Contains(out, "delivered by the running daemon") {
		t.Errorf("forwarded poll printed %q", out)
	}
	if got := feedHits.Load(); got <= feeds {
		t.Errorf("the forwarded poll did not fetch the feed (%d requests before, %d after)", feeds, got)
	}
	if got := robotsHits.Load(); got != robots {
		t.Errorf("robots.txt fetched again by the forwarded poll (%d times in all): it ran on a second Monitor", got)
	}
}
