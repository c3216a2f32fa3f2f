// Package notify turns fact changes into alerts and delivers them reliably.
//
// An [Alert] describes one new version of an article and the facts that
// changed in it. Each delivery channel (webhook, email) implements the
// one-method [Notifier] interface in its own sub-package; the notifier only
// sends and classifies failures: an error is retryable unless wrapped with
// [Permanent], and a [RetryAfterError] carries a delay the server asked for.
//
// Delivery is persistent: the monitor writes one [Pending] entry per alert and
// channel into an [Outbox] (backed by the store) and a [Dispatcher] sends what
// is due, backing off exponentially with jitter on failure and moving alerts
// that fail permanently, or for longer than [Policy].DeadAfter, to the dead
// letters. Because every retry reuses the same idempotency key, receivers can
// drop duplicates when an acknowledgement was lost.
//
// A [BatchNotifier] (the email digest) gets all due alerts of its channel in
// one call: its alerts are queued due at the end of their interval, so an
// interval's alerts go out as one message. An [Observer] is told every
// attempt's outcome (the metrics count them).
//
// [Subject], [Describe], [PlainText] and [HTML] render an alert in words for
// humans (email subjects and bodies, logs); [DigestSubject], [DigestText]
// and [DigestHTML] render a digest.
package notify
