package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestRobotsTxtForArticlePages: with fetch.robots on (the default), an
// article page that robots.txt disallows for storywatch is not fetched; the
// article keeps the feed's text and the refusal names it. With
// fetch.robots: false the page is fetched.
func TestRobotsTxtForArticlePages(t *testing.T) {
	var base string
	var privateHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: storywatch\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Robots</title>
<item><title>Putin and Zelensky set for summit</title><link>%[1]s/world/summit.html</link><guid>1</guid><description>%[2]s</description></item>
<item><title>Putin and Zelensky summit, private</title><link>%[1]s/private/summit.html</link><guid>2</guid><description>%[2]s</description></item>
</channel></rss>`, base, "Putin and Zelensky looked set for a peace summit after talks in Kyiv.")
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	mux.HandleFunc("/private/summit.html", func(w http.ResponseWriter, r *http.Request) {
		privateHits.Add(1)
		fmt.Fprint(w, strings.ReplaceAll(fmt.Sprintf(goodArticle, base), "/world/summit.html", "/private/summit.html"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	tests := []struct {
		name          string
		extra         string // fetch keys
		privateSource string
	}{
		{"robots on by default", "", "feed"},
		{"robots off", "  robots: false\n", "page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			privateHits.Store(0)
			cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, summitStory)
			writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n"+tt.extra, 1))
			_, errOut, code := cli(t, "-c", cfg, "poll")
			if code != 0 {
				t.Fatalf("poll exit %d\n%s", code, errOut)
			}
			for path, want := range map[string]string{"/world/summit.html": "page", "/private/summit.html": tt.privateSource} {
				var h struct {
					Versions []struct{ Source string } `json:"versions"`
				}
				decodeJSON(t, mustCLI(t, "-c", cfg, "history", srv.URL+path, "--json"), &h)
				if len(h.Versions) != 1 || h.Versions[0].Source != want {
					t.Errorf("%s: versions %+v, want one from the %s", path, h.Versions, want)
				}
			}
			refused := strings.Contains(errOut, srv.URL+"/private/summit.html") && strings.Contains(errOut, "disallowed by robots.txt")
			if want := tt.privateSource == "feed"; refused != want || (privateHits.Load() == 0) != want {
				t.Errorf("refused=%v page hits=%d, want refused=%v\n%s", refused, privateHits.Load(), want, errOut)
			}
		})
	}
}
