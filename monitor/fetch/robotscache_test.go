package fetch

import (
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

// robotsSite serves robots.txt through robots (nil: 404) and "page" for any
// other path, counting the requests of each kind.
type robotsSite struct {
	srv          *httptest.Server
	robotsHits   atomic.Int32
	pageHits     atomic.Int32
	mu           sync.Mutex
	robots       http.HandlerFunc
	robotsAgents []string
}

func newRobotsSite(t *testing.T, robots http.HandlerFunc) *robotsSite {
	t.Helper()
	s := &robotsSite{robots: robots}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			s.robotsHits.Add(1)
			s.mu.Lock()
			h := s.robots
			s.robotsAgents = append(s.robotsAgents, r.UserAgent())
			s.mu.Unlock()
			if h == nil {
				http.NotFound(w, r)
				return
			}
			h(w, r)
			return
		}
		s.pageHits.Add(1)
		fmt.Fprint(w, "page")
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *robotsSite) setRobots(h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.robots = h
}

func robotsText(txt string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, txt)
	}
}

func robotsStatus(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }
}

func TestRobotsGet(t *testing.T) {
	big := "User-agent: *\nDisallow: /private\n" + strings.Repeat("# padding padding padding\n", 30000) + "Disallow: /late\n"
	// The 500 KiB cut falls right after "Disallow: /": the half rule must
	// not be read as "disallow everything".
	head := "User-agent: *\n"
	cut := head + strings.Repeat("#", robotsMaxBytes-len(head)-1-len("Disallow: /")) + "\nDisallow: /"
	if len(cut) != robotsMaxBytes {
		t.Fatalf("cut file is %d bytes", len(cut))
	}
	cut += "private\n"
	tests := []struct {
		name    string
		robots  http.HandlerFunc
		path    string
		wantErr []error  // nil: the page is fetched
		wantMsg []string // in the error
	}{
		{"no robots.txt (404) allows", nil, "/a", nil, nil},
		{"410 allows", robotsStatus(http.StatusGone), "/a", nil, nil},
		{"403 allows (unavailable)", robotsStatus(http.StatusForbidden), "/a", nil, nil},
		{"304 to an unconditional request allows (unavailable)", robotsStatus(http.StatusNotModified), "/a", nil, nil},
		{"allowed path", robotsText("User-agent: *\nDisallow: /private/\n"), "/news/1", nil, nil},
		{"disallowed path", robotsText("User-agent: *\nDisallow: /private/\n"), "/private/1?token=s3cret",
			[]error{ErrDisallowed}, []string{"/private/1", "disallow: /private/"}},
		{"disallowed for storywatch only", robotsText("User-agent: storywatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n"), "/a",
			[]error{ErrDisallowed}, nil},
		{"500 disallows (unreachable)", robotsStatus(http.StatusInternalServerError), "/a",
			[]error{ErrDisallowed}, []string{"unreachable", "500"}},
		{"429 disallows (unreachable)", robotsStatus(http.StatusTooManyRequests), "/a",
			[]error{ErrDisallowed}, []string{"429"}},
		{"redirect loop allows (unavailable)", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/robots.txt", http.StatusFound)
		}, "/a", nil, nil},
		{"redirect to a robots.txt elsewhere is followed", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("moved") == "" {
				http.Redirect(w, r, "/robots.txt?moved=1", http.StatusMovedPermanently)
				return
			}
			robotsText("User-agent: *\nDisallow: /\n")(w, r)
		}, "/a", []error{ErrDisallowed}, nil},
		{"gzip robots.txt", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz(t, []byte("User-agent: *\nDisallow: /z\n")))
		}, "/z", []error{ErrDisallowed}, nil},
		{"over 500 KiB: the start counts", robotsText(big), "/private", []error{ErrDisallowed}, nil},
		{"over 500 KiB: the rest is ignored", robotsText(big), "/late", nil, nil},
		{"over 500 KiB: a rule cut in half is dropped", robotsText(cut), "/public", nil, nil},
		{"robots.txt itself is fetched", robotsText("User-agent: *\nDisallow: /\n"), "/robots.txt", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newRobotsSite(t, tt.robots)
			c := newLocal(Options{UserAgent: "storywatch/test (+https://x.test)"})
			resp, err := c.Get(context.Background(), Request{URL: site.srv.URL + tt.path, Robots: true})
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				if tt.path != "/robots.txt" && (string(resp.Body) != "page" || site.pageHits.Load() != 1) {
					t.Fatalf("page not fetched: body %q, hits %d", resp.Body, site.pageHits.Load())
				}
				return
			}
			for _, want := range tt.wantErr {
				if !errors.Is(err, want) {
					t.Fatalf("err = %v, want %v", err, want)
				}
			}
			if n := site.pageHits.Load(); n != 0 {
				t.Errorf("disallowed page was fetched %d times", n)
			}
			msg := err.Error()
			if !strings.Contains(msg, site.srv.URL+strings.SplitN(tt.path, "?", 2)[0]) || strings.Contains(msg, "s3cret") {
				t.Errorf("error %q should name the redacted page URL", msg)
			}
			for _, m := range tt.wantMsg {
				if !strings.Contains(strings.ToLower(msg), strings.ToLower(m)) {
					t.Errorf("error %q does not mention %q", msg, m)
				}
			}
			if ua := site.robotsAgents; len(ua) == 0 || ua[0] != "storywatch/test (+https://x.test)" {
				t.Errorf("robots.txt requested with User-Agent %q", ua)
			}
		})
	}
}

