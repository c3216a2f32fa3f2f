package monitor_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/email/mailpittest"
	"github.com/storywatch/storywatch/notify/webhook"
)

// hookReceiver is a webhook endpoint that records what it received.
type hookReceiver struct {
	*httptest.Server
	mu       sync.Mutex
	requests []hookRequest
}

type hookRequest struct {
	header http.Header
	body   []byte
}

func newHookReceiver(t *testing.T) *hookReceiver {
	t.Helper()
	h := &hookReceiver{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.requests = append(h.requests, hookRequest{header: r.Header.Clone(), body: body})
		h.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookReceiver) received() []hookRequest {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.requests)
}

func feedList(urls []string) string {
	var b strings.Builder
	for _, u := range urls {
		fmt.Fprintf(&b, "  - url: %q\n", u)
	}
	return b.String()
}

const storyFilter = `story:
  any: ["(?i)summit", "(?i)peace (talks|deal)", "(?i)ceasefire"]
  all: ["(?i)putin|kremlin|russia", "(?i)zelensk|kyiv|ukrain"]
`

// TestEndToEnd polls the demo story over real HTTP, lets it change, polls
// again, and checks the stored versions, the changes, the signed webhooks
// and the emails a real SMTP server received.
func TestEndToEnd(t *testing.T) {
	mp := mailpittest.New(t)
	srv, err := corpus.NewDemo(corpus.Options{RotateBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	hooks := newHookReceiver(t)
	const secret = "e2e-webhook-secret"
	rcpt := mp.Recipient() // unique per test, so parallel test packages share one Mailpit

	cfgText := fmt.Sprintf(`store:
  path: unused.db
feeds:
%s%s
fetch:
  allow_private_addresses: true
notify:
  kinds: [date, number, quote, position, location, title, text]
  webhooks:
    - url: %q
      secret: %q
  email:
    host: %q
    port: %d
    tls: none
    from: storywatch@example.com
    to: [%q]
`, feedList(srv.FeedURLs()), storyFilter, hooks.URL, secret, mp.Host(), mp.Port(), rcpt)
	cfg, err := config.Parse([]byte(cfgText), "e2e.yaml")
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	st := mustOpenStore(t)
	m, err := monitor.New(monitor.Options{Config: cfg, Store: st, Notifiers: channelsFor(t, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	ctx := context.Background()

	first := m.PollAll(ctx)
	if failed := first.Failed(); len(failed) > 0 {
		t.Fatalf("first poll: %v", failed[0].Err)
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatal("first poll stored no article")
	}
	for _, a := range arts {
		if a.Versions != 1 {
			t.Errorf("%s: %d versions after the first poll, want 1", a.URL, a.Versions)
		}
		if strings.Contains(strings.ToLower(a.Title), "weather") {
			t.Errorf("off-story article %q was kept", a.Title)
		}
	}
	// A second poll with only rotating boilerplate stores nothing new.
	if again := m.PollAll(ctx); totalNew(again) != 0 {
		t.Fatalf("poll without edits stored %d versions", totalNew(again))
	}

	tracked := map[string]bool{}
	for _, a := range arts {
		tracked[a.URL] = true
	}
	// The off-story article is revised too, but it is not tracked.
	edited := slices.DeleteFunc(srv.Revise(), func(u string) bool { return !tracked[u] })
	if len(edited) == 0 {
		t.Fatal("the demo story has no second revision of a tracked article")
	}
	second := m.PollAll(ctx)
	if failed := second.Failed(); len(failed) > 0 {
		t.Fatalf("second poll: %v", failed[0].Err)
	}
	arts, err = st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		want := 1
		if slices.Contains(edited, a.URL) {
			want = 2
		}
		if a.Versions != want {
			t.Errorf("%s: %d versions, want %d (edited: %v)", a.URL, a.Versions, want, edited)
		}
	}
	changes, err := st.Changes(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != len(edited) {
		var got []string
		for _, ch := range changes {
			got = append(got, ch.Article)
		}
		t.Fatalf("%d changes stored, want %d:\n got %v\nwant %v", len(changes), len(edited), got, edited)
	}
	for _, ch := range changes {
		if ch.Version != 2 || ch.Inserted+ch.Deleted+ch.Changed+ch.Moved == 0 && len(ch.Facts) == 0 {
			t.Errorf("change %+v: want version 2 with edits", ch)
		}
	}

	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := m.Deliver(dctx); err != nil {
		t.Fatalf("deliver: %v", err)
	}
	got := hooks.received()
	if len(got) != len(changes) {
		t.Fatalf("webhook received %d alerts, want %d", len(got), len(changes))
	}
	keys := map[string]bool{}
	for _, r := range got {
		if !webhook.Verify(r.body, r.header.Get("X-Storywatch-Signature"), secret) {
			t.Errorf("bad signature %q", r.header.Get("X-Storywatch-Signature"))
		}
		key := r.header.Get("Idempotency-Key")
		if key == "" || keys[key] {
			t.Errorf("idempotency key %q empty or repeated", key)
		}
		keys[key] = true
		var a notify.Alert
		if err := json.Unmarshal(r.body, &a); err != nil {
			t.Fatalf("webhook body: %v", err)
		}
		if !slices.Contains(edited, a.Article) || a.Version != 2 || a.Title == "" {
			t.Errorf("webhook alert %+v does not match an edited article", a)
		}
	}
	msgs := mp.WaitFor(t, len(changes), 20*time.Second)
	if len(msgs) != len(changes) {
		t.Fatalf("mailpit received %d emails for %s, want %d", len(msgs), rcpt, len(changes))
	}
	for _, msg := range msgs {
		if msg.Subject == "" || msg.Text == "" || msg.HTML == "" {
			t.Errorf("email lacks a subject, text or HTML part: %+v", msg)
		}
	}
	// Delivered alerts are not sent again.
	if err := m.Deliver(dctx); err != nil {
		t.Fatal(err)
	}
	if n := len(hooks.received()); n != len(changes) {
		t.Errorf("second delivery resent alerts: %d requests", n)
	}
}

func totalNew(p monitor.PassResult) int {
	n := 0
	for _, f := range p.Feeds {
		n += f.NewVersions
	}
	return n
}
