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

// TestPollNamesFailedArticles: a feed that read well but one of whose
// articles could not be stored (its page answers 404, another 500) says so
// on poll's stderr with the count and the first error, beside its summary
// line on stdout; poll still exits 0 and stores the article that read.
func TestPollNamesFailedArticles(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/news.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>`+
			`<item><title>Putin and Zelensky set for summit</title><link>%[1]s/world/summit.html</link></item>`+
			`<item><title>Putin and Zelensky summit venue</title><link>%[1]s/gone.html</link></item>`+
			`<item><title>Putin and Zelensky summit date</title><link>%[1]s/broken.html</link></item></channel></rss>`, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, goodArticle, base) })
	mux.HandleFunc("/gone.html", http.NotFound)
	mux.HandleFunc("/broken.html", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/news.rss"}, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  robots: false\n", 1))

	out, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll: exit %d, want 0\nstderr: %s", code, errOut)
	}
	if !strings.Contains(out, "Desk: 3 items, 3 on the story, 1 new version (0 changed)") {
		t.Errorf("stdout %q: want the feed's summary line", out)
	}
	line := ""
	for l := range strings.Lines(errOut) {
		if strings.HasPrefix(l, "storywatch: feed Desk: ") {
			line = l
		}
	}
	if !strings.Contains(line, "2 articles failed, first: ") || !strings.Contains(line, "/gone.html") && !strings.Contains(line, "/broken.html") {
		t.Errorf("stderr line %q: want the count of failed articles and the first one's error naming its page\n%s", line, errOut)
	}
	var feeds struct {
		Feeds []struct{ URL, Error string } `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &feeds)
	if len(feeds.Feeds) != 1 || feeds.Feeds[0].Error != "" {
		t.Errorf("feeds %+v: want the feed read well, no error", feeds.Feeds)
	}
	t.Logf("stderr:\n%s", errOut)
}
