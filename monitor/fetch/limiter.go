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

// acquire waits for host's next start time (space), then for a free
// slot (take), or until ctx is done. The returned func releases the slot.
func (l *hostLimits) acquire(ctx context.Context, host string) (func(), error) {
	if err := l.space(ctx, host); err != nil {
		return nil, err
	}
	return l.take(ctx, host)
}

func (l *hostLimits) slot(host string) *hostSlot {
	l.mu.Lock()
	defer l.mu.Unlock()
	s, ok := l.hosts[host]
	if !ok {
		s = &hostSlot{sem: make(chan struct{}, l.n)}
		l.hosts[host] = s
	}
	return s
}

// space reserves the next start time of host, each interval after the
// one before, and waits for it or until ctx is done. It comes before the
// wait for a slot, and apart from its budget: a start reserved while
// holding a slot kept the slot through the wait, and the wait counted
// against the slot budget (twice the timeout), so with an interval over
// that budget's share (30s against 20s timeouts: "be polite") every
// request but the first of a pass on a host timed out waiting, each
// timed-out reservation pushing the next start further away.
func (l *hostLimits) space(ctx context.Context, host string) error {
	if l.interval <= 0 {
		return nil
	}
	s := l.slot(host)
	s.mu.Lock()
	start := s.next
	if now := time.Now(); start.Before(now) {
		start = now
	}
	s.next = start.Add(l.interval)
	s.mu.Unlock()
	wait := time.Until(start)
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		if s.next.Equal(start.Add(l.interval)) {
			s.next = start // the last reservation: the next request may have it
		}
		s.mu.Unlock()
		return ctx.Err()
	}
}

// take waits for a free slot of host or until ctx is done.
func (l *hostLimits) take(ctx context.Context, host string) (func(), error) {
	s := l.slot(host)
	select {
	case s.sem <- struct{}{}:
		return func() { <-s.sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
