package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

type feedJSON struct {
	URL        string     `json:"url"`
	Name       string     `json:"name"`
	LastPolled *time.Time `json:"last_polled"`
	Status     string     `json:"status"`
	Error      string     `json:"error"`
	Items      int        `json:"items"`
	Matched    int        `json:"matched"`
	NextPoll   *time.Time `json:"next_poll"`
	Failures   int        `json:"failures,omitempty"`
	RetryAfter *time.Time `json:"retry_after,omitempty"`
}

func (a *app) feedsCommand() *cobra.Command {
	return a.addJSON(&cobra.Command{
		Use:   "feeds",
		Short: "Show each feed's health: last poll, status, last error, items, next poll",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withReadStore(func(cfg *config.Config, s Store) error {
				now := time.Now()
				out := make([]feedJSON, 0, len(cfg.Feeds))
				for i, fc := range cfg.Feeds {
					st, err := s.Feed(fc.URL)
					if err != nil && !errors.Is(err, store.ErrNotFound) {
						return fmt.Errorf("read feed state: %w", err)
					}
					f := feedJSON{
						URL: fc.URL, Name: fc.Name, LastPolled: jsonTime(st.LastPolled), Status: st.Status,
						Error: st.Error, Items: st.Items, Matched: st.Matched, Failures: st.Failures,
						RetryAfter: jsonTime(st.RetryAfter),
					}
					if f.Name == "" {
						f.Name = st.Name
					}
					if f.Name == "" {
						// not polled yet: no title of its own
						f.Name = fc.Label()
					}
					if f.Status == "" {
						f.Status = "pending"
					}
					if sched, err := config.ParseSchedule(cfg.FeedSchedule(i)); err == nil {
						f.NextPoll = jsonTime(sched.Next(now))
					}
					out = append(out, f)
				}
				urls, names := make([]string, len(out)), make([]string, len(out))
				for i, f := range out {
					urls[i], names[i] = f.URL, f.Name
				}
				for i, n := range uniqueFeedNames(urls, names) {
					out[i].Name = n
				}
				if a.jsonOut {
					return writeJSON(a.stdout, map[string]any{"feeds": out})
				}
				tw := newTable(a.stdout)
				fmt.Fprintln(tw, "NAME\tSTATUS\tITEMS\tMATCHED\tLAST POLLED\tNEXT POLL\tERROR")
				for _, f := range out {
					fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", f.Name, f.Status, f.Items, f.Matched,
						humanTime(deref(f.LastPolled)), humanTime(deref(f.NextPoll)), truncate(f.Error, 80))
				}
				return tw.Flush()
			})
		},
	})
}

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
