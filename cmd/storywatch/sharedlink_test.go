package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSharedLinkTakenByTheFeedThatCanStoreIt: two feeds list one new
// article; the first to answer cannot store it (its item is off the story,
// or has no text while the page fails), the second can. The article is
// stored, whichever feed came first. The first feed's look claimed the
// link for the pass and the second feed's item was skipped as checked a
// moment ago, so whether the article was tracked depended on which feed
// answered first; with a quiet second feed answering 304 afterwards, it
// never was.
func TestSharedLinkTakenByTheFeedThatCanStoreIt(t *testing.T) {
	const offStory = "Weather: sunny spells and light winds across the region today, forecasters said."
	tests := []struct {
		name, fetch, story string
		firstDesc          string // the fast feed's item text ("" : none)
		page               int    // the article page's status
		wantSource         string
	}{
		{"pages off, first off the story", "  article_pages: false\n", summitStory, offStory, 200, "feed"},
		{"pages on, first and page off the story", "", summitStory, offStory, 200, "page"},
		{"pages on, first without text, page failing", "", "", "", 503, "feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var base string
			item := func(desc string) string {
				d := ""
				if desc != "" {
					d = "<description>" + desc + "</description>"
				}
				return fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Update</title>`+
					`<link>%s/world/summit.html</link>%s</item></channel></rss>`, base, d)
			}
			mux := http.NewServeMux()
			mux.HandleFunc("/first.rss", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, item(tt.firstDesc)) })
			mux.HandleFunc("/second.rss", func(w http.ResponseWriter, r *http.Request) {
				time.Sleep(300 * time.Millisecond) // answers after the first feed's item is done
				fmt.Fprint(w, item(summitDesc))
			})
			mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
				if tt.page != http.StatusOK {
					http.Error(w, "busy", tt.page)
					return
				}
				// a page the story filter does not take on its own
				fmt.Fprintf(w, `<!doctype html><html><head><title>Update</title></head><body><article><h1>Update</h1><p>%s</p><p>%s</p></article></body></html>`,
					offStory, "More on the weather in the afternoon, with showers later in the week and a cooler weekend.")
			})
			srv := httptest.NewServer(mux)
			t.Cleanup(srv.Close)
			base = srv.URL
			cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/first.rss", srv.URL + "/second.rss"}, tt.story)
			writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  robots: false\n"+tt.fetch, 1))

			want := []string{srv.URL + "/world/summit.html"}
			if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
				t.Fatalf("articles %q, want %q", got, want)
			}
			var h struct {
				Versions []struct{ Source string } `json:"versions"`
			}
			decodeJSON(t, mustCLI(t, "-c", cfg, "history", want[0], "--json"), &h)
			if len(h.Versions) != 1 || h.Versions[0].Source != tt.wantSource {
				t.Errorf("versions %+v, want one from the %s", h.Versions, tt.wantSource)
			}
		})
	}
}
