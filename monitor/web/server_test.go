package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"
)

func TestProtect(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "in") })
	tests := []struct {
		name   string
		auth   Auth
		path   string
		header func(r *http.Request)
		want   int
	}{
		{"no auth configured", Auth{}, "/", nil, 200},
		{"token missing", Auth{Token: "s3cret"}, "/", nil, 401},
		{"token wrong", Auth{Token: "s3cret"}, "/", func(r *http.Request) { r.Header.Set("Authorization", "Bearer s3cre") }, 401},
		{"token right", Auth{Token: "s3cret"}, "/feed.atom", func(r *http.Request) { r.Header.Set("Authorization", "Bearer s3cret") }, 200},
		{"token, scheme in lower case", Auth{Token: "s3cret"}, "/", func(r *http.Request) { r.Header.Set("Authorization", "bearer s3cret") }, 200},
		{"token, scheme in upper case", Auth{Token: "s3cret"}, "/", func(r *http.Request) { r.Header.Set("Authorization", "BEARER s3cret") }, 200},
		{"token, other scheme", Auth{Token: "s3cret"}, "/", func(r *http.Request) { r.Header.Set("Authorization", "Token s3cret") }, 401},
		{"token as basic password", Auth{Token: "s3cret"}, "/", func(r *http.Request) { r.SetBasicAuth("x", "s3cret") }, 401},
		{"basic right", Auth{Username: "desk", Password: "pw"}, "/", func(r *http.Request) { r.SetBasicAuth("desk", "pw") }, 200},
		{"basic wrong user", Auth{Username: "desk", Password: "pw"}, "/", func(r *http.Request) { r.SetBasicAuth("dusk", "pw") }, 401},
		{"basic wrong password", Auth{Username: "desk", Password: "pw"}, "/", func(r *http.Request) { r.SetBasicAuth("desk", "px") }, 401},
		{"either works: bearer", Auth{Token: "t", Username: "desk", Password: "pw"}, "/", func(r *http.Request) { r.Header.Set("Authorization", "Bearer t") }, 200},
		{"either works: basic", Auth{Token: "t", Username: "desk", Password: "pw"}, "/", func(r *http.Request) { r.SetBasicAuth("desk", "pw") }, 200},
		{"healthz needs none", Auth{Token: "s3cret"}, "/healthz", nil, 200},
		{"readyz needs none", Auth{Token: "s3cret"}, "/readyz", nil, 200},
		{"metrics needs it", Auth{Token: "s3cret"}, "/metrics", nil, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tt.path, nil)
			if tt.header != nil {
				tt.header(r)
			}
			rec := httptest.NewRecorder()
			Protect(ok, tt.auth).ServeHTTP(rec, r)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d", rec.Code, tt.want)
			}
			if rec.Code == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

// TestServeWhileDaemonHoldsStore is `serve` next to `run`: the daemon holds
// the store and serves the view on its unix socket; serve's handler, unable
// to open the store, passes each request there.
func TestServeWhileDaemonHoldsStore(t *testing.T) {
	path := demoStore(t)
	held := openStore(t, path) // the daemon's lock
	// A unix socket path must be short; t.TempDir() may be long.
	dir, err := os.MkdirTemp("", "sw")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "w.sock")

	serveSide := newHandler(t, Options{Store: OpenReadOnly(path, 50*time.Millisecond), Locked: UnixProxy(sock, nil)})

	// Before the daemon's socket answers: the store is locked, so 503.
	res, body := get(t, serveSide, "GET", "/")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "does not answer") {
		t.Fatalf("locked store, no daemon socket: %d\n%s", res.StatusCode, body)
	}

	daemon := newHandler(t, Options{Store: HeldStore(held)})
	ln, err := ListenUnix(sock)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(sock); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket mode: %v %v", fi, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, NewServer("", daemon, nil), ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})

	front := httptest.NewServer(PreferDaemon(sock, UnixProxy(sock, nil), serveSide))
	t.Cleanup(front.Close)
	for _, tt := range []struct{ path, want string }{
		{"/", "Date of the summit"},
		{"/feed.atom", front.Listener.Addr().String()}, // the Host header went through
		{"/healthz", "ok"},
	} {
		resp, err := http.Get(front.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), tt.want) {
			t.Errorf("%s through the daemon: %d, lacks %q", tt.path, resp.StatusCode, tt.want)
		}
		if n := len(resp.Header.Values("Content-Security-Policy")); n != 1 {
			t.Errorf("%s: %d CSP headers, want 1", tt.path, n)
		}
	}
	// Without PreferDaemon the direct handler still falls back on ErrLocked.
	if res, _ := get(t, serveSide, "GET", "/"); res.StatusCode != 200 {
		t.Errorf("locked store, daemon socket up: %d", res.StatusCode)
	}
}

// TestServeReadsDirectly: without a daemon, serve opens the file read-only
// per request and lets go of it, so a daemon can start meanwhile.
func TestServeReadsDirectly(t *testing.T) {
	path := demoStore(t)
	h := newHandler(t, Options{Store: OpenReadOnly(path, 100*time.Millisecond)})
	if res, body := get(t, h, "GET", "/"); res.StatusCode != 200 || !strings.Contains(body, "Date of the summit") {
		t.Fatalf("direct read: %d", res.StatusCode)
	}
	s, err := bolt.Open(path, bolt.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("the store stays locked after a request: %v", err)
	}
	s.Close()
}

func TestServeStopsOnCancel(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := NewServer(ln.Addr().String(), http.NotFoundHandler(), nil)
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 {
		t.Fatalf("server without timeouts: %+v", srv)
	}
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, srv, ln) }()
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}

func TestAuthNeverPrintsSecrets(t *testing.T) {
	a := Auth{Token: "tok-SECRET", Username: "desk", Password: "pw-SECRET"}
	for _, out := range []string{fmt.Sprint(a), fmt.Sprintf("%v %+v %#v %s", a, a, a, a), fmt.Sprintf("%+v", struct{ A Auth }{a})} {
		if strings.Contains(out, "SECRET") {
			t.Errorf("printed a secret: %s", out)
		}
	}
}
