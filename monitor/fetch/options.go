package fetch

import (
	"net"
	"time"
)

// Default values used for zero Options fields.
const (
	DefaultUserAgent                = "storywatch/dev (+https://github.com/storywatch/storywatch)"
	DefaultTimeout                  = 20 * time.Second
	DefaultMaxBodyBytes       int64 = 5 << 20
	DefaultMaxRedirects             = 10
	DefaultPerHostConcurrency       = 2
	DefaultRobotsTTL                = time.Hour
	// MaxRobotsTTL is the longest a robots.txt is trusted (RFC 9309 section
	// 2.4 asks for at most 24 hours).
	MaxRobotsTTL = 24 * time.Hour
)

// Options configure a Client. The zero value is usable: every zero field
// takes the default documented on it.
type Options struct {
	// UserAgent is sent on every request. Zero: DefaultUserAgent.
	UserAgent string
	// Timeout bounds the whole request once it has its per-host slot:
	// connecting, redirects and reading the body. The wait for the slot has
	// a budget of its own, twice Timeout, so a request of a host that hangs
	// does not time out the host's others. Zero: 20s.
	Timeout time.Duration
	// MaxBodyBytes caps the body, counted after gzip decoding; a larger body
	// fails with ErrTooLarge. Zero: 5 MiB.
	MaxBodyBytes int64
	// AllowPrivate lets requests reach loopback, private, link-local,
	// multicast, unspecified and cloud metadata addresses. False (the zero
	// value) refuses them with ErrBlockedAddress, checked on the dialed IP.
	AllowPrivate bool
	// MaxRedirects is how many redirects one request may follow. Zero: 10.
	// Negative: redirects are not followed and the 3xx is a StatusError.
	MaxRedirects int
	// PerHostConcurrency bounds concurrent requests to one host (keyed on
	// the host of the requested URL). Zero: 2.
	PerHostConcurrency int
	// PerHostInterval is the minimum spacing between the starts of two
	// requests to one host. Zero: no spacing.
	PerHostInterval time.Duration
	// RobotsTTL is how long a host's robots.txt is cached for requests with
	// Request.Robots set. After a server failure it is fetched again after
	// at most a minute. Zero: 1h; capped at MaxRobotsTTL.
	RobotsTTL time.Duration
	// Resolver looks up host names for every request. Nil: the system's
	// (net.DefaultResolver).
	Resolver *net.Resolver
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = DefaultPerHostConcurrency
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = DefaultRobotsTTL
	}
	o.RobotsTTL = min(o.RobotsTTL, MaxRobotsTTL)
	if o.PerHostInterval < 0 {
		o.PerHostInterval = 0
	}
	return o
}
