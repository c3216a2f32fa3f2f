package monitor

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/config"
)

// TestPassesShareOneFeedAtATime: a daemon runs its schedule and the passes
// the CLI asks for on one Monitor; two passes at once never poll the same
// feed concurrently (both would write its state; a pass that finds the feed
// polled joins that poll, or waits its turn), and after Close a pass polls
// nothing.
func TestPassesShareOneFeedAtATime(t *testing.T) {
	var inFlight, maxInFlight, hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		// Long enough for the other pass to reach the feed meanwhile.
		time.Sleep(50 * time.Millisecond)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	cfg, err := config.Parse([]byte(fmt.Sprintf("store:\n  path: unused.db\nfeeds:\n  - url: %q\nfetch:\n  allow_private_addresses: true\n", srv.URL+"/feed.rss")), "life.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(Options{Config: cfg, Store: openTestStore(t)})
	if err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if res := m.PollAll(context.Background()); len(res.Failed()) > 0 {
				t.Errorf("pass: %v", res.Failed()[0].Err)
			}
		})
	}
	wg.Wait()
	polled := hits.Load()
	if polled < 1 || polled > 3 || maxInFlight.Load() != 1 {
		t.Errorf("%d feed requests, at most %d at once; want 1-3 (one per pass, or joined), one at a time", polled, maxInFlight.Load())
	}

	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	res := m.PollAll(context.Background())
	if res.Feeds[0].Skipped == "" || hits.Load() != polled {
		t.Errorf("pass after Close: %+v, %d feed requests in all", res.Feeds[0], hits.Load())
	}
}
