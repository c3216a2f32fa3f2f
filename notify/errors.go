package notify

import (
	"errors"
	"fmt"
	"time"
)

// ErrUnknownChannel is recorded for a pending alert whose channel has no
// configured notifier (e.g. a webhook removed from the config): it can never
// be delivered, so it goes to the dead letters.
var ErrUnknownChannel = errors.New("notify: no notifier for channel")

// ErrPending is returned by [Dispatcher.Drain] when alerts are still waiting
// for delivery after the drain.
var ErrPending = errors.New("notify: alerts still pending")

// permanentError marks an error that retrying cannot fix.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as not retryable (e.g. HTTP 400, SMTP 550): the
// dispatcher moves the alert to the dead letters at once. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

// IsPermanent reports whether err, or an error it wraps, was marked with
// [Permanent].
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// RetryAfterError is a retryable error for which the server named the delay
// before the next attempt (HTTP Retry-After). The dispatcher waits at least
// After, but never longer than its Policy.Max.
type RetryAfterError struct {
	After time.Duration
	Err   error
}

// Error describes the failure and the requested delay.
func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("%v (retry after %s)", e.Err, e.After)
}

// Unwrap returns the underlying error.
func (e *RetryAfterError) Unwrap() error { return e.Err }

// retryAfter returns the delay requested by a wrapped *RetryAfterError.
func retryAfter(err error) (time.Duration, bool) {
	var ra *RetryAfterError
	if errors.As(err, &ra) {
		return ra.After, true
	}
	return 0, false
}
