package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"time"
)

// Client fetches feeds and pages. It is safe for concurrent use; build one
// with New and share it.
type Client struct {
	opts   Options
	http   *http.Client
	limits *hostLimits
	robots *robotsCache
	now    func() time.Time
}

// Request describes one GET.
type Request struct {
	// URL to fetch; only http and https.
	URL string
	// ETag and LastModified come from the previous Response and make the
	// request conditional (If-None-Match / If-Modified-Since).
	ETag, LastModified string
	// Accept is sent as the Accept header; empty sends "*/*".
	Accept string
	// Robots makes Get consult the host's robots.txt first (the group for
	// RobotsAgent, else "*") and fail with ErrDisallowed, without fetching
	// URL, when it may not be fetched. Set it for article pages; feeds are
	// published to be polled. The robots.txt is cached per scheme and host
	// for Options.RobotsTTL.
	Robots bool
}

// Response is a fully read answer. For 304, NotModified is true and Body is
// empty.
type Response struct {
	// URL is the final URL after redirects.
	URL string
	// Status is the HTTP status code (2xx or 304).
	Status int
	// NotModified is true for a 304 answer to a conditional request.
	NotModified bool
	// Body is the decoded (gunzipped) body, at most Options.MaxBodyBytes.
	Body []byte
	// ContentType is the Content-Type header as sent.
	ContentType string
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	// Header holds all response headers.
	Header http.Header

	truncated bool // only for internal prefix reads (robots.txt)
}

// New builds a Client from opts; zero fields take their defaults.
func New(opts Options) *Client {
	return newClient(opts, blockedAddr)
}

// newClient is New with the address policy as a parameter, so tests can
// treat one loopback address as public and another as blocked.
func newClient(opts Options, blocked func(netip.Addr) bool) *Client {
	opts = opts.withDefaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Resolver: opts.Resolver}
	if !opts.AllowPrivate {
		dialer.Control = dialControl(blocked)
	}
	transport := &http.Transport{
		// No proxy from the environment: the address check must see the
		// real destination, not the proxy.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		ExpectContinueTimeout: time.Second,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   opts.PerHostConcurrency,
		IdleConnTimeout:       90 * time.Second,
		// We ask for gzip ourselves so the size cap can apply to the
		// decoded bytes.
		DisableCompression: true,
	}
	c := &Client{
		opts:   opts,
		limits: newHostLimits(opts.PerHostConcurrency, opts.PerHostInterval),
		robots: newRobotsCache(),
		now:    time.Now,
	}
	c.http = &http.Client{Transport: transport, CheckRedirect: c.checkRedirect}
	return c
}

// checkRedirect enforces scheme, count and loop rules on every hop.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if c.opts.MaxRedirects < 0 {
		return http.ErrUseLastResponse
	}
	target := Redact(req.URL.String())
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", target, ErrScheme)
	}
	for _, prev := range via {
		if prev.URL.String() == req.URL.String() {
			return fmt.Errorf("redirect to %s after %d hops: %w: %w", target, len(via), ErrRedirectLoop, ErrTooManyRedirects)
		}
	}
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("redirect to %s: more than %d hops: %w", target, c.opts.MaxRedirects, ErrTooManyRedirects)
	}
	return nil
}

// Get fetches r.URL and reads the whole body. Non-2xx answers other than 304
// return a *StatusError; every error names the redacted URL. With r.Robots
// set, robots.txt is consulted first (see Request.Robots).
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	red := Redact(r.URL)
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("get %s: parse URL: %w", red, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("get %s: %w %q", red, ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("get %s: parse URL: missing host", red)
	}
	if r.Robots {
		if err := c.checkRobots(ctx, u, red); err != nil {
			return nil, err
		}
	}
	return c.get(ctx, r, u, red, c.opts.MaxBodyBytes, false)
}

// slotWait names the wait for a per-host slot in errors.
const slotWait = "wait for host slot"

// slotWaitFactor times Options.Timeout is how long a request waits for a
// per-host slot, apart from its own Timeout.
const slotWaitFactor = 2