func TestRobotsOnlyWhenAsked(t *testing.T) {
	site := newRobotsSite(t, robotsText("User-agent: *\nDisallow: /\n"))
	resp, err := newLocal(Options{}).Get(context.Background(), Request{URL: site.srv.URL + "/feed.xml"})
	if err != nil || string(resp.Body) != "page" {
		t.Fatalf("Get without Robots = %v, %v", resp, err)
	}
	if n := site.robotsHits.Load(); n != 0 {
		t.Errorf("robots.txt fetched %d times for a request without Robots", n)
	}
}

func TestRobotsCache(t *testing.T) {
	now := time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	var clockMu sync.Mutex
	clock := func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return now }
	advance := func(d time.Duration) { clockMu.Lock(); defer clockMu.Unlock(); now = now.Add(d) }

	site := newRobotsSite(t, robotsText("User-agent: *\nDisallow: /private\n"))
	c := newLocal(Options{RobotsTTL: time.Hour})
	c.now = clock
	get := func(path string) error {
		_, err := c.Get(context.Background(), Request{URL: site.srv.URL + path, Robots: true})
		return err
	}

	// Many concurrent requests share one robots.txt fetch.
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			if err := get(fmt.Sprintf("/a/%d", i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := site.robotsHits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times for 20 requests, want 1", n)
	}

	// Within the TTL a changed file is not seen.
	site.setRobots(robotsText("User-agent: *\nDisallow: /\n"))
	advance(59 * time.Minute)
	if err := get("/b"); err != nil {
		t.Fatalf("within TTL: %v", err)
	}
	// After it, it is.
	advance(2 * time.Minute)
	if err := get("/b"); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("after TTL: err = %v, want ErrDisallowed", err)
	}
	if n := site.robotsHits.Load(); n != 2 {
		t.Fatalf("robots.txt fetched %d times, want 2", n)
	}

	// A server error keeps the last good copy in force and retries soon.
	site.setRobots(robotsText("User-agent: *\nDisallow: /private\n"))
	advance(61 * time.Minute)
	if err := get("/b"); err != nil {
		t.Fatalf("after TTL with allowing file: %v", err)
	}
	site.setRobots(robotsStatus(http.StatusServiceUnavailable))
	advance(61 * time.Minute)
	if err := get("/b"); err != nil {
		t.Fatalf("503 with an earlier copy: %v, want the earlier copy to apply", err)
	}
	if err := get("/private"); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("503 with an earlier copy: /private err = %v, want ErrDisallowed", err)
	}
	hits := site.robotsHits.Load()
	advance(2 * time.Minute)
	if err := get("/b"); err != nil {
		t.Fatal(err)
	}
	if site.robotsHits.Load() != hits+1 {
		t.Fatalf("robots.txt not retried a minute after a server error")
	}
}

