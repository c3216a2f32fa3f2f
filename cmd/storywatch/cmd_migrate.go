package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/store/postgres"
	"github.com/storywatch/storywatch/store/storecopy"
)

// errNeedsPostgres: migrate and copy work on a PostgreSQL store only.
var errNeedsPostgres = errors.New("store.driver is not postgres: this command works on a PostgreSQL store (set store.driver: postgres and store.dsn)")

func (a *app) migrateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Create or upgrade the PostgreSQL schema (store.driver: postgres)",
		Long: "migrate applies the SQL migrations built into this storywatch that the database named by\n" +
			"store.dsn lacks, each in its own transaction, and prints them. `run` and `poll` migrate on\n" +
			"start too; run migrate first when the daemon's database user may not change the schema.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.loadConfigForReading()
			if err != nil {
				return err
			}
			if !usesPostgres(cfg) {
				return errNeedsPostgres
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			// Open without the schema check or migration, so Migrate below
			// applies and reports what the database lacks.
			s, err := postgres.Open(ctx, cfg.Store.DSN.Reveal(), postgres.Options{SkipSchema: true})
			if err != nil {
				return fmt.Errorf("open store: %w", err)
			}
			defer s.Close()
			applied, err := s.Migrate(ctx)
			if a.jsonOut {
				if err != nil {
					return err
				}
				return json.NewEncoder(a.stdout).Encode(map[string]any{"applied": nonNil(applied), "schema": postgres.SchemaVersion()})
			}
			for _, m := range applied {
				fmt.Fprintf(a.stdout, "applied %s\n", m)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "schema version %d on %s\n", postgres.SchemaVersion(), s.Path())
			return nil
		},
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (a *app) copyCommand() *cobra.Command {
	var from string
	c := &cobra.Command{
		Use:   "copy --from FILE",
		Short: "Copy a bbolt store file into the PostgreSQL store, verified by counts and hashes",
		Long: "copy moves everything an embedded bbolt store holds (articles, every version with its seq,\n" +
			"changes, pending, dead and delivered alerts, feed and site state) into the empty PostgreSQL\n" +
			"database named by store.dsn, then reads both back and compares counts and a SHA-256 digest of\n" +
			"every record. Stop the daemon that writes FILE first; FILE is opened read-only.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" {
				return errors.New("copy: --from FILE is required (the bbolt store to copy)")
			}
			cfg, err := a.loadConfigForReading()
			if err != nil {
				return err
			}
			if !usesPostgres(cfg) {
				return errNeedsPostgres
			}
			if _, err := os.Stat(from); err != nil {
				return fmt.Errorf("copy: source store: %w", err)
			}
			src, err := bolt.Open(from, bolt.Options{ReadOnly: true, Timeout: time.Second})
			if err != nil {
				return fmt.Errorf("copy: open source: %w", err)
			}
			defer src.Close()
			dst, err := openPostgres(cfg, false)
			if err != nil {
				return err
			}
			defer dst.Close()
			sum, err := storecopy.Copy(dst, src, func(done, total int) {
				if !a.jsonOut && (done%1000 == 0 || done == total) {
					fmt.Fprintf(a.stderr, "copied %d of %d articles\n", done, total)
				}
			})
			if err != nil {
				return fmt.Errorf("copy %s to %s: %w", from, dst.Path(), err)
			}
			if a.jsonOut {
				return json.NewEncoder(a.stdout).Encode(map[string]any{"copied": sum})
			}
			fmt.Fprintf(a.stdout, "copied %s, %s, %s, %d pending, %d dead and %d delivered alerts, %s, %s\nverified: both stores hash to sha256 %s\n",
				plural(sum.Articles, "article"), plural(sum.Versions, "version"), plural(sum.Changes, "change"),
				sum.Pending, sum.Dead, sum.Delivered, plural(sum.Feeds, "feed"), plural(sum.Sites, "site"), sum.Digest)
			return nil
		},
	}
	c.Flags().StringVar(&from, "from", "", "the bbolt store file to copy")
	return c
}
