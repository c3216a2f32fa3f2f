package corpus

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"
)

type ctxKey struct{}

// route is a path served without the mux.
type route struct {
	feed bool // feed index, else article index
	idx  int
}

// fastRoutes maps the feed and page paths to their handlers. Every request
// pays for the mux's pattern matching and for the request copy that
// carries the request number in a context; these paths skip both. Only
// paths the mux would route to the same handler unchanged are listed: clean,
// plain characters, and pages that no feed pattern could match.
func fastRoutes(feeds []*feed, arts []*article) map[string]route {
	m := make(map[string]route, len(feeds)+len(arts))
	plain := func(p string) bool {
		if p == "/" || path.Clean(p) != p || !strings.HasPrefix(p, "/") {
			return false
		}
		for i := 0; i < len(p); i++ {
			c := p[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/-._~", c) >= 0) {
				return false
			}
		}
		return true
	}
	for i, a := range arts {
		file, isFeedPattern := strings.CutPrefix(a.path, "/feeds/")
		if plain(a.path) && !(isFeedPattern && file != "" && !strings.Contains(file, "/")) {
			m[a.path] = route{idx: i}
		}
	}
	for i, f := range feeds {
		file, ok := strings.CutPrefix(f.path, "/feeds/")
		if plain(f.path) && ok && file != "" && !strings.Contains(file, "/") {
			m[f.path] = route{feed: true, idx: i}
		}
	}
	return m
}

func (s *Server) routes() http.Handler {
	reqNo := func(r *http.Request) int64 {
		n, _ := r.Context().Value(ctxKey{}).(int64)
		return n
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{file}", func(w http.ResponseWriter, r *http.Request) {
		i, ok := s.findFeed(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		s.serveFeed(w, r, i)
	})
	mux.HandleFunc("GET /{$}", s.serveIndex)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		i, ok := s.byPath[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		s.servePage(w, r, i, reqNo(r))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.requests.Add(1)
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.RawPath == "" {
			if rt, ok := s.fast[r.URL.Path]; ok {
				if rt.feed {
					s.serveFeed(w, r, rt.idx)
				} else {
					s.servePage(w, r, rt.idx, n)
				}
				return
			}
		}
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
	rt, ok := s.fast[path]
	if ok && rt.feed {
		return rt.idx, true
	}
	for i, f := range s.feeds {
		if f.path == path {
			return i, true
		}
	}
	return 0, false
}

// feedBody renders feed i for base and returns the body, its strong ETag and
// the newest modification time among its items.
func (s *Server) feedBody(i int, base string) (body []byte, etag string, updated time.Time, err error) {
	v := s.feedSnapshot(i, base)
	body, err = appendFeed(nil, &v)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	etag = `"` + bodyTag(body) + `"`
	s.tags.put(tagKey{kind: 'f', idx: i, base: base}, v.gen, etag)
	return body, etag, v.updated, nil
}

// serveFeed serves feed i with a strong ETag (hash of the body) and
// Last-Modified (newest item revision), answering 304 to a matching
// If-None-Match or, without one, a current If-Modified-Since. The ETag is
// cached per feed state, so a 304 renders nothing.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, i int) {
	base := s.requestBase(r)
	key := tagKey{kind: 'f', idx: i, base: base}
	if conditional(r) && answeredHere(r) {
		// A poller's conditional GET of an unchanged feed is the common
		// request: answer it from the feed's state and cached ETag, without
		// copying its items.
		gen, updated := s.feedState(i)
		if etag, ok := s.tags.get(key, gen); ok && notModified(r, etag, updated) {
			s.setFeedHeaders(w.Header(), i, etag)
			writeNotModified(w, updated)
			return
		}
	}
	v := s.feedSnapshot(i, base)
	var renderErr error
	body := lazyBody{pool: &s.bufs, render: func(dst []byte) []byte {
		out, err := appendFeed(dst, &v)
		if err != nil {
			renderErr = err
		}
		return out
	}}
	defer body.release()
	etag, ok := s.tags.get(key, v.gen)
	if !ok {
		b := body.bytes()
		if renderErr != nil {
			http.Error(w, renderErr.Error(), http.StatusInternalServerError)
			return
		}
		etag = `"` + bodyTag(b) + `"`
		s.tags.put(key, v.gen, etag)
	}
	s.setFeedHeaders(w.Header(), i, etag)
	respond(w, r, v.updated, &body)
}

func (s *Server) setFeedHeaders(h http.Header, i int, etag string) {
	h.Set("Content-Type", feedContentType(s.feeds[i].format))
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=60")
}

// setPageHeaders sets an article page's headers; ctype is the server's
// pageContentType.
func setPageHeaders(h http.Header, etag, ctype string) {
	h.Set("Content-Type", ctype)
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=30")
}

// pageContentType is the Content-Type of article pages: the wire family
// is windows-1252, as legacy CMSs serve it; the others are UTF-8.
func (s *Server) pageContentType() string {
	if s.opts.Template == TemplateWire {
		return "text/html; charset=windows-1252"
	}
	return "text/html; charset=utf-8"
}

// pageBody renders article i as seen by request number reqNo and returns the
// body, its ETag and the revision's modification time.
func (s *Server) pageBody(i int, base string, reqNo int64) (body []byte, etag string, modified time.Time, err error) {
	p := s.pageSnapshot(i, reqNo)
	body = s.renderPage(nil, &p, base)
	if s.opts.RotateBoilerplate {
		etag = `W/"` + p.tag + `"`
	} else {
		etag = `"` + bodyTag(body) + `"`
		s.tags.put(tagKey{kind: 'p', idx: i, base: base}, p.gen, etag)
	}
	return body, etag, p.rev.Modified, nil
}

// servePage serves an article page. Its ETag is strong without
// RotateBoilerplate, weak with it; both it and Last-Modified (the revision's
// Modified time) allow 304 answers.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, i int, reqNo int64) {
	if s.opts.RotateBoilerplate && conditional(r) && answeredHere(r) {
		// The weak ETag names the article revision alone, so a revalidation
		// needs neither a boilerplate draw nor a render.
		s.mu.RLock()
		tag, modified := s.arts[i].tag, s.arts[i].cur.Modified
		s.mu.RUnlock()
		if etag := `W/"` + tag + `"`; notModified(r, etag, modified) {
			setPageHeaders(w.Header(), etag, s.pageContentType())
			writeNotModified(w, modified)
			return
		}
	}
	base := s.requestBase(r)
	p := s.pageSnapshot(i, reqNo)
	body := lazyBody{pool: &s.bufs, render: func(dst []byte) []byte { return s.renderPage(dst, &p, base) }}
	defer body.release()
	var etag string
	if s.opts.RotateBoilerplate {
		// The bytes differ on every request; the weak tag names the article revision.
		etag = `W/"` + p.tag + `"`
	} else {
		key := tagKey{kind: 'p', idx: i, base: base}
		var ok bool
		if etag, ok = s.tags.get(key, p.gen); !ok {
			etag = `"` + bodyTag(body.bytes()) + `"`
			s.tags.put(key, p.gen, etag)
		}
	}
	setPageHeaders(w.Header(), etag, s.pageContentType())
	respond(w, r, p.rev.Modified, &body)
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

func esc(s string) string { return string(appendHTML(nil, s)) }
