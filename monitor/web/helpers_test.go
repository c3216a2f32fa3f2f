package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

// demoStore polls every revision of the demo story (served on loopback by
// monitor/harness/corpus) into a store in t.TempDir() with the real pipeline, as
// `storywatch demo` does, and returns the store's path, closed.
func demoStore(t *testing.T) string {
	t.Helper()
	srv, err := corpus.NewDemo(corpus.Options{RotateBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	cfg := config.Default()
	cfg.Store.Path = filepath.Join(t.TempDir(), "storywatch.db")
	for _, u := range srv.FeedURLs() {
		cfg.Feeds = append(cfg.Feeds, config.Feed{URL: u})
	}
	cfg.Fetch.AllowPrivateAddresses = true
	// The demo's story filter (cmd/storywatch demo), so the off-story
	// article stays out as it does there.
	cfg.Story = config.Story{
		Any: []string{"(?i)summit", "(?i)peace (talks|deal)", "(?i)ceasefire"},
		All: []string{"(?i)putin|kremlin|russia", "(?i)zelensk|kyiv|ukrain"},
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	s, err := bolt.Open(cfg.Store.Path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for {
		m, err := monitor.New(monitor.Options{Config: cfg, Store: s, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		res := m.PollAll(context.Background())
		for _, f := range res.Feeds {
			if f.Err != nil {
				t.Fatalf("poll %s: %v", f.URL, f.Err)
			}
		}
		if err := m.Close(); err != nil {
			t.Fatal(err)
		}
		if len(srv.Revise()) == 0 {
			break
		}
	}
	return cfg.Store.Path
}

// openStore opens path for the test's lifetime.
func openStore(t *testing.T, path string) *bolt.Store {
	t.Helper()
	s, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newHandler(t *testing.T, opts Options) *Handler {
	t.Helper()
	h, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// get runs one request through h and returns the answer and its body.
func get(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// articleByOutlet finds the outlet's article with the most versions.
func articleByOutlet(t *testing.T, s *bolt.Store, outlet string) store.Article {
	t.Helper()
	arts, err := s.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var best store.Article
	for _, a := range arts {
		if strings.EqualFold(a.Outlet, outlet) && a.Versions > best.Versions {
			best = a
		}
	}
	if best.ID == "" {
		t.Fatalf("no article of %s among %d", outlet, len(arts))
	}
	return best
}

var timeZero time.Time

func itoa(n int) string { return strconv.Itoa(n) }
