package email_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/email"
	"github.com/storywatch/storywatch/notify/email/mailpittest"
)

func sampleAlert(key string) notify.Alert {
	return notify.Alert{
		Article:    "https://news.example.com/summit",
		Title:      "Putin & Zelensky set for <summit>",
		Outlet:     "AFP",
		Version:    3,
		DetectedAt: time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC),
		Key:        key,
		Facts: []facts.Change{{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29",
			BeforeValue: "P2W", AfterValue: "2025-08-29",
			BeforeSentence: "Merz said Putin had agreed to the meeting within the next two weeks.",
			AfterSentence:  "Merz said Putin had agreed to the meeting on August 29."}},
	}
}

func mailpitConfig(s *mailpittest.Server, to ...string) email.Config {
	return email.Config{Host: s.Host(), Port: s.Port(), TLS: email.TLSNone,
		From: "storywatch <alerts@storywatch.example>", To: to, Timeout: 10 * time.Second}
}

func TestSendToMailpit(t *testing.T) {
	s := mailpittest.New(t)
	other := mailpittest.New(t) // a second recipient with its own inbox view
	n, err := email.New(mailpitConfig(s, s.Recipient(), other.Recipient()))
	if err != nil {
		t.Fatal(err)
	}
	a := sampleAlert("art1-v3-email-0")
	if err := n.Notify(context.Background(), a); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	msgs := s.WaitFor(t, 1, 10*time.Second)
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1", len(msgs))
	}
	m := msgs[0]
	if m.Subject != notify.Subject(a) {
		t.Errorf("subject = %q, want %q", m.Subject, notify.Subject(a))
	}
	if m.From != "alerts@storywatch.example" {
		t.Errorf("from = %q", m.From)
	}
	if strings.Join(m.To, ",") != s.Recipient()+","+other.Recipient() {
		t.Errorf("to = %v, want both recipients", m.To)
	}
	if want := email.MessageID(a.Key, "storywatch.example"); m.MessageID != want {
		t.Errorf("Message-ID = %q, want %q", m.MessageID, want)
	}
	if got := m.Headers[email.HeaderIdempotencyKey]; len(got) != 1 || got[0] != a.Key {
		t.Errorf("%s = %v, want %q", email.HeaderIdempotencyKey, got, a.Key)
	}
	if ct := strings.Join(m.Headers["Content-Type"], ""); !strings.HasPrefix(ct, "multipart/alternative") {
		t.Errorf("Content-Type = %q, want multipart/alternative", ct)
	}
	line := notify.Describe(a.Facts[0])
	if !strings.Contains(m.Text, line) || !strings.Contains(m.Text, a.Facts[0].AfterSentence) {
		t.Errorf("text part lacks the change:\n%s", m.Text)
	}
	if !strings.Contains(m.HTML, "<ins") || !strings.Contains(m.HTML, "&lt;summit&gt;") || strings.Contains(m.HTML, "<summit>") {
		t.Errorf("HTML part not the escaped alert:\n%s", m.HTML)
	}
	if got := other.WaitFor(t, 1, 10*time.Second); len(got) != 1 {
		t.Errorf("second recipient got %d messages, want 1", len(got))
	}
}

func TestResendKeepsMessageID(t *testing.T) {
	s := mailpittest.New(t)
	n, err := email.New(mailpitConfig(s, s.Recipient()))
	if err != nil {
		t.Fatal(err)
	}
	a := sampleAlert("key with spaces/and:colons")
	for range 2 {
		if err := n.Notify(context.Background(), a); err != nil {
			t.Fatalf("Notify: %v", err)
		}
	}
	msgs := s.WaitFor(t, 2, 10*time.Second)
	if msgs[0].MessageID == "" || msgs[0].MessageID != msgs[1].MessageID {
		t.Errorf("Message-IDs %q and %q, want the same non-empty ID", msgs[0].MessageID, msgs[1].MessageID)
	}
	if strings.ContainsAny(msgs[0].MessageID, " /:") {
		t.Errorf("Message-ID %q has characters a Message-ID may not", msgs[0].MessageID)
	}
	s.DeleteAll(t)
	if got := s.Messages(t); len(got) != 0 {
		t.Errorf("after DeleteAll: %d messages", len(got))
	}
}

