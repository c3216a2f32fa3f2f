package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/notifytest"
	"github.com/storywatch/storywatch/notify/webhook"
)

var t0 = time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC)

func sampleAlert() notify.Alert {
	return notify.Alert{
		Article:    "https://news.example.com/summit",
		Title:      "Putin and Zelensky set for summit",
		Version:    3,
		DetectedAt: t0,
		Key:        "art1-v3-webhook-0",
		Facts: []facts.Change{{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29",
			BeforeValue: "P2W", AfterValue: "2025-08-29"}},
	}
}

// received is one request as the receiver saw it.
type received struct {
	header http.Header
	body   []byte
}

// receiver is an httptest webhook endpoint answering with a script of
// statuses (the last one repeats) and recording every request.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	reqs     []received
	statuses []int
	headers  map[string]string // extra reply headers
}

func newReceiver(t testing.TB, statuses ...int) *receiver {
	t.Helper()
	r := &receiver{statuses: statuses, headers: map[string]string{}}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.reqs = append(r.reqs, received{header: req.Header.Clone(), body: body})
		i := min(len(r.reqs), len(r.statuses)) - 1
		code := r.statuses[i]
		for k, v := range r.headers {
			w.Header().Set(k, v)
		}
		r.mu.Unlock()
		w.WriteHeader(code)
		_, _ = io.WriteString(w, "reply body that must be drained")
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.reqs...)
}

func TestNotifyRequest(t *testing.T) {
	const secret = "s3cr3t-signing-key"
	tests := []struct {
		name      string
		secret    string
		alert     func() notify.Alert
		wantEvent string
	}{
		{name: "facts signed", secret: secret, alert: sampleAlert, wantEvent: "fact.changed"},
		{name: "text only", secret: secret, alert: func() notify.Alert {
			a := sampleAlert()
			a.Facts = nil
			return a
		}, wantEvent: "text.changed"},
		{name: "unsigned", alert: sampleAlert, wantEvent: "fact.changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rcv := newReceiver(t, http.StatusOK)
			n := webhook.New(webhook.Config{URL: rcv.URL + "/hook", Secret: tt.secret, UserAgent: "storywatch/test"}, nil)
			a := tt.alert()
			if err := n.Notify(context.Background(), a); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			reqs := rcv.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			h, body := reqs[0].header, reqs[0].body
			for k, want := range map[string]string{
				"Content-Type":       "application/json",
				"Idempotency-Key":    a.Key,
				"X-Storywatch-Event": tt.wantEvent,
				"User-Agent":         "storywatch/test",
			} {
				if got := h.Get(k); got != want {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
			sig := h.Get("X-Storywatch-Signature")
			if tt.secret == "" {
				if sig != "" {
					t.Errorf("unsigned webhook sent signature %q", sig)
				}
			} else {
				if !webhook.Verify(body, sig, tt.secret) {
					t.Errorf("signature %q does not verify", sig)
				}
				if webhook.Verify(body, sig, "other") {
					t.Error("signature verifies with the wrong secret")
				}
			}
			// The body has exactly the contract's shape.
			var m map[string]json.RawMessage
			if err := json.Unmarshal(body, &m); err != nil {
				t.Fatalf("body is not JSON: %v", err)
			}
			for _, k := range []string{"article", "title", "version", "detected_at", "facts"} {
				if _, ok := m[k]; !ok {
					t.Errorf("body lacks %q: %s", k, body)
				}
			}
			if string(m["facts"]) == "null" {
				t.Errorf("facts is null, want an array: %s", body)
			}
			if bytes.Contains(body, []byte(a.Key)) {
				t.Errorf("body carries the idempotency key; it belongs in the header: %s", body)
			}
			var back notify.Alert
			if err := json.Unmarshal(body, &back); err != nil || back.Article != a.Article || back.Version != a.Version || len(back.Facts) != len(a.Facts) {
				t.Errorf("body decodes to %+v (err %v), want the alert", back, err)
			}
		})
	}
}

func TestNotifyStatusClassification(t *testing.T) {
	tests := []struct {
		status     int
		retryAfter string
		wantErr    bool
		permanent  bool
		wantAfter  time.Duration // >0: a RetryAfterError with this delay
	}{
		{status: 200},
		{status: 202},
		{status: 204},
		{status: 500, wantErr: true},
		{status: 502, wantErr: true},
		{status: 503, retryAfter: "7", wantErr: true, wantAfter: 7 * time.Second},
		{status: 429, retryAfter: "120", wantErr: true, wantAfter: 2 * time.Minute},
		{status: 429, retryAfter: "soon", wantErr: true},
		{status: 400, wantErr: true, permanent: true},
		{status: 401, wantErr: true, permanent: true},
		{status: 404, wantErr: true, permanent: true},
		{status: 410, wantErr: true, permanent: true},
		{status: 302, wantErr: true, permanent: true},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status)+tt.retryAfter, func(t *testing.T) {
			rcv := newReceiver(t, tt.status)
			if tt.retryAfter != "" {
				rcv.headers["Retry-After"] = tt.retryAfter
			}
			if tt.status == 302 {
				rcv.headers["Location"] = "/elsewhere"
			}
			err := webhook.New(webhook.Config{URL: rcv.URL}, nil).Notify(context.Background(), sampleAlert())
			if (err != nil) != tt.wantErr {
				t.Fatalf("Notify err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil {
				return
			}
			if got := notify.IsPermanent(err); got != tt.permanent {
				t.Errorf("IsPermanent(%v) = %v, want %v", err, got, tt.permanent)
			}
			var se *webhook.StatusError
			if !errors.As(err, &se) || se.Code != tt.status {
				t.Errorf("err %v does not carry status %d", err, tt.status)
			}
			var ra *notify.RetryAfterError
			gotRA := errors.As(err, &ra)
			if tt.wantAfter > 0 && (!gotRA || ra.After != tt.wantAfter) {
				t.Errorf("err %v: want RetryAfterError of %s", err, tt.wantAfter)
			}
			if tt.wantAfter == 0 && gotRA {
				t.Errorf("err %v: unexpected RetryAfterError", err)
			}
			if n := len(rcv.requests()); n != 1 {
				t.Errorf("receiver got %d requests, want 1 (no redirect following)", n)
			}
		})
	}
}

