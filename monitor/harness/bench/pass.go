package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/metrics"
)

// PassSpec describes one pipeline pass. A worker process reads it as JSON.
type PassSpec struct {
	// Store is the bbolt file the pass reads and writes.
	Store string `json:"store"`
	// Feeds are the feed URLs polled, each once.
	Feeds []string `json:"feeds"`
	// Workers is fetch.workers; zero means the config default.
	Workers int `json:"workers,omitempty"`
	// PerHost is fetch.per_host_concurrency; zero means the config default.
	// The bench raises it because the whole corpus is one host, 127.0.0.1.
	PerHost int `json:"per_host,omitempty"`
	// CPUProfile, when set, receives a pprof CPU profile of the pass.
	CPUProfile string `json:"cpu_profile,omitempty"`
}

// PassStats is what one pass measured.
type PassStats struct {
	Wall     time.Duration `json:"wall"`      // store open to store closed
	ProcWall time.Duration `json:"proc_wall"` // the whole worker process, start-up included (set by the parent)
	CPU      time.Duration `json:"cpu"`       // user+system CPU of the pass
	// ServerCPU is what the parent (the corpus server) used meanwhile, on
	// the same cores (set by the parent).
	ServerCPU time.Duration `json:"server_cpu"`
	ProcCPU   time.Duration `json:"proc_cpu"` // CPU of the whole worker process (set by the parent)
	PeakRSS   int64         `json:"peak_rss"` // VmHWM of the worker process, bytes
	// PeakAnon is the largest anonymous RSS (heap, stacks: memory the
	// process owns) seen by sampling every 10ms. VmHWM also counts the pages
	// of the mmapped store file, which are page cache the kernel can drop.
	PeakAnon int64 `json:"peak_anon"`
	// RSS at the end of the pass, split as the kernel counts it: anonymous
	// memory (Go heap, stacks) and file pages (the mmapped bbolt file).
	EndRSSAnon  int64  `json:"end_rss_anon"`
	EndRSSFile  int64  `json:"end_rss_file"`
	GoHeapSys   uint64 `json:"go_heap_sys"` // runtime.MemStats.HeapSys at the end
	Feeds       int    `json:"feeds"`
	NotModified int    `json:"not_modified"` // feeds answered 304
	Failed      int    `json:"failed"`
	Items       int    `json:"items"`
	NewVersions int    `json:"new_versions"` // first versions included
	Changed     int    `json:"changed"`      // versions after the first
	// PageChecks counts the pages fetched whole by how they were read
	// (metrics.CheckFingerprint, CheckFast, CheckReadability).
	PageChecks map[string]int `json:"page_checks,omitempty"`
	FirstError string         `json:"first_error,omitempty"`
}

// passConfig is the YAML config of a bench pass: the user's defaults except
// that loopback is allowed and the per-host limit fits a one-host corpus.
func passConfig(spec PassSpec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "store:\n  path: %q\nschedule: \"@every 10m\"\nfeeds:\n", spec.Store)
	for _, u := range spec.Feeds {
		fmt.Fprintf(&b, "  - url: %q\n", u)
	}
	b.WriteString("fetch:\n  allow_private_addresses: true\n")
	if spec.Workers > 0 {
		fmt.Fprintf(&b, "  workers: %d\n", spec.Workers)
	}
	if spec.PerHost > 0 {
		fmt.Fprintf(&b, "  per_host_concurrency: %d\n", spec.PerHost)
	}
	return b.String()
}

// RunPass polls every feed of spec once with the real monitor and reports
// what it cost. Writes are flushed before it returns.
func RunPass(ctx context.Context, spec PassSpec, log *slog.Logger) (PassStats, error) {
	var st PassStats
	cfg, err := config.Parse([]byte(passConfig(spec)), "bench.yaml")
	if err != nil {
		return st, fmt.Errorf("build pass config: %w", err)
	}
	if spec.CPUProfile != "" {
		f, err := os.Create(spec.CPUProfile)
		if err != nil {
			return st, fmt.Errorf("create cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return st, fmt.Errorf("start cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	stopSampling := sampleAnon()
	cpu0, t0 := cpuTime(), time.Now()
	s, err := bolt.Open(spec.Store, bolt.Options{Timeout: 10 * time.Second})
	if err != nil {
		return st, err
	}
	defer s.Close()
	met := metrics.New(metrics.Options{})
	m, err := monitor.New(monitor.Options{Config: cfg, Store: s, Logger: log, Version: "bench", Metrics: met})
	if err != nil {
		return st, err
	}
	res := m.PollAll(ctx)
	if err := m.Close(); err != nil {
		return st, fmt.Errorf("flush writes: %w", err)
	}
	st.EndRSSAnon, st.EndRSSFile = procStatus("RssAnon:"), procStatus("RssFile:")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	st.GoHeapSys = ms.HeapSys
	if err := s.Close(); err != nil {
		return st, fmt.Errorf("close store: %w", err)
	}
	st.Wall, st.CPU = time.Since(t0), cpuTime()-cpu0
	st.PeakRSS = peakRSS()
	st.PeakAnon = stopSampling()
	st.PageChecks = met.PageChecks()
	st.Feeds = len(res.Feeds)
	for _, f := range res.Feeds {
		if f.Err != nil {
			st.Failed++
			if st.FirstError == "" {
				st.FirstError = f.Err.Error()
			}
		}
		if f.NotModified {
			st.NotModified++
		}
		st.Items += f.Items
		st.NewVersions += f.NewVersions
		st.Changed += f.Changed
	}
	return st, nil
}

// Worker is the body of a worker process: it reads a PassSpec as JSON from
// in, runs it and writes the PassStats as JSON to out.
func Worker(ctx context.Context, in io.Reader, out io.Writer, log *slog.Logger) error {
	var spec PassSpec
	if err := json.NewDecoder(in).Decode(&spec); err != nil {
		return fmt.Errorf("read pass spec: %w", err)
	}
	st, err := RunPass(ctx, spec, log)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(out).Encode(st); err != nil {
		return fmt.Errorf("write pass stats: %w", err)
	}
	return nil
}
