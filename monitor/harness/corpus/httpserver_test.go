package corpus

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// startHTTP serves h with httpServer on loopback and returns its address.
func startHTTP(t *testing.T, h http.Handler) (string, *httpServer) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(ln, h, &bufPool{})
	go srv.serve()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return ln.Addr().String(), srv
}

// rawConn dials addr for hand-written requests.
func rawConn(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		t.Fatal(err)
	}
	return c, bufio.NewReader(c)
}

// readResp reads one response to a request with the given method.
func readResp(t *testing.T, br *bufio.Reader, method string) (*http.Response, string) {
	t.Helper()
	resp, err := http.ReadResponse(br, &http.Request{Method: method})
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp, string(body)
}

// connClosed reports whether the server closed c (EOF on the next read).
func connClosed(t *testing.T, br *bufio.Reader) bool {
	t.Helper()
	_, err := br.ReadByte()
	return err == io.EOF
}

func testMux() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "hello "+r.Proto)
	})
	mux.HandleFunc("GET /sniff", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "<html><body>x</body></html>")
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(bytes.Repeat([]byte("0123456789"), 100_000))
	})
	mux.HandleFunc("GET /inject", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Test", "a\r\nSet-Cookie: evil=1")
		w.WriteHeader(http.StatusNoContent)
		_, _ = io.WriteString(w, "dropped")
	})
	mux.HandleFunc("GET /panic", func(w http.ResponseWriter, r *http.Request) { panic("boom") })
	return mux
}

