package monitor_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
)

// TestFirstPageAfterFeedTextIsNoFactChange: an article stored from its
// feed's summary while its page failed gets its page's text as the next
// version once the page answers, with no fact change and no alert: every
// fact of the page not in the summary came out "added" and alerted, though
// nothing was edited. An edit after that is reported as usual.
func TestFirstPageAfterFeedTextIsNoFactChange(t *testing.T) {
	var pageDown atomic.Bool
	var troops atomic.Value
	troops.Store("10,000")
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%[1]s</link>
<item><title>Summit set</title><link>%[1]s/world/summit.html</link><guid>summit</guid>
<description>The leaders will meet in Budapest, officials said.</description></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		if pageDown.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, outletPage, "Summit set", "Friday", troops.Load().(string))
	})
	mux.HandleFunc("/hook", func(w http.ResponseWriter, r *http.Request) {})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg, err := config.Parse(fmt.Appendf(nil, `store:
  path: %q
feeds:
  - url: %q
fetch:
  allow_private_addresses: true
  robots: false
notify:
  webhooks:
    - url: %q
`, filepath.Join(t.TempDir(), "sw.db"), srv.URL+"/feed.rss", srv.URL+"/hook"), "feedpage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpenStore(t)
	m := startMonitor(t, monitor.Options{Config: cfg, Store: st, Notifiers: channelsFor(t, cfg)})
	poll := func() {
		t.Helper()
		if failed := m.PollAll(context.Background()).Failed(); len(failed) > 0 {
			t.Fatal(failed[0].Err)
		}
	}
	pageDown.Store(true)
	poll() // v1: the feed's summary
	pageDown.Store(false)
	poll() // v2: the page
	troops.Store("12,000")
	poll() // v3: an edit

	arts, err := st.Articles()
	if err != nil || len(arts) != 1 {
		t.Fatalf("articles %v, %v; want one", arts, err)
	}
	changes, err := st.ArticleChanges(arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[int]int{}
	for _, c := range changes {
		facts[c.Version] = len(c.Facts)
		if len(c.SinceFirst) > 0 {
			t.Errorf("v%d compared with the feed's summary since the first version: %+v", c.Version, c.SinceFirst)
		}
	}
	if len(changes) != 2 || facts[2] != 0 || facts[3] != 1 {
		t.Errorf("fact changes by version %v, want v2 none (the first page) and v3 the troops", facts)
	}
	out, err := st.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 {
		t.Errorf("%d alerts queued, want one (v3's)", len(out))
	}
}
