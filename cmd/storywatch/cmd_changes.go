package main

import (
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
	var since string
	c := &cobra.Command{
		Use:   "changes",
		Short: "List what changed, newest first (one entry per stored version after the first)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var cutoff time.Time
			if since != "" {
				d, err := parseSince(since)
				if err != nil {
					return err
				}
				cutoff = time.Now().Add(-d)
			}
			return a.withReadStore(func(_ *config.Config, s *store.Store) error {
				chs, err := s.Changes(cutoff)
				if err != nil {
					return fmt.Errorf("list changes: %w", err)
				}
				if a.jsonOut {
					// Converted one at a time, so that 100k changes are
					// not held twice.
					return writeJSONStream(a.stdout, "changes", len(chs), func(dst []byte, i int) ([]byte, error) {
						c := toChangeJSON(&chs[i])
						return c.appendJSON(dst)
					})
				}
				if len(chs) == 0 {
					fmt.Fprintln(a.stdout, "no changes")
					return nil
				}
				for i := range chs {
					ch := toChangeJSON(&chs[i])
					fmt.Fprintf(a.stdout, "%s  %s  v%d  %s\n", humanTime(deref(ch.DetectedAt)), ch.ArticleID, ch.Version, ch.Title)
					if len(ch.Facts) == 0 {
						fmt.Fprintf(a.stdout, "    text edited (%d changed, %d inserted, %d deleted, %d moved sentences); no fact changed\n",
							ch.Changed, ch.Inserted, ch.Deleted, ch.Moved)
					}
					for _, f := range ch.Facts {
						fmt.Fprintf(a.stdout, "    %s\n", report.DescribeChange(f))
					}
					if len(ch.SinceFirst) > 0 {
						fmt.Fprintf(a.stdout, "    since the first version: %d fact changes\n", len(ch.SinceFirst))
					}
				}
				return nil
			})
		},
	}
	c.Flags().StringVar(&since, "since", "", "only changes detected within this duration (e.g. 90m, 24h, 7d)")
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

// parseSince accepts Go durations plus a days suffix ("7d").
func parseSince(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err == nil && n >= 0 {
			return time.Duration(n * float64(24*time.Hour)), nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("--since %q: want a duration such as 90m, 24h or 7d", s)
	}
	return d, nil
}

func firstNonZero(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}
