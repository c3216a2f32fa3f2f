package email

import (
	"errors"
	"fmt"
	"net/mail"
	"time"
)

// TLS modes for Config.TLS.
const (
	TLSStartTLS = "starttls" // plain connection upgraded with STARTTLS, which is required
	TLSImplicit = "tls"      // TLS from the first byte (SMTPS, usually port 465)
	TLSNone     = "none"     // no encryption; for local relays and test servers
)

// Default ports per TLS mode, used when Config.Port is zero.
const (
	DefaultPortStartTLS = 587
	DefaultPortTLS      = 465
	DefaultPortNone     = 25
	DefaultTimeout      = 30 * time.Second
)

// Config configures the SMTP server and the addresses of alert emails.
type Config struct {
	// Host is the SMTP server's name or address. Required.
	Host string
	// Port is the SMTP port; zero means the usual port of the TLS mode
	// (587, 465 or 25).
	Port int
	// TLS is "starttls", "tls" or "none"; empty means "starttls".
	TLS string
	// Username and Password enable SMTP AUTH (PLAIN or LOGIN, whichever the
	// server offers); empty Username means no authentication. go-mail
	// refuses to send them over an unencrypted connection except to
	// localhost.
	Username, Password string
	// From is the sender address, e.g. "storywatch <alerts@example.com>".
	From string
	// To lists the recipients; at least one.
	To []string
	// Timeout bounds connecting and each SMTP command. Zero means 30s.
	Timeout time.Duration
}

// String describes the config without its password.
func (c Config) String() string {
	pw := ""
	if c.Password != "" {
		pw = " password=[redacted]"
	}
	return fmt.Sprintf("smtp %s:%d tls=%s user=%q%s from=%q to=%q", c.Host, c.port(), c.tls(), c.Username, pw, c.From, c.To)
}

// Validate reports every problem of c, joined.
func (c Config) Validate() error {
	var errs []error
	if c.Host == "" {
		errs = append(errs, ErrNoHost)
	}
	if c.Port < 0 || c.Port > 65535 {
		errs = append(errs, ErrBadPort)
	}
	switch c.TLS {
	case "", TLSStartTLS, TLSImplicit, TLSNone:
	default:
		errs = append(errs, fmt.Errorf("%w, not %q", ErrBadTLS, c.TLS))
	}
	if c.Password != "" && c.Username == "" {
		errs = append(errs, ErrNoUsername)
	}
	if c.From == "" {
		errs = append(errs, ErrNoFrom)
	} else if _, err := mail.ParseAddress(c.From); err != nil {
		errs = append(errs, fmt.Errorf("%w: from %q: %w", ErrBadAddress, c.From, err))
	}
	if len(c.To) == 0 {
		errs = append(errs, ErrNoRecipient)
	}
	for _, to := range c.To {
		if _, err := mail.ParseAddress(to); err != nil {
			errs = append(errs, fmt.Errorf("%w: to %q: %w", ErrBadAddress, to, err))
		}
	}
	return errors.Join(errs...)
}

func (c Config) tls() string {
	if c.TLS == "" {
		return TLSStartTLS
	}
	return c.TLS
}

func (c Config) port() int {
	if c.Port != 0 {
		return c.Port
	}
	switch c.tls() {
	case TLSImplicit:
		return DefaultPortTLS
	case TLSNone:
		return DefaultPortNone
	}
	return DefaultPortStartTLS
}

func (c Config) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

// Channel is the outbox channel name of the email notifier (there is one).
const Channel = "email"
