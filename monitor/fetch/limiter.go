package fetch

import (
	"context"
	"sync"
	"time"
)

// hostLimits hands out per-host slots: at most n concurrent requests per
// host and starts spaced at least interval apart. Entries are kept for the
// client's lifetime; storywatch talks to a bounded set of sites.
type hostLimits struct {
	n        int
	interval time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem  chan struct{}
	mu   sync.Mutex // guards next
	next time.Time  // earliest start of the next request
}

func newHostLimits(n int, interval time.Duration) *hostLimits {
	return &hostLimits{n: n, interval: interval, hosts: make(map[string]*hostSlot)}
}

// acquire blocks until host has a free slot and the spacing has elapsed, or
// ctx is done. The returned func releases the slot.
func (l *hostLimits) acquire(ctx context.Context, host string) (func(), error) {
	l.mu.Lock()
	s, ok := l.hosts[host]
	if !ok {
		s = &hostSlot{sem: make(chan struct{}, l.n)}
		l.hosts[host] = s
	}
	l.mu.Unlock()

	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-s.sem }
	if l.interval <= 0 {
		return release, nil
	}

	// Reserve a start time, then wait for it outside the lock.
	s.mu.Lock()
	now := time.Now()
	start := s.next
	if start.Before(now) {
		start = now
	}
	s.next = start.Add(l.interval)
	s.mu.Unlock()
	if wait := time.Until(start); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			release()
			return nil, ctx.Err()
		}
	}
	return release, nil
}
