package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/storywatch/storywatch/monitor/harness/replicabench"
)

// envBenchPostgres names the PostgreSQL server `bench --store postgres`
// measures on (a DSN; its password stays out of argv and output).
const envBenchPostgres = "STORYWATCH_BENCH_POSTGRES"

// pgBenchFlags are bench's flags for the replica benchmark.
type pgBenchFlags struct {
	store    string
	replicas []int
	articles int
	feeds    int
	changed  float64
	workers  int
	noBolt   bool
	jsonOut  bool
}

func (p *pgBenchFlags) flags(f *pflag.FlagSet) {
	f.StringVar(&p.store, "store", "bolt", "bolt: the scale benchmark; postgres: ingest and revision-pass throughput of --pg-replicas replicas on $"+envBenchPostgres)
	f.IntSliceVar(&p.replicas, "pg-replicas", []int{1, 2, 3}, "--store postgres: replica counts to measure")
	f.IntVar(&p.articles, "pg-articles", 2000, "--store postgres: corpus articles")
	f.IntVar(&p.feeds, "pg-feeds", 40, "--store postgres: corpus feeds")
	f.Float64Var(&p.changed, "pg-changed", 0.1, "--store postgres: share of articles edited before the revision pass")
	f.IntVar(&p.workers, "pg-workers", 4, "--store postgres: fetch.workers of each replica")
	f.BoolVar(&p.noBolt, "pg-no-bolt", false, "--store postgres: skip the one-process bbolt baseline")
	f.BoolVar(&p.jsonOut, "pg-json", false, "--store postgres: print the results as one JSON object")
}

// benchPostgres runs the replica benchmark and prints its table.
func (a *app) benchPostgres(ctx context.Context, p pgBenchFlags, verbose bool) error {
	dsn := os.Getenv(envBenchPostgres)
	if dsn == "" {
		return errors.New("bench --store postgres: set $" + envBenchPostgres + " to a PostgreSQL DSN (e.g. eval \"$(.ci/pg-start)\"; export " + envBenchPostgres + "=$STORYWATCH_TEST_POSTGRES)")
	}
	bin, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: find the storywatch binary: %w", err)
	}
	opts := replicabench.Options{
		DSN: dsn, Binary: bin, Replicas: p.replicas, Articles: p.articles, Feeds: p.feeds,
		ChangeFraction: p.changed, Workers: p.workers, Seed: 1, Bolt: !p.noBolt,
	}
	if verbose {
		opts.Progress = a.stderr
	}
	rs, err := replicabench.Run(ctx, opts)
	if err != nil {
		return err
	}
	if p.jsonOut {
		return json.NewEncoder(a.stdout).Encode(map[string]any{"replicas": rs})
	}
	replicabench.Print(a.stdout, rs)
	return nil
}
