package email

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/notify"
)

// DigestNotifier mails the alerts of each interval as one digest: every
// change of the story in that interval, grouped by article. The
// [notify.Dispatcher] hands it an interval's alerts together, because
// BatchDue makes them due together at the interval's end.
type DigestNotifier struct {
	*Notifier
	interval time.Duration
}

var _ notify.BatchNotifier = (*DigestNotifier)(nil)

// NewDigest validates cfg and returns a notifier that sends one digest per
// interval.
func NewDigest(cfg Config, interval time.Duration) (*DigestNotifier, error) {
	if interval <= 0 {
		return nil, fmt.Errorf("configure email digest: %w", ErrBadDigest)
	}
	n, err := New(cfg)
	if err != nil {
		return nil, err
	}
	return &DigestNotifier{Notifier: n, interval: interval}, nil
}

// String describes the notifier without the password.
func (n *DigestNotifier) String() string {
	return fmt.Sprintf("email digest every %s, %s", n.interval, n.cfg.String())
}

// BatchDue returns the end of the interval t falls in. Intervals are
// aligned to UTC: a 1h digest closes on the hour, a 24h one at midnight.
func (n *DigestNotifier) BatchDue(t time.Time) time.Time {
	return t.UTC().Truncate(n.interval).Add(n.interval)
}

// Notify sends a alone, as a digest of one.
func (n *DigestNotifier) Notify(ctx context.Context, a notify.Alert) error {
	return n.NotifyBatch(ctx, []notify.Alert{a})
}

// NotifyBatch sends alerts as one digest mail. Its Message-ID and
// idempotency key derive from the alerts' keys, so a retry of the same
// digest is recognisable as a resend.
func (n *DigestNotifier) NotifyBatch(ctx context.Context, alerts []notify.Alert) error {
	if len(alerts) == 0 {
		return nil
	}
	return n.send(ctx, notify.DigestSubject(alerts), notify.DigestText(alerts), notify.DigestHTML(alerts), DigestKey(alerts))
}

// DigestKey is the idempotency key of a digest: "digest." and 24 hex digits
// of the SHA-256 of its alerts' keys, sorted, so the same alerts always give
// the same key whatever their order.
func DigestKey(alerts []notify.Alert) string {
	keys := make([]string, len(alerts))
	for i, a := range alerts {
		keys[i] = a.Key
	}
	slices.Sort(keys)
	sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
	return "digest." + hex.EncodeToString(sum[:12])
}
