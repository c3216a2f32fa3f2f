package monitor_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor"
)

// TestPollAllJoinsThePollInProgress: a PollAll (the `poll` a daemon runs for
// the CLI) that reaches a feed while the daemon's scheduled poll of it is
// under way waits for that poll and reports what it did (the new article),
// Joined; it neither reports "0 new versions" for an article the other
// poll has just stored nor fetches the page a second time.
func TestPollAllJoinsThePollInProgress(t *testing.T) {
	pageAsked := make(chan struct{}, 4)
	release := make(chan struct{})
	var pageFetches atomic.Int32
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%[1]s</link>
<item><title>Summit set</title><link>%[1]s/world/summit.html</link><guid>summit</guid></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		pageFetches.Add(1)
		pageAsked <- struct{}{}
		<-release // the scheduled poll is under way until the test says
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, outletPage, "Summit set", "Friday", "10,000")
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := feedsConfig(t, filepath.Join(t.TempDir(), "sw.db"), []string{srv.URL + "/feed.rss"}, "  robots: false\n")
	st := mustOpenStore(t)
	m := startMonitor(t, monitor.Options{Config: cfg, Store: st})
	ctx := context.Background()

	scheduled := make(chan monitor.FeedResult, 1)
	go func() { scheduled <- m.PollFeed(ctx, 0, true) }()
	<-pageAsked // the scheduled poll holds the feed
	pass := make(chan monitor.PassResult, 1)
	go func() { pass <- m.PollAll(ctx) }()
	// Give PollAll the time to reach the feed; should it come later it
	// polls on its own and the test fails on what it reports.
	time.Sleep(200 * time.Millisecond)
	close(release)
	s := <-scheduled
	var p monitor.PassResult
	select {
	case p = <-pass:
	case <-time.After(30 * time.Second):
		t.Fatal("PollAll did not return")
	}
	if s.Err != nil || s.NewVersions != 1 || s.Joined {
		t.Fatalf("scheduled poll: %+v, want the one new article", s)
	}
	if len(p.Feeds) != 1 {
		t.Fatalf("pass: %+v", p)
	}
	if f := p.Feeds[0]; f.Err != nil || !f.Joined || f.NewVersions != 1 || f.Matched != 1 {
		t.Errorf("PollAll reported %+v, want the scheduled poll's new article, joined", f)
	}
	if n := pageFetches.Load(); n != 1 {
		t.Errorf("page fetched %d times, want once", n)
	}
	// Later passes poll on their own again.
	if f := m.PollAll(ctx).Feeds[0]; f.Joined || f.Err != nil {
		t.Errorf("a pass with no poll under way: %+v", f)
	}
}
