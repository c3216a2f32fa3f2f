package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// newLocal returns a client allowed to reach httptest's loopback servers.
func newLocal(opts Options) *Client {
	opts.AllowPrivate = true
	return New(opts)
}

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGetSendsHeaders(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()

	tests := []struct {
		name       string
		opts       Options
		req        Request
		wantUA     string
		wantAccept string
	}{
		{"defaults", Options{}, Request{URL: srv.URL}, DefaultUserAgent, "*/*"},
		{"custom", Options{UserAgent: "storywatch/1.2 (+https://x.test)"},
			Request{URL: srv.URL, Accept: "application/rss+xml"}, "storywatch/1.2 (+https://x.test)", "application/rss+xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := newLocal(tt.opts).Get(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if ua := got.Get("User-Agent"); ua != tt.wantUA {
				t.Errorf("User-Agent = %q, want %q", ua, tt.wantUA)
			}
			if a := got.Get("Accept"); a != tt.wantAccept {
				t.Errorf("Accept = %q, want %q", a, tt.wantAccept)
			}
			if ae := got.Get("Accept-Encoding"); ae != "gzip" {
				t.Errorf("Accept-Encoding = %q, want gzip", ae)
			}
			if string(resp.Body) != "<rss/>" || resp.ContentType != "application/rss+xml" || resp.Status != 200 {
				t.Errorf("response = %+v", resp)
			}
		})
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 18 Aug 2025 10:00:00 GMT"
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "fresh")
	}))
	defer srv.Close()
	c := newLocal(Options{})

	first, err := c.Get(context.Background(), Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || string(first.Body) != "fresh" || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first response = %+v", first)
	}
	tests := []struct {
		name string
		req  Request
	}{
		{"etag", Request{URL: srv.URL, ETag: first.ETag}},
		{"last-modified", Request{URL: srv.URL, LastModified: first.LastModified}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if !resp.NotModified || resp.Status != http.StatusNotModified || len(resp.Body) != 0 {
				t.Errorf("response = %+v, want 304 NotModified", resp)
			}
			if resp.ETag != etag {
				t.Errorf("ETag = %q", resp.ETag)
			}
		})
	}
	if hits.Load() != 3 {
		t.Errorf("server hits = %d, want 3", hits.Load())
	}
}

func TestBodyLimits(t *testing.T) {
	const limit = 1000
	bomb := gz(t, make([]byte, DefaultMaxBodyBytes+1<<20)) // 6 MiB of zeros, a few KiB compressed
	small := []byte(strings.Repeat("<item/>", 50))
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		wantErr  error
		wantBody []byte
	}{
		{"at limit", func(w http.ResponseWriter, r *http.Request) {
			w.Write(bytes.Repeat([]byte("a"), limit))
		}, nil, bytes.Repeat([]byte("a"), limit)},
		{"over limit with length", func(w http.ResponseWriter, r *http.Request) {
			w.Write(bytes.Repeat([]byte("a"), limit+1))
		}, ErrTooLarge, nil},
		{"over limit chunked", func(w http.ResponseWriter, r *http.Request) {
			for range 10 {
				w.Write(bytes.Repeat([]byte("a"), 500))
				w.(http.Flusher).Flush()
			}
		}, ErrTooLarge, nil},
		{"gzip encoded", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz(t, small))
		}, nil, small},
		{"gzip without header", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
			w.Write(gz(t, small))
		}, nil, small},
		{"gzip bomb within raw cap", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz(t, make([]byte, 64*limit)))
		}, ErrTooLarge, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			resp, err := newLocal(Options{MaxBodyBytes: limit}).Get(context.Background(), Request{URL: srv.URL})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), srv.URL) {
					t.Errorf("error %q does not name the URL", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(resp.Body, tt.wantBody) {
				t.Errorf("body = %d bytes %q..., want %d bytes", len(resp.Body), resp.Body[:min(20, len(resp.Body))], len(tt.wantBody))
			}
		})
	}
	// The big bomb must stop at the default cap although its compressed
	// size is far below it.
	t.Run("gzip bomb default cap", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Write(bomb)
		}))
		defer srv.Close()
		if int64(len(bomb)) >= DefaultMaxBodyBytes {
			t.Fatalf("bomb is %d bytes compressed; it must be below the cap", len(bomb))
		}
		_, err := newLocal(Options{}).Get(context.Background(), Request{URL: srv.URL})
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
	})
}

func TestSlowLorisTimesOut(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	_, err := newLocal(Options{Timeout: 300 * time.Millisecond}).Get(context.Background(), Request{URL: srv.URL + "/slow?token=secret"})
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if !strings.Contains(err.Error(), srv.URL+"/slow") || strings.Contains(err.Error(), "secret") {
		t.Errorf("error %q should name the redacted URL", err)
	}
}

