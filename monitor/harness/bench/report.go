package bench

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/storywatch/storywatch/monitor/metrics"
)

// writeHeader names the machine, the settings and how to read the tables.
func writeHeader(w io.Writer, opts Options) {
	fmt.Fprintf(w, "storywatch bench: %s %s/%s, %d CPUs (GOMAXPROCS %d), load average at start %s, %s\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAvg(),
		time.Now().UTC().Format(time.RFC3339))
	fmt.Fprintf(w, "pipeline passes run in a child process; fetch.workers=%d, fetch.per_host_concurrency=%d (the corpus is one host)\n",
		opts.Workers, opts.PerHost)
	fmt.Fprintln(w, "the corpus is synthetic (monitor/corpus): ~800-word articles, rotating boilerplate, one host; no story filter, so every item is tracked")
	fmt.Fprintln(w, "peak RSS is the worker's VmHWM, which includes the pages of the mmapped bbolt file it touched (page cache the kernel can reclaim); peak anon RSS is the memory it owns (heap, stacks), sampled every 10ms; file-backed RSS at end is RssFile when the pass ends (the executable's pages and the store's)")
	fmt.Fprintln(w, "versions/CPU-s: versions stored per second of CPU the worker used, i.e. per core; wall-clock rates also depend on what else runs on the machine")
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func secs(d time.Duration) string {
	switch {
	case d <= 0:
		return "-"
	case d < time.Millisecond:
		return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
}

func rate(n int, d time.Duration) string {
	if n == 0 || d <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(n)/d.Seconds())
}

// passRow prints one pass as a table row.
func passRow(w io.Writer, scale string, name string, p PassStats, note string) {
	fmt.Fprintf(w, "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		scale, name, p.Feeds, p.NotModified, p.NewVersions, secs(p.Wall), secs(p.CPU)+" (+"+secs(p.ServerCPU)+")", rate(p.NewVersions, p.Wall),
		rate(p.NewVersions, p.CPU), mib(p.PeakRSS), mib(p.PeakAnon), mib(p.EndRSSFile), note)
}

func writeScale(w io.Writer, sr ScaleResult, frac float64) {
	scale := fmt.Sprintf("%d articles", sr.Articles)
	if sr.Articles == sr.Store.Articles || sr.Store.Articles == 0 {
		fmt.Fprintf(w, "\n### %s in %d feeds\n\n", scale, sr.Feeds)
	} else {
		fmt.Fprintf(w, "\n### %s in %d feeds (%d stored)\n\n", scale, sr.Feeds, sr.Store.Articles)
	}
	fmt.Fprintln(w, "| scale | pass | feeds | 304 | versions | wall | CPU (+ corpus server) | versions/s | versions/CPU-s | peak RSS | peak anon RSS | file-backed RSS at end | notes |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
	note := func(p PassStats) string {
		if p.Failed == 0 {
			return ""
		}
		return fmt.Sprintf("%d feeds failed: %s", p.Failed, p.FirstError)
	}
	passRow(w, scale, "ingest (all new)", sr.Ingest, note(sr.Ingest))
	passRow(w, scale, "no change", sr.NoChange, note(sr.NoChange))
	n := note(sr.Changed)
	if n == "" {
		n = fmt.Sprintf("%d of %d edited articles stored as changed", sr.Changed.Changed, sr.Edited)
	}
	passRow(w, scale, fmt.Sprintf("%.0f%% changed", frac*100), sr.Changed, n)
	st := sr.Store
	if st.Versions > 0 {
		fmt.Fprintf(w, "\nstore: %d articles, %d versions, %d stored bytes/version, raw text %d bytes/version, ratio %.3f; bbolt file %s\n",
			st.Articles, st.Versions, st.StoredBytes/int64(st.Versions), st.RawBytes/int64(st.Versions),
			float64(st.StoredBytes)/float64(max(st.RawBytes, 1)), mib(sr.FileBytes))
	}
}

func writeScaleSummary(w io.Writer, scales []ScaleResult) {
	if len(scales) == 0 {
		return
	}
	fmt.Fprintln(w, "\n### Summary by scale")
	fmt.Fprintln(w, "\n| articles | ingest versions/s | ingest versions/CPU-s | changed-pass versions/s | no-change pass | peak RSS (max of passes) | peak anon RSS | stored/raw |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, s := range scales {
		peak := max(s.Ingest.PeakRSS, s.NoChange.PeakRSS, s.Changed.PeakRSS)
		anon := max(s.Ingest.PeakAnon, s.NoChange.PeakAnon, s.Changed.PeakAnon)
		ratio := float64(s.Store.StoredBytes) / float64(max(s.Store.RawBytes, 1))
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s (%d feeds) | %s | %s | %.3f |\n", s.Articles,
			rate(s.Ingest.NewVersions, s.Ingest.Wall), rate(s.Ingest.NewVersions, s.Ingest.CPU),
			rate(s.Changed.NewVersions, s.Changed.Wall), secs(s.NoChange.Wall), s.NoChange.Feeds, mib(peak), mib(anon), ratio)
	}
}

func writeCompare(w io.Writer, c CompareResult) {
	fmt.Fprintf(w, "\n### compare: a %d-word pair\n\n", c.Words)
	fmt.Fprintf(w, "diff.Compare (alignment, word diff, facts) in process over %d runs: min %s, median %s, max %s; %d fact changes\n",
		c.Runs, secs(c.Min), secs(c.Median), secs(c.Max), c.Facts)
	switch {
	case c.CLIErr != "":
		fmt.Fprintf(w, "`storywatch compare OLD NEW --json`: failed: %s\n", c.CLIErr)
	case c.CLI > 0:
		fmt.Fprintf(w, "`storywatch compare OLD NEW --json` (process start included): %s\n", secs(c.CLI))
	}
}

func writeReads(w io.Writer, r ReadsResult) {
	fmt.Fprintf(w, "\n### Read commands on a store of %d versions (%d articles; written by store.Apply in %s)\n\n",
		r.Store.Versions, r.Store.Articles, secs(r.Build))
	fmt.Fprintln(w, "(each version carries the facts of its article's first version; each change one fact change)")
	if r.Store.Versions > 0 {
		fmt.Fprintf(w, "store: %d stored bytes/version, raw text %d bytes/version, ratio %.3f\n",
			r.Store.StoredBytes/int64(r.Store.Versions), r.Store.RawBytes/int64(r.Store.Versions),
			float64(r.Store.StoredBytes)/float64(max(r.Store.RawBytes, 1)))
	}
	fmt.Fprintf(w, "store.Changes in process: %d changes in %s\n", r.NChanges, secs(r.InProc))
	for _, c := range []CLIRun{r.Changes, r.Timeline} {
		if len(c.Args) < 3 {
			continue
		}
		name := c.Args[2]
		if c.Err != "" {
			fmt.Fprintf(w, "`storywatch %s --json`: failed after %s: %s\n", name, secs(c.Wall), c.Err)
			continue
		}
		fmt.Fprintf(w, "`storywatch %s --json`: %s, peak RSS %s, %d bytes of JSON\n", name, secs(c.Wall), mib(c.PeakRSS), c.Bytes)
	}
}

func writeURLWatch(w io.Writer, u URLWatchResult) {
	fmt.Fprintln(w, "\n### storywatch vs urlwatch (same pages, served by nginx), per page template family")
	if u.Skipped != "" {
		fmt.Fprintf(w, "\nskipped: %s\n", u.Skipped)
		return
	}
	fmt.Fprintln(w, "\nEach family is its own corpus and store. first: both tools see every page for the first time; revision: after the edits, every page's boilerplate rotated. Wall and CPU include process start; ratio = urlwatch wall / storywatch wall.")
	fmt.Fprintln(w, "\n| family | run | articles | edited | urlwatch wall | urlwatch CPU | storywatch wall | storywatch CPU | ratio | urlwatch flagged | storywatch flagged | missed / spurious | storywatch pages read: fingerprint / fast / readability | storywatch peak RSS |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, f := range u.Families {
		for _, run := range []struct {
			name  string
			p     ToolPair
			score string
		}{
			{"first", f.First, "-"},
			{"revision", f.Revision, fmt.Sprintf("%d / %d", f.Missed, f.Spurious)},
		} {
			ratio := "-"
			if run.p.Storywatch.Wall > 0 {
				ratio = fmt.Sprintf("%.1fx", run.p.URLWatch.Wall.Seconds()/run.p.Storywatch.Wall.Seconds())
			}
			edited := "-"
			if run.name == "revision" {
				edited = fmt.Sprint(f.Edited)
			}
			read := "-" // a worker that did not count them
			if rd := run.p.Storywatch.Read; rd != nil {
				read = fmt.Sprintf("%d / %d / %d", rd[metrics.CheckFingerprint], rd[metrics.CheckFast], rd[metrics.CheckReadability])
			}
			fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %d | %d | %s | %s | %s |\n", f.Template, run.name, f.Articles, edited,
				secs(run.p.URLWatch.Wall), secs(run.p.URLWatch.CPU), secs(run.p.Storywatch.Wall), secs(run.p.Storywatch.CPU), ratio,
				run.p.URLWatch.Flagged, run.p.Storywatch.Flagged, run.score, read, mib(run.p.Storywatch.PeakRSS))
		}
	}
	fmt.Fprintln(w, "\nflagged: pages urlwatch reported CHANGED; versions storywatch stored (first run: new articles; revision run: changed articles). missed / spurious: edited articles without a new version / unedited ones with one. pages read: how storywatch read each page fetched whole (fingerprint: its article text unchanged, nothing extracted; fast: extracted with the site's learned layout; readability).")
}
