package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
)

// Header names and event values of the webhook delivery contract.
const (
	HeaderIdempotencyKey = "Idempotency-Key"
	HeaderSignature      = "X-Storywatch-Signature"
	HeaderEvent          = "X-Storywatch-Event"

	EventFactChanged = "fact.changed" // the alert lists fact changes
	EventTextChanged = "text.changed" // the text changed but no fact did
)

// Defaults for zero Config fields.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultUserAgent = "storywatch (+https://github.com/storywatch/storywatch)"
)

// maxDrain bounds how much of a reply body is read before closing it, so the
// connection can be reused without letting a receiver stream forever.
const maxDrain = 64 << 10

// Config configures one webhook.
type Config struct {
	// URL receives the POST requests; http or https. It may carry a token.
	URL string
	// Secret keys the HMAC signature; empty sends no signature header.
	Secret string
	// Timeout bounds one request, including reading the reply headers.
	// Zero means 10s.
	Timeout time.Duration
	// UserAgent is sent as User-Agent; empty means DefaultUserAgent.
	UserAgent string
	// Format is the payload: "json" (the generic signed body; empty means
	// json), "slack", "discord", "ntfy" or "matrix" (see [Formats]).
	Format string
	// Token is sent as "Authorization: Bearer" (ntfy access token, Matrix
	// access token); empty sends none. Only ntfy and matrix take it.
	Token string
	// Room is the Matrix room ID (!id:server) the matrix format posts to;
	// URL is then the homeserver's base URL.
	Room string
}

// Validate reports whether the URL and format can be used, without naming
// the URL's secret parts; problems are joined.
func (c Config) Validate() error {
	var errs []error
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, ErrInvalidURL)
	}
	errs = append(errs, c.validateFormat()...)
	return errors.Join(errs...)
}

// Notifier posts alerts to one webhook. It is safe for concurrent use.
type Notifier struct {
	cfg      Config
	client   *http.Client
	redacted string   // scheme://host/… for messages
	secrets  []string // substrings scrubbed from error messages
}

var _ notify.Notifier = (*Notifier)(nil)

// New returns a Notifier for cfg. A nil client means a default one with
// cfg.Timeout that does not follow redirects (a redirect would re-send the
// signed body to a place nobody configured). An invalid URL makes every
// Notify fail permanently; call [Config.Validate] to find out earlier.
func New(cfg Config, client *http.Client) *Notifier {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if client == nil {
		client = defaultClient(cfg.Timeout)
	}
	secrets := secretParts(cfg.URL)
	for _, s := range []string{cfg.Secret, cfg.Token} {
		if s != "" {
			secrets = append(secrets, s)
		}
	}
	return &Notifier{cfg: cfg, client: client, redacted: RedactURL(cfg.URL), secrets: secrets}
}

// defaultClient builds the HTTP client used when New gets none.
func defaultClient(timeout time.Duration) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = timeout
	tr.ResponseHeaderTimeout = timeout
	return &http.Client{
		Timeout:   timeout,
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// String names the webhook without its secret parts.
func (n *Notifier) String() string { return "webhook " + n.redacted }

// Notify sends a in the configured format. See the package documentation
// for headers and how failures are classified.
func (n *Notifier) Notify(ctx context.Context, a notify.Alert) error {
	if err := n.cfg.Validate(); err != nil {
		return notify.Permanent(err)
	}
	if a.Facts == nil {
		a.Facts = []facts.Change{} // the contract promises an array
	}
	out, err := n.build(a)
	if err != nil {
		return notify.Permanent(err)
	}
	ctx, cancel := context.WithTimeout(ctx, n.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, out.method, out.url, bytes.NewReader(out.body))
	if err != nil {
		return notify.Permanent(n.wrap("build request", err))
	}
	req.Header = out.header
	req.Header.Set("User-Agent", n.cfg.UserAgent)

	resp, err := n.client.Do(req)
	if err != nil {
		return n.wrap(n.verb(), err)
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
		_ = resp.Body.Close()
	}()
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		return nil
	case code == http.StatusTooManyRequests || code >= 500:
		err := n.wrap(n.verb(), &StatusError{Code: code})
		if after, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return &notify.RetryAfterError{After: after, Err: err}
		}
		return err
	default:
		return notify.Permanent(n.wrap(n.verb(), &StatusError{Code: code}))
	}
}

// verb names the request in errors: "post", or "put" for Matrix.
func (n *Notifier) verb() string {
	if n.cfg.format() == FormatMatrix {
		return "put"
	}
	return "post"
}

// wrap builds "verb webhook scheme://host/…: cause" with every secret part
// scrubbed from the cause's text. *url.Error is unwrapped first because its
// message repeats the whole URL.
func (n *Notifier) wrap(verb string, err error) error {
	cause := err
	var ue *url.Error
	if errors.As(err, &ue) {
		cause = ue.Err
	}
	msg := fmt.Sprintf("%s webhook %s: %s", verb, n.redacted, scrub(cause.Error(), n.secrets))
	return &redactedError{msg: msg, err: cause}
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Cap before multiplying so that a huge value cannot overflow.
		return time.Duration(min(secs, int64(365*24*3600))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
