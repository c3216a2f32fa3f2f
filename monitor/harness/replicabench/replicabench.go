// Package replicabench measures storywatch on PostgreSQL with several
// replicas: `storywatch bench --store postgres` runs it. For each replica
// count it serves a synthetic corpus on 127.0.0.1, gives the replicas a
// fresh schema, and times two passes: the ingest (every article stored
// from an empty database) and the revision pass (a share of the articles
// edited), each made by N concurrent `storywatch poll` processes that
// share the feeds through their leases. With Bolt set it first times one
// process on the embedded bbolt store, the baseline.
//
// It is harness code: production packages never import it.
package replicabench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

// Options configure Run.
type Options struct {
	// DSN is the PostgreSQL server; each run gets its own schema there,
	// dropped afterwards.
	DSN string
	// Binary is the storywatch executable the replicas run.
	Binary string
	// Replicas are the replica counts measured, e.g. 1, 2, 3.
	Replicas []int
	// Articles and Feeds size the corpus; ChangeFraction is the share of
	// articles edited before the revision pass.
	Articles, Feeds int
	ChangeFraction  float64
	// Workers is each replica's fetch.workers.
	Workers int
	// Seed makes the corpus deterministic.
	Seed int64
	// Bolt adds a one-process run on the embedded bbolt store.
	Bolt bool
	// Dir holds configs and the bbolt store; empty: a temp dir, removed.
	Dir string
	// Progress, when set, receives a line per pass.
	Progress io.Writer
}

// Result is one configuration's measurement.
type Result struct {
	Store    string        `json:"store"` // "bolt" or "postgres"
	Replicas int           `json:"replicas"`
	Articles int           `json:"articles"`
	Ingest   time.Duration `json:"ingest_ns"`
	Edited   int           `json:"edited"`
	Revision time.Duration `json:"revision_ns"`
}

// IngestRate is articles stored per second in the ingest pass.
func (r Result) IngestRate() float64 { return float64(r.Articles) / r.Ingest.Seconds() }

// RevisionRate is articles checked per second in the revision pass (every
// article's feed is read, the edited ones refetched and stored).
func (r Result) RevisionRate() float64 { return float64(r.Articles) / r.Revision.Seconds() }

// Run measures every configuration and returns the results in order.
func Run(ctx context.Context, opts Options) ([]Result, error) {
	if opts.Feeds <= 0 || opts.Articles < opts.Feeds {
		return nil, fmt.Errorf("replica bench: need at least one feed and one article per feed")
	}
	dir := opts.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "storywatch-replicabench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	var out []Result
	if opts.Bolt {
		r, err := measure(ctx, opts, filepath.Join(dir, "bolt"), "bolt", 1, "")
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	for _, n := range opts.Replicas {
		dsn, drop, err := pgtest.Schema(ctx, opts.DSN, "bench_")
		if err != nil {
			return out, fmt.Errorf("replica bench: %w", err)
		}
		r, err := measure(ctx, opts, filepath.Join(dir, fmt.Sprintf("pg%d", n)), "postgres", n, dsn)
		drop()
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// measure runs the two passes with n processes.
func measure(ctx context.Context, opts Options, dir, kind string, n int, dsn string) (Result, error) {
	res := Result{Store: kind, Replicas: n}
	srv, err := corpus.NewSynthetic(corpus.Options{
		Feeds: opts.Feeds, ArticlesPerFeed: opts.Articles / opts.Feeds, EditFraction: opts.ChangeFraction, Seed: opts.Seed,
	})
	if err != nil {
		return res, err
	}
	if err := srv.Start(); err != nil {
		return res, err
	}
	defer srv.Close()
	res.Articles = len(srv.ArticleURLs())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	cfg, err := writeConfig(dir, kind, dsn, srv.FeedURLs(), opts.Workers)
	if err != nil {
		return res, err
	}
	if kind == "postgres" {
		// Schema creation is not part of the ingest.
		if err := runOne(ctx, opts.Binary, cfg, "migrate"); err != nil {
			return res, err
		}
	}
	if res.Ingest, err = pass(ctx, opts.Binary, cfg, n); err != nil {
		return res, fmt.Errorf("%s x%d ingest: %w", kind, n, err)
	}
	// A figure counts only if the pass did all its work.
	if err := expect(ctx, opts.Binary, cfg, "articles", res.Articles); err != nil {
		return res, fmt.Errorf("%s x%d ingest: %w", kind, n, err)
	}
	res.Edited = len(srv.Revise())
	if res.Revision, err = pass(ctx, opts.Binary, cfg, n); err != nil {
		return res, fmt.Errorf("%s x%d revision pass: %w", kind, n, err)
	}
	if err := expect(ctx, opts.Binary, cfg, "changes", res.Edited); err != nil {
		return res, fmt.Errorf("%s x%d revision pass: %w", kind, n, err)
	}
	if opts.Progress != nil {
		fmt.Fprintf(opts.Progress, "%s x%d: ingest %s, revision pass %s\n", kind, n, res.Ingest.Round(time.Millisecond), res.Revision.Round(time.Millisecond))
	}
	return res, nil
}

// pass runs n `storywatch poll` processes at once and returns the wall
// time until the last exits.
func pass(ctx context.Context, bin, cfg string, n int) (time.Duration, error) {
	start := time.Now()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = runOne(ctx, bin, cfg, "poll")
		}()
	}
	wg.Wait()
	return time.Since(start), errors.Join(errs...)
}

// expect checks that `storywatch LIST --json` lists want elements.
func expect(ctx context.Context, bin, cfg, list string, want int) error {
	out, err := exec.CommandContext(ctx, bin, "-c", cfg, list, "--json").Output()
	if err != nil {
		return fmt.Errorf("storywatch %s: %w", list, err)
	}
	var v map[string][]json.RawMessage
	if err := json.Unmarshal(out, &v); err != nil {
		return fmt.Errorf("storywatch %s: %w", list, err)
	}
	if got := len(v[list]); got != want {
		return fmt.Errorf("%d %s stored, want %d", got, list, want)
	}
	return nil
}

func runOne(ctx context.Context, bin, cfg string, args ...string) error {
	cmd := exec.CommandContext(ctx, bin, append([]string{"-c", cfg}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("storywatch %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

func writeConfig(dir, kind, dsn string, feeds []string, workers int) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "store:\n  path: %q\n", filepath.Join(dir, "storywatch.db"))
	if kind == "postgres" {
		fmt.Fprintf(&b, "  driver: postgres\n  dsn: %q\n", dsn)
	}
	b.WriteString("schedule: \"@every 10m\"\nfeeds:\n")
	for _, f := range feeds {
		fmt.Fprintf(&b, "  - url: %q\n", f)
	}
	fmt.Fprintf(&b, "fetch:\n  allow_private_addresses: true\n  workers: %d\n  per_host_concurrency: %d\nlog:\n  level: error\n", workers, workers)
	path := filepath.Join(dir, "config.yaml")
	return path, os.WriteFile(path, []byte(b.String()), 0o600)
}

// Print writes the results as a table.
func Print(w io.Writer, rs []Result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "store\treplicas\tarticles\tingest\tarticles/s\tedited\trevision pass\tarticles/s\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%.0f\t%d\t%s\t%.0f\t\n", r.Store, r.Replicas, r.Articles,
			r.Ingest.Round(10*time.Millisecond), r.IngestRate(), r.Edited, r.Revision.Round(10*time.Millisecond), r.RevisionRate())
	}
	_ = tw.Flush()
}
