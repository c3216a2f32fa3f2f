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

// feedBody renders (or fetches from cache) feed i for base, returning the body
// and the newest modification time among its items.
func (s *Server) feedBody(i int, base string) ([]byte, time.Time, error) {
	s.mu.RLock()
	v := s.view(s.feeds[i], base)
	key := cacheKey{kind: 'f', idx: i, gen: s.revision, base: base}
	s.mu.RUnlock()
	if c, ok := s.cache.get(key); ok {
		return c.body, v.updated, nil
	}
	body, err := renderFeed(v)
	if err != nil {
		return nil, time.Time{}, err
	}
	s.cache.put(key, cacheVal{body: body})
	return body, v.updated, nil
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
	body, updated, err := s.feedBody(i, s.requestBase(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", feedContentType(s.feeds[i].format))
	w.Header().Set("ETag", `"`+bodyTag(body)+`"`)
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

func (s *Server) feedLinks(base string) []string {
	out := make([]string, 0, 2)
	for _, f := range s.feeds {
		if len(out) == cap(out) {
			break
		}
		out = append(out, base+f.path)
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
