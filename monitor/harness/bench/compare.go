package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// CompareResult is the latency of comparing one long pair of texts.
type CompareResult struct {
	Words, Runs      int
	Min, Median, Max time.Duration // in process: diff.Compare, facts included
	Facts            int           // fact changes found
	CLI              time.Duration // `storywatch compare OLD NEW --json`, process start included; 0 when not run
	CLIErr           string
}

// comparePair builds two versions of a text of at least words words from
// whole synthetic articles, the second after one real edit to each.
func comparePair(words int, seed int64) (old, cur string, err error) {
	n := words/700 + 1
	srv, err := corpus.NewSynthetic(corpus.Options{Feeds: 1, ArticlesPerFeed: n, EditFraction: 1, Seed: seed, BaseURL: "http://pair.invalid"})
	if err != nil {
		return "", "", fmt.Errorf("build compare corpus: %w", err)
	}
	join := func() string {
		// Whole articles, headline first, so that every edit is in the pair.
		var paras []string
		count := 0
		for _, u := range srv.ArticleURLs() {
			if count >= words {
				break
			}
			rev, _ := srv.Current(u)
			paras = append(paras, rev.Title)
			paras = append(paras, rev.Paragraphs...)
			count += len(strings.Fields(rev.Text()))
		}
		return strings.Join(paras, "\n\n")
	}
	old = join()
	srv.Revise()
	return old, join(), nil
}

func (r *runner) compare(ctx context.Context) (CompareResult, error) {
	cr := CompareResult{Runs: r.opts.CompareRuns}
	old, cur, err := comparePair(r.opts.CompareWords, r.opts.Seed)
	if err != nil {
		return cr, err
	}
	cr.Words = len(strings.Fields(old))
	ref := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	times := make([]time.Duration, 0, cr.Runs)
	for i := 0; i <= cr.Runs; i++ {
		t0 := time.Now()
		res := diff.Compare(diff.Document{Text: old, Published: ref}, diff.Document{Text: cur, Published: ref}, diff.Options{})
		d := time.Since(t0)
		if i == 0 {
			cr.Facts = len(res.Facts)
			continue // warm-up: lazily compiled patterns
		}
		times = append(times, d)
	}
	slices.Sort(times)
	cr.Min, cr.Median, cr.Max = times[0], times[len(times)/2], times[len(times)-1]

	if len(r.opts.Storywatch) > 0 {
		oldPath, curPath := filepath.Join(r.dir, "compare-old.txt"), filepath.Join(r.dir, "compare-new.txt")
		if err := os.WriteFile(oldPath, []byte(old), 0o644); err != nil {
			return cr, fmt.Errorf("write compare pair: %w", err)
		}
		if err := os.WriteFile(curPath, []byte(cur), 0o644); err != nil {
			return cr, fmt.Errorf("write compare pair: %w", err)
		}
		run := r.cli(ctx, "compare", oldPath, curPath, "--published", ref.Format(time.RFC3339), "--json")
		cr.CLI, cr.CLIErr = run.Wall, run.Err
	}
	return cr, nil
}
