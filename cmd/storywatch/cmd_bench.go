package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/harness/bench"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

func (a *app) benchCommand() *cobra.Command {
	var (
		opts     bench.Options
		articles string
		quick    bool
		worker   bool
		verbose  bool
		noURL    bool
		pg       pgBenchFlags
	)
	c := &cobra.Command{
		Use:   "bench",
		Short: "Benchmark the real pipeline on a local corpus at scale",
		Long: "bench serves a synthetic news corpus on 127.0.0.1 and runs the real pipeline over it in child\n" +
			"processes: a first pass that stores every article, a pass where nothing changed (feeds answer 304)\n" +
			"and a pass after a share of the articles was edited, at each scale. It then times `compare` on a\n" +
			"long pair, `changes` and `timeline` on a large store, and runs urlwatch side by side on the same\n" +
			"pages served by nginx, once per page template family (classic, ledger, pressroom, gazette,\n" +
			"bulletin: see --templates; skipped, with a hint, when they are not installed). It prints tables.\n\n" +
			"The defaults take a few minutes on two cores; --quick under a minute; the full table of the\n" +
			"README (--articles 1k,10k,100k) about a quarter of an hour.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if worker {
				return bench.Worker(ctx, os.Stdin, a.stdout, nil)
			}
			if pg.store == "postgres" {
				return a.benchPostgres(ctx, pg, verbose)
			}
			return a.bench(ctx, opts, articles, quick, noURL, verbose)
		},
	}
	f := c.Flags()
	// 100k is left out of the default because its first pass alone takes
	// about ten minutes on two cores; the README table adds it explicitly.
	f.StringVar(&articles, "articles", "1000,10000", "comma-separated corpus sizes in articles (1k,10k,100k also work)")
	f.IntVar(&opts.MaxFeeds, "max-feeds", 10000, "feeds per scale: min(articles, this)")
	f.Float64Var(&opts.ChangeFraction, "changed", 0.05, "share of articles edited before each scale's changed pass")
	f.Float64Var(&opts.URLWatchEdit, "edit", 0.2, "share of articles edited for the urlwatch comparison")
	f.IntVar(&opts.URLWatchArticles, "urlwatch-articles", 1000, "articles in the urlwatch comparison")
	f.BoolVar(&noURL, "no-urlwatch", false, "skip the urlwatch comparison")
	f.StringSliceVar(&opts.Templates, "templates", nil, "page template families the urlwatch comparison runs on, each apart: classic, ledger, pressroom, gazette, bulletin, wire, spa, folio, atlas, press, blox (default: "+strings.Join(corpus.Templates(), ", ")+")")
	f.IntVar(&opts.FixtureVersions, "fixture-versions", 100000, "versions in the store the changes and timeline commands are timed on (negative: skip)")
	f.IntVar(&opts.Workers, "workers", 8, "fetch.workers of the pipeline passes")
	f.IntVar(&opts.PerHost, "per-host", 8, "fetch.per_host_concurrency (the corpus is one host, 127.0.0.1)")
	f.Int64Var(&opts.Seed, "seed", 1, "corpus seed")
	f.StringSliceVar(&opts.Only, "only", nil, "run only these sections: scales, compare, reads, urlwatch")
	f.StringVar(&opts.Dir, "dir", "", "keep stores, static files and configs in this directory")
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write each pass's CPU profile to PREFIX-PASS.pprof")
	f.BoolVar(&quick, "quick", false, "a run of under a minute: 1,000 articles, a 10,000-version store")
	f.BoolVarP(&verbose, "verbose", "v", false, "print progress on stderr")
	f.BoolVar(&worker, "worker", false, "internal: run one pass described on stdin")
	_ = f.MarkHidden("worker")
	pg.flags(f)
	return c
}

func (a *app) bench(ctx context.Context, opts bench.Options, articles string, quick, noURL, verbose bool) error {
	scales, err := parseScales(articles)
	if err != nil {
		return err
	}
	opts.Scales = scales
	if quick {
		opts.Scales = []int{1000}
		opts.FixtureVersions = 10000
		opts.CompareRuns = 10
	}
	if noURL {
		opts.URLWatchArticles = -1
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own binary: %w", err)
	}
	opts.Worker = []string{exe, "bench", "--worker"}
	opts.Storywatch = []string{exe}
	opts.Out = a.stdout
	if verbose {
		opts.Logger = slog.New(slog.NewTextHandler(a.stderr, nil))
	}
	return bench.Run(ctx, opts)
}

func parseScales(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ReplaceAll(f, "_", ""))
		if f == "" {
			continue
		}
		mult := 1
		if v, ok := strings.CutSuffix(strings.ToLower(f), "k"); ok {
			f, mult = v, 1000
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--articles %q: want sizes such as 1000,10k,100k", s)
		}
		out = append(out, n*mult)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--articles %q: no sizes", s)
	}
	return out, nil
}
