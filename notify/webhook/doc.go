// Package webhook delivers storywatch alerts as signed JSON POST requests.
//
// The body is the [notify.Alert] in its public JSON shape. Every request
// carries an Idempotency-Key header (the same on every retry of an alert),
// an X-Storywatch-Event header (fact.changed, or text.changed when no fact
// changed) and, when a secret is configured, X-Storywatch-Signature:
// sha256=<hex HMAC-SHA256 of the body>, which receivers check with [Verify].
//
// A 2xx reply is success. 429 and 5xx replies, timeouts and connection
// failures are retryable (a Retry-After header becomes a
// [notify.RetryAfterError]); any other status is [notify.Permanent].
// Webhook URLs often carry tokens in their path or query, so errors name
// only scheme://host/… (see [RedactURL]) and the secret never appears in
// errors.
package webhook
