package monitor

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/store"
)

// alertsFor queues one alert per channel for a stored change, when the
// change carries a fact of a kind the user asked for (or "text" is asked
// for). The key is derived from article, version and channel, so a replay
// after a crash produces the same key and the store drops the duplicate.
func (m *Monitor) alertsFor(a store.Article, ch *store.Change, event string) ([]store.OutboxEntry, error) {
	wanted, alert := notify.Select(ch.Facts, m.cfg.Notify.Kinds)
	if !alert {
		return nil, nil
	}
	channels := make([]string, 0, len(m.notifiers))
	for name := range m.notifiers {
		channels = append(channels, name)
	}
	slices.Sort(channels)
	var out []store.OutboxEntry
	for _, channel := range channels {
		al := notify.Alert{
			Article: a.URL, Title: ch.Title, Version: ch.Version, DetectedAt: ch.DetectedAt,
			Facts: wanted, ArticleID: a.ID, Outlet: a.Outlet, Summary: summarize(ch),
			Key: notify.Key(a.ID, ch.Version, channel),
		}
		if event != "" {
			al.Key = notify.EventKey(a.ID, ch.Version, event, channel)
		}
		if al.Facts == nil {
			al.Facts = []facts.Change{}
		}
		body, err := json.Marshal(al)
		if err != nil {
			return nil, fmt.Errorf("encode alert: %w", err)
		}
		due := ch.DetectedAt
		if bn, ok := m.notifiers[channel].(notify.BatchNotifier); ok {
			// A digest channel's alert waits for the end of its interval,
			// when the interval's alerts go out as one message.
			due = bn.BatchDue(ch.DetectedAt)
		}
		out = append(out, store.OutboxEntry{
			Key: al.Key, Channel: channel, Body: body, Created: ch.DetectedAt, NextAttempt: due,
		})
	}
	return out, nil
}

// summarize says in words how many sentences the edit touched.
func summarize(ch *store.Change) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(ch.Changed, "changed")
	add(ch.Inserted, "inserted")
	add(ch.Deleted, "deleted")
	add(ch.Moved, "moved")
	if len(parts) == 0 {
		return "title changed"
	}
	return "sentences: " + strings.Join(parts, ", ")
}

// outboxAdapter lets the notify dispatcher work on the store's outbox. On a
// store shared by replicas (rep set) it claims the alerts it hands out, so
// one replica delivers each.
type outboxAdapter struct {
	s     AlertStore
	rep   Replicated // nil: the only process
	owner string
	ttl   time.Duration
}

func (o outboxAdapter) Due(now time.Time, limit int) ([]notify.Pending, error) {
	var entries []store.OutboxEntry
	var err error
	if o.rep != nil {
		entries, err = o.rep.ClaimDueAlerts(now, limit, o.owner, o.ttl)
	} else {
		entries, err = o.s.DueAlerts(now, limit)
	}
	if err != nil {
		return nil, err
	}
	out := make([]notify.Pending, 0, len(entries))
	for _, e := range entries {
		var a notify.Alert
		if err := json.Unmarshal(e.Body, &a); err != nil {
			// A body we cannot read can never be sent: dead-letter it, visibly.
			if derr := o.s.AlertDead(e.Key, now, "decode alert: "+err.Error()); derr != nil {
				return nil, derr
			}
			continue
		}
		a.Key = e.Key
		out = append(out, notify.Pending{Key: e.Key, Channel: e.Channel, Alert: a, Attempts: e.Attempts, Created: e.Created})
	}
	return out, nil
}

// NextDue lets the dispatcher sleep until the next alert is due.
func (o outboxAdapter) NextDue() (time.Time, bool, error) { return o.s.NextAlertDue() }

func (o outboxAdapter) Delivered(key string, at time.Time) error { return o.s.AlertDelivered(key, at) }
func (o outboxAdapter) Failed(key string, next time.Time, msg string) error {
	return o.s.AlertFailed(key, next, msg)
}
func (o outboxAdapter) Dead(key string, at time.Time, msg string) error {
	return o.s.AlertDead(key, at, msg)
}
