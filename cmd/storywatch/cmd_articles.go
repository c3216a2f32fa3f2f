package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

type articleJSON struct {
	ID          string     `json:"id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Outlet      string     `json:"outlet,omitempty"`
	Versions    int        `json:"versions"`
	FirstSeen   *time.Time `json:"first_seen"`
	LastChanged *time.Time `json:"last_changed"`
	LastChecked *time.Time `json:"last_checked,omitempty"`
}

func toArticleJSON(a store.Article) articleJSON {
	return articleJSON{
		ID: a.ID, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Versions: a.Versions,
		FirstSeen: jsonTime(a.FirstSeen), LastChanged: jsonTime(a.LastChanged), LastChecked: jsonTime(a.LastChecked),
	}
}

func (a *app) articlesCommand() *cobra.Command {
	return a.addJSON(&cobra.Command{
		Use:   "articles",
		Short: "List tracked articles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withReadStore(func(_ *config.Config, s Store) error {
				arts, err := s.Articles()
				if err != nil {
					return fmt.Errorf("list articles: %w", err)
				}
				out := make([]articleJSON, 0, len(arts))
				for _, art := range arts {
					out = append(out, toArticleJSON(art))
				}
				if a.jsonOut {
					return writeJSON(a.stdout, map[string]any{"articles": out})
				}
				tw := newTable(a.stdout)
				fmt.Fprintln(tw, "ID\tVERSIONS\tLAST CHANGED (FETCHED)\tOUTLET\tTITLE")
				for _, art := range out {
					fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", art.ID, art.Versions, humanTime(deref(art.LastChanged)),
						art.Outlet, truncate(art.Title, 70))
				}
				return tw.Flush()
			})
		},
	})
}
