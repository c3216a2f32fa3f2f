package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/report"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/query"
)

func (a *app) diffCommand() *cobra.Command {
	var from, to int
	c := &cobra.Command{
		Use:   "diff ARTICLE",
		Short: "Show the word diff and fact changes between two versions (default: the last two)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withReadStore(func(_ *config.Config, s Store) error {
				art, err := findArticle(s, args[0])
				if err != nil {
					return fmt.Errorf("article %s: %w", args[0], err)
				}
				// the versions there are: compact leaves gaps in their numbers
				seqs, err := query.Seqs(s, art)
				if err != nil {
					return err
				}
				// defaults only for flags not given: --from 0 is no version
				// to compare, not "the one before --to"
				if !cmd.Flags().Changed("to") && len(seqs) > 0 {
					to = seqs[len(seqs)-1]
				}
				if !cmd.Flags().Changed("from") {
					from = query.SeqBefore(seqs, to)
				}
				if len(seqs) < 2 && !cmd.Flags().Changed("from") {
					if a.jsonOut {
						return writeJSON(a.stdout, map[string]any{"article": art.URL, "from": 1, "to": 1, "changes": []facts.Change{}, "edits": []diff.Edit{}})
					}
					fmt.Fprintf(a.stdout, "%s has one version only: nothing to compare yet\n", art.URL)
					return nil
				}
				// Name only the flags the user gave: a --from derived from
				// --to is not theirs to fix.
				switch {
				case !slices.Contains(seqs, to):
					return fmt.Errorf("--to %d: article %s has versions %s", to, art.ID, query.DescribeSeqs(seqs))
				case from < 1 && !cmd.Flags().Changed("from"):
					return fmt.Errorf("--to %d: there is no version before it to compare with; give --from too", to)
				case !slices.Contains(seqs, from):
					return fmt.Errorf("--from %d: article %s has versions %s", from, art.ID, query.DescribeSeqs(seqs))
				}
				cmp, err := query.Diff(s, art, from, to)
				if err != nil {
					return err
				}
				old, cur, res := cmp.Old, cmp.New, cmp.Result
				if a.jsonOut {
					return writeJSON(a.stdout, map[string]any{
						"article": art.URL, "from": from, "to": to, "summary": res.Summary,
						"changes": nonNilFacts(res.Facts), "edits": nonNilEdits(res.Edits),
					})
				}
				fmt.Fprintf(a.stdout, "%s\n%s\nversion %d (fetched %s) → version %d (fetched %s)\n\n", cur.Title, art.URL,
					from, humanTime(old.FetchedAt), to, humanTime(cur.FetchedAt))
				return report.WriteDiff(a.stdout, res, report.Style{Color: a.useColor(), Context: 1})
			})
		},
	}
	c.Flags().IntVar(&from, "from", 0, "old version (default: the one before --to)")
	c.Flags().IntVar(&to, "to", 0, "new version (default: the latest)")
	c.Flags().StringVar(&a.color, "color", "auto", "colour the diff: auto, always or never")
	return a.addJSON(c)
}

func nonNilFacts(f []facts.Change) []facts.Change {
	if f == nil {
		return []facts.Change{}
	}
	return f
}

func nonNilEdits(e []diff.Edit) []diff.Edit {
	if e == nil {
		return []diff.Edit{}
	}
	return e
}
