package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ErrTooLarge is returned when a body (after gzip decoding) exceeds
// Options.MaxBodyBytes.
var ErrTooLarge = errors.New("response body too large")

// ErrUnaskedNotModified is returned for a 304 answer to a request that
// was not conditional (no ETag or Last-Modified to compare with).
var ErrUnaskedNotModified = errors.New("server answered 304 Not Modified to a request without If-None-Match or If-Modified-Since")

// ErrEncoding is returned for a body in a Content-Encoding storywatch
// cannot decode (brotli, compress).
var ErrEncoding = errors.New("unsupported content encoding")

// ErrBlockedAddress is returned when the host resolves to an address that
// Options.AllowPrivate=false forbids (loopback, private, link-local, multicast,
// unspecified, cloud metadata).
var ErrBlockedAddress = errors.New("blocked address")

// ErrTooManyRedirects is returned when a request is redirected more than
// Options.MaxRedirects times, and also wraps every redirect loop.
var ErrTooManyRedirects = errors.New("too many redirects")

// ErrRedirectLoop is returned when a redirect leads back to a URL already
// visited in the same request. Such errors also match ErrTooManyRedirects.
var ErrRedirectLoop = errors.New("redirect loop")

// ErrScheme is returned for a URL, or a redirect target, whose scheme is not
// http or https.
var ErrScheme = errors.New("unsupported URL scheme")

// ErrTimeout is returned when Options.Timeout expires before the whole
// response, body included, has been read. It also matches
// context.DeadlineExceeded.
var ErrTimeout = errors.New("request timed out")

// ErrDisallowed is returned for a Request with Robots set when the site's
// robots.txt does not let storywatch fetch the URL, or could not be read
// because the server failed (5xx, 429, timeout, refused connection): RFC
// 9309 says to assume "disallow all" then. The page itself is not fetched.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// StatusError reports a response whose status is neither 2xx nor 304.
type StatusError struct {
	// URL is the redacted URL that answered.
	URL string
	// Code is the HTTP status code.
	Code int
	// RetryAfter is the delay the server asked for with Retry-After on 429
	// and 503 answers; zero when absent or unparsable.
	RetryAfter time.Duration
}

// Error implements error.
func (e *StatusError) Error() string {
	msg := fmt.Sprintf("get %s: status %d %s", e.URL, e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Temporary reports whether retrying later may succeed: 408, 425, 429 and
// 5xx answers.
func (e *StatusError) Temporary() bool {
	switch {
	case e.Code == http.StatusRequestTimeout, e.Code == http.StatusTooEarly,
		e.Code == http.StatusTooManyRequests, e.Code >= 500:
		return true
	}
	return false
}
