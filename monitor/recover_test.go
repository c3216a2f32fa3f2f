package monitor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/store"
)

// syncBuffer is a log destination safe for the pipeline's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// panicOn makes processItem dereference a nil *content, the crash of issue
// 12, for the items whose link ends in suffix.
func panicOn(suffix string) func(feed.Item) {
	return func(it feed.Item) {
		if strings.HasSuffix(it.Link, suffix) {
			var c *content
			_ = c.notModified()
		}
	}
}

// recoverFixture is a monitor polling two fixture feeds on a real store,
// logging into a buffer.
func recoverFixture(t *testing.T) (*Monitor, *bolt.Store, *shapeServer, *syncBuffer) {
	t.Helper()
	srv := newShapeServer(t, false)
	cfg, err := config.Parse([]byte(fmt.Sprintf(`store:
  path: unused.db
schedule: "0 0 1 1 *"
feeds:
  - url: %q
  - url: %q
fetch:
  allow_private_addresses: true
  robots: false
  jitter: 0s
`, srv.URL+"/feeds/relative-link.rss", srv.URL+"/feeds/summary-only.rdf")), "recover.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := openTestStore(t)
	logs := &syncBuffer{}
	m, err := New(Options{Config: cfg, Store: st, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return m, st, srv, logs
}

func storedPaths(t *testing.T, st *bolt.Store, base string) []string {
	t.Helper()
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		out = append(out, strings.TrimPrefix(a.URL, base))
	}
	return out
}

// TestPanickingItemBecomesFeedError: an item that panics becomes its feed's
// error (in the result and in the stored feed state, shown by `feeds`),
// logged with its stack; its sibling items, the other feeds and later
// passes go on, and the feed is neither backed off nor left behind a 304.
func TestPanickingItemBecomesFeedError(t *testing.T) {
	m, st, srv, logs := recoverFixture(t)
	t.Cleanup(func() { m.Close() })
	m.testHookItem = panicOn("/news/relative-dots.html")
	feedURL := srv.URL + "/feeds/relative-link.rss"

	// Twice: the first panic released the item's article lock and worker
	// slot, or the second pass would hang.
	for pass := 1; pass <= 2; pass++ {
		res := m.PollAll(context.Background())
		bad, good := res.Feeds[0], res.Feeds[1]
		if !errors.Is(bad.Err, ErrPanic) || !strings.Contains(bad.Err.Error(), "relative-dots.html") ||
			!strings.Contains(bad.Err.Error(), "nil pointer dereference") {
			t.Fatalf("pass %d: feed error %v, want the item's panic", pass, bad.Err)
		}
		if good.Err != nil {
			t.Errorf("pass %d: the other feed failed: %v", pass, good.Err)
		}
		if bad.Items != 2 || bad.Matched != 1 {
			t.Errorf("pass %d: %d items, %d matched; want 2 and the sibling", pass, bad.Items, bad.Matched)
		}
		fs, err := st.Feed(feedURL)
		if err != nil {
			t.Fatal(err)
		}
		if fs.Status != "error" || !strings.Contains(fs.Error, "panic") || fs.Failures != 0 || fs.ETag != "" {
			t.Errorf("pass %d: stored feed state %+v: want status error naming the panic, no failure count, no ETag", pass, fs)
		}
	}
	got := storedPaths(t, st, srv.URL)
	for _, want := range []string{"/news/relative-link.html", "/news/summary-only.html"} {
		if !strings.Contains(strings.Join(got, " "), want) {
			t.Errorf("%s not stored; stored: %v", want, got)
		}
	}
	if strings.Contains(strings.Join(got, " "), "relative-dots") {
		t.Errorf("the panicking item was stored: %v", got)
	}
	log := logs.String()
	for _, want := range []string{"recovered from a panic", "item_url=" + srv.URL + "/news/relative-dots.html",
		"runtime error: invalid memory address or nil pointer dereference", "processItem", "goroutine "} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}

	// Fixed: the next pass stores the item and clears the feed's error.
	m.testHookItem = nil
	if res := m.PollAll(context.Background()); len(res.Failed()) > 0 {
		t.Fatalf("after the fix: %v", res.Failed()[0].Err)
	}
	if fs, _ := st.Feed(feedURL); fs.Status != "ok" || fs.Error != "" {
		t.Errorf("feed state after the fix: %+v", fs)
	}
	if got := storedPaths(t, st, srv.URL); !strings.Contains(strings.Join(got, " "), "/news/relative-dots.html") {
		t.Errorf("item not stored after the fix: %v", got)
	}
}

// TestDaemonSurvivesPanickingItem: under Run, the first pass meets an item
// that panics; the daemon records it as the feed's error and keeps running:
// another pass on it works, and it shuts down cleanly.
func TestDaemonSurvivesPanickingItem(t *testing.T) {
	m, st, srv, _ := recoverFixture(t)
	m.testHookItem = panicOn("/news/relative-dots.html")
	feedURL := srv.URL + "/feeds/relative-link.rss"

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()

	deadline := time.Now().Add(20 * time.Second)
	for {
		fs, err := st.Feed(feedURL)
		if err == nil && fs.Status != "" {
			if fs.Status != "error" || !strings.Contains(fs.Error, "panic") {
				t.Fatalf("feed state after the daemon's first pass: %+v", fs)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the daemon's first pass did not record the feed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The daemon is alive: a pass on its monitor (what a forwarded `poll`
	// runs) still works, and still recovers.
	res := m.PollAll(ctx)
	if !errors.Is(res.Feeds[0].Err, ErrPanic) || res.Feeds[1].Err != nil {
		t.Errorf("pass on the running daemon: %v / %v", res.Feeds[0].Err, res.Feeds[1].Err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the daemon did not stop")
	}
}

// TestWriterPanicFailsOnlyItsUpdate: an update whose commit panics fails
// alone, with ErrPanic; the updates batched with it are committed.
func TestWriterPanicFailsOnlyItsUpdate(t *testing.T) {
	st := openTestStore(t)
	w := newWriter(st, slog.New(slog.DiscardHandler), nil)
	const bad = "https://example.com/bad"
	w.testHookApply = func(us []store.Update) {
		for _, u := range us {
			if u.Article.URL == bad {
				panic("encode " + bad)
			}
		}
	}
	urls := []string{"https://example.com/a", bad, "https://example.com/b", "https://example.com/c"}
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() {
			v := &store.Version{FetchedAt: time.Unix(1, 0), Title: "t", Text: "text of " + u, Source: "feed"}
			_, errs[i] = w.apply(store.Update{Article: store.Article{ID: store.ArticleID(u), URL: u}, Version: v})
		})
	}
	wg.Wait()
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	for i, u := range urls {
		switch {
		case u == bad && !errors.Is(errs[i], ErrPanic):
			t.Errorf("%s: %v, want ErrPanic", u, errs[i])
		case u != bad && errs[i] != nil:
			t.Errorf("%s: %v", u, errs[i])
		}
		_, err := st.Article(u)
		if stored := err == nil; stored != (u != bad) {
			t.Errorf("%s stored: %v (err %v)", u, stored, err)
		}
	}
}
