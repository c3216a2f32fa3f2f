package email

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"strings"

	gomail "github.com/wneessen/go-mail"

	"github.com/storywatch/storywatch/notify"
)

// Notifier sends alerts by email. It is safe for concurrent use: every
// Notify dials its own connection (alerts are rare, and go-mail's client
// keeps per-connection state).
type Notifier struct {
	cfg    Config
	domain string
}

var _ notify.Notifier = (*Notifier)(nil)

// New validates cfg and returns a Notifier for it.
func New(cfg Config) (*Notifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("configure email: %w", err)
	}
	cfg.To = append([]string(nil), cfg.To...)
	return &Notifier{cfg: cfg, domain: senderDomain(cfg.From)}, nil
}

// String describes the notifier without the password.
func (n *Notifier) String() string { return "email " + n.cfg.String() }

// Notify sends a to every recipient as one message.
func (n *Notifier) Notify(ctx context.Context, a notify.Alert) error {
	return n.send(ctx, notify.Subject(a), notify.PlainText(a), notify.HTML(a), a.Key)
}

// send builds one message and delivers it, classifying failures.
func (n *Notifier) send(ctx context.Context, subject, text, html, key string) error {
	m, err := n.newMsg(subject, text, html, key)
	if err != nil {
		return notify.Permanent(fmt.Errorf("build email: %w", err))
	}
	// Cancelled when Notify returns, which also releases the watch that
	// dial sets up on the connection.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c, err := n.client(ctx)
	if err != nil {
		return notify.Permanent(n.wrap("configure smtp client", err))
	}
	if err := c.DialAndSendWithContext(ctx, m); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			// We closed the connection; say why rather than only
			// "use of closed network connection".
			err = fmt.Errorf("%w: %w", cerr, err)
		}
		err = n.wrap("send email", err)
		if ctx.Err() == nil && permanentSMTP(err) {
			return notify.Permanent(err)
		}
		return err
	}
	return nil
}

// client builds a go-mail client for one delivery.
func (n *Notifier) client(ctx context.Context) (*gomail.Client, error) {
	opts := []gomail.Option{
		gomail.WithPort(n.cfg.port()),
		gomail.WithTimeout(n.cfg.timeout()),
		gomail.WithDialContextFunc(n.dial(ctx)),
	}
	switch n.cfg.tls() {
	case TLSImplicit:
		// dial does the TLS handshake itself (go-mail's WithSSL is ignored
		// with a custom dialer); NoTLS stops a STARTTLS attempt on top.
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if n.cfg.Username != "" {
		// PLAIN or LOGIN, whichever the server offers; go-mail falls back
		// to its own discovery (SCRAM, CRAM-MD5 ...) when neither is.
		opts = append(opts,
			gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthPlain, gomail.SMTPAuthLogin),
			gomail.WithUsername(n.cfg.Username),
			gomail.WithPassword(n.cfg.Password))
	}
	return gomail.NewClient(n.cfg.Host, opts...)
}

// dial returns go-mail's dialer: TCP, or TLS for the "tls" mode. go-mail
// watches the context only while dialing and bounds each later command by
// Timeout alone, so the connection is closed as soon as ctx ends: a hanging
// server cannot hold the dispatcher beyond its per-attempt timeout.
func (n *Notifier) dial(ctx context.Context) gomail.DialContextFunc {
	return func(dctx context.Context, network, addr string) (net.Conn, error) {
		d := &net.Dialer{Timeout: n.cfg.timeout()}
		var conn net.Conn
		var err error
		if n.cfg.tls() == TLSImplicit {
			td := &tls.Dialer{NetDialer: d, Config: &tls.Config{ServerName: n.cfg.Host, MinVersion: tls.VersionTLS12}}
			conn, err = td.DialContext(dctx, network, addr)
		} else {
			conn, err = d.DialContext(dctx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		context.AfterFunc(ctx, func() { _ = conn.Close() })
		return conn, nil
	}
}

// permanentSMTP reports whether err carries a 5xx SMTP reply, which no
// retry will change (unknown mailbox, relaying denied, bad credentials).
// Everything else (4xx replies, network errors, timeouts) is worth a retry.
func permanentSMTP(err error) bool {
	var se *gomail.SendError
	if errors.As(err, &se) && se.ErrorCode() != 0 {
		return se.ErrorCode() >= 500
	}
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code >= 500
	}
	return false
}

// wrap builds "verb: cause" on one line with the password scrubbed from the
// cause's text.
func (n *Notifier) wrap(verb string, err error) error {
	msg := err.Error()
	if n.cfg.Password != "" {
		msg = strings.ReplaceAll(msg, n.cfg.Password, "[redacted]")
	}
	msg = strings.Join(strings.Fields(msg), " ")
	return &redactedError{msg: verb + ": " + msg, err: err}
}

// redactedError keeps a scrubbed message but stays matchable with errors.As.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
