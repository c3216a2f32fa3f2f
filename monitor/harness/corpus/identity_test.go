package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// nastyServer is a one-article, all-formats corpus whose text holds every
// character class the escapers treat specially: markup, quotes, control
// characters, invalid UTF-8, U+2028, characters XML cannot carry.
func nastyServer(opts Options) *Server {
	nasty := "Tom & Jerry <script>alert(\"x\")</script> ’quotes’ 'single' ]]> </title>\t tab\r\n crlf \x01ctl \xffbad \u2028sep \uFFFEnon \U0001F600 emoji"
	rev := Revision{
		Title: nasty, Byline: "By A & B and C <d>, Outlet",
		Published: time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC), Modified: time.Date(2025, 8, 19, 7, 0, 0, 0, time.FixedZone("x", 3600)),
		Paragraphs: []string{nasty, "second & <last> paragraph", "3", "4", "5", "6 " + nasty},
	}
	rev2 := rev.clone()
	rev2.Paragraphs = append(rev2.Paragraphs, "seventh")
	rev2.Modified = rev2.Modified.Add(time.Hour)
	var feeds []*feed
	for i, format := range AllFormats() {
		name := fmt.Sprintf("x%d", i)
		feeds = append(feeds, &feed{name: name, title: nasty, format: format, path: "/feeds/" + name + "." + format, site: "S & <s>",
			items: []feedItem{{article: 0}, {article: 1, tracking: true}}})
	}
	s := newServer(opts, []*article{
		{path: "/a.html", site: "Site & Co", section: "Wörld & <Co>"},
		{path: "/b.html", site: "B", section: ""},
	}, feeds, &demoSource{revs: [][]Revision{{rev, rev2}, {rev}}})
	s.arts[0].setRevision(rev, 1)
	s.arts[1].setRevision(rev, 1)
	return s
}

