package corpus

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Edit records one real change Revise made to a synthetic article.
type Edit struct {
	URL    string // canonical article URL
	Kind   string // date, number, quote, position, location, title or paragraph
	Before string // the changed words before the edit, as in the text ("paragraph N" for a move)
	After  string // the changed words after the edit; dates may carry a preposition ("on August 29")
}

// source advances the corpus by one step. It mutates the articles it changes
// and returns their indices, in order, plus a description of each edit when it
// has one.
type source interface {
	revise(revision int, arts []*article) (changed []int, edits []Edit)
}

// feedItem is one entry of a feed.
type feedItem struct {
	article  int  // index into Server.arts
	tracking bool // link carries utm parameters
}

// feed is one served feed; immutable after construction.
type feed struct {
	name   string
	title  string
	format string
	path   string // /feeds/NAME.EXT
	site   string
	items  []feedItem
}

// Server serves a news corpus over HTTP on loopback. Its methods are safe for
// concurrent use.
type Server struct {
	opts      Options
	src       source
	feeds     []*feed
	byPath    map[string]int   // canonical path -> index into arts
	fast      map[string]route // paths served without the mux
	headFeeds []feedLink       // feeds every page's head links to
	handler   http.Handler
	requests  atomic.Int64
	tags      tagCache
	bufs      bufPool

	mu       sync.RWMutex // guards arts' revisions, revision, edits
	arts     []*article
	revision int
	edits    []Edit

	lifeMu sync.Mutex // guards ln, srv, url
	ln     net.Listener
	srv    *httpServer
	url    string
}

func newServer(opts Options, arts []*article, feeds []*feed, src source) *Server {
	s := &Server{opts: opts, arts: arts, feeds: feeds, src: src, byPath: make(map[string]int, len(arts))}
	for i, a := range arts {
		s.byPath[a.path] = i
		a.sectionSlug = slugify(a.section)
	}
	s.fast = fastRoutes(feeds, arts)
	s.headFeeds = headFeedLinks(feeds)
	s.tags.init()
	s.handler = s.routes()
	return s
}

// Start listens on 127.0.0.1 at a free port and serves in the background.
func (s *Server) Start() error {
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	if s.srv != nil {
		return ErrStarted
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen on loopback: %w", err)
	}
	s.ln = ln
	s.url = "http://" + ln.Addr().String()
	s.srv = newHTTPServer(ln, s.handler, &s.bufs)
	go s.srv.serve()
	return nil
}

// Close stops the server, waiting up to five seconds for requests in flight.
// Closing a server that was never started is a no-op.
func (s *Server) Close() error {
	s.lifeMu.Lock()
	srv := s.srv
	s.lifeMu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.shutdown(ctx); err != nil {
		return fmt.Errorf("shut down corpus server: %w", err)
	}
	return nil
}

// URL is the server's base URL, http://127.0.0.1:PORT, or "" before Start.
func (s *Server) URL() string {
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	return s.url
}

// base is the prefix of the URLs the accessors return: Options.BaseURL, else
// URL(), else "" (so URLs are bare paths before Start).
func (s *Server) base() string {
	if s.opts.BaseURL != "" {
		return s.opts.BaseURL
	}
	return s.URL()
}

// FeedURLs lists every feed's absolute URL (bare paths before Start unless
// Options.BaseURL is set).
func (s *Server) FeedURLs() []string {
	b := s.base()
	out := make([]string, len(s.feeds))
	for i, f := range s.feeds {
		out[i] = b + f.path
	}
	return out
}

// ArticleURLs lists every distinct article's canonical URL (no tracking
// parameters), in a stable order (bare paths before Start unless
// Options.BaseURL is set).
func (s *Server) ArticleURLs() []string {
	b := s.base()
	out := make([]string, len(s.arts))
	for i, a := range s.arts {
		out[i] = b + a.path
	}
	return out
}

// Revise advances the corpus by one step and returns the canonical URLs of the
// articles whose title or text really changed.
func (s *Server) Revise() []string {
	s.mu.Lock()
	s.revision++
	changed, edits := s.src.revise(s.revision, s.arts)
	b := s.base()
	for i := range edits {
		edits[i].URL = b + edits[i].URL
	}
	s.edits = edits
	s.mu.Unlock()
	out := make([]string, len(changed))
	for i, idx := range changed {
		out[i] = b + s.arts[idx].path
	}
	return out
}

// Revision is the number of Revise calls so far; 0 is the initial corpus.
func (s *Server) Revision() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.revision
}

// LastEdits describes the edits of the latest Revise in synthetic mode; the
// demo story's edits are documented in story/CHANGES.md instead, so it is nil there.
func (s *Server) LastEdits() []Edit {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]Edit(nil), s.edits...)
}

// Current returns the revision an article (by canonical URL or path) shows now.
func (s *Server) Current(articleURL string) (Revision, bool) {
	p := articleURL
	if b := s.base(); b != "" && len(p) > len(b) && p[:len(b)] == b {
		p = p[len(b):]
	}
	i, ok := s.byPath[p]
	if !ok {
		return Revision{}, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.arts[i].cur.clone(), true
}

// Requests is the number of HTTP requests served so far, 304s included.
func (s *Server) Requests() int64 { return s.requests.Load() }

// Handler serves the corpus; Start uses it, and tests may wrap it.
func (s *Server) Handler() http.Handler { return s.handler }
