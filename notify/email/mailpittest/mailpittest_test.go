package mailpittest

import (
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestNewSkipsWithoutMailpit(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	var inner *testing.T
	t.Run("unreachable", func(t *testing.T) {
		inner = t
		t.Setenv("CI", "")
		t.Setenv(EnvSMTP, closed)
		New(t)
		t.Error("New returned although nothing listens")
	})
	if !inner.Skipped() {
		t.Error("New did not skip the test")
	}
}

func TestNewRecipient(t *testing.T) {
	seen := map[string]bool{}
	for _, name := range []string{"TestX", "TestX", "TestY/sub case#01", strings.Repeat("Long", 30), "ÄÖÜ"} {
		r := newRecipient(name)
		if seen[r] {
			t.Errorf("duplicate recipient %q", r)
		}
		seen[r] = true
		local, domain, ok := strings.Cut(r, "@")
		if !ok || domain != recipientDomain || local == "" || len(local) > 64 {
			t.Errorf("recipient %q: bad shape", r)
		}
		for _, c := range local {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Errorf("recipient %q has %q", r, c)
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	s := New(t)
	other := New(t)
	if s.Recipient() == other.Recipient() {
		t.Fatal("two servers share a recipient")
	}
	msg := "From: sender@example.com\r\nTo: " + s.Recipient() + "\r\nSubject: round trip\r\nX-Test: yes\r\n\r\nhello body\r\n"
	addr := net.JoinHostPort(s.Host(), strconv.Itoa(s.Port()))
	if err := smtp.SendMail(addr, nil, "sender@example.com", []string{s.Recipient()}, []byte(msg)); err != nil {
		t.Fatalf("send: %v", err)
	}
	got := s.WaitFor(t, 1, 10*time.Second)
	m := got[0]
	if m.Subject != "round trip" || m.From != "sender@example.com" || len(m.To) != 1 || m.To[0] != s.Recipient() ||
		!strings.Contains(m.Text, "hello body") || strings.Join(m.Headers["X-Test"], "") != "yes" || m.ID == "" {
		t.Errorf("message = %+v", m)
	}
	if n := len(other.Messages(t)); n != 0 {
		t.Errorf("other recipient sees %d messages, want 0", n)
	}
	s.DeleteAll(t)
	if n := len(s.Messages(t)); n != 0 {
		t.Errorf("after DeleteAll: %d messages", n)
	}
}
