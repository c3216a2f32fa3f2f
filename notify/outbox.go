package notify

import "time"

// Pending is one alert waiting for delivery on one channel.
type Pending struct {
	Key     string // idempotency key; also the outbox's primary key
	Channel string // name of the notifier in Dispatcher.Notifiers
	Alert   Alert
	// Attempts counts the failed attempts so far; the outbox increments it
	// on every Failed call.
	Attempts int
	Created  time.Time // when the alert was queued; DeadAfter counts from here
}

// Outbox is the persistent queue the [Dispatcher] works from. The store
// implements it; every method must be safe to call from several goroutines
// (the dispatcher serialises its own calls, but the monitor may enqueue
// concurrently).
type Outbox interface {
	// Due returns up to limit entries whose next attempt is at or before now,
	// oldest first.
	Due(now time.Time, limit int) ([]Pending, error)
	// Delivered removes key from the queue and records the delivery.
	Delivered(key string, at time.Time) error
	// Failed records a failed attempt: it increments Attempts, keeps msg as
	// the last error and makes key due again at next.
	Failed(key string, next time.Time, msg string) error
	// Dead moves key to the dead letters with msg as the reason; it is never
	// due again. It ends an attempt, which it counts as Failed does: a dead
	// letter's Attempts include the last one.
	Dead(key string, at time.Time, msg string) error
}

// NextDuer is an [Outbox] that can tell when its next pending entry falls
// due. [Dispatcher.Run] then sleeps until that moment instead of a whole
// interval, so a retry goes out when its backoff ends, not at the next tick.
type NextDuer interface {
	// NextDue returns the earliest next attempt among pending entries; ok
	// is false when nothing is pending.
	NextDue() (next time.Time, ok bool, err error)
}

// Observer is told what each delivery attempt did, per channel; the
// metrics package implements it. Its methods must be safe for concurrent
// use (channels are delivered concurrently) and must not block.
type Observer interface {
	// AlertDelivered: the alert was delivered.
	AlertDelivered(channel string)
	// AlertFailed: the attempt failed and the alert is scheduled again.
	AlertFailed(channel string)
	// AlertDead: the alert was moved to the dead letters.
	AlertDead(channel string)
}

// Policy says how long to wait between attempts and when to give up.
type Policy struct {
	// Initial is the delay after the first failure; it doubles with every
	// further failure. Zero means 30s.
	Initial time.Duration
	// Max caps the delay, also a server's Retry-After. Zero means 1h.
	Max time.Duration
	// DeadAfter is how long after Created a failing alert keeps being
	// retried before it goes to the dead letters. Zero means 72h.
	DeadAfter time.Duration
}

// Policy defaults, used for zero fields.
const (
	DefaultInitial   = 30 * time.Second
	DefaultMax       = time.Hour
	DefaultDeadAfter = 72 * time.Hour
)

// withDefaults fills the zero fields of p.
func (p Policy) withDefaults() Policy {
	if p.Initial <= 0 {
		p.Initial = DefaultInitial
	}
	if p.Max <= 0 {
		p.Max = DefaultMax
	}
	if p.Max < p.Initial {
		p.Max = p.Initial
	}
	if p.DeadAfter <= 0 {
		p.DeadAfter = DefaultDeadAfter
	}
	return p
}

// Backoff returns the delay before the next attempt after the given number
// of failed attempts (1 for the first failure): Initial·2^(failures-1),
// capped at Max, with "equal jitter" so that alerts failing together do not
// retry in lock step. jitter must return a value in [0, 1). The result lies in
// [d/2, d] for the uncapped delay d.
func (p Policy) Backoff(failures int, jitter func() float64) time.Duration {
	p = p.withDefaults()
	d := p.Initial
	for i := 1; i < failures && d < p.Max; i++ {
		d *= 2
	}
	d = min(d, p.Max)
	half := d / 2
	return half + time.Duration(jitter()*float64(d-half))
}
