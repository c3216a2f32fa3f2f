package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

// ScaleResult is what one corpus size measured.
type ScaleResult struct {
	Articles, Feeds int
	Ingest          PassStats   // first pass: every article is new
	NoChange        PassStats   // second pass: nothing changed, feeds answer 304
	Changed         PassStats   // third pass after ChangeFraction of the articles were edited
	Edited          int         // articles the corpus really edited
	Store           store.Stats // after the three passes
	FileBytes       int64       // size of the bbolt file
}

type runner struct {
	opts Options
	dir  string
	keep bool // Options.Dir was given: leave stores there for inspection
}

// remove deletes a store file unless the user asked to keep them.
func (r *runner) remove(path string) {
	if !r.keep {
		_ = os.Remove(path)
	}
}

// Run executes every benchmark of opts and writes the result tables to
// opts.Out as each finishes. It returns the first error that stops it;
// missing external tools only skip their comparison.
func Run(ctx context.Context, opts Options) error {
	opts = opts.withDefaults()
	if len(opts.Worker) == 0 {
		return fmt.Errorf("run bench: no worker command: %w", ErrWorker)
	}
	r := &runner{opts: opts, dir: opts.Dir, keep: opts.Dir != ""}
	if r.dir == "" {
		d, err := os.MkdirTemp("", "storywatch-bench-")
		if err != nil {
			return fmt.Errorf("create bench directory: %w", err)
		}
		defer os.RemoveAll(d)
		r.dir = d
	} else if err := os.MkdirAll(r.dir, 0o755); err != nil {
		return fmt.Errorf("create bench directory: %w", err)
	}
	w := opts.Out
	writeHeader(w, opts)

	want := func(section string) bool { return len(opts.Only) == 0 || slices.Contains(opts.Only, section) }
	var scales []ScaleResult
	for _, n := range opts.Scales {
		if !want("scales") {
			break
		}
		opts.Logger.Info("scale", "articles", n)
		sr, err := r.scale(ctx, n)
		if err != nil {
			return err
		}
		scales = append(scales, sr)
		writeScale(w, sr, opts.ChangeFraction)
	}
	writeScaleSummary(w, scales)

	if want("compare") {
		cr, err := r.compare(ctx)
		if err != nil {
			return err
		}
		writeCompare(w, cr)
	}

	if opts.FixtureVersions > 0 && want("reads") {
		rr, err := r.reads(ctx)
		if err != nil {
			return err
		}
		writeReads(w, rr)
	}

	if opts.URLWatchArticles > 0 && want("urlwatch") {
		ur, err := r.urlwatch(ctx)
		if err != nil {
			return err
		}
		writeURLWatch(w, ur)
	}
	fmt.Fprintf(w, "\nload average at end %s\n", loadAvg())
	return nil
}

// scale serves n articles and runs the ingest, no-change and changed passes.
func (r *runner) scale(ctx context.Context, n int) (ScaleResult, error) {
	feeds := min(n, r.opts.MaxFeeds)
	per := (n + feeds - 1) / feeds
	sr := ScaleResult{Articles: feeds * per, Feeds: feeds}
	srv, err := corpus.NewSynthetic(corpus.Options{
		Feeds: feeds, ArticlesPerFeed: per, EditFraction: r.opts.ChangeFraction,
		Seed: r.opts.Seed, RotateBoilerplate: true,
	})
	if err != nil {
		return sr, fmt.Errorf("build corpus of %d articles: %w", n, err)
	}
	if err := srv.Start(); err != nil {
		return sr, fmt.Errorf("start corpus: %w", err)
	}
	defer srv.Close()
	path := filepath.Join(r.dir, fmt.Sprintf("scale-%d.db", n))
	defer r.remove(path)
	spec := PassSpec{Store: path, Feeds: srv.FeedURLs(), Workers: r.opts.Workers, PerHost: r.opts.PerHost}
	name := fmt.Sprintf("%d", n)
	if sr.Ingest, err = r.pass(ctx, spec, "ingest-"+name); err != nil {
		return sr, err
	}
	if sr.NoChange, err = r.pass(ctx, spec, "nochange-"+name); err != nil {
		return sr, err
	}
	sr.Edited = len(srv.Revise())
	if sr.Changed, err = r.pass(ctx, spec, "changed-"+name); err != nil {
		return sr, err
	}
	s, err := bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		return sr, err
	}
	sr.Store, err = s.Stats()
	s.Close()
	if err != nil {
		return sr, err
	}
	if fi, err := os.Stat(path); err == nil {
		sr.FileBytes = fi.Size()
	}
	return sr, nil
}

// pass runs spec in a worker process.
func (r *runner) pass(ctx context.Context, spec PassSpec, name string) (PassStats, error) {
	if r.opts.CPUProfile != "" {
		spec.CPUProfile = r.opts.CPUProfile + "-" + name + ".pprof"
	}
	in, err := json.Marshal(spec)
	if err != nil {
		return PassStats{}, fmt.Errorf("encode pass spec: %w", err)
	}
	r.opts.Logger.Info("pass", "name", name, "feeds", len(spec.Feeds))
	cmd := exec.CommandContext(ctx, r.opts.Worker[0], r.opts.Worker[1:]...)
	cmd.Stdin = bytes.NewReader(in)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	t0, server0 := time.Now(), cpuTime()
	if err := cmd.Run(); err != nil {
		return PassStats{}, fmt.Errorf("pass %s: %w: %w: %s", name, ErrWorker, err, strings.TrimSpace(errOut.String()))
	}
	var st PassStats
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		return PassStats{}, fmt.Errorf("pass %s: decode stats: %w", name, err)
	}
	st.ProcWall, st.ProcCPU = time.Since(t0), childCPU(cmd.ProcessState) // PeakRSS is the worker's own VmHWM
	st.ServerCPU = cpuTime() - server0
	r.opts.Logger.Info("pass done", "name", name, "wall", st.Wall, "cpu", st.CPU, "versions", st.NewVersions, "failed", st.Failed,
		"peak_rss_mib", st.PeakRSS>>20, "end_rss_anon_mib", st.EndRSSAnon>>20, "end_rss_file_mib", st.EndRSSFile>>20, "go_heap_sys_mib", st.GoHeapSys>>20)
	return st, nil
}
