package monitor_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor"
)

// TestHomePageCanonicalKeepsArticlesApart: a site whose template gives every
// page its home page as canonical URL keeps one article per page. Taken at
// its word, the three articles were one whose text flipped on every pass,
// each flip a version with fact changes.
func TestHomePageCanonicalKeepsArticlesApart(t *testing.T) {
	cities := []string{"Budapest", "Geneva", "Istanbul"}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%s/</link>`, srv.URL)
		for i := range cities {
			fmt.Fprintf(w, `<item><title>Summit %d</title><link>%s/world/%d.html</link><guid>%d</guid></item>`, i, srv.URL, i, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/world/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/world/%d.html", &i); err != nil || i >= len(cities) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := fmt.Sprintf(outletPage, "Summit in "+cities[i], cities[i], fmt.Sprint(1000*(i+1)))
		fmt.Fprintf(w, "%s", strings.Replace(page, "<head>", fmt.Sprintf(`<head><link rel="canonical" href="%s/">`, srv.URL), 1))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := feedsConfig(t, filepath.Join(t.TempDir(), "sw.db"), []string{srv.URL + "/feed.rss"}, "  robots: false\n")
	st := mustOpenStore(t)
	m := startMonitor(t, monitor.Options{Config: cfg, Store: st})
	for pass := 1; pass <= 2; pass++ {
		if failed := m.PollAll(context.Background()).Failed(); len(failed) > 0 {
			t.Fatal(failed[0].Err)
		}
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(cities) {
		t.Fatalf("%d articles, want %d: %+v", len(arts), len(cities), arts)
	}
	for _, a := range arts {
		if a.Versions != 1 {
			t.Errorf("%s: %d versions after two passes over unchanged pages, want 1", a.URL, a.Versions)
		}
	}
}
