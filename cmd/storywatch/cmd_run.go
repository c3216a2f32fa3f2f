package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/store"
)

func (a *app) runCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "run",
		Short: "Run the daemon: poll feeds on their schedules and deliver alerts until SIGINT/SIGTERM",
		Long: "run is the daemon: it polls each feed on its schedule and delivers alerts until SIGINT or\n" +
			"SIGTERM, then finishes the article in hand and exits 0.\n" +
			"SIGHUP reloads the config file (feeds, schedules, story filter, fetch settings, alerts):\n" +
			"the daemon finishes the article in hand, starts again on the new config and makes a pass\n" +
			"over every feed. A config with problems is logged and the running one kept; store.path\n" +
			"cannot change without a restart.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Before anything else: SIGHUP's default action kills the process.
			hup := make(chan os.Signal, 1)
			signal.Notify(hup, syscall.SIGHUP)
			defer signal.Stop(hup)
			cfg, err := a.loadConfig()
			if err != nil {
				return err
			}
			log := a.logger(cfg)
			s, err := openWritable(cfg)
			if err != nil {
				return err
			}
			defer s.Close()
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			var current atomic.Pointer[config.Config]
			current.Store(cfg)
			var running atomic.Pointer[monitor.Monitor]
			hooks := daemonHooks{config: current.Load, monitor: running.Load, ctx: ctx, wake: func() {
				if m := running.Load(); m != nil {
					m.WakeDelivery()
				}
			}}
			// Without the socket the daemon still works; only the CLI cannot
			// read the store while it runs (e.g. a path too long for a unix
			// socket), so that is a warning, not a reason to stop.
			// Under postgres every command reads the database itself, and
			// replicas on one host would fight over one socket path.
			if usesPostgres(cfg) {
				log.Info("store is PostgreSQL: no control socket", "store", s.Path())
			} else if stopControl, err := serveControl(ctx, socketPath(cfg.Store.Path), hooks, s, log); err != nil {
				log.Error("control socket unavailable: read commands will fail while the daemon runs", "err", err)
			} else {
				defer stopControl()
			}
			// The web view (http.listen, and the unix socket serve proxies to)
			// keeps the address it started with: a reload changes what is
			// polled and alerted, not where the daemon listens.
			// One registry for the daemon's life: counters survive reloads.
			mx := metrics.New(metrics.Options{Store: s, ProcessMetrics: true})
			stopWeb, err := startWeb(ctx, cfg, s, mx.Handler(), log)
			if err != nil {
				return err
			}
			defer stopWeb()
			for {
				next, err := a.runUntilReload(ctx, hup, current.Load(), s, mx, log, &running)
				if err != nil || next == nil {
					return err
				}
				current.Store(next)
				log = a.logger(next)
				log.Info("config reloaded", "feeds", len(next.Feeds))
			}
		},
	}
}

// runUntilReload runs the monitor on cfg until ctx is done (it returns nil,
// nil) or a SIGHUP brings a valid new config (it returns that config once
// the monitor has stopped). A config that does not load is logged and the
// monitor goes on with cfg. running holds the monitor while it runs.
func (a *app) runUntilReload(ctx context.Context, hup <-chan os.Signal, cfg *config.Config, s Store, mx *metrics.Metrics, log *slog.Logger, running *atomic.Pointer[monitor.Monitor]) (*config.Config, error) {
	m, err := newMonitor(cfg, s, log, mx)
	if err != nil {
		return nil, err
	}
	running.Store(m)
	defer running.Store(nil)
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- m.Run(runCtx) }()
	for {
		select {
		case err := <-done:
			if err == nil {
				log.Info("daemon stopped")
			}
			return nil, err
		case <-hup:
			next, err := a.reloadConfig(cfg)
			if err != nil {
				log.Error("reload config: keeping the running config", "config", a.configPath, "err", oneLine(err))
				continue
			}
			log.Info("reloading config: finishing articles in hand", "config", a.configPath)
			cancel()
			if err := <-done; err != nil {
				return nil, err
			}
			return next, nil
		}
	}
}

// errStorePathChanged refuses a reload that would move the store: the
// daemon holds the old one open and locked.
var errStorePathChanged = errors.New("store.path, driver or dsn changed: restart the daemon to use another store")

// reloadConfig loads the config file again for a SIGHUP.
func (a *app) reloadConfig(old *config.Config) (*config.Config, error) {
	next, err := a.loadConfig()
	if err != nil {
		return nil, err
	}
	if next.Store.Path != old.Store.Path {
		return nil, fmt.Errorf("reload %s: %w (from %s to %s)", a.configPath, errStorePathChanged, old.Store.Path, next.Store.Path)
	}
	if storeName(next) != storeName(old) || next.Store.Driver != old.Store.Driver {
		return nil, fmt.Errorf("reload %s: %w (from %s to %s)", a.configPath, errStorePathChanged, storeName(old), storeName(next))
	}
	return next, nil
}

// openWritable opens the store for writing, failing fast with a clear
// message when a daemon already holds it.
func openWritable(cfg *config.Config) (Store, error) {
	if usesPostgres(cfg) {
		return openPostgres(cfg, false)
	}
	if dir := filepath.Dir(cfg.Store.Path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create store directory: %w", err)
		}
	}
	s, err := openBoltWriter(cfg.Store.Path)
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("store %s is in use by another storywatch process (a running daemon?): %w", cfg.Store.Path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}

// readerWait is how long a command that writes the store waits for the
// readers holding it: `serve` opens the store for each request and a read
// command for its run, and both let go within seconds.
const readerWait = 30 * time.Second

// openBoltWriter opens the bbolt store at path for writing. When another
// process holds it and no daemon answers on its control socket, the holder
// is a reader (serve answering a request, a read command): it waits for
// that reader rather than fail as if a daemon held the store, which made
// `run`, or a `poll` from cron, fail while the web view rendered a page.
func openBoltWriter(path string) (*bolt.Store, error) {
	s, err := bolt.Open(path, bolt.Options{Timeout: time.Second})
	if !errors.Is(err, store.ErrLocked) || daemonAnswers(socketPath(path)) {
		return s, err
	}
	return bolt.Open(path, bolt.Options{Timeout: readerWait})
}

// daemonAnswers reports whether a daemon listens on the control socket
// sock. It connects and says nothing: the daemon takes that as a probe.
func daemonAnswers(sock string) bool {
	c, err := net.DialTimeout("unix", sock, time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}