func TestContextCancel(t *testing.T) {
	started := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	_, err := newLocal(Options{}).Get(ctx, Request{URL: srv.URL})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	var n atomic.Int32
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n.Add(1)), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/feed", http.StatusFound)
	})
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/final", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/final", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "here") })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		path    string
		wantErr []error
		wantMsg string
	}{
		{"/loop/a", []error{ErrRedirectLoop, ErrTooManyRedirects}, "redirect loop"},
		{"/chain/0", []error{ErrTooManyRedirects}, "more than 10 hops"},
		{"/ftp", []error{ErrScheme}, "ftp://example.com/feed"},
		{"/file", []error{ErrScheme}, "file:///etc/passwd"},
		{"/moved", nil, ""},
	}
	c := newLocal(Options{})
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := c.Get(context.Background(), Request{URL: srv.URL + tt.path})
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if resp.URL != srv.URL+"/final" || string(resp.Body) != "here" {
					t.Errorf("response URL %q body %q", resp.URL, resp.Body)
				}
				return
			}
			for _, want := range tt.wantErr {
				if !errors.Is(err, want) {
					t.Errorf("err = %v, want %v", err, want)
				}
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("err = %q, want it to mention %q", err, tt.wantMsg)
			}
		})
	}
}

func TestStatusErrors(t *testing.T) {
	now := time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		code       int
		retryAfter string
		want       time.Duration
	}{
		{"429 seconds", 429, "120", 2 * time.Minute},
		{"503 http date", 503, now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"429 past date", 429, now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"429 garbage", 429, "soon", 0},
		{"404 ignores header", 404, "120", 0},
		{"500 no header", 500, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.code)
			}))
			defer srv.Close()
			c := newLocal(Options{})
			c.now = func() time.Time { return now }
			_, err := c.Get(context.Background(), Request{URL: srv.URL + "/feed?key=hunter2"})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *StatusError", err)
			}
			if se.Code != tt.code || se.RetryAfter != tt.want {
				t.Errorf("StatusError = %+v, want code %d retry %s", se, tt.code, tt.want)
			}
			if strings.Contains(se.Error(), "hunter2") || !strings.Contains(se.Error(), "/feed") {
				t.Errorf("error %q: want redacted URL", se)
			}
		})
	}
}

func TestPrivateAddresses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, srv.URL, http.StatusFound) })
	redir := httptest.NewServer(mux)
	defer redir.Close()

	tests := []struct {
		name  string
		url   string
		allow bool
		want  error
	}{
		{"loopback refused", srv.URL, false, ErrBlockedAddress},
		{"localhost name refused after resolution", "http://localhost" + port, false, ErrBlockedAddress},
		{"loopback allowed", srv.URL, true, nil},
		{"redirect target allowed", redir.URL, true, nil},
		{"unspecified refused", "http://0.0.0.0" + port, false, ErrBlockedAddress},
		{"metadata refused", "http://169.254.169.254/latest/meta-data/", false, ErrBlockedAddress},
		{"scheme refused", "ftp://example.com/x", false, ErrScheme},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := New(Options{AllowPrivate: tt.allow, Timeout: 5 * time.Second}).Get(context.Background(), Request{URL: tt.url})
			if tt.want == nil {
				if err != nil || string(resp.Body) != "ok" {
					t.Fatalf("Get = %v, %v", resp, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestBlockedAddr(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true}, {"::1", true}, {"10.1.2.3", true}, {"172.16.0.1", true},
		{"192.168.1.1", true}, {"169.254.169.254", true}, {"fd00:ec2::254", true},
		{"fe80::1", true}, {"224.0.0.1", true}, {"ff02::1", true}, {"0.0.0.0", true},
		{"::", true}, {"::ffff:127.0.0.1", true}, {"100.64.0.1", true}, {"255.255.255.255", true},
		{"93.184.215.14", false}, {"8.8.8.8", false}, {"2606:4700:4700::1111", false},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := blockedAddr(mustAddr(t, tt.ip)); got != tt.want {
				t.Errorf("blockedAddr(%s) = %v, want %v", tt.ip, got, tt.want)
			}
		})
	}
}

func TestPerHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	}))
	defer srv.Close()
	c := newLocal(Options{PerHostConcurrency: 2})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: srv.URL}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p < 1 || p > 2 {
		t.Errorf("peak concurrency = %d, want 1..2", p)
	}
}

func TestPerHostInterval(t *testing.T) {
	const interval = 30 * time.Millisecond
	l := newHostLimits(4, interval)
	// Reservations are spaced from the first request's start, so each start
	// is at least i intervals after t0, however late the previous one ran.
	t0 := time.Now()
	var starts []time.Time
	for range 3 {
		release, err := l.acquire(context.Background(), "example.com")
		if err != nil {
			t.Fatal(err)
		}
		starts = append(starts, time.Now())
		release()
	}
	for i, s := range starts {
		if since := s.Sub(t0); since < time.Duration(i)*interval {
			t.Errorf("start %d after %s, want >= %s", i, since, time.Duration(i)*interval)
		}
	}
	// Another host is not held back.
	release, err := l.acquire(context.Background(), "other.example")
	if err != nil {
		t.Fatal(err)
	}
	release()
}
