package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestItemWhosePageFailedIsRetriedBehindA304: an item without text of its
// own whose article page answers 503 once is tried again on the next poll,
// though the feed, unchanged, would answer 304: the validators of a feed
// with an item that failed for a reason that may pass are forgotten. (The
// item was lost until the feed changed: for a quiet feed, for good.) An
// item whose page is gone for good (404) does not cost its feed the 304.
func TestItemWhosePageFailedIsRetriedBehindA304(t *testing.T) {
	var base string
	var pageHits atomic.Int32
	feedAnswers := map[string]*atomic.Int32{"/busy.rss": {}, "/gone.rss": {}}
	mux := http.NewServeMux()
	for path, page := range map[string]string{"/busy.rss": "/world/summit.html", "/gone.rss": "/gone.html"} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			feedAnswers[path].Add(1)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`+
				`<item><title>Putin and Zelensky set for summit</title><link>%s%s</link></item></channel></rss>`, path, base, page)
		})
	}
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		if pageHits.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintf(w, goodArticle, base)
	})
	mux.HandleFunc("/gone.html", http.NotFound)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/busy.rss", srv.URL + "/gone.rss"}, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  robots: false\n", 1))

	mustCLI(t, "-c", cfg, "poll")
	mustCLI(t, "-c", cfg, "poll")
	var arts struct {
		Articles []struct{ URL string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 1 || arts.Articles[0].URL != srv.URL+"/world/summit.html" {
		t.Errorf("articles %+v, want the busy page's article after the second poll", arts.Articles)
	}
	if n := feedAnswers["/gone.rss"].Load(); n != 1 {
		t.Errorf("the feed whose item's page is gone was read whole %d times, want once (then 304)", n)
	}
	mustCLI(t, "-c", cfg, "poll")
	if n := feedAnswers["/busy.rss"].Load(); n != 2 {
		t.Errorf("the busy feed was read whole %d times, want twice (then 304 once its item was stored)", n)
	}
}
