package email

import (
	"context"
	"errors"
	"fmt"
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
	m, err := n.newMsg(a)
	if err != nil {
		return notify.Permanent(fmt.Errorf("build email: %w", err))
	}
	c, err := n.client()
	if err != nil {
		return notify.Permanent(n.wrap("configure smtp client", err))
	}
	if err := c.DialAndSendWithContext(ctx, m); err != nil {
		err = n.wrap("send email", err)
		if permanentSMTP(err) {
			return notify.Permanent(err)
		}
		return err
	}
	return nil
}

// client builds a go-mail client for one delivery.
func (n *Notifier) client() (*gomail.Client, error) {
	opts := []gomail.Option{
		gomail.WithPort(n.cfg.port()),
		gomail.WithTimeout(n.cfg.timeout()),
	}
	switch n.cfg.tls() {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSPolicy(gomail.NoTLS))
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

// permanentSMTP reports whether err carries a 5xx SMTP reply, which no
// retry will change (unknown mailbox, relaying denied, bad credentials).
func permanentSMTP(err error) bool {
	var se *gomail.SendError
	if errors.As(err, &se) {
		if code := se.ErrorCode(); code != 0 {
			return code >= 500
		}
		return !se.IsTemp() && se.Reason != gomail.ErrConnCheck && se.Reason != gomail.ErrAmbiguous && se.Reason != gomail.ErrSMTPReset && se.Reason != gomail.ErrWriteContent
	}
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code >= 500
	}
	return false
}

// wrap builds "verb: cause" with the password scrubbed from the cause's text.
func (n *Notifier) wrap(verb string, err error) error {
	msg := err.Error()
	if n.cfg.Password != "" {
		msg = strings.ReplaceAll(msg, n.cfg.Password, "[redacted]")
	}
	return &redactedError{msg: verb + ": " + msg, err: err}
}

// redactedError keeps a scrubbed message but stays matchable with errors.As.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
