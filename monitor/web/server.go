package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"time"
)

// Auth is what Protect accepts: a bearer token, a user name and password
// (basic auth), or both. The zero Auth lets every request through.
type Auth struct {
	Token              string
	Username, Password string
}

// Enabled reports whether any credential is set.
func (a Auth) Enabled() bool { return a.Token != "" || a.Username != "" }

// String names the kind of auth and never its secrets, so a logged or
// printed Auth leaks nothing (GoString covers %#v).
func (a Auth) String() string {
	switch {
	case a.Token != "" && a.Username != "":
		return "bearer token or basic auth for " + a.Username
	case a.Token != "":
		return "bearer token"
	case a.Username != "":
		return "basic auth for " + a.Username
	}
	return "none"
}

// GoString is String.
func (a Auth) GoString() string { return a.String() }

// Protect requires a's credentials on every route but /healthz and /readyz
// (probes carry none, and they tell nothing about the story).
func Protect(h http.Handler, a Auth) http.Handler {
	if !a.Enabled() {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || a.allows(r) {
			h.ServeHTTP(w, r)
			return
		}
		if a.Username != "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="storywatch", charset="UTF-8"`)
		} else {
			w.Header().Set("WWW-Authenticate", `Bearer realm="storywatch"`)
		}
		http.Error(w, "authorization required", http.StatusUnauthorized)
	})
}

func (a Auth) allows(r *http.Request) bool {
	if a.Token != "" {
		// the scheme's case does not matter (RFC 9110 11.1): some clients
		// send "bearer"
		scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if ok && strings.EqualFold(scheme, "Bearer") && equal(tok, a.Token) {
			return true
		}
	}
	if a.Username != "" {
		u, p, ok := r.BasicAuth()
		// Both compared, always: the time taken tells nothing about which
		// one was wrong.
		okU, okP := equal(u, a.Username), equal(p, a.Password)
		return ok && okU && okP
	}
	return false
}

// equal compares in constant time (hashes first: equal length).
func equal(a, b string) bool {
	x, y := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(x[:], y[:]) == 1
}

// NewServer wraps h in an http.Server with timeouts, so a slow or idle
// client cannot hold a connection open.
func NewServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	var errLog *slog.Logger = log
	if errLog == nil {
		errLog = slog.New(slog.DiscardHandler)
	}
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// The story page reads every version: on a large store it takes
		// seconds, so the write timeout leaves room for it.
		WriteTimeout:   60 * time.Second,
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 32 << 10,
		ErrorLog:       slog.NewLogLogger(errLog.Handler(), slog.LevelWarn),
	}
}

// Serve runs srv on ln until ctx is done, then shuts it down gracefully
// (bounded). It returns the server's error, or nil after a clean stop.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve http on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down http server: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// SocketPath is the unix socket beside the store on which the daemon
// serves the web view for `storywatch serve`.
func SocketPath(storePath string) string { return storePath + ".web.sock" }

// ListenUnix listens on the unix socket at path (mode 0600, only the
// store's owner may read through it), replacing a stale one left by a
// killed daemon: the caller holds the store lock, so no live one exists.
func ListenUnix(path string) (net.Listener, error) {
	_ = os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("listen on web socket %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("restrict web socket %s: %w", path, err)
	}
	return ln, nil
}

// UnixProxy passes requests to the web view the daemon serves on the unix
// socket at path, keeping the Host header so feed links stay right.
func UnixProxy(path string, log *slog.Logger) http.Handler {
	target := &url.URL{Scheme: "http", Host: "storywatch-daemon"}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
	}
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			pr.Out.Host = pr.In.Host
		},
		Transport: tr,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			if log != nil {
				log.Warn("web: the daemon holds the store and its web socket does not answer", "socket", path, "err", err)
			}
			w.Header().Set("Retry-After", "5")
			http.Error(w, "the store is busy: another storywatch process holds it and its web socket does not answer "+
				"(a poll writing, or a `storywatch run` older than this serve); try again", http.StatusServiceUnavailable)
		},
	}
}

// PreferDaemon sends each request to daemon while a daemon answers on the
// unix socket at path, and to direct otherwise. Asking first spares each
// request the wait for a file lock the daemon will not give up.
func PreferDaemon(path string, daemon, direct http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := net.DialTimeout("unix", path, 200*time.Millisecond); err == nil {
			c.Close()
			daemon.ServeHTTP(w, r)
			return
		}
		direct.ServeHTTP(w, r)
	})
}
