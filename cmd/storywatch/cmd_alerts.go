package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/store"
)

type alertJSON struct {
	Key         string     `json:"key"`
	Channel     string     `json:"channel"`
	Article     string     `json:"article"`
	Title       string     `json:"title"`
	Version     int        `json:"version"`
	Created     *time.Time `json:"created"`
	NextAttempt *time.Time `json:"next_attempt,omitempty"`
	Attempts    int        `json:"attempts"`
	LastError   string     `json:"last_error,omitempty"`
	DeadAt      *time.Time `json:"dead_at,omitempty"`
}

func toAlertJSON(e store.OutboxEntry) alertJSON {
	var a notify.Alert
	_ = json.Unmarshal(e.Body, &a) // an unreadable body still lists with its key
	return alertJSON{
		Key: e.Key, Channel: e.Channel, Article: a.Article, Title: a.Title, Version: a.Version,
		Created: jsonTime(e.Created), NextAttempt: jsonTime(e.NextAttempt), Attempts: e.Attempts,
		LastError: e.LastError, DeadAt: jsonTime(e.DeadAt),
	}
}

func (a *app) alertsCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "alerts",
		Short: "List queued alerts and the dead-letter list",
		Long: "alerts lists the alerts waiting in the outbox (with their attempts and last error) and the\n" +
			"dead letters: alerts that could not be delivered within notify.retry.dead_after or that the\n" +
			"receiver refused for good. `alerts retry` puts dead letters back in the outbox.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withReadStore(func(_ *config.Config, s Store) error {
				pending, err := s.Outbox()
				if err != nil {
					return fmt.Errorf("read outbox: %w", err)
				}
				dead, err := s.DeadAlerts()
				if err != nil {
					return fmt.Errorf("read dead letters: %w", err)
				}
				out := map[string][]alertJSON{"pending": {}, "dead": {}}
				for _, e := range pending {
					out["pending"] = append(out["pending"], toAlertJSON(e))
				}
				for _, e := range dead {
					out["dead"] = append(out["dead"], toAlertJSON(e))
				}
				if a.jsonOut {
					return writeJSON(a.stdout, out)
				}
				for _, section := range []string{"pending", "dead"} {
					fmt.Fprintf(a.stdout, "%s: %d\n", section, len(out[section]))
					tw := newTable(a.stdout)
					for _, al := range out[section] {
						fmt.Fprintf(tw, "  %s\t%s\tv%d\t%s\t%s\t%s\n", al.Key, al.Channel, al.Version, plural(al.Attempts, "attempt"),
							truncate(al.Title, 50), truncate(al.LastError, 60))
					}
					if err := tw.Flush(); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
	c.AddCommand(&cobra.Command{
		Use:   "retry [KEY...]",
		Short: "Put dead letters back in the outbox (all when no key is given)",
		RunE: func(cmd *cobra.Command, keys []string) error {
			return a.withWriteStore(func(_ *config.Config, s Store) error {
				n, err := s.RetryDead(time.Now(), keys...)
				if err != nil {
					return fmt.Errorf("retry dead letters: %w", err)
				}
				if a.daemonWake != nil {
					a.daemonWake()
				}
				fmt.Fprintf(a.stdout, "%s back in the outbox; `storywatch poll` or the daemon delivers them\n", plural(n, "alert"))
				return nil
			})
		},
	})
	return a.addJSON(c)
}

func (a *app) compactCommand() *cobra.Command {
	var keepLast int
	var keepFor string
	c := &cobra.Command{
		Use:   "compact",
		Short: "Apply the retention policy: drop old versions (never an article's first or latest)",
		Long: "compact keeps only the last --keep-last versions of each article and/or those younger than\n" +
			"--keep-for (defaults: store.retention in the config; 0 keeps everything). An article's first\n" +
			"version and its latest are always kept.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// The flags are read before the store is opened: a bad value
			// failed only after the write-open, which had made a store
			// where there was none, and --keep-last -1 came back as
			// "compact store: compact store: negative retention limit".
			if keepLast < 0 {
				return fmt.Errorf("--keep-last %d: must not be negative", keepLast)
			}
			var keepForFlag time.Duration
			if cmd.Flags().Changed("keep-for") {
				d, err := parseSince("keep-for", keepFor)
				if err != nil {
					return err
				}
				keepForFlag = d
			}
			return a.withWriteStore(func(cfg *config.Config, s Store) error {
				last := cfg.Store.Retention.KeepLast
				var keep time.Duration = time.Duration(cfg.Store.Retention.KeepFor)
				if cmd.Flags().Changed("keep-last") {
					last = keepLast
				}
				if cmd.Flags().Changed("keep-for") {
					keep = keepForFlag
				}
				removed, err := s.Compact(last, keep, time.Now())
				if err != nil {
					return fmt.Errorf("compact store: %w", err)
				}
				fmt.Fprintf(a.stdout, "removed %s\n", plural(removed, "version"))
				return nil
			})
		},
	}
	c.Flags().IntVar(&keepLast, "keep-last", 0, "keep this many latest versions per article (0: all)")
	c.Flags().StringVar(&keepFor, "keep-for", "", "keep versions younger than this (e.g. 30d; 0: forever)")
	return c
}
