package monitor_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

// statusSite serves one RSS feed with one article whose page can be made to
// answer 404, 410 or a redirect to another story.
type statusSite struct {
	*httptest.Server
	mu   sync.Mutex
	mode string // "ok", "404", "410", "redirect"
}

func (s *statusSite) set(mode string) { s.mu.Lock(); s.mode = mode; s.mu.Unlock() }

func newStatusSite(t *testing.T) *statusSite {
	t.Helper()
	s := &statusSite{mode: "ok"}
	page := func(w http.ResponseWriter, title, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title></head><body><article><h1>%s</h1>%s</article></body></html>`, title, title, body)
	}
	para := strings.Repeat("<p>The ministers met in Geneva on Monday to discuss the ceasefire, officials said, and agreed to meet again within two weeks.</p>", 6)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		mode := s.mode
		s.mu.Unlock()
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Status Wire</title><link>%[1]s/</link>
<item><title>Ceasefire talks in Geneva</title><link>%[1]s/news/talks</link><guid>%[1]s/news/talks</guid><description>Talks.</description></item>
</channel></rss>`, s.URL)
		case "/news/talks":
			switch mode {
			case "404":
				http.NotFound(w, r)
			case "410":
				http.Error(w, "gone", http.StatusGone)
			case "redirect":
				http.Redirect(w, r, "/news/other-story", http.StatusMovedPermanently)
			default:
				page(w, "Ceasefire talks in Geneva", para)
			}
		case "/news/other-story":
			page(w, "A different story entirely", strings.Repeat("<p>The city council approved a new budget for parks and libraries on Tuesday evening.</p>", 6))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// TestPageStatusReportedOnce removes the page of a tracked article, brings
// it back and redirects it elsewhere, polling after each step: each event
// is one change of kind status with one alert, the last good version stays,
// and a lasting event is not reported again.
func TestPageStatusReportedOnce(t *testing.T) {
	site := newStatusSite(t)
	hooks := newHookReceiver(t)
	cfg, err := config.Parse([]byte(fmt.Sprintf(`feeds:
  - url: %q
fetch:
  allow_private_addresses: true
notify:
  webhooks:
    - url: %q
`, site.URL+"/feed.xml", hooks.URL)), "status.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpenStore(t)
	m, err := monitor.New(monitor.Options{Config: cfg, Store: st, Notifiers: channelsFor(t, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	ctx := context.Background()
	poll := func(mode string) {
		t.Helper()
		site.set(mode)
		m.PollAll(ctx)
	}
	statusChanges := func() []store.Change {
		t.Helper()
		all, err := st.Changes(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var out []store.Change
		for _, c := range all {
			if len(c.Facts) == 1 && c.Facts[0].Kind == facts.KindStatus {
				out = append(out, c)
			}
		}
		return out
	}

	poll("ok")
	arts, err := st.Articles()
	if err != nil || len(arts) != 1 || arts[0].Versions != 1 {
		t.Fatalf("after first poll: %+v, %v", arts, err)
	}
	id := arts[0].ID

	poll("404")
	poll("404") // the same event again: no second report
	got := statusChanges()
	if len(got) != 1 || got[0].Facts[0].After != "removed (404 Not Found)" || got[0].Version != 1 {
		t.Fatalf("after 404 twice: %+v", got)
	}
	if a, _ := st.Article(id); a.Versions != 1 || a.Status != "removed (404 Not Found)" {
		t.Errorf("article after 404: versions %d status %q; want the last good version kept", a.Versions, a.Status)
	}

	poll("ok") // back: the status clears, no new version (same text)
	if a, _ := st.Article(id); a.Status != "" || a.Versions != 1 {
		t.Errorf("article after recovery: versions %d status %q", a.Versions, a.Status)
	}
	poll("410")
	poll("redirect")
	poll("redirect")
	got = statusChanges()
	if len(got) != 3 {
		t.Fatalf("got %d status changes %+v, want 404, 410, redirect", len(got), got)
	}
	var afters []string
	for _, c := range got {
		afters = append(afters, c.Facts[0].After)
	}
	joined := strings.Join(afters, " | ")
	for _, w := range []string{"removed (404 Not Found)", "removed (410 Gone)", "redirects to " + site.URL + "/news/other-story"} {
		if !strings.Contains(joined, w) {
			t.Errorf("status changes %q lack %q", joined, w)
		}
	}
	if arts, _ := st.Articles(); len(arts) != 1 {
		t.Errorf("the redirect target became an article of its own: %d articles", len(arts))
	}
	// The version's own change record is untouched: no version was stored.
	if vs, err := st.Versions(id); err != nil || len(vs) != 1 {
		t.Errorf("versions = %d, %v; want 1", len(vs), err)
	}

	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := m.Deliver(dctx); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, r := range hooks.received() {
		var body struct {
			Facts []facts.Change `json:"facts"`
		}
		if err := json.Unmarshal(r.body, &body); err != nil || len(body.Facts) != 1 || body.Facts[0].Kind != facts.KindStatus {
			t.Errorf("webhook body %s: %v", r.body, err)
		}
		keys[r.header.Get("Idempotency-Key")] = true
	}
	if len(keys) != 3 {
		t.Errorf("got %d distinct alerts %v, want one per status event", len(keys), keys)
	}
}
