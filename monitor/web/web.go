package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/style.css
var styleCSS []byte

// Opener gives the handler a store for one request; release is called when
// the request is done with it. An error wrapping store.ErrLocked means
// another process holds the store (see Options.Locked).
type Opener func(ctx context.Context) (s Store, release func(), err error)

// Options configure the handler. Store is required; every other zero value
// has the meaning its comment gives.
type Options struct {
	// Store opens the store for a request: HeldStore or OpenReadOnly.
	Store Opener
	// Locked serves a request while another process holds the store (the
	// daemon: UnixProxy to its web socket); nil answers 503.
	Locked http.Handler
	// Metrics serves GET /metrics; nil answers 404.
	Metrics http.Handler
	// Logger receives request errors; nil discards them.
	Logger *slog.Logger
	// BaseURL prefixes the absolute links of the Atom feeds; empty takes
	// http://HOST from each request.
	BaseURL string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Version is shown in the page footer.
	Version string
}

// Handler serves the web view. It is safe for concurrent use.
type Handler struct {
	opts     Options
	log      *slog.Logger
	now      func() time.Time
	tmpl     map[string]*template.Template
	mux      *http.ServeMux
	draining atomic.Bool

	cacheMu sync.Mutex
	cached  *storyTimeline // see timeline
}

// HeldStore is the Opener of a process that holds s open for its lifetime
// (the daemon).
func HeldStore(s Store) Opener {
	return func(context.Context) (Store, func(), error) { return s, func() {}, nil }
}

// OpenReadOnly is the Opener of `serve`: it opens the file at path
// read-only for each request and closes it after, so serve never keeps the
// daemon from starting. It fails with an error wrapping store.ErrLocked
// within timeout when the daemon holds the file.
func OpenReadOnly(path string, timeout time.Duration) Opener {
	return func(context.Context) (Store, func(), error) {
		s, err := bolt.Open(path, bolt.Options{ReadOnly: true, Timeout: timeout})
		if err != nil {
			return nil, nil, fmt.Errorf("open store %s: %w", path, err)
		}
		return s, func() { _ = s.Close() }, nil
	}
}

// New builds the handler.
func New(opts Options) (*Handler, error) {
	if opts.Store == nil {
		return nil, errors.New("web: Options.Store is required")
	}
	h := &Handler{opts: opts, log: opts.Logger, now: opts.Now}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.now == nil {
		h.now = time.Now
	}
	var err error
	if h.tmpl, err = parseTemplates(); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.withStore(h.story))
	mux.HandleFunc("GET /articles/{id}", h.withStore(h.article))
	mux.HandleFunc("GET /articles/{id}/diff", h.withStore(h.diff))
	mux.HandleFunc("GET /feed.atom", h.withStore(h.feed))
	mux.HandleFunc("GET /articles/{id}/feed.atom", h.withStore(h.feed))
	mux.HandleFunc("GET /healthz", h.withStore(h.healthz))
	mux.HandleFunc("GET /readyz", h.withStore(h.readyz))
	mux.HandleFunc("GET /static/style.css", h.style)
	mux.HandleFunc("GET /metrics", h.metrics)
	h.mux = mux
	return h, nil
}

// pages are the page templates; each is parsed with layout.html.
var pages = []string{"story.html", "article.html", "diff.html", "error.html"}

func parseTemplates() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, p := range pages {
		t := template.New(p).Funcs(funcs)
		t, err := t.ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+p)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", p, err)
		}
		out[p] = t
	}
	return out, nil
}

// csp allows nothing but the page itself, its stylesheet and inline SVG:
// no script runs, whatever an article's text contains.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP sets the security headers every answer carries, then routes.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		h.fail(w, r, http.StatusMethodNotAllowed, "this view is read-only")
		return
	}
	_, pattern := h.mux.Handler(r)
	if pattern == "" {
		h.fail(w, r, http.StatusNotFound, "no such page")
		return
	}
	h.mux.ServeHTTP(w, r)
}

// Drain makes /readyz answer 503 from now on, so a load balancer stops
// sending requests before the server shuts down.
func (h *Handler) Drain() { h.draining.Store(true) }

// storeHandler is a route that needs the store.
type storeHandler func(w http.ResponseWriter, r *http.Request, s Store) error

// withStore opens the store for one request. While another process holds
// it, the request goes to opts.Locked (the daemon) as a whole.
func (h *Handler) withStore(fn storeHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, release, err := h.opts.Store(r.Context())
		if errors.Is(err, store.ErrLocked) && h.opts.Locked != nil {
			// The daemon's answer carries its own headers.
			clear(w.Header())
			h.opts.Locked.ServeHTTP(w, r)
			return
		}
		if err != nil {
			h.log.Error("web: open store", "path", r.URL.Path, "err", err)
			h.fail(w, r, http.StatusServiceUnavailable, "the store does not answer")
			return
		}
		defer release()
		if err := fn(w, r, s); err != nil {
			var he httpError
			if errors.As(err, &he) {
				h.fail(w, r, he.code, he.msg)
				return
			}
			h.log.Error("web: request failed", "path", r.URL.Path, "err", err)
			h.fail(w, r, http.StatusInternalServerError, "the page could not be built; the log has the cause")
		}
	}
}

// httpError is an answer other than 200 with a message for the reader.
type httpError struct {
	code int
	msg  string
}

func (e httpError) Error() string { return fmt.Sprintf("%d %s", e.code, e.msg) }

func notFound(format string, args ...any) error {
	return httpError{http.StatusNotFound, fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) error {
	return httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// fail writes an error page (or plain text for the machine routes).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if strings.HasSuffix(r.URL.Path, ".atom") || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics" {
		http.Error(w, msg, code)
		return
	}
	h.render(w, r, code, "error.html", &errorPage{page: page{Title: http.StatusText(code)}, Code: code, Message: msg})
}

type errorPage struct {
	page
	Code    int
	Message string
}

// page is what every template's layout needs.
type page struct {
	Title   string
	Version string
	Nav     string // "story" or "article": which top link is current
}

func (p *page) setVersion(v string) { p.Version = v }

type versioned interface{ setVersion(string) }

// render executes a page template into a buffer first, so a template error
// becomes a 500 rather than half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, code int, name string, data versioned) {
	data.setVersion(h.opts.Version)
	var b strings.Builder
	if err := h.tmpl[name].ExecuteTemplate(&b, "layout", data); err != nil {
		h.log.Error("web: render", "template", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(b.String()))
	}
}

func (h *Handler) style(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(styleCSS)
}

func (h *Handler) metrics(w http.ResponseWriter, r *http.Request) {
	if h.opts.Metrics == nil {
		http.Error(w, "metrics are not enabled in this process", http.StatusNotFound)
		return
	}
	h.opts.Metrics.ServeHTTP(w, r)
}

// healthz answers 200 when the store answers a read.
func (h *Handler) healthz(w http.ResponseWriter, r *http.Request, s Store) error {
	if _, err := s.Feeds(); err != nil {
		h.log.Error("web: health check", "err", err)
		http.Error(w, "store does not answer", http.StatusServiceUnavailable)
		return nil
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = fmt.Fprintln(w, "ok")
	return nil
}

// readyz is healthz, and 503 once the server is draining.
func (h *Handler) readyz(w http.ResponseWriter, r *http.Request, s Store) error {
	if h.draining.Load() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return nil
	}
	return h.healthz(w, r, s)
}
