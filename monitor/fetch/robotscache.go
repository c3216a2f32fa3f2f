package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// robotsMaxBytes is how much of a robots.txt is read; RFC 9309 section 2.5
// asks crawlers to parse at least the first 500 KiB, and the rest is ignored.
const robotsMaxBytes = 500 << 10

// robotsRetry is the longest a robots.txt that could not be read (server
// error, timeout) is remembered before it is fetched again.
const robotsRetry = time.Minute

// robotsCache holds one entry per scheme and host. Entries are kept for the
// client's lifetime, like the host limits: storywatch talks to a bounded
// set of sites.
type robotsCache struct {
	mu      sync.Mutex
	entries map[string]*robotsEntry
}

// robotsEntry is one host's robots.txt. Its fields are set before done is
// closed and never change afterwards, so readers need no lock.
type robotsEntry struct {
	done    chan struct{}
	rules   robotsRules
	failure error // robots.txt unreachable and no earlier copy: disallow all
	expires time.Time
}

func newRobotsCache() *robotsCache {
	return &robotsCache{entries: make(map[string]*robotsEntry)}
}

// checkRobots returns nil when u may be fetched, or an error naming red that
// wraps ErrDisallowed (or ErrBlockedAddress when robots.txt itself sits on a
// refused address).
func (c *Client) checkRobots(ctx context.Context, u *url.URL, red string) error {
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return nil
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	e, err := c.robotsFor(ctx, u.Scheme+"://"+strings.ToLower(u.Host))
	if err != nil {
		return fmt.Errorf("get %s: wait for robots.txt: %w", red, err)
	}
	if e.failure != nil {
		if errors.Is(e.failure, ErrBlockedAddress) {
			return fmt.Errorf("get %s: read robots.txt: %w", red, e.failure)
		}
		return fmt.Errorf("get %s: %w: robots.txt unreachable, so assumed to disallow all: %w", red, ErrDisallowed, e.failure)
	}
	if ok, rule := e.rules.allowed(path); !ok {
		return fmt.Errorf("get %s: %w (%s)", red, ErrDisallowed, rule.line)
	}
	return nil
}

// robotsFor returns the fresh entry for origin ("https://host:port"),
// fetching robots.txt when there is none. Concurrent callers for one origin
// share a single fetch.
func (c *Client) robotsFor(ctx context.Context, origin string) (*robotsEntry, error) {
	for {
		c.robots.mu.Lock()
		prev := c.robots.entries[origin]
		if prev != nil {
			select {
			case <-prev.done:
				if c.now().Before(prev.expires) {
					c.robots.mu.Unlock()
					return prev, nil
				}
			default:
				c.robots.mu.Unlock()
				select {
				case <-prev.done:
					continue
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			}
		}
		e := &robotsEntry{done: make(chan struct{})}
		c.robots.entries[origin] = e
		c.robots.mu.Unlock()

		func() {
			defer close(e.done)
			c.loadRobots(ctx, origin, prev, e)
		}()
		return e, nil
	}
}

// loadRobots fetches origin's robots.txt into e, following RFC 9309 section
// 2.3.1 with one deliberate choice:
//
//   - 2xx: the rules apply, cached for Options.RobotsTTL;
//   - 4xx other than 429, too many redirects, a redirect to another scheme:
//     "unavailable", everything is allowed for RobotsTTL;
//   - 5xx, 429, timeouts and connection errors: "unreachable". The RFC says
//     to assume complete disallow, and we do, unless an earlier copy of
//     the file was read: that copy stays in force (the RFC allows a cached
//     copy while the file is unreachable). Either way robots.txt is tried
//     again after a minute at most, not after the full TTL, so a passing
//     outage costs one minute of article pages, which fall back to the
//     feed's own text meanwhile.
func (c *Client) loadRobots(ctx context.Context, origin string, prev, e *robotsEntry) {
	robotsURL := origin + "/robots.txt"
	u, err := url.Parse(robotsURL)
	var resp *Response
	if err == nil {
		// Detached from the caller: the result is shared with other
		// callers and cached, so one caller giving up must not turn it into
		// a failure. The client's own Timeout still bounds it.
		resp, err = c.get(detach(ctx), Request{URL: robotsURL, Accept: "text/plain, */*;q=0.1"},
			u, Redact(robotsURL), robotsMaxBytes, true)
	}
	now := c.now()
	var se *StatusError
	switch {
	case err == nil:
		body := resp.Body
		if resp.truncated {
			// A rule cut in half could say more than it meant:
			// "Disallow: /private" cut to "Disallow: /".
			if i := bytes.LastIndexByte(body, '\n'); i >= 0 {
				body = body[:i]
			} else {
				body = nil
			}
		}
		e.rules = parseRobots(body, RobotsAgent)
		e.expires = now.Add(c.opts.RobotsTTL)
	case errors.As(err, &se) && se.Code < 500 && se.Code != http.StatusTooManyRequests,
		errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrScheme),
		errors.Is(err, ErrUnaskedNotModified): // a 304 gives no robots.txt either
		e.expires = now.Add(c.opts.RobotsTTL)
	default:
		if prev != nil && prev.failure == nil {
			e.rules = prev.rules
		} else {
			e.failure = err
		}
		e.expires = now.Add(min(robotsRetry, c.opts.RobotsTTL))
	}
}
