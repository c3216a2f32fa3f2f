package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store/postgres"
)

// storeNotYet says why the bbolt store at path has nothing to read yet:
// the file does not exist, or it is empty (made by touch, or by a copy
// or a create cut short). A read-only bbolt open cannot set up an empty
// file and failed with "write PATH: bad file descriptor"; a write-open
// (poll, run) makes either into a store. Nil when there is a file with
// something in it.
func storeNotYet(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("store %s does not exist yet: run `storywatch poll` or `storywatch run` first", path)
	case err == nil && fi.Mode().IsRegular() && fi.Size() == 0:
		return fmt.Errorf("store %s is an empty file, no storywatch has written it yet: run `storywatch poll` or `storywatch run` first", path)
	}
	return nil
}

// usesPostgres reports whether cfg's store is a PostgreSQL database, shared
// by any number of replicas: no file lock, no control socket, every command
// reads and writes the database itself.
func usesPostgres(cfg *config.Config) bool { return cfg.Store.Driver == config.DriverPostgres }

// storeName names cfg's store for people: the bbolt file, or the
// database's address without its password.
func storeName(cfg *config.Config) string {
	if usesPostgres(cfg) {
		return postgres.Redact(cfg.Store.DSN.Reveal())
	}
	return cfg.Store.Path
}

// openPostgres opens cfg's PostgreSQL store. A write open applies missing
// migrations; readOnly opens without migrating. Errors never carry the
// DSN's password.
func openPostgres(cfg *config.Config, readOnly bool) (*postgres.Store, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := postgres.Open(ctx, cfg.Store.DSN.Reveal(), postgres.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}
