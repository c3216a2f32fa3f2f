package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/fetch"
)

// defaultFetchConfig turns writeConfig's test config back into the default
// one: allow_private_addresses is not set at all.
func defaultFetchConfig(t *testing.T, cfg string) {
	t.Helper()
	text := readFile(t, cfg)
	if !strings.Contains(text, "  allow_private_addresses: true\n") {
		t.Fatal("writeConfig no longer sets allow_private_addresses; update this test")
	}
	writeFile(t, cfg, strings.Replace(text, "  allow_private_addresses: true\n", "  timeout: 5s\n", 1))
}

// countingServer is an httptest server on ln (nil: loopback) that counts
// requests and serves goodFeed and goodArticle under /good.rss and
// /world/summit.html, plus the extra handlers.
func countingServer(t *testing.T, ln net.Listener, extra map[string]http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/good.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodFeed, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	for path, h := range extra {
		mux.HandleFunc(path, h)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		mux.ServeHTTP(w, r)
	}))
	if ln != nil {
		srv.Listener.Close()
		srv.Listener = ln
	}
	srv.Start()
	t.Cleanup(srv.Close)
	base = srv.URL
	return srv, &hits
}

// TestSSRFLoopbackFeed: with the default config a feed on a loopback
// address, or on a name that resolves to one, is refused with an error that
// says so and is never contacted; allow_private_addresses lets it through.
func TestSSRFLoopbackFeed(t *testing.T) {
	srv, hits := countingServer(t, nil, nil)
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	feeds := []string{srv.URL + "/good.rss", "http://localhost" + port + "/good.rss"}

	tests := []struct {
		name    string
		private bool
	}{
		{"default config refuses", false},
		{"allow_private_addresses allows", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits.Store(0)
			cfg := writeConfig(t, t.TempDir(), feeds, summitStory)
			if !tt.private {
				defaultFetchConfig(t, cfg)
			}
			_, errOut, code := cli(t, "-c", cfg, "poll")
			if code != 0 {
				t.Fatalf("poll exit %d, want 0\n%s", code, errOut)
			}
			var fs struct {
				Feeds []struct{ URL, Status, Error string } `json:"feeds"`
			}
			decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
			if len(fs.Feeds) != len(feeds) {
				t.Fatalf("feeds = %+v", fs.Feeds)
			}
			for _, f := range fs.Feeds {
				if tt.private {
					if f.Status != "ok" || f.Error != "" {
						t.Errorf("%s: status %q error %q, want ok", f.URL, f.Status, f.Error)
					}
					continue
				}
				if f.Status != "error" || !strings.Contains(f.Error, "blocked address") || !strings.Contains(f.Error, "not a public address") {
					t.Errorf("%s: status %q error %q, want it refused as a blocked address", f.URL, f.Status, f.Error)
				}
				if !strings.Contains(errOut, f.URL) {
					t.Errorf("%s: refusal not reported on stderr:\n%s", f.URL, errOut)
				}
			}
			if !tt.private && hits.Load() != 0 {
				t.Errorf("the refused server got %d requests", hits.Load())
			}
			if tt.private && hits.Load() == 0 {
				t.Error("the allowed server got no request")
			}
		})
	}
}

// TestSSRFConfigWiring checks that the client the monitor builds from the
// default config (one client serves feeds and article pages) refuses
// article URLs on internal addresses, robots.txt check included.
func TestSSRFConfigWiring(t *testing.T) {
	srv, hits := countingServer(t, nil, nil)
	cfgPath := writeConfig(t, t.TempDir(), []string{srv.URL + "/good.rss"}, "")
	defaultFetchConfig(t, cfgPath)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Fetch.AllowPrivateAddresses {
		t.Fatal("allow_private_addresses defaults to true")
	}
	client := fetch.New(monitor.FetchOptions(cfg, "test"))
	for _, u := range []string{
		srv.URL + "/world/summit.html",
		"http://169.254.169.254/latest/meta-data/",
		"http://[::1]" + srv.URL[strings.LastIndex(srv.URL, ":"):] + "/world/summit.html",
	} {
		t.Run(u, func(t *testing.T) {
			for _, robots := range []bool{false, true} {
				_, err := client.Get(context.Background(), fetch.Request{URL: u, Robots: robots})
				if !errors.Is(err, fetch.ErrBlockedAddress) {
					t.Errorf("robots=%v: err = %v, want fetch.ErrBlockedAddress", robots, err)
				}
			}
		})
	}
	if hits.Load() != 0 {
		t.Errorf("server got %d requests", hits.Load())
	}
}
