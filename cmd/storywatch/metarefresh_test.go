package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestMetaRefreshInterstitialIsFollowed: an item's link answers with an
// interstitial that sends the reader on at once (<meta http-equiv=refresh
// content="0; url=…">, one line of text): the article is read from where
// it sends, under that page's URL; its one line "Redirecting…" was stored
// as the article, over the feed's own text. A live page reloading itself
// every minute is read as it is; a hop to a page that fails keeps the
// feed's text.
func TestMetaRefreshInterstitialIsFollowed(t *testing.T) {
	var base string
	const interstitial = `<!doctype html><html><head><title>Redirecting</title><meta http-equiv="refresh" content="%s"></head><body><p>Redirecting…</p></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Hops</title>`)
		for _, p := range []string{"/r/1", "/live.html", "/r/broken"} {
			fmt.Fprintf(&b, `<item><title>Putin and Zelensky summit %[2]s</title><link>%[1]s%[2]s</link><description>%[3]s</description></item>`, base, p, summitDesc)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/r/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, interstitial, "0; URL='/world/summit.html'")
	})
	mux.HandleFunc("/r/broken", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, interstitial, "0;url=/gone.html")
	})
	mux.HandleFunc("/gone.html", http.NotFound)
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	mux.HandleFunc("/live.html", func(w http.ResponseWriter, r *http.Request) {
		page := strings.Replace(goodArticle, "<title>", `<meta http-equiv="refresh" content="60"><title>`, 1)
		page = strings.ReplaceAll(page, "/world/summit.html", "/live.html")
		fmt.Fprintf(w, page, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, "")

	want := []string{srv.URL + "/live.html", srv.URL + "/r/broken", srv.URL + "/world/summit.html"}
	if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q", got, want)
	}
	for url, source := range map[string]string{want[0]: "page", want[1]: "feed", want[2]: "page"} {
		var h struct {
			Versions []struct{ Source, Title string } `json:"versions"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "history", url, "--json"), &h)
		if len(h.Versions) != 1 || h.Versions[0].Source != source || strings.Contains(h.Versions[0].Title, "Redirecting") {
			t.Errorf("%s: versions %+v, want one from the %s", url, h.Versions, source)
		}
	}
}