// get performs one GET of u. With prefix set, a body longer than limit is
// cut at limit (Response.truncated) instead of failing with ErrTooLarge.
func (c *Client) get(ctx context.Context, r Request, u *url.URL, red string, limit int64, prefix bool) (*Response, error) {
	// The wait for a host slot is not the request's time: with a feed of
	// the host hanging until the timeout, every other request to the host
	// (its other feeds, their article pages) spent its own timeout queued
	// and failed as if it had hung. The wait has a budget of its own, twice
	// the timeout (the slots held by hanging requests free up within one),
	// so that a request made past shutdown (an article in hand) still ends.
	// The host's spacing (per_host_interval) is waited for first and on
	// no budget: it is the wait asked for. A request that has not started
	// when its UntilStarted context ends gives up here.
	sctx := startContext(ctx)
	if err := c.limits.space(sctx, u.Host); err != nil {
		return nil, c.wrapErr(sctx, red, slotWait, err)
	}
	wctx, wcancel := context.WithTimeoutCause(sctx, slotWaitFactor*c.opts.Timeout, ErrTimeout)
	release, err := c.limits.take(wctx, u.Host)
	if err != nil {
		err = c.wrapErr(wctx, red, slotWait, err)
		wcancel()
		return nil, err
	}
	wcancel()
	defer release()

	ctx, cancel := context.WithTimeoutCause(ctx, c.opts.Timeout, ErrTimeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("get %s: build request: %w", red, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	accept := r.Accept
	if accept == "" {
		accept = "*/*"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", "gzip")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.wrapErr(ctx, red, "", err)
	}
	defer closeBody(resp.Body)

	final := r.URL
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	out := &Response{
		URL:          final,
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Header:       resp.Header,
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && r.ETag == "" && r.LastModified == "":
		// Nothing was named to be unchanged from: taken as "not modified",
		// such a server's feed was never read and looked healthy.
		return nil, fmt.Errorf("get %s: %w", Redact(final), ErrUnaskedNotModified)
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		se := &StatusError{URL: Redact(final), Code: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			se.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.now())
		}
		return nil, se
	}

	if prefix {
		body, truncated, err := readPrefix(resp.Body, resp.Header.Get("Content-Encoding"), limit)
		if err != nil {
			return nil, c.wrapErr(ctx, red, "read body", err)
		}
		out.Body, out.truncated = body, truncated
		return out, nil
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("get %s: %d bytes announced, limit %d: %w", red, resp.ContentLength, limit, ErrTooLarge)
	}
	body, err := readBody(resp.Body, resp.Header.Get("Content-Encoding"), limit, resp.ContentLength)
	if err != nil {
		return nil, c.wrapErr(ctx, red, "read body", err)
	}
	out.Body = body
	return out, nil
}

// wrapErr names the URL and turns our own deadline into ErrTimeout, while a
// cancelled parent context stays context.Canceled.
func (c *Client) wrapErr(ctx context.Context, red, what string, err error) error {
	prefix := "get " + red
	if what != "" {
		prefix += ": " + what
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // url.Error repeats the unredacted URL
	}
	if errors.Is(context.Cause(ctx), ErrTimeout) && !errors.Is(err, ErrTooLarge) {
		limit := c.opts.Timeout
		if what == slotWait {
			limit *= slotWaitFactor
		}
		return fmt.Errorf("%s: after %s: %w: %w", prefix, limit, ErrTimeout, context.DeadlineExceeded)
	}
	return fmt.Errorf("%s: %w", prefix, err)
}

// closeBody drains a little of what is left so the connection can be reused,
// then closes. Large leftovers are not worth reading.
func closeBody(rc io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(rc, 64<<10))
	_ = rc.Close()
}

type startKey struct{}

// UntilStarted returns ctx carrying stop: a request made with it that has
// not started when stop ends (it waits for its host's spacing or a free
// slot) gives up with stop's error, and one under way goes on under ctx.
// The monitor finishes an article in hand past shutdown (ctx is detached
// from it) but starts no page fetch then: with per_host_interval set, the
// pages queued on a host would each have waited out their spacing.
func UntilStarted(ctx, stop context.Context) context.Context {
	return context.WithValue(ctx, startKey{}, stop)
}

// detach is ctx with neither its cancellation nor an UntilStarted stop:
// for a fetch whose result others share (robots.txt).
func detach(ctx context.Context) context.Context {
	return context.WithValue(context.WithoutCancel(ctx), startKey{}, nil)
}

// startContext is the context a request waits to start under: the stop
// context of UntilStarted, else ctx.
func startContext(ctx context.Context) context.Context {
	if stop, ok := ctx.Value(startKey{}).(context.Context); ok {
		return stop
	}
	return ctx
}
