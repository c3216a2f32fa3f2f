package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

func (a *app) pollCommand() *cobra.Command {
	var wait time.Duration
	c := &cobra.Command{
		Use:   "poll",
		Short: "Poll every feed once, deliver the alerts it queued, and exit",
		Long: "poll makes one pass over every feed, then delivers pending alerts (waiting at most --wait).\n" +
			"It exits 0 also when some feeds failed; each failure is printed on stderr and kept for `feeds`.\n" +
			"While the daemon runs, the daemon makes the pass and delivers the alerts itself.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withWriteStore(func(cfg *config.Config, s *store.Store) error {
				return a.poll(cfg, s, wait)
			})
		},
	}
	c.Flags().DurationVar(&wait, "wait", 30*time.Second, "how long to wait for alert delivery")
	return c
}

func (a *app) poll(cfg *config.Config, s *store.Store, wait time.Duration) error {
	if a.daemonStore != nil {
		return a.pollInDaemon()
	}
	log := a.logger(cfg)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m, err := monitor.New(monitor.Options{Config: cfg, Store: s, Logger: log, Version: version})
	if err != nil {
		return err
	}
	pass := m.PollAll(ctx)
	if err := m.Close(); err != nil {
		return err
	}
	a.printPass(pass)
	dctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	if err := m.Deliver(dctx); err != nil {
		fmt.Fprintf(a.stderr, "storywatch: alerts: %v (they stay queued for the next poll or the daemon)\n", err)
	}
	return nil
}

// pollInDaemon is a `poll` forwarded to the running daemon: the pass runs
// on the daemon's own Monitor, whose store writer, article locks, site
// learner, fetcher (robots.txt cache, per-host limits) and dispatcher are
// the ones its schedule uses.
func (a *app) pollInDaemon() error {
	if a.daemonMonitor == nil {
		return errors.New("this daemon does not poll for the CLI")
	}
	ctx := a.daemonCtx
	if ctx == nil {
		ctx = context.Background()
	}
	a.printPass(a.daemonMonitor.PollAll(ctx))
	// Two dispatchers would race: the daemon's own delivers, now.
	a.daemonMonitor.Wake()
	fmt.Fprintln(a.stdout, "alerts are delivered by the running daemon")
	return nil
}

// printPass prints one line per feed: failures on stderr.
func (a *app) printPass(pass monitor.PassResult) {
	for _, f := range pass.Feeds {
		switch {
		case f.Err != nil:
			fmt.Fprintf(a.stderr, "storywatch: feed %s: %v\n", f.Name, f.Err)
		case f.Skipped != "":
			fmt.Fprintf(a.stdout, "%s: skipped: %s\n", f.Name, f.Skipped)
		case f.NotModified:
			fmt.Fprintf(a.stdout, "%s: not modified\n", f.Name)
		default:
			fmt.Fprintf(a.stdout, "%s: %d items, %d on the story, %d new versions (%d changed)\n",
				f.Name, f.Items, f.Matched, f.NewVersions, f.Changed)
		}
	}
}