func TestSendWithAuthToMailpit(t *testing.T) {
	s := mailpittest.New(t)
	if !offersAuth(t, s) {
		t.Skip("mailpit does not offer AUTH; start it with --smtp-auth-accept-any --smtp-auth-allow-insecure")
	}
	cfg := mailpitConfig(s, s.Recipient())
	cfg.Username, cfg.Password = "alerts", "not-a-real-password"
	n, err := email.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Notify(context.Background(), sampleAlert("auth-1")); err != nil {
		t.Fatalf("Notify with auth: %v", err)
	}
	if m := s.WaitFor(t, 1, 10*time.Second)[0]; m.Username != "alerts" {
		t.Errorf("mailpit saw username %q, want alerts", m.Username)
	}
}

// offersAuth reports whether the server advertises SMTP AUTH.
func offersAuth(t *testing.T, s *mailpittest.Server) bool {
	t.Helper()
	c, err := smtp.Dial(net.JoinHostPort(s.Host(), itoa(s.Port())))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		t.Fatal(err)
	}
	ok, _ := c.Extension("AUTH")
	return ok
}

func TestServerDownIsRetryable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().(*net.TCPAddr)
	l.Close() // nothing listens there now
	n, err := email.New(email.Config{Host: "127.0.0.1", Port: addr.Port, TLS: email.TLSNone,
		Username: "u", Password: "hunter2-very-secret", From: "a@example.com", To: []string{"b@example.com"}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = n.Notify(context.Background(), sampleAlert("k"))
	if err == nil {
		t.Fatal("Notify succeeded with no server")
	}
	if notify.IsPermanent(err) {
		t.Errorf("connection refused is permanent: %v", err)
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("error leaks the password: %v", err)
	}
}

// TestSMTPReplies runs against a scripted SMTP server: real protocol, with
// replies Mailpit cannot be told to give per test.
func TestSMTPReplies(t *testing.T) {
	const password = "hunter2-very-secret"
	tests := []struct {
		name      string
		replies   map[string]string
		auth      bool
		wantErr   bool
		permanent bool
	}{
		{name: "accepted", replies: nil},
		{name: "accepted with auth", replies: nil, auth: true},
		{name: "550 mailbox unavailable", replies: map[string]string{"RCPT": "550 5.1.1 no such user"}, wantErr: true, permanent: true},
		{name: "451 try later", replies: map[string]string{"RCPT": "451 4.3.0 try again later"}, wantErr: true},
		{name: "554 rejected data", replies: map[string]string{"DATA.": "554 5.7.1 spam"}, wantErr: true, permanent: true},
		{name: "452 storage", replies: map[string]string{"DATA.": "452 4.3.1 insufficient storage"}, wantErr: true},
		{name: "535 bad credentials", replies: map[string]string{"AUTH": "535 5.7.8 authentication failed"}, auth: true, wantErr: true, permanent: true},
		{name: "421 closing at greeting", replies: map[string]string{"GREET": "421 4.3.2 busy"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newScriptedSMTP(t, tt.replies)
			cfg := email.Config{Host: "127.0.0.1", Port: srv.port, TLS: email.TLSNone,
				From: "alerts@example.com", To: []string{"desk@example.com"}, Timeout: 5 * time.Second}
			if tt.auth {
				cfg.Username, cfg.Password = "alerts", password
			}
			n, err := email.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			err = n.Notify(context.Background(), sampleAlert("k1"))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Notify = %v, want error %v", err, tt.wantErr)
			}
			if err == nil {
				if !strings.Contains(srv.data(), "Subject:") {
					t.Errorf("server received no message:\n%s", srv.data())
				}
				if tt.auth && !srv.sawAuth() {
					t.Error("no AUTH sent although a username is set")
				}
				if !tt.auth && srv.sawAuth() {
					t.Error("AUTH sent without a username")
				}
				return
			}
			t.Logf("error: %v", err)
			if got := notify.IsPermanent(err); got != tt.permanent {
				t.Errorf("IsPermanent(%v) = %v, want %v", err, got, tt.permanent)
			}
			if strings.Contains(err.Error(), password) {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

// TestHangingServerHonoursContext: go-mail alone would wait Timeout (a
// minute here) for each reply; the attempt must end with its context.
func TestHangingServerHonoursContext(t *testing.T) {
	for _, step := range []string{"GREET", "RCPT", "DATA."} {
		t.Run(step, func(t *testing.T) {
			srv := newScriptedSMTP(t, map[string]string{step: hang})
			n, err := email.New(email.Config{Host: "127.0.0.1", Port: srv.port, TLS: email.TLSNone,
				From: "alerts@example.com", To: []string{"desk@example.com"}, Timeout: time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			start := time.Now()
			err = n.Notify(ctx, sampleAlert("k"))
			if !errors.Is(err, context.DeadlineExceeded) || notify.IsPermanent(err) {
				t.Errorf("Notify = %v, want a retryable deadline error", err)
			}
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("Notify took %s; it ignored the context", d)
			}
		})
	}
}

// TestImplicitTLSHandshakes points the "tls" mode at a TLS server whose
// certificate nobody trusts: the handshake must happen (and fail on the
// certificate), proving the mode encrypts from the first byte.
func TestImplicitTLSHandshakes(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	n, err := email.New(email.Config{Host: "127.0.0.1", Port: port, TLS: email.TLSImplicit,
		From: "alerts@example.com", To: []string{"desk@example.com"}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = n.Notify(context.Background(), sampleAlert("k"))
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("Notify = %v, want a certificate error from the TLS handshake", err)
	}
}

func TestStartTLSRequired(t *testing.T) {
	srv := newScriptedSMTP(t, nil) // offers no STARTTLS
	n, err := email.New(email.Config{Host: "127.0.0.1", Port: srv.port, TLS: email.TLSStartTLS,
		From: "alerts@example.com", To: []string{"desk@example.com"}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = n.Notify(context.Background(), sampleAlert("k"))
	if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Errorf("Notify = %v, want a refusal to send without STARTTLS", err)
	}
	if strings.Contains(srv.data(), "Subject:") {
		t.Error("message sent in clear text although starttls was required")
	}
}

func TestNewValidates(t *testing.T) {
	good := email.Config{Host: "smtp.example.com", Port: 587, TLS: "starttls", From: "a@example.com", To: []string{"b@example.com"}}
	tests := []struct {
		name   string
		change func(*email.Config)
		want   []error
	}{
		{name: "good", change: func(*email.Config) {}},
		{name: "defaults", change: func(c *email.Config) { c.Port, c.TLS = 0, "" }},
		{name: "no host", change: func(c *email.Config) { c.Host = "" }, want: []error{email.ErrNoHost}},
		{name: "bad port", change: func(c *email.Config) { c.Port = 70000 }, want: []error{email.ErrBadPort}},
		{name: "bad tls", change: func(c *email.Config) { c.TLS = "ssl" }, want: []error{email.ErrBadTLS}},
		{name: "no from", change: func(c *email.Config) { c.From = "" }, want: []error{email.ErrNoFrom}},
		{name: "bad from", change: func(c *email.Config) { c.From = "not an address" }, want: []error{email.ErrBadAddress}},
		{name: "no to", change: func(c *email.Config) { c.To = nil }, want: []error{email.ErrNoRecipient}},
		{name: "bad to", change: func(c *email.Config) { c.To = []string{"ok@example.com", "@@"} }, want: []error{email.ErrBadAddress}},
		{name: "password without user", change: func(c *email.Config) { c.Password = "x" }, want: []error{email.ErrNoUsername}},
		{name: "every problem at once", change: func(c *email.Config) { *c = email.Config{TLS: "x"} },
			want: []error{email.ErrNoHost, email.ErrBadTLS, email.ErrNoFrom, email.ErrNoRecipient}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := good
			tt.change(&cfg)
			_, err := email.New(cfg)
			if len(tt.want) == 0 && err != nil {
				t.Fatalf("New: %v", err)
			}
			if len(tt.want) > 0 && err == nil {
				t.Fatalf("New succeeded, want %v", tt.want)
			}
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("err %v lacks %v", err, w)
				}
			}
		})
	}
}

func TestConfigStringRedactsPassword(t *testing.T) {
	c := email.Config{Host: "h", Username: "u", Password: "hunter2-very-secret", From: "a@b.c", To: []string{"d@e.f"}}
	if s := c.String(); strings.Contains(s, "hunter2") || !strings.Contains(s, "redacted") {
		t.Errorf("String() = %q", s)
	}
}

func TestMessageID(t *testing.T) {
	tests := []struct {
		key, domain, want string
	}{
		{"art1-v3-email-0", "example.com", "storywatch.art1-v3-email-0@example.com"},
		{"abc", "", "storywatch.abc@storywatch.invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := email.MessageID(tt.key, tt.domain); got != tt.want {
				t.Errorf("MessageID = %q, want %q", got, tt.want)
			}
		})
	}
	unsafe := []string{"a b", "a<b>", "x@y", "..", strings.Repeat("k", 100), ""}
	seen := map[string]string{}
	for _, k := range unsafe {
		id := email.MessageID(k, "example.com")
		local, _, _ := strings.Cut(id, "@")
		if strings.ContainsAny(local, " <>@") || id != email.MessageID(k, "example.com") {
			t.Errorf("MessageID(%q) = %q: unsafe or unstable", k, id)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("MessageID(%q) == MessageID(%q) = %q", k, prev, id)
		}
		seen[id] = k
	}
}
