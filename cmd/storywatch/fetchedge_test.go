package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHangingFeedSparesItsHostsOtherFeeds: feeds of a host hang, each
// holding the host's one request slot (fetch.per_host_concurrency 1) until
// fetch.timeout. A good feed of the same host, and its article page, wait
// for the slot and then get their own fetch.timeout: the feed is read and
// the article stored from its page, instead of timing out while they
// waited and being reported as hanging themselves.
func TestHangingFeedSparesItsHostsOtherFeeds(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/hang/", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/good.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, goodFeed, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	feeds := []string{srv.URL + "/hang/1", srv.URL + "/good.rss", srv.URL + "/hang/2", srv.URL + "/hang/3"}
	cfg := writeConfig(t, t.TempDir(), feeds, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  timeout: 1s\n  per_host_concurrency: 1\n  workers: 8\n  robots: false\n", 1))
	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll exit %d: %s", code, errOut)
	}
	var fs struct {
		Feeds []struct{ URL, Status, Error string } `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	for _, f := range fs.Feeds {
		hangs := strings.Contains(f.URL, "/hang/")
		if hangs != (f.Status == "error") || hangs != strings.Contains(f.Error, "time") || strings.Contains(f.Error, "host slot") {
			t.Errorf("%s: status %q, error %q", f.URL, f.Status, f.Error)
		}
	}
	var h struct {
		Versions []struct{ Source string } `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", srv.URL+"/world/summit.html", "--json"), &h)
	if len(h.Versions) != 1 || h.Versions[0].Source != "page" {
		t.Errorf("versions %+v, want one from the page", h.Versions)
	}
}
