package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff/eval"
	"github.com/storywatch/storywatch/diff/eval/tempeval"
	"github.com/storywatch/storywatch/diff/facts/timex"
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
	var corpus string
	factsCmd := &cobra.Command{
		Use:   "facts [DIR]",
		Short: "Score fact changes on the labelled sets (summit dev and held-out, real revisions)",
		Long: "eval facts scores the fact changes of labelled version pairs. With no argument it scores\n" +
			"the summit development set, the summit held-out set and, when --corpus exists, the labelled\n" +
			"real revisions (labels in diff/eval/testdata/real, texts read from --corpus). With DIR it\n" +
			"scores that one directory of summit-style pairs.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				r, err := eval.ScoreDevSet(args[0])
				if err != nil {
					return fmt.Errorf("score %s: %w", args[0], err)
				}
				fmt.Fprint(a.stdout, r.String())
				return nil
			}
			for _, set := range []struct{ name, dir string }{
				{"summit dev set (tuned on)", "diff/eval/testdata/devset"},
				{"summit held-out set", "diff/eval/testdata/heldout"},
				{"summit held-out set 2 (written after this round's tuning)", "diff/eval/testdata/heldout2"},
				{"summit held-out set 3 (written in round 5, after tuning)", "diff/eval/testdata/heldout3"},
				{"summit held-out set 4 (written in round 5, sealed until its first score)", "diff/eval/testdata/heldout4"},
				{"summit held-out set 5 (written in round 6, sealed until its first score)", "diff/eval/testdata/heldout5"},
				{"summit held-out set 6 (written in round 7, sealed until its first score)", "diff/eval/testdata/heldout6"},
				{"summit held-out set 7 (written in round 8, sealed until its first score)", "diff/eval/testdata/heldout7"},
				{"summit held-out set 8 (written in round 9, sealed until its first score)", "diff/eval/testdata/heldout8"},
				{"summit held-out set 9 (written in round 9 after set 8's fixes, sealed until its first score)", "diff/eval/testdata/heldout9"},
				{"summit held-out set 10 (written in round 10, sealed until its first score)", "diff/eval/testdata/heldout10"},
				{"summit held-out set 11 (written in round 11, sealed until its first score)", "diff/eval/testdata/heldout11"},
				{"summit held-out set 12 (written in round 12, sealed until its first score)", "diff/eval/testdata/heldout12"},
				{"summit held-out set 13 (written in round 13, sealed until its first score)", "diff/eval/testdata/heldout13"},
				{"summit held-out set 14 (written in round 14, sealed until its first score)", "diff/eval/testdata/heldout14"},
				{"summit held-out set 15 (written in round 15, sealed until its first score)", "diff/eval/testdata/heldout15"},
				{"summit held-out set 16 (written in round 16, sealed until its first score)", "diff/eval/testdata/heldout16"},
				{"summit held-out set 17 (written in round 17, sealed until its first score)", "diff/eval/testdata/heldout17"},
				{"summit held-out set 18 (transcripts, hedged analysis, ranges of troops and drones, merged and split paragraphs, a title fixed, …; written in round 18, sealed until its first score)", "diff/eval/testdata/heldout18"},
				{"summit held-out set 19 (European outlets' house styles, polls, hosts and venues, denials, one stance flipped among many officials, …; written at round 18's end, sealed until its first score)", "diff/eval/testdata/heldout19"},
				{"other-beats held-out set 1 (courts, politics, business, weather, sports, …; written in round 16, sealed until its first score)", "diff/eval/testdata/beats1"},
				{"other-beats held-out set 2 (written at round 16's end, after its rules, sealed until its first score)", "diff/eval/testdata/beats2"},
				{"other-beats held-out set 3 (ships, mines, floods, trials, markets, culture, …; written in round 17, sealed until its first score)", "diff/eval/testdata/beats3"},
				{"other-beats held-out set 4 (spills, markets, mergers, strikes, sport, outages, …; written in round 17, sealed until its first score)", "diff/eval/testdata/beats4"},
				{"other-beats held-out set 5 (ransomware, strikes, tornadoes, kidnappings, launches, pay deals, …; written in round 18, sealed until its first score)", "diff/eval/testdata/beats5"},
				{"other-beats held-out set 6 (outbreaks, collapses, strikes, trials, auctions, recounts, …; written at round 18's end, sealed until its first score)", "diff/eval/testdata/beats6"},
			} {
				r, err := eval.ScoreDevSet(set.dir)
				if err != nil {
					return fmt.Errorf("score %s: %w", set.name, err)
				}
				fmt.Fprintf(a.stdout, "== %s: %s\n%s\n", set.name, set.dir, r.String())
			}
			for _, set := range []struct{ name, dir string }{
				{"real revisions, dev (tuned on)", "diff/eval/testdata/real/dev"},
				{"real revisions, held-out", "diff/eval/testdata/real/heldout"},
			} {
				if _, err := os.Stat(corpus); err != nil {
					fmt.Fprintf(a.stdout, "== %s: skipped, corpus %s not found (--corpus)\n", set.name, corpus)
					continue
				}
				r, err := eval.ScoreReal(set.dir, corpus)
				if err != nil {
					return fmt.Errorf("score %s: %w", set.name, err)
				}
				fmt.Fprintf(a.stdout, "== %s: %s with texts from %s\n%s\n", set.name, set.dir, corpus, r.String())
			}
			if _, err := os.Stat(corpus); err != nil {
				return nil
			}
			relabels, _ := filepath.Glob("diff/eval/testdata/real/relabel/*")
			for _, dir := range relabels {
				if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
					continue
				}
				ag, err := eval.ScoreAgreement("diff/eval/testdata/real/dev", dir, corpus)
				if err != nil {
					return fmt.Errorf("compare labels of %s: %w", dir, err)
				}
				fmt.Fprintf(a.stdout, "== agreement: a second person's labels of real dev pairs (%s) against the dev labels (F1)\n%s\n", dir, agreementTable(ag))
			}
			return nil
		},
	}
	factsCmd.Flags().StringVar(&corpus, "corpus", "../shared/real-revisions/cnn", "folder of real article versions (ARTICLE/vN.txt) the real labels refer to")
	c.AddCommand(factsCmd)
	agreeCmd := &cobra.Command{
		Use:   "agreement FIRST SECOND",
		Short: "Compare two people's labels of the same real pairs, and the fact layer against each",
		Long: "eval agreement reads two directories of real-pair labels (as in diff/eval/testdata/real) and,\n" +
			"on the pairs both labelled, scores the second labeller against the first: by the scorer's key\n" +
			"rule, and counting overlapping keys of one kind as one change. It then scores the fact layer\n" +
			"against each labeller on those pairs. What two people agree on is the ceiling a score against\n" +
			"one person's labels can be read against.",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ag, err := eval.ScoreAgreement(args[0], args[1], corpus)
			if err != nil {
				return fmt.Errorf("compare labels: %w", err)
			}
			printAgreement(a.stdout, args[0], args[1], ag)
			return nil
		},
	}
	agreeCmd.Flags().StringVar(&corpus, "corpus", "../shared/real-revisions/cnn", "folder of real article versions (ARTICLE/vN.txt) the labels refer to")
	c.AddCommand(agreeCmd)
	return c
}

