package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

func (a *app) runCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "run",
		Short: "Run the daemon: poll feeds on their schedules and deliver alerts until SIGINT/SIGTERM",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
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
			m, err := monitor.New(monitor.Options{Config: cfg, Store: s, Logger: log, Version: version})
			if err != nil {
				return err
			}
			// Without the socket the daemon still works; only the CLI cannot
			// read the store while it runs (e.g. a path too long for a unix
			// socket), so that is a warning, not a reason to stop.
			if stopControl, err := serveControl(ctx, socketPath(cfg.Store.Path), cfg, s, m, log); err != nil {
				log.Error("control socket unavailable: read commands will fail while the daemon runs", "err", err)
			} else {
				defer stopControl()
			}
			if err := m.Run(ctx); err != nil {
				return err
			}
			log.Info("daemon stopped")
			return nil
		},
	}
}

// openWritable opens the store for writing, failing fast with a clear
// message when a daemon already holds it.
func openWritable(cfg *config.Config) (*store.Store, error) {
	if dir := filepath.Dir(cfg.Store.Path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create store directory: %w", err)
		}
	}
	s, err := store.Open(cfg.Store.Path, store.Options{Timeout: time.Second})
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("store %s is in use by another storywatch process (a running daemon?): %w", cfg.Store.Path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}
