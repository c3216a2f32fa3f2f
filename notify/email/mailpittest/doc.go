// Package mailpittest lets tests anywhere in the repository send email to a
// real Mailpit server on loopback and read back what arrived through
// Mailpit's REST API.
//
// Start Mailpit once per machine (CI does it in .ci/run):
//
//	mailpit --smtp 127.0.0.1:1025 --listen 127.0.0.1:8025 --disable-version-check \
//	    --smtp-auth-accept-any --smtp-auth-allow-insecure --smtp-disable-rdns
//
// STORYWATCH_MAILPIT_SMTP and STORYWATCH_MAILPIT_API override the addresses.
// Without a running Mailpit, [New] skips the test, or fails it when the CI
// environment variable is set.
//
// Several test packages share one Mailpit at a time, so every [Server] gets
// its own recipient address ([Server.Recipient]); [Server.Messages],
// [Server.WaitFor] and [Server.DeleteAll] see only the messages sent to it.
package mailpittest