func TestHTTPServerResponses(t *testing.T) {
	addr, _ := startHTTP(t, testMux())
	tests := []struct {
		name       string
		req        string
		method     string
		wantStatus int
		wantBody   string
		wantHeader map[string]string
		wantClose  bool
	}{
		{"plain", "GET /text HTTP/1.1\r\nHost: h\r\n\r\n", "GET", 200, "hello HTTP/1.1", map[string]string{"Content-Type": "text/plain", "Content-Length": "14"}, false},
		{"head has length, no body", "HEAD /text HTTP/1.1\r\nHost: h\r\n\r\n", "HEAD", 200, "", map[string]string{"Content-Length": "14"}, false},
		{"content type sniffed", "GET /sniff HTTP/1.1\r\nHost: h\r\n\r\n", "GET", 200, "<html><body>x</body></html>", map[string]string{"Content-Type": "text/html; charset=utf-8"}, false},
		{"large body", "GET /big HTTP/1.1\r\nHost: h\r\n\r\n", "GET", 200, strings.Repeat("0123456789", 100_000), nil, false},
		{"header injection and 204 body dropped", "GET /inject HTTP/1.1\r\nHost: h\r\n\r\n", "GET", 204, "", map[string]string{"X-Test": "a Set-Cookie: evil=1", "Set-Cookie": ""}, false},
		{"not found", "GET /nope HTTP/1.1\r\nHost: h\r\n\r\n", "GET", 404, "404 page not found\n", map[string]string{"X-Content-Type-Options": "nosniff"}, false},
		{"method not allowed, body drained", "POST /text HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello", "POST", 405, "Method Not Allowed\n", map[string]string{"Allow": "GET, HEAD"}, false},
		{"connection close", "GET /text HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", "GET", 200, "hello HTTP/1.1", nil, true},
		{"http/1.0 closes", "GET /text HTTP/1.0\r\n\r\n", "GET", 200, "hello HTTP/1.0", nil, true},
		{"http/1.0 keep-alive", "GET /text HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET", 200, "hello HTTP/1.0", map[string]string{"Connection": "keep-alive"}, false},
		{"malformed", "GARBAGE\r\n\r\n", "GET", 400, "400 Bad Request", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, br := rawConn(t, addr)
			if _, err := io.WriteString(c, tt.req); err != nil {
				t.Fatal(err)
			}
			resp, body := readResp(t, br, tt.method)
			if resp.StatusCode != tt.wantStatus || body != tt.wantBody {
				t.Errorf("got %d %.60q, want %d %.60q", resp.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
			for k, v := range tt.wantHeader {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if tt.wantStatus != 400 && resp.Header.Get("Date") == "" {
				t.Error("no Date header")
			}
			if tt.wantClose {
				if !resp.Close {
					t.Error(`response lacks "Connection: close"`)
				}
				if !connClosed(t, br) {
					t.Error("connection left open")
				}
				return
			}
			// The connection must carry another request.
			if _, err := io.WriteString(c, "GET /text HTTP/1.1\r\nHost: h\r\n\r\n"); err != nil {
				t.Fatal(err)
			}
			if resp, body := readResp(t, br, "GET"); resp.StatusCode != 200 || body != "hello HTTP/1.1" {
				t.Errorf("second request: %d %q", resp.StatusCode, body)
			}
		})
	}
}

func TestHTTPServerPipelined(t *testing.T) {
	addr, _ := startHTTP(t, testMux())
	c, br := rawConn(t, addr)
	if _, err := io.WriteString(c, "GET /text HTTP/1.1\r\nHost: h\r\n\r\nGET /nope HTTP/1.1\r\nHost: h\r\n\r\nGET /sniff HTTP/1.1\r\nHost: h\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []int{200, 404, 200} {
		if resp, _ := readResp(t, br, "GET"); resp.StatusCode != want {
			t.Errorf("status %d, want %d", resp.StatusCode, want)
		}
	}
}

func TestHTTPServerPanicClosesConnection(t *testing.T) {
	addr, _ := startHTTP(t, testMux())
	c, br := rawConn(t, addr)
	if _, err := io.WriteString(c, "GET /panic HTTP/1.1\r\nHost: h\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	if !connClosed(t, br) {
		t.Error("connection open after a handler panic")
	}
	// Other connections are unaffected.
	c2, br2 := rawConn(t, addr)
	if _, err := io.WriteString(c2, "GET /text HTTP/1.1\r\nHost: h\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	if resp, _ := readResp(t, br2, "GET"); resp.StatusCode != 200 {
		t.Errorf("status %d after another connection's panic", resp.StatusCode)
	}
}

func TestHTTPServerShutdown(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(ln, mux, &bufPool{})
	go srv.serve()
	addr := ln.Addr().String()

	_, idleBR := rawConn(t, addr) // connected, never sends: idle
	busy, busyBR := rawConn(t, addr)
	if _, err := io.WriteString(busy, "GET /slow HTTP/1.1\r\nHost: h\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	<-entered
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		done <- srv.shutdown(ctx)
	}()
	if !connClosed(t, idleBR) {
		t.Error("idle connection not closed by shutdown")
	}
	close(release)
	if resp, body := readResp(t, busyBR, "GET"); resp.StatusCode != 200 || body != "done" {
		t.Errorf("in-flight request got %d %q", resp.StatusCode, body)
	}
	if !connClosed(t, busyBR) {
		t.Error("busy connection left open after its response")
	}
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Error("listener still accepting after shutdown")
	}
}

// TestServerConnectionReuse serves many responses of different sizes on one
// keep-alive connection and on "Connection: close" requests through Start:
// every response must arrive whole and in order.
func TestServerConnectionReuse(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 3, ArticlesPerFeed: 2, Seed: 4, RotateBoilerplate: true})
	urls := append(s.FeedURLs(), s.ArticleURLs()...)
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1}}
	t.Cleanup(c.CloseIdleConnections)
	for round := range 3 {
		for _, u := range urls {
			req, err := http.NewRequest(http.MethodGet, u, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Close = round == 2
			resp, err := c.Do(req)
			if err != nil {
				t.Fatalf("round %d %s: %v", round, u, err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatalf("round %d %s: read: %v", round, u, err)
			}
			if resp.StatusCode != http.StatusOK || strconv.Itoa(len(body)) != resp.Header.Get("Content-Length") {
				t.Errorf("round %d %s: status %d, %d bytes, Content-Length %s", round, u, resp.StatusCode, len(body), resp.Header.Get("Content-Length"))
			}
		}
	}
}
