// Package notifytest provides an in-memory [notify.Outbox] and a settable
// clock for tests of the notify packages and their consumers. The real,
// persistent outbox lives in the store and is tested there.
package notifytest
