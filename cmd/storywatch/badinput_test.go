package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const goodArticle = `<!doctype html><html><head><title>Putin and Zelensky set for summit</title>
<link rel="canonical" href="%s/world/summit.html"></head><body><article><h1>Putin and Zelensky set for summit</h1>
<p>Russian and Ukrainian presidents Vladimir Putin and Volodymyr Zelensky looked set for a peace summit after fast-moving talks Monday between US President Donald Trump and European leaders.</p>
<p>German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting within the next two weeks, but there was no confirmation of a date or location.</p>
<p>Zelensky said Ukraine offered to buy about $90 billion worth of US weapons, and that the guarantees would be formalized on paper within the next week to 10 days.</p>
</article></body></html>`

const goodFeed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Good</title>
<item><title>Putin and Zelensky set for summit</title><link>%s/world/summit.html?utm_source=rss</link>
<description>Putin and Zelensky peace summit</description><guid>1</guid></item></channel></rss>`

// TestBadFeedsGetClearErrorsAndLoseNothing serves one good feed beside
// broken ones: the good one is processed, each broken one gets an error that
// names its cause, and a later broken response of the good feed loses no
// stored article.
func TestBadFeedsGetClearErrorsAndLoseNothing(t *testing.T) {
	var goodBroken atomic.Bool
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/good.rss", func(w http.ResponseWriter, r *http.Request) {
		if goodBroken.Load() {
			fmt.Fprint(w, "<rss><channel><item><title>cut off")
			return
		}
		fmt.Fprintf(w, goodFeed, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><body><p>Welcome to our homepage</p></body></html>")
	})
	mux.HandleFunc("/malformed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		// Cut off mid-document. (A merely sloppy feed, say a mismatched end
		// tag, is parsed leniently by gofeed and its items are kept.)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><item><title>Summit talks</title><link>`)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>`)
		fmt.Fprint(w, strings.Repeat("x", 200_000))
		fmt.Fprint(w, `</title></channel></rss>`)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
		for i := 0; i < 100; i++ {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			fmt.Fprint(w, " ")
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	feeds := []string{srv.URL + "/good.rss", srv.URL + "/html", srv.URL + "/malformed", srv.URL + "/huge", srv.URL + "/slow", srv.URL + "/loop"}
	cfg := writeConfig(t, t.TempDir(), feeds, summitStory)
	// Tight limits so the test is quick: 64 KiB bodies, 1s timeout.
	cfgText := strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  max_body_bytes: 65536\n  timeout: 1s\n", 1)
	writeFile(t, cfg, cfgText)

	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll exit %d with failing feeds, want 0\n%s", code, errOut)
	}
	var fs struct {
		Feeds []struct {
			URL, Status, Error string
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	causes := map[string]string{
		"/good.rss": "", "/html": "html", "/malformed": "xml", "/huge": "large",
		"/slow": "time", "/loop": "redirect",
	}
	for _, f := range fs.Feeds {
		path := strings.TrimPrefix(f.URL, srv.URL)
		want := causes[path]
		switch {
		case want == "" && (f.Error != "" || f.Status != "ok"):
			t.Errorf("%s: status %q error %q, want ok", path, f.Status, f.Error)
		case want != "" && !strings.Contains(strings.ToLower(f.Error), want):
			t.Errorf("%s: error %q does not name the cause (%q)", path, f.Error, want)
		case want != "" && !strings.Contains(errOut, path):
			t.Errorf("%s: failure not reported on stderr:\n%s", path, errOut)
		}
	}
	var arts struct {
		Articles []struct{ URL string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 1 || arts.Articles[0].URL != srv.URL+"/world/summit.html" {
		t.Fatalf("articles = %+v, want the good feed's article under its canonical URL", arts.Articles)
	}

	goodBroken.Store(true)
	mustCLI(t, "-c", cfg, "poll")
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 1 {
		t.Fatalf("a broken feed response lost stored articles: %+v", arts.Articles)
	}
}