func TestRobotsUnreachableWithoutCopyRetriesSoon(t *testing.T) {
	now := time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	site := newRobotsSite(t, robotsStatus(http.StatusBadGateway))
	c := newLocal(Options{})
	c.now = func() time.Time { return now }
	url := site.srv.URL + "/article"
	if _, err := c.Get(context.Background(), Request{URL: url, Robots: true}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("err = %v, want ErrDisallowed", err)
	}
	site.setRobots(nil) // now 404: allow all
	if _, err := c.Get(context.Background(), Request{URL: url, Robots: true}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("failure not cached: err = %v", err)
	}
	now = now.Add(robotsRetry + time.Second)
	if _, err := c.Get(context.Background(), Request{URL: url, Robots: true}); err != nil {
		t.Fatalf("after the retry delay: %v", err)
	}
	if n := site.robotsHits.Load(); n != 2 {
		t.Errorf("robots.txt fetched %d times, want 2", n)
	}
}

// TestRobotsPerOrigin: robots.txt belongs to one scheme, host and port.
func TestRobotsPerOrigin(t *testing.T) {
	closed := newRobotsSite(t, robotsText("User-agent: *\nDisallow: /\n"))
	open := newRobotsSite(t, nil)
	c := newLocal(Options{})
	if _, err := c.Get(context.Background(), Request{URL: closed.srv.URL + "/a", Robots: true}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("closed site: err = %v", err)
	}
	if _, err := c.Get(context.Background(), Request{URL: open.srv.URL + "/a", Robots: true}); err != nil {
		t.Fatalf("open site on another port: %v", err)
	}
}

func TestRobotsOnBlockedAddress(t *testing.T) {
	site := newRobotsSite(t, nil)
	_, err := New(Options{Timeout: 5 * time.Second}).Get(context.Background(), Request{URL: site.srv.URL + "/a", Robots: true})
	if !errors.Is(err, ErrBlockedAddress) || errors.Is(err, ErrDisallowed) {
		t.Fatalf("err = %v, want ErrBlockedAddress (not a robots verdict)", err)
	}
	if site.robotsHits.Load()+site.pageHits.Load() != 0 {
		t.Error("a blocked address was reached")
	}
}

func TestRobotsWaitHonoursContext(t *testing.T) {
	release := make(chan struct{})
	site := newRobotsSite(t, func(w http.ResponseWriter, r *http.Request) {
		<-release
		http.NotFound(w, r)
	})
	defer close(release)
	c := newLocal(Options{Timeout: 10 * time.Second})
	first := make(chan error, 1)
	go func() {
		_, err := c.Get(context.Background(), Request{URL: site.srv.URL + "/a", Robots: true})
		first <- err
	}()
	for site.robotsHits.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Get(ctx, Request{URL: site.srv.URL + "/b", Robots: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("waiting caller: err = %v, want context.Canceled", err)
	}
	release <- struct{}{}
	if err := <-first; err != nil {
		t.Fatalf("fetching caller: %v", err)
	}
}

// TestRobotsWithOneSlotPerHost: robots.txt is fetched before the page takes
// its per-host slot, so a limit of one request per host cannot deadlock.
func TestRobotsWithOneSlotPerHost(t *testing.T) {
	site := newRobotsSite(t, robotsText("User-agent: *\nDisallow: /private\n"))
	c := newLocal(Options{PerHostConcurrency: 1, Timeout: 5 * time.Second})
	resp, err := c.Get(context.Background(), Request{URL: site.srv.URL + "/a", Robots: true})
	if err != nil || string(resp.Body) != "page" {
		t.Fatalf("Get = %v, %v", resp, err)
	}
	if site.robotsHits.Load() != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", site.robotsHits.Load())
	}
}
