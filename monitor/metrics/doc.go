// Package metrics exposes storywatch's Prometheus metrics: polls and
// failures per feed, fetch latency, versions stored, fact changes by kind,
// alerts queued, delivered, failed and dead, the outbox and store sizes,
// and the time of the last successful pass.
//
// A [Metrics] holds its own registry (never the global default one), so
// several monitors in one process, or tests, do not share counters. The
// monitor, its store writer and the notify dispatcher call its hook
// methods; every hook is a no-op on a nil *Metrics, so "no metrics" is a nil
// option. Sizes that the store knows (file size, queued and dead alerts) are
// read when Prometheus scrapes [Metrics.Handler], not tracked by hooks, so
// they are right also for alerts a CLI command moved.
package metrics
