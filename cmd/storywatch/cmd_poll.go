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
)

// exitFeedsFailed is poll --strict's exit status when some feeds failed,
// apart from 1 (a fatal error: bad config, unusable store) so that cron
// and scripts can tell "some feeds are down" from "nothing ran".
const exitFeedsFailed = 3

func (a *app) pollCommand() *cobra.Command {
	var wait time.Duration
	var strict bool
	c := &cobra.Command{
		Use:   "poll",
		Short: "Poll every feed once, deliver the alerts it queued, and exit",
		Long: "poll makes one pass over every feed, then delivers pending alerts (waiting at most --wait).\n" +
			"It exits 0 also when some feeds failed; each failure is printed on stderr and kept for `feeds`.\n" +
			"With --strict it exits 3 when any feed failed (after delivering alerts), for cron and scripts;\n" +
			"1 still means a fatal error (bad config, unusable store).\n" +
			"While the daemon runs, the daemon makes the pass and delivers the alerts itself.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if wait < 0 {
				// It made the pass and then gave up delivering at once.
				return fmt.Errorf("--wait %s: must not be negative", wait)
			}
			return a.withWriteStore(func(cfg *config.Config, s Store) error {
				return a.poll(cfg, s, wait, strict)
			})
		},
	}
	c.Flags().DurationVar(&wait, "wait", 30*time.Second, "how long to wait for alert delivery")
	c.Flags().BoolVar(&strict, "strict", false, "exit 3 when any feed failed")
	return c
}

func (a *app) poll(cfg *config.Config, s Store, wait time.Duration, strict bool) error {
	if a.daemonStore != nil {
		return a.pollInDaemon(strict)
	}
	log := a.logger(cfg)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m, err := newMonitor(cfg, s, log, nil)
	if err != nil {
		return err
	}
	pass := m.PollAll(ctx)
	if err := m.Close(); err != nil {
		return err
	}
	failed := a.printPass(pass)
	dctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	if err := m.Deliver(dctx); err != nil {
		fmt.Fprintf(a.stderr, "storywatch: alerts: %v (they stay queued for the next poll or the daemon)\n", err)
	}
	return strictResult(strict, failed, len(pass.Feeds))
}

// pollInDaemon is a `poll` forwarded to the running daemon: the pass runs
// on the daemon's own Monitor, whose store writer, article locks, site
// learner, fetcher (robots.txt cache, per-host limits) and dispatcher are
// the ones its schedule uses; a second Monitor would be a second writer.
func (a *app) pollInDaemon(strict bool) error {
	if a.daemonMonitor == nil {
		return errors.New("the daemon is reloading its config: try again in a moment")
	}
	ctx := a.daemonCtx
	if ctx == nil {
		ctx = context.Background()
	}
	pass := a.daemonMonitor.PollAll(ctx)
	failed := a.printPass(pass)
	// The daemon's own dispatcher delivers; two dispatchers would race.
	if a.daemonWake != nil {
		a.daemonWake()
	}
	fmt.Fprintln(a.stdout, "alerts are delivered by the running daemon")
	return strictResult(strict, failed, len(pass.Feeds))
}

// printPass prints one line per feed, failures on stderr, and returns how
// many feeds failed. A feed another pass was polling when this one came
// (the daemon's schedule) reports that poll, and says so.
func (a *app) printPass(pass monitor.PassResult) (failed int) {
	urls, names := make([]string, len(pass.Feeds)), make([]string, len(pass.Feeds))
	for i, f := range pass.Feeds {
		urls[i], names[i] = f.URL, f.Name
	}
	names = uniqueFeedNames(urls, names)
	for i, f := range pass.Feeds {
		f.Name = names[i]
		joined := ""
		if f.Joined {
			joined = " (by the pass already under way)"
		}
		switch {
		case f.Err != nil:
			failed++
			fmt.Fprintf(a.stderr, "storywatch: feed %s: %v%s\n", f.Name, f.Err, joined)
		case f.Skipped != "":
			fmt.Fprintf(a.stdout, "%s: skipped: %s\n", f.Name, f.Skipped)
		case f.NotModified:
			fmt.Fprintf(a.stdout, "%s: not modified%s\n", f.Name, joined)
		default:
			fmt.Fprintf(a.stdout, "%s: %s, %d on the story, %s (%d changed)%s\n",
				f.Name, plural(f.Items, "item"), f.Matched, plural(f.NewVersions, "new version"), f.Changed, joined)
		}
		if f.Err == nil && f.Warning != nil {
			fmt.Fprintf(a.stderr, "storywatch: feed %s: warning: %v\n", f.Name, f.Warning)
		}
		if f.Err == nil && f.ArticlesFailed > 0 {
			// The feed read well, so `feeds` says ok; the articles that
			// did not are named here, not only in the log.
			fmt.Fprintf(a.stderr, "storywatch: feed %s: %s failed, first: %v\n", f.Name, plural(f.ArticlesFailed, "article"), f.FirstArticleErr)
		}
	}
	return failed
}

// strictResult is poll's outcome: with --strict, failed feeds make it exit
// exitFeedsFailed.
func strictResult(strict bool, failed, feeds int) error {
	if !strict || failed == 0 {
		return nil
	}
	return exitError{code: exitFeedsFailed, msg: fmt.Sprintf("%d of %s failed (--strict)", failed, plural(feeds, "feed"))}
}
