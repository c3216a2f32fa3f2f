package notify

import (
	"context"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// Alert is one notification: a new version of a tracked article and the facts
// that changed in it. Its JSON form is the webhook body of the public
// contract; Key is carried in a header instead.
type Alert struct {
	Article    string         `json:"article"` // canonical URL
	Title      string         `json:"title"`
	Version    int            `json:"version"`
	DetectedAt time.Time      `json:"detected_at"`
	Facts      []facts.Change `json:"facts"`
	ArticleID  string         `json:"article_id,omitempty"`
	Outlet     string         `json:"outlet,omitempty"`
	Summary    string         `json:"summary,omitempty"` // e.g. "2 sentences changed, 1 inserted"
	// Key is the idempotency key: unique per alert and channel, and the same
	// on every retry so that receivers can drop duplicates.
	Key string `json:"-"`
}

// Notifier delivers an alert over one channel. A returned error is retryable
// unless it is wrapped with [Permanent]; a [*RetryAfterError] asks for a
// minimum delay before the next attempt.
type Notifier interface {
	Notify(ctx context.Context, a Alert) error
}

// BatchNotifier is a Notifier that can deliver several alerts as one
// message: the email digest. The [Dispatcher] hands it every due alert of
// its channel in one NotifyBatch call, and they are delivered, retried or
// moved to the dead letters together.
type BatchNotifier interface {
	Notifier
	// NotifyBatch delivers alerts, oldest first, as one message.
	NotifyBatch(ctx context.Context, alerts []Alert) error
	// BatchDue returns when an alert detected at t is first due: the end
	// of its interval, so that an interval's alerts are due together.
	BatchDue(t time.Time) time.Time
}