// agreementTable sums up an agreement study in one row per kind: how far
// the two labellers agree (by the key rule and by overlapping keys), and
// the fact layer's F1 against each.
func agreementTable(ag eval.Agreement) string {
	var b strings.Builder
	fmt.Fprintf(&b, "pairs %d\n%-11s %9s %9s %12s %12s\n", ag.Strict.Pairs, "kind", "people", "(overlap)", "layer/first", "layer/second")
	kinds := make([]string, 0, len(ag.Strict.Kinds))
	for k := range ag.Strict.Kinds {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	row := func(name string, st, ov, f, s eval.Score) {
		fmt.Fprintf(&b, "%-11s %9.3f %9.3f %12.3f %12.3f\n", name, st.F1(), ov.F1(), f.F1(), s.F1())
	}
	for _, k := range kinds {
		kk := eval.Kind(k)
		row(k, ag.Strict.Kinds[kk], ag.Overlap.Kinds[kk], ag.First.Kinds[kk], ag.Second.Kinds[kk])
	}
	row("all", ag.Strict.Total, ag.Overlap.Total, ag.First.Total, ag.Second.Total)
	return b.String()
}

// printAgreement writes the four reports of an agreement study.
func printAgreement(w io.Writer, first, second string, ag eval.Agreement) {
	fmt.Fprintf(w, "== second labeller (%s) against the first (%s), the scorer's key rule\n%s\n", second, first, ag.Strict.String())
	fmt.Fprintf(w, "== the same, overlapping keys of one kind counted as one change\n%s\n", ag.Overlap.String())
	fmt.Fprintf(w, "== the fact layer against the first labeller on these pairs\n%s\n", ag.First.String())
	fmt.Fprintf(w, "== the fact layer against the second labeller on these pairs\n%s\n", ag.Second.String())
}
