package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

type versionJSON struct {
	Version   int        `json:"version"`
	FetchedAt *time.Time `json:"fetched_at"`
	Hash      string     `json:"hash"`
	Title     string     `json:"title"`
	Source    string     `json:"source"`
	Words     int        `json:"words"`
}

func (a *app) historyCommand() *cobra.Command {
	return a.addJSON(&cobra.Command{
		Use:   "history ARTICLE",
		Short: "List the versions of one article (by id, id prefix or URL)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withReadStore(func(_ *config.Config, s *store.Store) error {
				art, err := s.Article(args[0])
				if err != nil {
					return fmt.Errorf("article %s: %w", args[0], err)
				}
				vs, err := s.Versions(art.ID)
				if err != nil {
					return fmt.Errorf("read versions of %s: %w", art.URL, err)
				}
				out := make([]versionJSON, 0, len(vs))
				for _, v := range vs {
					out = append(out, versionJSON{
						Version: v.Seq, FetchedAt: jsonTime(v.FetchedAt), Hash: v.Hash, Title: v.Title,
						Source: v.Source, Words: wordCount(v.Text),
					})
				}
				if a.jsonOut {
					return writeJSON(a.stdout, map[string]any{"article": toArticleJSON(art), "versions": out})
				}
				fmt.Fprintf(a.stdout, "%s\n%s\n\n", art.Title, art.URL)
				tw := newTable(a.stdout)
				fmt.Fprintln(tw, "VERSION\tFETCHED\tSOURCE\tWORDS\tHASH\tTITLE")
				for _, v := range out {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", v.Version, humanTime(deref(v.FetchedAt)), v.Source,
						v.Words, v.Hash[:min(12, len(v.Hash))], truncate(v.Title, 60))
				}
				return tw.Flush()
			})
		},
	})
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := r == ' ' || r == '\n' || r == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