// TestServedBytesGolden pins every byte and header the handler serves for a
// scripted request sequence: the served corpus must not change when its
// rendering is reimplemented. Run with -update only when a change in output is
// intended.
func TestServedBytesGolden(t *testing.T) {
	tests := []struct {
		name string
		new  func() (*Server, error)
	}{
		{"synthetic-rotate", func() (*Server, error) {
			return NewSynthetic(Options{Feeds: 8, ArticlesPerFeed: 3, EditFraction: 0.3, Seed: 7, RotateBoilerplate: true})
		}},
		{"synthetic-fixed-base", func() (*Server, error) {
			return NewSynthetic(Options{Feeds: 3, ArticlesPerFeed: 2, EditFraction: 0.5, Seed: 3, Formats: []string{"json", "rss"}, BaseURL: "http://corpus.test:8080"})
		}},
		{"synthetic-bench-shape", func() (*Server, error) {
			return NewSynthetic(Options{Feeds: 12, ArticlesPerFeed: 1, EditFraction: 0.2, Seed: 1, RotateBoilerplate: true})
		}},
		{"synthetic-single", func() (*Server, error) {
			return NewSynthetic(Options{Feeds: 1, ArticlesPerFeed: 1, EditFraction: 1, Seed: 9, RotateBoilerplate: true})
		}},
		{"demo", func() (*Server, error) { return NewDemo(Options{}) }},
		{"demo-rotate", func() (*Server, error) { return NewDemo(Options{RotateBoilerplate: true, Seed: 5}) }},
		{"nasty", func() (*Server, error) { return nastyServer(Options{RotateBoilerplate: true, Seed: 2}), nil }},
		{"nasty-fixed", func() (*Server, error) { return nastyServer(Options{BaseURL: "https://x.test"}), nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.new()
			if err != nil {
				t.Fatal(err)
			}
			got := servedTranscript(s)
			golden := filepath.Join("testdata", "served-"+tt.name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("transcript differs at line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("transcript has %d lines, golden %d", len(gl), len(wl))
			}
		})
	}
}

// servedTranscript replays a fixed request sequence (plain, conditional and
// range GETs, HEAD, unknown paths, across two Revise steps) and records each
// response's status, headers and body hash.
func servedTranscript(s *Server) string {
	var out strings.Builder
	h := s.Handler()
	do := func(method, target string, hdr ...string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, target, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			r.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		sum := sha256.Sum256(w.Body.Bytes())
		fmt.Fprintf(&out, "%s %s %v -> %d len=%d sha=%s", method, target, hdr, w.Code, w.Body.Len(), hex.EncodeToString(sum[:8]))
		keys := slices.Sorted(maps.Keys(w.Header()))
		for _, k := range keys {
			fmt.Fprintf(&out, " %s=%q", k, w.Header()[k])
		}
		out.WriteByte('\n')
		return w
	}
	paths := func(urls []string) []string {
		b := s.base()
		out := make([]string, len(urls))
		for i, u := range urls {
			out[i] = strings.TrimPrefix(u, b)
		}
		return out
	}
	feeds, pages := paths(s.FeedURLs()), paths(s.ArticleURLs())
	for step := range 3 {
		fmt.Fprintf(&out, "# step %d revision %d\n", step, s.Revision())
		do("GET", "/")
		for _, p := range feeds {
			w := do("GET", p)
			do("GET", p) // cached
			do("GET", p, "If-None-Match", w.Header().Get("ETag"))
			do("GET", p, "If-Modified-Since", w.Header().Get("Last-Modified"))
			do("GET", p, "If-None-Match", `"stale"`)
		}
		for i, p := range pages {
			w := do("GET", p)
			do("GET", p+"?utm_source=rss&utm_medium=feed")
			do("GET", p, "If-None-Match", w.Header().Get("ETag"))
			do("GET", p, "If-Modified-Since", w.Header().Get("Last-Modified"))
			if i%3 == 0 {
				do("GET", p, "Range", "bytes=100-299")
				do("HEAD", p)
			}
		}
		if step == 0 && len(feeds) > 0 && len(pages) > 0 {
			// Edge cases the mux or http.ServeContent decide.
			f, p := feeds[0], pages[len(pages)-1]
			w := do("HEAD", f)
			etag, lm := w.Header().Get("ETag"), w.Header().Get("Last-Modified")
			do("GET", f, "If-None-Match", "*")
			do("GET", f, "If-None-Match", "W/"+etag)
			do("GET", f, "If-None-Match", `"a", `+etag+`, "b"`)
			do("GET", f, "If-None-Match", `"stale"`, "If-Modified-Since", lm)
			do("GET", f, "If-Modified-Since", "Mon, 18 Aug 2025 00:00:00 GMT")
			do("GET", f, "If-Modified-Since", "not a date")
			do("GET", f, "If-Match", etag)
			do("GET", f, "If-Match", `"stale"`)
			do("GET", f, "If-Unmodified-Since", "Mon, 18 Aug 2025 00:00:00 GMT")
			do("GET", f, "Range", "bytes=0-9", "If-Range", etag)
			do("GET", f, "Range", "bytes=999999-")
			do("POST", f)
			do("GET", "/feeds/../feeds"+strings.TrimPrefix(f, "/feeds"))
			do("GET", f+"/extra")
			w = do("HEAD", p)
			do("GET", p, "If-None-Match", "W/"+strings.TrimPrefix(w.Header().Get("ETag"), "W/"))
			do("GET", p, "If-None-Match", strings.TrimPrefix(w.Header().Get("ETag"), "W/"))
			do("GET", p, "If-Match", w.Header().Get("ETag"))
			do("PUT", p)
			do("GET", "//"+strings.TrimPrefix(p, "/"))
			do("GET", p+"/")
			do("GET", "/index.html")
			do("HEAD", "/")
		}
		do("GET", "/no/such/page.html")
		do("GET", "/feeds/nope.rss")
		s.Revise()
	}
	return out.String()
}
