package monitor_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// benchCorpus serves 4 feeds of 25 synthetic articles (about 800 words each)
// with rotating boilerplate; Revise edits a fifth of them.
func benchCorpus(b *testing.B) *corpus.Server {
	b.Helper()
	srv, err := corpus.NewSynthetic(corpus.Options{
		Feeds: 4, ArticlesPerFeed: 25, EditFraction: 0.2, Seed: 7, RotateBoilerplate: true,
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close() })
	return srv
}

// benchMonitor opens a store at path and a monitor polling feeds, with the
// per-host limit raised because the corpus is one host.
func benchMonitor(b *testing.B, path string, feeds []string) (*monitor.Monitor, *bolt.Store) {
	b.Helper()
	cfg := feedsConfig(b, path, feeds, "  workers: 8\n  per_host_concurrency: 8\n")
	s, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		b.Fatal(err)
	}
	m, err := monitor.New(monitor.Options{Config: cfg, Store: s})
	if err != nil {
		b.Fatal(err)
	}
	return m, s
}

// pass polls every feed once and flushes; it returns the versions stored.
func benchPass(b *testing.B, m *monitor.Monitor) int {
	b.Helper()
	res := m.PollAll(context.Background())
	n := 0
	for _, f := range res.Feeds {
		if f.Err != nil {
			b.Fatal(f.Err)
		}
		n += f.NewVersions
	}
	return n
}

// BenchmarkPollPass measures one pass of the real pipeline over loopback:
// every article new (ingest), nothing changed but the boilerplate
// (unchanged), and a fifth of the articles edited (revised).
func BenchmarkPollPass(b *testing.B) {
	srv := benchCorpus(b)
	feeds := srv.FeedURLs()

	b.Run("ingest", func(b *testing.B) {
		versions := 0
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			m, s := benchMonitor(b, filepath.Join(b.TempDir(), fmt.Sprintf("ingest-%d.db", i)), feeds)
			b.StartTimer()
			versions += benchPass(b, m)
			_ = m.Close()
			b.StopTimer()
			_ = s.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(versions)/b.Elapsed().Seconds(), "versions/s")
	})

	b.Run("unchanged", func(b *testing.B) {
		m, s := benchMonitor(b, filepath.Join(b.TempDir(), "unchanged.db"), feeds)
		defer s.Close()
		defer m.Close()
		benchPass(b, m)
		for b.Loop() {
			if n := benchPass(b, m); n != 0 {
				b.Fatalf("unchanged pass stored %d versions", n)
			}
		}
	})

	b.Run("revised", func(b *testing.B) {
		m, s := benchMonitor(b, filepath.Join(b.TempDir(), "revised.db"), feeds)
		defer s.Close()
		defer m.Close()
		benchPass(b, m)
		versions := 0
		for b.Loop() {
			b.StopTimer()
			srv.Revise()
			b.StartTimer()
			versions += benchPass(b, m)
		}
		b.ReportMetric(float64(versions)/b.Elapsed().Seconds(), "versions/s")
	})
}
