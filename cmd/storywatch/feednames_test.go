package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestUniqueFeedNames(t *testing.T) {
	for _, tt := range []struct {
		name        string
		urls, names []string
		want        []string
	}{
		{"distinct names stay",
			[]string{"https://a.com/rss", "https://b.com/rss"}, []string{"a.com", "B News"}, []string{"a.com", "B News"}},
		{"one host, no titles",
			[]string{"https://news.com/world/rss.xml", "https://news.com/politics/rss.xml", "https://other.com/rss"},
			[]string{"news.com", "news.com", "other.com"},
			[]string{"news.com/world/rss.xml", "news.com/politics/rss.xml", "other.com"}},
		{"one title",
			[]string{"https://wire.com/world", "https://wire.com/europe"}, []string{"Wire", "Wire"},
			[]string{"Wire (wire.com/world)", "Wire (wire.com/europe)"}},
		{"a token in the query is masked; what is left alike is numbered",
			[]string{"https://api.com/feed?key=s3cret1", "https://api.com/feed?key=s3cret2"}, []string{"api.com", "api.com"},
			[]string{"api.com/feed?key=REDACTED #1", "api.com/feed?key=REDACTED #2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := uniqueFeedNames(tt.urls, tt.names); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnnamedFeedsOfOneHostTellApart: unnamed feeds of one host, two
// failing (named by the host) and two with the same title, show names
// `feeds` and `poll` tell apart, the same each time.
func TestUnnamedFeedsOfOneHostTellApart(t *testing.T) {
	mux := http.NewServeMux()
	for _, section := range []string{"world", "europe"} {
		mux.HandleFunc("/"+section+"/rss.xml", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>`)
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "http://")
	var urls []string
	for _, section := range []string{"world", "europe", "asia", "africa"} {
		urls = append(urls, srv.URL+"/"+section+"/rss.xml")
	}
	cfg := writeConfig(t, t.TempDir(), urls, "")
	want := []string{"Wire (" + host + "/world/rss.xml)", "Wire (" + host + "/europe/rss.xml)",
		host + "/asia/rss.xml", host + "/africa/rss.xml"}

	out, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll exit %d: %s", code, errOut)
	}
	for _, line := range []string{want[0] + ": 0 items", want[1] + ": 0 items"} {
		if !strings.Contains(out, line) {
			t.Errorf("poll printed\n%s\nwant a line %q", out, line)
		}
	}
	for _, line := range []string{"feed " + want[2] + ": ", "feed " + want[3] + ": "} {
		if !strings.Contains(errOut, line) {
			t.Errorf("poll printed on stderr\n%s\nwant %q", errOut, line)
		}
	}
	for range 2 {
		var fs struct {
			Feeds []struct{ Name string } `json:"feeds"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
		var got []string
		for _, f := range fs.Feeds {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("feeds: %q, want %q", got, want)
		}
	}
}
