package main

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// TestHangingFeedSparesItsHostsOtherFeeds: two feeds of a host hang,
// holding both of the host's request slots (fetch.per_host_concurrency 2)
// until fetch.timeout. A good feed of the same host, and its article page,
// wait for a slot and then get their own fetch.timeout: the feed is read
// and the article stored from its page, instead of timing out while they
// waited and being reported as hanging themselves.
func TestHangingFeedSparesItsHostsOtherFeeds(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/hang/", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/good.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, goodFeed, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	feeds := []string{srv.URL + "/hang/1", srv.URL + "/good.rss", srv.URL + "/hang/2"}
	cfg := writeConfig(t, t.TempDir(), feeds, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  timeout: 1s\n  per_host_concurrency: 2\n  workers: 8\n  robots: false\n", 1))
	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll exit %d: %s", code, errOut)
	}
	var fs struct {
		Feeds []struct{ URL, Status, Error string } `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	for _, f := range fs.Feeds {
		hangs := strings.Contains(f.URL, "/hang/")
		if hangs != (f.Status == "error") || hangs != strings.Contains(f.Error, "time") || strings.Contains(f.Error, "host slot") {
			t.Errorf("%s: status %q, error %q", f.URL, f.Status, f.Error)
		}
	}
	var h struct {
		Versions []struct{ Source string } `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", srv.URL+"/world/summit.html", "--json"), &h)
	if len(h.Versions) != 1 || h.Versions[0].Source != "page" {
		t.Errorf("versions %+v, want one from the page", h.Versions)
	}
}

// TestFeedBodiesInOtherEncodings: servers that compress a feed otherwise
// than asked (storywatch asks for gzip): gzip applied twice (a
// precompressed file gzipped again on the fly), deflate as zlib or raw,
// zstd. Each is read; brotli, which storywatch cannot decode, fails with an
// error saying so, not "got plain text".
func TestFeedBodiesInOtherEncodings(t *testing.T) {
	var base string
	doc := func(name string) []byte {
		return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title>`+
			`<item><title>Putin and Zelensky summit (%s)</title><link>%s/story/%s</link><description>Putin and Zelensky peace summit.</description></item></channel></rss>`,
			name, name, base, name))
	}
	type served struct {
		encoding string
		body     func() []byte
	}
	routes := map[string]served{
		"gzip-twice": {"gzip", func() []byte { return gzipBytes(t, gzipBytes(t, doc("gzip-twice"))) }},
		"zlib":       {"deflate", func() []byte { return zlibBytes(t, doc("zlib")) }},
		"raw-deflate": {"deflate", func() []byte {
			var b bytes.Buffer
			w, _ := flate.NewWriter(&b, flate.BestCompression)
			w.Write(doc("raw-deflate"))
			w.Close()
			return b.Bytes()
		}},
		"zstd": {"zstd", func() []byte {
			enc, err := zstd.NewWriter(nil)
			if err != nil {
				t.Fatal(err)
			}
			return enc.EncodeAll(doc("zstd"), nil)
		}},
		// brotli bytes of "<rss": a stream header and a literal
		"br": {"br", func() []byte { return []byte{0x0b, 0x01, 0x80, 0x3c, 0x72, 0x73, 0x73, 0x03} }},
	}
	mux := http.NewServeMux()
	var feeds []string
	for name, s := range routes {
		mux.HandleFunc("/"+name+".rss", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("Content-Encoding", s.encoding)
			w.Write(s.body())
		})
		feeds = append(feeds, "/"+name+".rss")
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	slices.Sort(feeds)
	for i := range feeds {
		feeds[i] = srv.URL + feeds[i]
	}
	cfg := writeConfig(t, t.TempDir(), feeds, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))
	mustCLI(t, "-c", cfg, "poll")

	var fs struct {
		Feeds []struct{ URL, Status, Error string } `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	for _, f := range fs.Feeds {
		if strings.HasSuffix(f.URL, "/br.rss") {
			if f.Status != "error" || !strings.Contains(f.Error, "Content-Encoding br") {
				t.Errorf("br: status %q, error %q; want an error naming the encoding", f.Status, f.Error)
			}
			continue
		}
		if f.Status != "ok" {
			t.Errorf("%s: status %q, error %q", f.URL, f.Status, f.Error)
		}
	}
	var arts struct {
		Articles []struct{ URL string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 4 {
		t.Errorf("articles %+v, want one from each readable feed", arts.Articles)
	}
}

func zlibBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestNotModifiedUnasked: a server that answers 304 Not Modified to a
// request that named no version (no If-None-Match, no If-Modified-Since)
// has given nothing to compare with: the feed fails, saying so, where it
// showed "not_modified" forever with no item ever read. A 304 to a
// conditional request stays a good poll.
func TestNotModifiedUnasked(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/always304.rss", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotModified)
	})
	mux.HandleFunc("/etag.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `W/"v1"`)
		if r.Header.Get("If-None-Match") == `W/"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprintf(w, goodFeed, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodArticle, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/always304.rss", srv.URL + "/etag.rss"}, summitStory)
	for poll, want := range []string{"ok", "not_modified"} {
		mustCLI(t, "-c", cfg, "poll")
		var fs struct {
			Feeds []struct{ URL, Status, Error string } `json:"feeds"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
		for _, f := range fs.Feeds {
			switch {
			case strings.HasSuffix(f.URL, "/always304.rss"):
				if f.Status != "error" || !strings.Contains(f.Error, "304 Not Modified to a request without") {
					t.Errorf("poll %d: unasked 304: status %q, error %q", poll+1, f.Status, f.Error)
				}
			case f.Status != want || f.Error != "":
				t.Errorf("poll %d: etag feed: status %q, error %q, want %s", poll+1, f.Status, f.Error, want)
			}
		}
	}
}
