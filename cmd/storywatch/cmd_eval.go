package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/facts/timex"
	"github.com/storywatch/storywatch/diff/facts/timex/tempeval"
)

func (a *app) evalCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Measure fact extraction against labelled data",
	}
	c.AddCommand(&cobra.Command{
		Use:   "dates DIR",
		Short: "Score date extraction on TimeML gold data (TimeBank, AQUAINT) the TempEval-3 way",
		Long: "eval dates walks DIR for *.tml files (e.g. the TempEval-3 TimeBank and AQUAINT corpora), runs\n" +
			"the date extractor on each document's text with its creation time as reference, and prints\n" +
			"strict and relaxed extraction P/R/F1, value F1 and type accuracy per corpus.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := tempeval.ScoreDir(args[0], timex.Find)
			if err != nil {
				return fmt.Errorf("score dates: %w", err)
			}
			fmt.Fprint(a.stdout, r.String())
			return nil
		},
	})
	c.AddCommand(&cobra.Command{
		Use:   "facts [DIR]",
		Short: "Score fact changes on the labelled development set (default: diff/facts/testdata/devset)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "diff/facts/testdata/devset"
			if len(args) == 1 {
				dir = args[0]
			}
			r, err := facts.ScoreDevSet(dir)
			if err != nil {
				return fmt.Errorf("score dev set: %w", err)
			}
			fmt.Fprint(a.stdout, r.String())
			return nil
		},
	})
	return c
}
