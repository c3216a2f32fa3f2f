// Package webhook delivers storywatch alerts as signed JSON POST requests,
// or in the message format of a chat service.
//
// With Config.Format "json" (the default) the body is the [notify.Alert] in
// its public JSON shape. The presets "slack", "discord", "ntfy" and "matrix"
// build each service's documented payload from the same alert instead,
// escaped for its markup and cut to its length limits (see [Formats]); only
// the json body is signed. Every request
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
