package email

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// HeaderIdempotencyKey carries the alert's idempotency key.
const HeaderIdempotencyKey = "X-Storywatch-Idempotency-Key"

// userAgent names the mailer in the X-Mailer/User-Agent headers.
const userAgent = "storywatch"

// newMsg builds one message: subject, both bodies, addresses and the
// headers that make a resend recognisable by its key.
func (n *Notifier) newMsg(subject, text, html, key string) (*gomail.Msg, error) {
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := m.From(n.cfg.From); err != nil {
		return nil, fmt.Errorf("set from: %w", err)
	}
	if err := m.To(n.cfg.To...); err != nil {
		return nil, fmt.Errorf("set recipients: %w", err)
	}
	m.Subject(subject)
	m.SetDate()
	m.SetUserAgent(userAgent)
	if key != "" {
		m.SetMessageIDWithValue(MessageID(key, n.domain))
		m.SetGenHeader(gomail.Header(HeaderIdempotencyKey), key)
	} else {
		m.SetMessageID()
	}
	m.SetBodyString(gomail.TypeTextPlain, text)
	m.AddAlternativeString(gomail.TypeTextHTML, html)
	return m, nil
}

// MessageID returns the Message-ID (without angle brackets) for an alert
// key: "storywatch.<key>@<domain>", where a key with characters that are not
// allowed in a Message-ID is replaced by the hex SHA-256 of it. The same key
// always gives the same ID, so a receiving mail client can recognise a
// resend.
func MessageID(key, domain string) string {
	local := key
	if !safeIDPart(key) {
		sum := sha256.Sum256([]byte(key))
		local = hex.EncodeToString(sum[:16])
	}
	if domain == "" {
		domain = "storywatch.invalid"
	}
	return "storywatch." + local + "@" + domain
}

// safeIDPart reports whether s can stand in a Message-ID's left part as is.
func safeIDPart(s string) bool {
	if s == "" || len(s) > 64 || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.+=", r)
		if !ok {
			return false
		}
	}
	return true
}

// senderDomain is the domain of the From address, used for Message-IDs.
func senderDomain(from string) string {
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return ""
	}
	_, domain, ok := strings.Cut(addr.Address, "@")
	if !ok {
		return ""
	}
	return domain
}
