// Package email delivers storywatch alerts by SMTP, using go-mail.
//
// Each alert becomes one multipart/alternative message: [notify.Subject] as
// the subject, [notify.PlainText] and [notify.HTML] as the two bodies. The
// Message-ID is derived from the alert's idempotency key and the key is also
// sent as X-Storywatch-Idempotency-Key, so a resent alert (after a lost
// acknowledgement) is recognisable as the same message.
//
// A [DigestNotifier] instead sends one message per interval listing every
// alert of the interval ([notify.DigestText], [notify.DigestHTML]), its
// Message-ID derived from all their keys ([DigestKey]).
//
// Connection failures, timeouts and 4xx SMTP replies are retryable; 5xx
// replies (unknown mailbox, relaying denied, authentication refused) are
// [notify.Permanent]. The password never appears in errors.
package email
