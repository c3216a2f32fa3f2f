package monitor

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/storywatch/storywatch/monitor/config"
)

// deliverInterval is how often the daemon looks for due alerts when no
// poll woke it and no queued alert falls due sooner (the dispatcher
// sleeps until the next one's attempt time).
const deliverInterval = 15 * time.Second

// Run is the daemon: it polls every feed on its schedule and delivers alerts
// until ctx is done, then lets running polls finish the article in hand,
// flushes the store writer and returns nil.
func (m *Monitor) Run(ctx context.Context) error {
	c := cron.New(
		cron.WithChain(cron.Recover(cronLogger{m.log}), cron.SkipIfStillRunning(cronLogger{m.log})),
	)
	jitter := time.Duration(m.cfg.Fetch.Jitter)
	for i := range m.cfg.Feeds {
		spec := m.cfg.FeedSchedule(i)
		sched, err := config.ParseSchedule(spec)
		if err != nil {
			return fmt.Errorf("schedule feed %s: %w", m.cfg.Feeds[i].URL, err)
		}
		c.Schedule(sched, cron.FuncJob(func() {
			if !sleepCtx(ctx, randomJitter(jitter)) {
				return
			}
			r := m.PollFeed(ctx, i, true)
			if r.Err == nil && r.Skipped == "" {
				// In the daemon a feed's scheduled poll is its pass.
				m.metrics.PassSucceeded(m.now())
			}
			if r.NewVersions > 0 {
				m.dispatch.Wake()
			}
		}))
	}
	c.Start()
	m.log.Info("daemon started", "feeds", len(m.cfg.Feeds))

	// A first pass at start, so a fresh daemon does not wait for the first
	// tick of a slow schedule.
	first := make(chan struct{})
	go func() {
		defer close(first)
		m.PollAll(ctx)
		m.dispatch.Wake()
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		m.dispatch.Run(ctx, deliverInterval)
	}()

	<-ctx.Done()
	m.log.Info("shutting down: finishing articles in hand")
	<-c.Stop().Done()
	<-first
	<-done
	return m.Close()
}

func randomJitter(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	return rand.N(max)
}

// sleepCtx waits d or until ctx is done; it reports whether to go on.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// cronLogger adapts slog to cron's logger interface.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "err", err)...)
}
