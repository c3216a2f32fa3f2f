package corpus

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

type ctxKey struct{}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{file}", s.serveFeed)
	mux.HandleFunc("GET /{$}", s.serveIndex)
	mux.HandleFunc("GET /", s.servePage)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.requests.Add(1)
		mux.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, n)))
	})
}

// requestBase is the absolute prefix for links in a response.
func (s *Server) requestBase(r *http.Request) string {
	if s.opts.BaseURL != "" {
		return s.opts.BaseURL
	}
	return "http://" + r.Host
}

func (s *Server) findFeed(path string) (int, bool) {
	for i, f := range s.feeds {
		if f.path == path {
			return i, true
		}
	}
	return 0, false
}

// feedBody renders (or fetches from cache) feed i for base, returning the
// body, its ETag and the newest modification time among its items.
func (s *Server) feedBody(i int, base string) (body []byte, etag string, updated time.Time, err error) {
	key := cacheKey{kind: 'f', idx: i, base: base}
	s.mu.RLock()
	key.gen = s.revision
	c, ok := s.cache.get(key)
	var v feedView
	if !ok {
		v = s.view(s.feeds[i], base)
	}
	s.mu.RUnlock()
	if ok {
		return c.body, c.etag, c.updated, nil
	}
	body, err = renderFeed(v)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	c = cacheVal{body: body, etag: `"` + bodyTag(body) + `"`, updated: v.updated}
	s.cache.put(key, c)
	return c.body, c.etag, c.updated, nil
}

// serveFeed serves a feed with a strong ETag (hash of the body) and
// Last-Modified (newest item revision); http.ServeContent answers 304 to a
// matching If-None-Match or, without one, a current If-Modified-Since.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request) {
	i, ok := s.findFeed(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, etag, updated, err := s.feedBody(i, s.requestBase(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", feedContentType(s.feeds[i].format))
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "public, max-age=60")
	http.ServeContent(w, r, "", updated, bytes.NewReader(body))
}

// pageBody renders article i as seen by request number reqNo.
func (s *Server) pageBody(i int, base string, reqNo int64) (body []byte, etag string, modified time.Time, err error) {
	s.mu.RLock()
	a := *s.arts[i]
	a.cur = a.cur.clone()
	key := cacheKey{kind: 'p', idx: i, gen: a.gen, base: base}
	var rng *rand.Rand
	if s.opts.RotateBoilerplate {
		rng = rand.New(rand.NewPCG(uint64(s.opts.Seed), uint64(reqNo)))
	} else {
		rng = rand.New(rand.NewPCG(uint64(s.opts.Seed), uint64(i)))
	}
	bp := newBoilerplate(rng, i, len(s.arts))
	related := make([]relatedLink, len(bp.related))
	for k, j := range bp.related {
		related[k] = relatedLink{url: base + s.arts[j].path, title: s.arts[j].cur.Title}
	}
	s.mu.RUnlock()

	c, ok := s.cache.get(key)
	if !ok {
		c.parts, err = renderParts(&a, base+a.path, s.feedLinks(base))
		if err != nil {
			return nil, "", time.Time{}, fmt.Errorf("render page %s: %w", a.path, err)
		}
		s.cache.put(key, c)
	}
	body = assemblePage(c.parts, &a, base, bp, related)
	if s.opts.RotateBoilerplate {
		// The bytes differ on every request; the weak tag names the article revision.
		etag = `W/"` + a.tag + `"`
	} else {
		etag = `"` + bodyTag(body) + `"`
	}
	return body, etag, a.cur.Modified, nil
}

// feedLink is a <link rel="alternate"> to a feed in a page head.
type feedLink struct{ url, title, mime string }

// feedLinks names the first two feeds, as sites advertise a couple of feeds per page.
func (s *Server) feedLinks(base string) []feedLink {
	out := make([]feedLink, 0, 2)
	for _, f := range s.feeds {
		if len(out) == cap(out) {
			break
		}
		mime, _, _ := strings.Cut(feedContentType(f.format), ";")
		out = append(out, feedLink{url: base + f.path, title: f.title, mime: mime})
	}
	return out
}

// servePage serves an article page. Its ETag is strong without
// RotateBoilerplate, weak with it; both it and Last-Modified (the revision's
// Modified time) allow 304 answers.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	i, ok := s.byPath[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	n, _ := r.Context().Value(ctxKey{}).(int64)
	body, etag, modified, err := s.pageBody(i, s.requestBase(r), n)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "public, max-age=30")
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}

// serveIndex lists the feeds and articles, as a site front page would.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	base := s.requestBase(r)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>storywatch corpus</title></head>\n<body>\n<h1>Feeds</h1>\n<ul>\n")
	for _, f := range s.feeds {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a> (%s)</li>\n", esc(base+f.path), esc(f.title), f.format)
	}
	b.WriteString("</ul>\n<h1>Articles</h1>\n<ul>\n")
	s.mu.RLock()
	for _, a := range s.arts {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", esc(base+a.path), esc(a.cur.Title))
	}
	s.mu.RUnlock()
	b.WriteString("</ul>\n</body>\n</html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}