// dispatch runs the webhook through a real Dispatcher and in-memory outbox.
type dispatch struct {
	ob    *notifytest.Outbox
	clock *notifytest.Clock
	d     *notify.Dispatcher
	logs  *bytes.Buffer
}

func newDispatch(t *testing.T, n notify.Notifier) *dispatch {
	t.Helper()
	x := &dispatch{ob: notifytest.NewOutbox(), clock: notifytest.NewClock(t0), logs: &bytes.Buffer{}}
	x.d = &notify.Dispatcher{
		Outbox:    x.ob,
		Notifiers: map[string]notify.Notifier{"webhook:0": n},
		Policy:    notify.Policy{Initial: 10 * time.Second, Max: 10 * time.Minute, DeadAfter: 24 * time.Hour},
		Now:       x.clock.Now,
		Logger:    slog.New(slog.NewTextHandler(x.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Jitter:    func() float64 { return 0 },
	}
	a := sampleAlert()
	x.ob.Add(notify.Pending{Key: a.Key, Channel: "webhook:0", Alert: a, Created: t0})
	return x
}

// pass runs one DeliverDue at the entry's next attempt time.
func (x *dispatch) pass(t *testing.T) notifytest.Entry {
	t.Helper()
	e, _ := x.ob.Entry(sampleAlert().Key)
	if e.Next.After(x.clock.Now()) {
		x.clock.Set(e.Next)
	}
	if _, _, err := x.d.DeliverDue(context.Background()); err != nil {
		t.Fatalf("DeliverDue: %v", err)
	}
	e, _ = x.ob.Entry(sampleAlert().Key)
	return e
}

func TestDispatchRetriesWithSameKey(t *testing.T) {
	rcv := newReceiver(t, 500, 503, 200)
	x := newDispatch(t, webhook.New(webhook.Config{URL: rcv.URL, Secret: "k"}, nil))
	for i, want := range []notifytest.State{notifytest.StatePending, notifytest.StatePending, notifytest.StateDelivered} {
		if e := x.pass(t); e.State != want {
			t.Fatalf("pass %d: state %v (%s), want %v", i+1, e.State, e.LastError, want)
		}
	}
	reqs := rcv.requests()
	if len(reqs) != 3 {
		t.Fatalf("receiver got %d requests, want 3", len(reqs))
	}
	for i, r := range reqs {
		if got := r.header.Get("Idempotency-Key"); got != sampleAlert().Key {
			t.Errorf("attempt %d: Idempotency-Key %q, want %q", i+1, got, sampleAlert().Key)
		}
		if !bytes.Equal(r.body, reqs[0].body) {
			t.Errorf("attempt %d: body differs from the first attempt", i+1)
		}
	}
}

func TestDispatchHonoursRetryAfter(t *testing.T) {
	rcv := newReceiver(t, 429, 200)
	rcv.headers["Retry-After"] = "300"
	x := newDispatch(t, webhook.New(webhook.Config{URL: rcv.URL}, nil))
	e := x.pass(t)
	if e.State != notifytest.StatePending {
		t.Fatalf("state %v, want pending", e.State)
	}
	if got := e.Next.Sub(t0); got != 5*time.Minute {
		t.Errorf("next attempt after %s, want the Retry-After of 5m", got)
	}
	if due, _ := x.ob.Due(t0.Add(5*time.Minute-time.Second), 10); len(due) != 0 {
		t.Error("due again before Retry-After elapsed")
	}
	if e := x.pass(t); e.State != notifytest.StateDelivered {
		t.Errorf("second attempt: state %v, want delivered", e.State)
	}
}

func TestDispatchPermanentGoesDead(t *testing.T) {
	rcv := newReceiver(t, 400)
	x := newDispatch(t, webhook.New(webhook.Config{URL: rcv.URL}, nil))
	e := x.pass(t)
	if e.State != notifytest.StateDead || !strings.Contains(e.LastError, "400") {
		t.Errorf("entry %v %q, want dead naming 400", e.State, e.LastError)
	}
	if n := len(rcv.requests()); n != 1 {
		t.Errorf("receiver got %d requests, want 1", n)
	}
}

func TestDispatchHangingReceiverTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		select { // hang until the client gives up
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	x := newDispatch(t, webhook.New(webhook.Config{URL: srv.URL, Timeout: time.Minute}, nil))
	x.d.PerAttemptTimeout = 50 * time.Millisecond
	e := x.pass(t)
	if e.State != notifytest.StatePending || e.Attempts != 1 {
		t.Errorf("entry %v after %d attempts (%s), want pending after 1", e.State, e.Attempts, e.LastError)
	}
	if !strings.Contains(e.LastError, "deadline exceeded") {
		t.Errorf("last error %q, want a deadline", e.LastError)
	}
}

func TestDispatchReceiverDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	x := newDispatch(t, webhook.New(webhook.Config{URL: url}, nil))
	e := x.pass(t)
	if e.State != notifytest.StatePending || e.LastError == "" {
		t.Errorf("entry %v %q, want pending with the connection error", e.State, e.LastError)
	}
	if got := e.Next.Sub(t0); got != 5*time.Second {
		t.Errorf("next attempt after %s, want the backoff of 5s", got)
	}
}

// TestSecretsNeverLeak sends failing requests of every kind to a URL full of
// tokens and checks that no error, outbox message or log line repeats them.
func TestSecretsNeverLeak(t *testing.T) {
	const (
		pathToken  = "T0KENpath9f8e7d6c5b4a"
		queryToken = "Q0KENquery1a2b3c4d5e6"
		userPass   = "P4SSuserinfo778899"
		secret     = "SIGNINGsecret445566"
	)
	hang := make(chan struct{})
	statuses := map[string]int{"/500": 500, "/400": 400, "/429": 429}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // lets the server notice a client that gave up
		for prefix, code := range statuses {
			if strings.HasPrefix(r.URL.Path, prefix) {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(code)
				_, _ = io.WriteString(w, r.URL.String()) // a receiver echoing the URL
				return
			}
		}
		select {
		case <-r.Context().Done():
		case <-hang:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hang) }) // runs before srv.Close
	down := httptest.NewServer(http.NotFoundHandler())
	downURL := down.URL
	down.Close()

	mk := func(base, prefix string) string {
		return strings.Replace(base, "http://", "http://hook:"+userPass+"@", 1) + prefix + "/services/" + pathToken + "?token=" + queryToken
	}
	urls := map[string]string{
		"500":     mk(srv.URL, "/500"),
		"400":     mk(srv.URL, "/400"),
		"429":     mk(srv.URL, "/429"),
		"timeout": mk(srv.URL, "/hang"),
		"down":    mk(downURL, ""),
		"invalid": "ht!tp://bad url/" + pathToken + "?token=" + queryToken,
	}
	for name, u := range urls {
		t.Run(name, func(t *testing.T) {
			n := webhook.New(webhook.Config{URL: u, Secret: secret, Timeout: 100 * time.Millisecond}, nil)
			x := newDispatch(t, n)
			err := n.Notify(context.Background(), sampleAlert())
			if err == nil {
				t.Fatal("Notify succeeded, want an error")
			}
			t.Logf("error: %v", err)
			e := x.pass(t)
			texts := map[string]string{"error": err.Error(), "outbox": e.LastError, "logs": x.logs.String(), "String": n.String()}
			for where, text := range texts {
				for _, s := range []string{pathToken, queryToken, userPass, secret} {
					if strings.Contains(text, s) {
						t.Errorf("%s leaks %q: %s", where, s, text)
					}
				}
			}
			if name != "invalid" && !strings.Contains(err.Error(), "/…") {
				t.Errorf("error %q does not name the redacted URL", err)
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://hooks.example.com/x", true},
		{"http://127.0.0.1:8080/", true},
		{"ftp://example.com/", false},
		{"/relative", false},
		{"", false},
		{"https://", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			err := webhook.Config{URL: tt.url}.Validate()
			if (err == nil) != tt.want {
				t.Errorf("Validate(%q) = %v, want ok %v", tt.url, err, tt.want)
			}
			if err != nil && !errors.Is(err, webhook.ErrInvalidURL) {
				t.Errorf("err %v is not ErrInvalidURL", err)
			}
		})
	}
	err := webhook.New(webhook.Config{URL: "ftp://x/y"}, nil).Notify(context.Background(), sampleAlert())
	if !notify.IsPermanent(err) || !errors.Is(err, webhook.ErrInvalidURL) {
		t.Errorf("Notify with a bad URL = %v, want permanent ErrInvalidURL", err)
	}
}

func TestVerify(t *testing.T) {
	body := []byte(`{"article":"x"}`)
	good := webhook.Sign(body, "key")
	tests := []struct {
		name   string
		body   []byte
		header string
		secret string
		want   bool
	}{
		{"valid", body, good, "key", true},
		{"wrong secret", body, good, "other", false},
		{"tampered body", []byte(`{"article":"y"}`), good, "key", false},
		{"no prefix", body, strings.TrimPrefix(good, "sha256="), "key", false},
		{"wrong algorithm", body, "sha1=" + strings.TrimPrefix(good, "sha256="), "key", false},
		{"not hex", body, "sha256=zz", "key", false},
		{"truncated", body, good[:len(good)-2], "key", false},
		{"empty header", body, "", "key", false},
		{"empty secret", body, webhook.Sign(body, ""), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := webhook.Verify(tt.body, tt.header, tt.secret); got != tt.want {
				t.Errorf("Verify = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://hooks.slack.com/services/T000/B000/XXXX", "https://hooks.slack.com/…"},
		{"https://example.com", "https://example.com"},
		{"https://example.com/", "https://example.com"},
		{"https://example.com?token=abc", "https://example.com/…"},
		{"https://user:pass@example.com:8443/x", "https://example.com:8443/…"},
		{"not a url", "[invalid URL]"},
		{"%zz", "[invalid URL]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := webhook.RedactURL(tt.in); got != tt.want {
				t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzRedactURL(f *testing.F) {
	for _, s := range []string{"https://h.example/a/b?c=d", "http://u:p@h:1/x#frag", "mailto:x@y", "", "http://[::1]:80/p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got := webhook.RedactURL(raw)
		if got == "[invalid URL]" {
			return
		}
		scheme, rest, ok := strings.Cut(got, "://")
		if !ok || scheme == "" || strings.ContainsAny(rest, "?#@") {
			t.Errorf("RedactURL(%q) = %q: not scheme://host[/…]", raw, got)
		}
		if host, tail, _ := strings.Cut(rest, "/"); host == "" || (tail != "" && tail != "…") {
			t.Errorf("RedactURL(%q) = %q keeps a path", raw, got)
		}
	})
}

func TestChannel(t *testing.T) {
	a := webhook.Config{URL: "https://hooks.example.com/T0KEN123"}.Channel()
	b := webhook.Config{URL: "https://hooks.example.com/OTHER456"}.Channel()
	if a == b || a != (webhook.Config{URL: "https://hooks.example.com/T0KEN123", Secret: "x"}).Channel() {
		t.Errorf("channels %q, %q: want stable per URL and distinct", a, b)
	}
	if !strings.HasPrefix(a, "webhook:") || strings.Contains(a, "T0KEN") {
		t.Errorf("channel %q", a)
	}
}
