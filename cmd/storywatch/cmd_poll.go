package main

import (
	"context"
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
	if a.daemonStore != nil {
		// The daemon's own dispatcher delivers; two dispatchers would race.
		if a.daemonWake != nil {
			a.daemonWake()
		}
		fmt.Fprintln(a.stdout, "alerts are delivered by the running daemon")
		return nil
	}
	dctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	if err := m.Deliver(dctx); err != nil {
		fmt.Fprintf(a.stderr, "storywatch: alerts: %v (they stay queued for the next poll or the daemon)\n", err)
	}
	return nil
}
