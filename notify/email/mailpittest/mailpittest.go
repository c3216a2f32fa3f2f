package mailpittest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Environment variables and their defaults.
const (
	EnvSMTP     = "STORYWATCH_MAILPIT_SMTP"
	EnvAPI      = "STORYWATCH_MAILPIT_API"
	DefaultSMTP = "127.0.0.1:1025"
	DefaultAPI  = "http://127.0.0.1:8025"
)

// recipientDomain is the domain of per-test recipients; .test is reserved,
// so nothing can ever be delivered there by mistake.
const recipientDomain = "storywatch.test"

// Server is a handle on the shared Mailpit, scoped to one test's recipient.
type Server struct {
	host      string
	port      int
	api       string
	recipient string
	client    *http.Client
}

// Message is one email as Mailpit stored it.
type Message struct {
	ID        string              // Mailpit's database ID
	MessageID string              // the Message-ID header, without angle brackets
	Subject   string              // decoded subject
	From      string              // sender address
	To        []string            // recipient addresses
	Text      string              // the text/plain part
	HTML      string              // the text/html part
	Headers   map[string][]string // every header, as sent
	Username  string              // the SMTP AUTH user, if the client authenticated
}

// New connects to Mailpit (see the package documentation) and creates a
// unique recipient for t.
func New(t testing.TB) *Server {
	t.Helper()
	smtpAddr := envOr(EnvSMTP, DefaultSMTP)
	api := strings.TrimRight(envOr(EnvAPI, DefaultAPI), "/")
	host, portStr, err := net.SplitHostPort(smtpAddr)
	if err != nil {
		t.Fatalf("mailpittest: %s=%q: %v", EnvSMTP, smtpAddr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		t.Fatalf("mailpittest: %s=%q: bad port: %v", EnvSMTP, smtpAddr, err)
	}
	s := &Server{host: host, port: port, api: api, client: &http.Client{Timeout: 10 * time.Second}}
	if err := s.ping(smtpAddr); err != nil {
		msg := fmt.Sprintf("mailpit not running on %s (API %s): %v; start it with `mailpit --smtp %s --listen %s --disable-version-check --smtp-auth-accept-any --smtp-auth-allow-insecure --smtp-disable-rdns`",
			smtpAddr, api, err, smtpAddr, strings.TrimPrefix(strings.TrimPrefix(api, "http://"), "https://"))
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	s.recipient = newRecipient(t.Name())
	return s
}

// ping checks that both the SMTP port and the API answer.
func (s *Server) ping(smtpAddr string) error {
	conn, err := net.DialTimeout("tcp", smtpAddr, 2*time.Second)
	if err != nil {
		return fmt.Errorf("dial smtp: %w", err)
	}
	_ = conn.Close()
	var info struct{ Version string }
	if err := s.getJSON(context.Background(), "/api/v1/info", &info); err != nil {
		return fmt.Errorf("query api: %w", err)
	}
	return nil
}

// Host is the SMTP host to configure in the code under test.
func (s *Server) Host() string { return s.host }

// Port is the SMTP port.
func (s *Server) Port() int { return s.port }

// API is the base URL of Mailpit's web API.
func (s *Server) API() string { return s.api }

// Recipient is this test's unique address, e.g.
// "testsendemail-3f9a1c2b@storywatch.test". Send to it; Messages and
// WaitFor return only messages addressed to it.
func (s *Server) Recipient() string { return s.recipient }

// Messages returns the messages sent to Recipient, newest first.
func (s *Server) Messages(t testing.TB) []Message {
	t.Helper()
	msgs, err := s.messages(context.Background())
	if err != nil {
		t.Fatalf("mailpittest: %v", err)
	}
	return msgs
}

// WaitFor polls until at least n messages were sent to Recipient and returns
// them, or fails t after timeout.
func (s *Server) WaitFor(t testing.TB, n int, timeout time.Duration) []Message {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		msgs, err := s.messages(context.Background())
		if err != nil {
			t.Fatalf("mailpittest: %v", err)
		}
		if len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpittest: got %d messages for %s after %s, want %d", len(msgs), s.recipient, timeout, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// DeleteAll deletes the messages sent to Recipient. Other tests' messages
// stay: other packages may be using the same Mailpit right now.
func (s *Server) DeleteAll(t testing.TB) {
	t.Helper()
	ids, err := s.search(context.Background())
	if err != nil {
		t.Fatalf("mailpittest: %v", err)
	}
	if len(ids) == 0 {
		return
	}
	body, _ := json.Marshal(map[string][]string{"IDs": ids})
	req, err := http.NewRequest(http.MethodDelete, s.api+"/api/v1/messages", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("mailpittest: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatalf("mailpittest: delete messages: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		t.Fatalf("mailpittest: delete messages: %s: %s", resp.Status, b)
	}
}

// messages fetches every message addressed to Recipient in full.
func (s *Server) messages(ctx context.Context) ([]Message, error) {
	ids, err := s.search(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Message, 0, len(ids))
	for _, id := range ids {
		m, err := s.message(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// search returns the IDs of the messages addressed to Recipient.
func (s *Server) search(ctx context.Context) ([]string, error) {
	q := url.Values{"query": {"to:" + s.recipient}, "limit": {"500"}}
	var res struct {
		Messages []struct {
			ID string
			To []address
		} `json:"messages"`
	}
	if err := s.getJSON(ctx, "/api/v1/search?"+q.Encode(), &res); err != nil {
		return nil, fmt.Errorf("search messages: %w", err)
	}
	var ids []string
	for _, m := range res.Messages {
		// Mailpit's to: matches substrings; keep exact recipients only.
		for _, a := range m.To {
			if strings.EqualFold(a.Address, s.recipient) {
				ids = append(ids, m.ID)
				break
			}
		}
	}
	return ids, nil
}

// address is a mail address in Mailpit's JSON.
type address struct {
	Name    string
	Address string
}

// message fetches one message with its headers.
func (s *Server) message(ctx context.Context, id string) (Message, error) {
	var m struct {
		ID        string
		MessageID string
		From      *address
		To        []address
		Subject   string
		Text      string
		HTML      string
		Username  string
	}
	if err := s.getJSON(ctx, "/api/v1/message/"+url.PathEscape(id), &m); err != nil {
		return Message{}, fmt.Errorf("get message %s: %w", id, err)
	}
	var headers map[string][]string
	if err := s.getJSON(ctx, "/api/v1/message/"+url.PathEscape(id)+"/headers", &headers); err != nil {
		return Message{}, fmt.Errorf("get headers of message %s: %w", id, err)
	}
	msg := Message{ID: m.ID, MessageID: m.MessageID, Subject: m.Subject, Text: m.Text, HTML: m.HTML, Headers: headers, Username: m.Username}
	if m.From != nil {
		msg.From = m.From.Address
	}
	for _, a := range m.To {
		msg.To = append(msg.To, a.Address)
	}
	return msg, nil
}

// getJSON GETs path from the API and decodes the JSON reply into v.
func (s *Server) getJSON(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.api+path, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return fmt.Errorf("GET %s: %s: %s", path, resp.Status, bytes.TrimSpace(b))
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// newRecipient makes a unique address from a test name and random bytes.
func newRecipient(testName string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(testName) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "test"
	}
	rnd := make([]byte, 4)
	_, _ = rand.Read(rnd)
	return name + "-" + hex.EncodeToString(rnd) + "@" + recipientDomain
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
