package monitor

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// shapeServer serves the feeds of testdata/items and the article pages
// their items link to, over real HTTP on loopback. Feeds and pages change
// with rev, so that a second poll finds edits; failPages makes every page
// request fail as a broken site would. robots.txt disallows everything: it
// only matters when fetch.robots is on.
type shapeServer struct {
	*httptest.Server
	failPages bool
	rev       atomic.Int32
	pageHits  atomic.Int32
}

// Revision texts: an added sentence that carries no fact, so that only
// notify.kinds `text` alerts on it.
const (
	feedUpdate = "The talks were described as constructive."
	pageUpdate = "<p>The talks were described by those present as friendly and constructive throughout.</p>"
)

func newShapeServer(t testing.TB, failPages bool) *shapeServer {
	t.Helper()
	s := &shapeServer{failPages: failPages}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
	})
	mux.HandleFunc("/feeds/{name}", func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(filepath.Join("testdata", "items", filepath.Base(r.PathValue("name"))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		update := ""
		if s.rev.Load() > 0 {
			update = feedUpdate
		}
		b = []byte(strings.NewReplacer("{{base}}", s.URL, "{{update}}", update).Replace(string(b)))
		ct := "application/xml"
		if strings.HasSuffix(r.URL.Path, ".json") {
			ct = "application/feed+json"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(b)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		s.pageHits.Add(1)
		s.servePage(t, w, r)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *shapeServer) servePage(t testing.TB, w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case s.failPages:
		http.Error(w, "upstream timed out", http.StatusInternalServerError)
		return
	case p == "/news/gone.html":
		http.Error(w, "gone", http.StatusGone)
		return
	case p == "/news/redirect.html":
		http.Redirect(w, r, "/news/redirect-target.html", http.StatusMovedPermanently)
		return
	case path.Ext(p) == ".mp3":
		w.Header().Set("Content-Type", "audio/mpeg")
		w.Write(fakeMP3())
		return
	}
	file, title := "page-story.html", "Summit report"
	if strings.Contains(p, "offstory") {
		file, title = "page-offstory.html", "Weather update"
	}
	b, err := os.ReadFile(filepath.Join("testdata", "items", file))
	if err != nil {
		t.Errorf("page fixture: %v", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	update := ""
	if s.rev.Load() > 0 {
		update = pageUpdate
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(strings.NewReplacer("{{title}}", title, "{{update}}", update).Replace(string(b))))
}

// fakeMP3 is an ID3 header followed by bytes that are not text: what a
// podcast item's link returns.
func fakeMP3() []byte {
	b := []byte("ID3\x04\x00\x00\x00\x00\x00\x00")
	x := uint32(2463534242)
	for range 4096 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b = append(b, byte(x))
	}
	return b
}
