package monitor_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
)

// TestArticleInTwoFeedsFetchedOncePerPass: outlets list an article in
// several feeds, with different tracking parameters; a pass asks for its
// page once, and the article records every feed it was listed in.
func TestArticleInTwoFeedsFetchedOncePerPass(t *testing.T) {
	var pageHits atomic.Int32
	const page = `<!doctype html><html><head><title>Summit set</title></head><body><article><h1>Summit set</h1>
<p>The leaders will meet in Budapest on August 29, officials said on Monday.</p>
<p>About 10,000 troops could take part in a security force, a diplomat said.</p></article></body></html>`
	mux := http.NewServeMux()
	var base string
	feed := func(query string) string {
		return fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>%[1]s</link>
<item><title>Summit set</title><link>%[1]s/world/summit.html%[2]s</link><guid>summit</guid></item></channel></rss>`, base, query)
	}
	mux.HandleFunc("/a.rss", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, feed("")) })
	mux.HandleFunc("/b.rss", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, feed("?utm_source=rss")) })
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	cfg, err := config.Parse([]byte(fmt.Sprintf("store:\n  path: unused.db\nfeeds:\n  - url: %q\n  - url: %q\nfetch:\n  allow_private_addresses: true\n",
		srv.URL+"/a.rss", srv.URL+"/b.rss")), "pass.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpenStore(t)
	m, err := monitor.New(monitor.Options{Config: cfg, Store: st})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })

	for pass := 1; pass <= 2; pass++ {
		before := pageHits.Load()
		res := m.PollAll(context.Background())
		if failed := res.Failed(); len(failed) > 0 {
			t.Fatalf("pass %d: %v", pass, failed[0].Err)
		}
		if got := pageHits.Load() - before; got != 1 {
			t.Errorf("pass %d: page fetched %d times, want once", pass, got)
		}
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 {
		t.Fatalf("%d articles stored, want 1", len(arts))
	}
	feeds := slices.Clone(arts[0].Feeds)
	slices.Sort(feeds)
	if want := []string{srv.URL + "/a.rss", srv.URL + "/b.rss"}; !slices.Equal(feeds, want) {
		t.Errorf("article feeds %v, want %v", feeds, want)
	}
	if arts[0].ETag != "" || !strings.HasPrefix(arts[0].URL, srv.URL) {
		t.Errorf("article record %+v", arts[0])
	}
}
