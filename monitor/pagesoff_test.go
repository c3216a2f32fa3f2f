package monitor

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store/bolt"
)

// TestPagesOffKeepsPageVersionsQuietly: a store holding page versions,
// polled with fetch.article_pages: false, keeps them without a WARN per
// article per poll: the page is not unavailable, it is not asked for. A
// page that fails while pages are on is warned of once.
func TestPagesOffKeepsPageVersionsQuietly(t *testing.T) {
	var pageDown atomic.Bool
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%[1]s</link>
<item><title>Summit set</title><link>%[1]s/world/summit.html</link><guid>summit</guid>
<description>The leaders will meet in Budapest on Friday, officials said on Monday.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		if pageDown.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Summit set</title></head><body><article><h1>Summit set</h1>
<p>The leaders will meet in Budapest on Friday, officials said on Monday.</p>
<p>About 10,000 troops could take part in a security force, a diplomat said.</p>
<p>Talks on the text of the deal went on late into the night in the capital.</p></article></body></html>`)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	st := openTestStore(t)
	poll := func(pages bool) string {
		t.Helper()
		cfg, err := config.Parse(fmt.Appendf(nil, "feeds:\n  - url: %q\nfetch:\n  allow_private_addresses: true\n  robots: false\n  article_pages: %v\n",
			srv.URL+"/feed.rss", pages), "pagesoff.yaml")
		if err != nil {
			t.Fatal(err)
		}
		logs := &syncBuffer{}
		m, err := New(Options{Config: cfg, Store: st, Logger: slog.New(slog.NewTextHandler(logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		if failed := m.PollAll(context.Background()).Failed(); len(failed) > 0 {
			t.Fatal(failed[0].Err)
		}
		return logs.String()
	}
	poll(true)
	for i := range 2 {
		if logs := poll(false); strings.Contains(logs, "level=WARN") {
			t.Errorf("pages off, poll %d warns:\n%s", i+1, logs)
		}
	}
	v, err := st.LatestVersion(articleIDOf(t, st))
	if err != nil {
		t.Fatal(err)
	}
	if v.Seq != 1 || v.Source != "page" {
		t.Errorf("latest version %d from %s, want the page's first", v.Seq, v.Source)
	}
	// A page that fails is warned of once, as the item's error; the
	// version kept is told at INFO.
	pageDown.Store(true)
	logs := poll(true)
	if strings.Count(logs, "level=WARN") != 1 || !strings.Contains(logs, `level=WARN msg="article failed"`) ||
		!strings.Contains(logs, `level=INFO msg="kept last good version"`) {
		t.Errorf("a failing page: want one WARN (article failed) and the version kept at INFO:\n%s", logs)
	}
}

// articleIDOf is the id of the one article in st.
func articleIDOf(t *testing.T, st *bolt.Store) string {
	t.Helper()
	arts, err := st.Articles()
	if err != nil || len(arts) != 1 {
		t.Fatalf("articles %v, %v; want one", arts, err)
	}
	return arts[0].ID
}
