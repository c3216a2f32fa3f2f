package main

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/report"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

type changeJSON struct {
	Article    string         `json:"article"`
	ArticleID  string         `json:"article_id"`
	Title      string         `json:"title"`
	Version    int            `json:"version"`
	DetectedAt *time.Time     `json:"detected_at"`
	Facts      []facts.Change `json:"facts"`
	SinceFirst []facts.Change `json:"since_first,omitempty"`
	Inserted   int            `json:"inserted"`
	Deleted    int            `json:"deleted"`
	Changed    int            `json:"changed"`
	Moved      int            `json:"moved"`
}

func (a *app) changesCommand() *cobra.Command {
	var since, article, outlet string
	var kinds []string
	var csvOut bool
	c := &cobra.Command{
		Use:   "changes",
		Short: "List what changed, newest first (one entry per stored version after the first)",
		Long: "changes lists what changed, newest first: one entry per stored version after the first.\n" +
			"--article, --outlet and --kind narrow the list (with --kind, each change shows only the facts\n" +
			"of those kinds, and a change with none is left out). --csv prints one row per fact change\n" +
			"(columns: " + strings.Join(changesCSVHeader, ",") + "),\n" +
			"and a row of kind \"text\" for a version whose text changed but no fact did.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var cutoff time.Time
			if since != "" {
				d, err := parseSince("since", since)
				if err != nil {
					return err
				}
				cutoff = time.Now().Add(-d)
			}
			if csvOut && a.jsonOut {
				return fmt.Errorf("--csv and --json: choose one")
			}
			return a.withReadStore(func(_ *config.Config, s Store) error {
				filter, err := newChangeFilter(s, article, outlet, kinds)
				if err != nil {
					return err
				}
				if csvOut {
					w := bufio.NewWriterSize(a.stdout, jsonFlushSize)
					cw, err := newChangesCSV(w, s)
					if err != nil {
						return err
					}
					if err := s.EachChange(cutoff, func(ch *store.Change) error {
						if !filter.keep(ch) {
							return nil
						}
						return cw.add(ch)
					}); err != nil {
						return fmt.Errorf("list changes: %w", err)
					}
					if err := cw.close(); err != nil {
						return fmt.Errorf("write output: %w", err)
					}
					return w.Flush()
				}
				if a.jsonOut {
					// Streamed from the store: at 100k changes building
					// the list first cost a third of the command.
					lw := newJSONListWriter(a.stdout, "changes")
					if err := s.EachChange(cutoff, func(ch *store.Change) error {
						if !filter.keep(ch) {
							return nil
						}
						c := toChangeJSON(ch)
						return lw.add(c.appendJSON)
					}); err != nil {
						return fmt.Errorf("list changes: %w", err)
					}
					return lw.close()
				}
				// Streamed and buffered too: one write per line made
				// 100k changes cost hundreds of thousands of syscalls.
				w := bufio.NewWriterSize(a.stdout, jsonFlushSize)
				n := 0
				if err := s.EachChange(cutoff, func(c *store.Change) error {
					if !filter.keep(c) {
						return nil
					}
					n++
					ch := toChangeJSON(c)
					_, err := fmt.Fprintf(w, "%s  %s  v%d  %s\n", humanTime(deref(ch.DetectedAt)), ch.ArticleID, ch.Version, ch.Title)
					if len(ch.Facts) == 0 {
						fmt.Fprintf(w, "    text edited (%d changed, %d inserted, %d deleted, %d moved sentences); no fact changed\n",
							ch.Changed, ch.Inserted, ch.Deleted, ch.Moved)
					}
					for _, f := range ch.Facts {
						fmt.Fprintf(w, "    %s\n", report.DescribeChange(f))
					}
					if len(ch.SinceFirst) > 0 {
						fmt.Fprintf(w, "    since the first version: %s\n", plural(len(ch.SinceFirst), "fact change"))
					}
					return err // the writer keeps its first error: stop at it
				}); err != nil {
					return fmt.Errorf("list changes: %w", err)
				}
				if n == 0 {
					fmt.Fprintln(w, "no changes")
				}
				if err := w.Flush(); err != nil {
					return fmt.Errorf("write output: %w", err)
				}
				return nil
			})
		},
	}
	c.Flags().StringVar(&since, "since", "", "only changes detected within this duration (e.g. 90m, 24h, 7d)")
	c.Flags().StringVar(&article, "article", "", "only this article (id, id prefix or URL)")
	c.Flags().StringVar(&outlet, "outlet", "", "only articles of this outlet (its name as the articles command shows it, any case)")
	c.Flags().StringSliceVar(&kinds, "kind", nil, "only changes with facts of these kinds: date, number, quote, position, location, title, correction, status")
	c.Flags().BoolVar(&csvOut, "csv", false, "print CSV, one row per fact change")
	return a.addJSON(c)
}

// toChangeJSON is the JSON shape of one stored change.
func toChangeJSON(ch *store.Change) changeJSON {
	return changeJSON{
		Article: ch.Article, ArticleID: ch.ArticleID, Title: ch.Title, Version: ch.Version,
		DetectedAt: jsonTime(ch.DetectedAt), Facts: nonNilFacts(ch.Facts), SinceFirst: ch.SinceFirst,
		Inserted: ch.Inserted, Deleted: ch.Deleted, Changed: ch.Changed, Moved: ch.Moved,
	}
}

// parseSince parses the value of a duration flag (--since, --keep-for):
// the config's durations ("90m", "24h", "7d", "1d12h") plus fractional
// days ("1.5d"). Errors name the flag.
func parseSince(flag, s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(strings.TrimSpace(s), "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err == nil && n >= 0 {
			return time.Duration(n * float64(24*time.Hour)), nil
		}
	}
	d, err := config.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("--%s: %w", flag, err)
	}
	if d < 0 {
		return 0, fmt.Errorf("--%s %q: must not be negative", flag, s)
	}
	return d, nil
}
