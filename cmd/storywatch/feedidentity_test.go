package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// pollArticleURLs polls cfg once through the CLI and returns the URLs of
// the tracked articles, sorted.
func pollArticleURLs(t *testing.T, cfg string) []string {
	t.Helper()
	mustCLI(t, "-c", cfg, "poll")
	var arts struct {
		Articles []struct{ URL string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	var urls []string
	for _, a := range arts.Articles {
		urls = append(urls, a.URL)
	}
	slices.Sort(urls)
	return urls
}

// TestItemsSharingAGUIDAreEachKept: a CMS that gives every item the same
// GUID (here its site's URL) lists three articles; each is tracked, and the
// one listed twice (same GUID, same link) once. With the GUID alone as the
// item's identity the feed gave one article and lost two.
func TestItemsSharingAGUIDAreEachKept(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/cms.rss", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>CMS</title>`)
		for _, n := range []int{1, 2, 3, 1} {
			fmt.Fprintf(&b, `<item><title>Story %[2]d</title><link>%[1]s/story/%[2]d</link><guid isPermaLink="false">%[1]s/</guid>`+
				`<description>Story %[2]d: the leaders will meet in Budapest on August %[2]d, officials said on Monday.</description></item>`, base, n)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/cms.rss"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))

	got := pollArticleURLs(t, cfg)
	want := []string{srv.URL + "/story/1", srv.URL + "/story/2", srv.URL + "/story/3"}
	if !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
}

// TestJSONFeedItemWithOnlyAnID: a JSON Feed item that gives only its id, a
// URL (the spec's ideal id: the resource's full URL), is tracked from that
// page; one whose id is no URL has nothing to read and is skipped. The
// first was dropped as having no usable link.
func TestJSONFeedItemWithOnlyAnID(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"IDs","items":[{"id":"%s/world/summit.html"},{"id":"42"}]}`, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, goodArticle, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.json"}, "")

	want := []string{srv.URL + "/world/summit.html"}
	if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q", got, want)
	}
	var h struct {
		Versions []struct{ Source, Title string } `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", want[0], "--json"), &h)
	if len(h.Versions) != 1 || h.Versions[0].Source != "page" || !strings.Contains(h.Versions[0].Title, "summit") {
		t.Errorf("versions %+v, want one read from the page", h.Versions)
	}
}
