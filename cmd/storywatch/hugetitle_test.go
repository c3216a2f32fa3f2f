package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHugeTitlesAreClipped: a 440 KB title, in a feed item (pages off) or
// on an article page (pages on), and a feed whose own title is as long, are
// stored clipped to a headline's length, cut between runes: they were
// stored whole in every version and change, and printed whole by every
// command.
func TestHugeTitlesAreClipped(t *testing.T) {
	const maxRunes = 500
	huge := "Putin and Zelensky summit: " + strings.Repeat("переговоры 首脑会晤 ", 440<<10/33)
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%[2]s</title>`+
			`<item><title>%[2]s</title><link>%[1]s/world/summit.html</link><description>%[3]s</description></item></channel></rss>`,
			base, huge, summitDesc)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := strings.ReplaceAll(goodArticle, "Putin and Zelensky set for summit", huge)
		fmt.Fprintf(w, page, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	if len(huge) < 440<<10 {
		t.Fatalf("title is %d bytes, want 440 KB", len(huge))
	}

	for _, pages := range []string{"true", "false"} {
		t.Run("article_pages="+pages, func(t *testing.T) {
			cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, "")
			writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: "+pages+"\n", 1))
			mustCLI(t, "-c", cfg, "poll")

			var arts struct {
				Articles []struct{ URL, Title string } `json:"articles"`
			}
			decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
			var h struct {
				Versions []struct{ Source, Title string } `json:"versions"`
			}
			decodeJSON(t, mustCLI(t, "-c", cfg, "history", srv.URL+"/world/summit.html", "--json"), &h)
			var fs struct {
				Feeds []struct{ Name string } `json:"feeds"`
			}
			decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
			if len(arts.Articles) != 1 || len(h.Versions) != 1 || len(fs.Feeds) != 1 {
				t.Fatalf("articles %d, versions %d, feeds %d; want 1 each", len(arts.Articles), len(h.Versions), len(fs.Feeds))
			}
			wantSource := map[string]string{"true": "page", "false": "feed"}[pages]
			if h.Versions[0].Source != wantSource {
				t.Errorf("version from %q, want %q", h.Versions[0].Source, wantSource)
			}
			for what, title := range map[string]string{"article": arts.Articles[0].Title, "version": h.Versions[0].Title, "feed name": fs.Feeds[0].Name} {
				n := utf8.RuneCountInString(title)
				if n > maxRunes || n < maxRunes/2 || !utf8.ValidString(title) || !strings.HasPrefix(huge, strings.TrimSuffix(title, "…")) {
					t.Errorf("%s title: %d runes (valid UTF-8: %v), want at most %d, a prefix of the title: %.80q",
						what, n, utf8.ValidString(title), maxRunes, title)
				}
			}
		})
	}
}
