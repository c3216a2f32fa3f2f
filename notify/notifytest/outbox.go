package notifytest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storywatch/storywatch/notify"
)

// ErrUnknownKey is returned for a key the Outbox does not hold as pending.
var ErrUnknownKey = errors.New("notifytest: unknown or finished key")

// State is where an entry stands.
type State int

// Entry states.
const (
	StatePending State = iota
	StateDelivered
	StateDead
)

// String names the state.
func (s State) String() string {
	switch s {
	case StatePending:
		return "pending"
	case StateDelivered:
		return "delivered"
	case StateDead:
		return "dead"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Entry is the Outbox's record of one pending alert.
type Entry struct {
	notify.Pending
	State     State
	Next      time.Time // next attempt, while pending
	LastError string    // message of the last Failed or Dead call
	DoneAt    time.Time // when delivered or moved to the dead letters
}

// Outbox is an in-memory [notify.Outbox], safe for concurrent use.
type Outbox struct {
	mu      sync.Mutex
	entries map[string]*Entry
	// FailWrites, when set, makes Delivered, Failed and Dead return it,
	// to test how callers handle a broken store.
	FailWrites error
}

var (
	_ notify.Outbox   = (*Outbox)(nil)
	_ notify.NextDuer = (*Outbox)(nil)
)

// NewOutbox returns an empty Outbox.
func NewOutbox() *Outbox {
	return &Outbox{entries: map[string]*Entry{}}
}

// Add queues p, due at once at p.Created.
func (o *Outbox) Add(p notify.Pending) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.entries[p.Key] = &Entry{Pending: p, Next: p.Created}
}

// Entry returns a copy of the entry for key.
func (o *Outbox) Entry(key string) (Entry, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	e, ok := o.entries[key]
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// Due implements [notify.Outbox]: pending entries due at now, oldest first.
func (o *Outbox) Due(now time.Time, limit int) ([]notify.Pending, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var due []*Entry
	for _, e := range o.entries {
		if e.State == StatePending && !e.Next.After(now) {
			due = append(due, e)
		}
	}
	slices.SortFunc(due, func(a, b *Entry) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		if a.Key < b.Key {
			return -1
		}
		if a.Key > b.Key {
			return 1
		}
		return 0
	})
	if limit > 0 && len(due) > limit {
		due = due[:limit]
	}
	out := make([]notify.Pending, len(due))
	for i, e := range due {
		out[i] = e.Pending
	}
	return out, nil
}

// NextDue implements [notify.NextDuer].
func (o *Outbox) NextDue() (time.Time, bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var next time.Time
	found := false
	for _, e := range o.entries {
		if e.State == StatePending && (!found || e.Next.Before(next)) {
			next, found = e.Next, true
		}
	}
	return next, found, nil
}

// Delivered implements [notify.Outbox].
func (o *Outbox) Delivered(key string, at time.Time) error {
	return o.finish(key, StateDelivered, at, "")
}

// Dead implements [notify.Outbox].
func (o *Outbox) Dead(key string, at time.Time, msg string) error {
	return o.finish(key, StateDead, at, msg)
}

// Failed implements [notify.Outbox].
func (o *Outbox) Failed(key string, next time.Time, msg string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.FailWrites != nil {
		return o.FailWrites
	}
	e, ok := o.entries[key]
	if !ok || e.State != StatePending {
		return fmt.Errorf("fail %q: %w", key, ErrUnknownKey)
	}
	e.Attempts++
	e.Next = next
	e.LastError = msg
	return nil
}

func (o *Outbox) finish(key string, s State, at time.Time, msg string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.FailWrites != nil {
		return o.FailWrites
	}
	e, ok := o.entries[key]
	if !ok || e.State != StatePending {
		return fmt.Errorf("finish %q: %w", key, ErrUnknownKey)
	}
	e.State = s
	e.DoneAt = at
	if s == StateDead {
		e.Attempts++ // the attempt that failed for good counts, as in the stores
	}
	if msg != "" {
		e.LastError = msg
	}
	return nil
}
