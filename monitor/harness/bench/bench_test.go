package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// workerEnv makes the test binary act as a bench worker, so Run can be
// tested with real child processes.
const workerEnv = "STORYWATCH_BENCH_TEST_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := Worker(context.Background(), os.Stdin, os.Stdout, nil); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestPassConfig(t *testing.T) {
	tests := []struct {
		name                  string
		spec                  PassSpec
		wantWorkers, wantHost int
	}{
		{"defaults", PassSpec{Store: "/tmp/x.db", Feeds: []string{"http://127.0.0.1:1/a.rss"}}, 4, 2},
		{"raised", PassSpec{Store: "/tmp/x.db", Feeds: []string{"http://127.0.0.1:1/a.rss", "http://127.0.0.1:1/b.rss"}, Workers: 16, PerHost: 12}, 16, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.Parse([]byte(passConfig(tt.spec)), "bench.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if len(cfg.Feeds) != len(tt.spec.Feeds) || cfg.Store.Path != tt.spec.Store {
				t.Errorf("feeds %d store %q, want %d %q", len(cfg.Feeds), cfg.Store.Path, len(tt.spec.Feeds), tt.spec.Store)
			}
			if cfg.Fetch.Workers != tt.wantWorkers || cfg.Fetch.PerHostConcurrency != tt.wantHost {
				t.Errorf("workers %d per host %d, want %d %d", cfg.Fetch.Workers, cfg.Fetch.PerHostConcurrency, tt.wantWorkers, tt.wantHost)
			}
			if !cfg.Fetch.AllowPrivateAddresses {
				t.Error("loopback not allowed")
			}
		})
	}
}

func startCorpus(t *testing.T, opts corpus.Options) *corpus.Server {
	t.Helper()
	srv, err := corpus.NewSynthetic(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// TestRunPass drives the real pipeline through the three passes of a scale.
func TestRunPass(t *testing.T) {
	srv := startCorpus(t, corpus.Options{Feeds: 2, ArticlesPerFeed: 3, EditFraction: 0.5, Seed: 3, RotateBoilerplate: true})
	spec := PassSpec{Store: filepath.Join(t.TempDir(), "s.db"), Feeds: srv.FeedURLs(), Workers: 4, PerHost: 4}
	ctx := context.Background()

	st, err := RunPass(ctx, spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Failed != 0 || st.NewVersions != len(srv.ArticleURLs()) || st.Changed != 0 {
		t.Fatalf("ingest: %+v, want %d new versions", st, len(srv.ArticleURLs()))
	}
	if st.PeakRSS <= 0 || st.Wall <= 0 {
		t.Errorf("ingest measured nothing: %+v", st)
	}

	st, err = RunPass(ctx, spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.NotModified != 2 || st.NewVersions != 0 {
		t.Errorf("no-change pass: %+v, want 2 feeds not modified and no versions", st)
	}

	edited := srv.Revise()
	st, err = RunPass(ctx, spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(edited) == 0 || st.Changed != len(edited) {
		t.Errorf("changed pass stored %d changed versions, corpus edited %d", st.Changed, len(edited))
	}
}

// TestWriteRotated checks the static pages change outside the article only.
func TestWriteRotated(t *testing.T) {
	srv, err := corpus.NewSynthetic(corpus.Options{Feeds: 1, ArticlesPerFeed: 2, Seed: 5, RotateBoilerplate: true, BaseURL: "http://127.0.0.1:9"})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	page := filepath.Join(root, strings.TrimPrefix(srv.ArticleURLs()[0], "http://127.0.0.1:9"))
	read := func() []byte {
		t.Helper()
		if err := writeRotated(root, srv, "http://127.0.0.1:9"); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first, second := read(), read()
	if bytes.Equal(first, second) {
		t.Error("boilerplate did not rotate between writes")
	}
	if !bytes.Equal(extract.Region(first), extract.Region(second)) {
		t.Error("article region changed without an edit")
	}
	if _, err := os.Stat(filepath.Join(root, "feeds")); err != nil {
		t.Errorf("feeds not written: %v", err)
	}
}

func TestBuildFixture(t *testing.T) {
	tests := []struct{ articles, versions int }{{1, 1}, {10, 30}, {4, 9}}
	for _, tt := range tests {
		t.Run("", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.db")
			if err := buildFixture(path, tt.articles, tt.versions, 1); err != nil {
				t.Fatal(err)
			}
			s, err := bolt.Open(path, bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			st, err := s.Stats()
			if err != nil {
				t.Fatal(err)
			}
			chs, err := s.Changes(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != tt.articles || st.Versions != tt.versions || len(chs) != tt.versions-tt.articles {
				t.Errorf("got %d articles %d versions %d changes, want %d %d %d",
					st.Articles, st.Versions, len(chs), tt.articles, tt.versions, tt.versions-tt.articles)
			}
		})
	}
}

func TestComparePair(t *testing.T) {
	for _, words := range []int{200, 5000} {
		old, cur, err := comparePair(words, 1)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(old)); n < words || n > words+1200 {
			t.Errorf("pair of %d words has %d", words, n)
		}
		if old == cur {
			t.Errorf("%d words: the pair is identical", words)
		}
	}
}

func TestURLWatchChangedCount(t *testing.T) {
	out, err := os.ReadFile("testdata/urlwatch-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(urlwatchChanged.FindAllIndex(out, -1)); n != 2 {
		t.Errorf("counted %d changed pages, want 2 (summary lines only)", n)
	}
}

// TestURLWatchMissing checks the comparison is skipped with an install hint.
func TestURLWatchMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	r := &runner{opts: Options{}.withDefaults(), dir: t.TempDir()}
	ur, err := r.urlwatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ur.Skipped, "apt-get install") || !strings.Contains(ur.Skipped, "urlwatch") {
		t.Errorf("skipped = %q, want an install hint", ur.Skipped)
	}
	var b bytes.Buffer
	writeURLWatch(&b, ur)
	if !strings.Contains(b.String(), "skipped") {
		t.Errorf("report does not say skipped:\n%s", b.String())
	}
}

// TestRun runs a tiny benchmark with real worker processes.
func TestRun(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(workerEnv, "1")
	var out bytes.Buffer
	err = Run(context.Background(), Options{
		Scales: []int{12}, MaxFeeds: 3, ChangeFraction: 0.25,
		FixtureVersions: 40, FixtureArticles: 10, CompareWords: 300, CompareRuns: 2,
		URLWatchArticles: -1, Worker: []string{exe}, Out: &out,
	})
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"| 12 articles | ingest (all new) | 3 | 0 | 12 | ",
		"| 12 articles | no change | 3 | 3 | 0 | ",
		"3 of 3 edited articles stored as changed",
		"store.Changes in process: 30 changes",
		"### compare: a ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// BenchmarkComparePair is the `compare` hot path on a 5,000-word pair.
func BenchmarkComparePair(b *testing.B) {
	old, cur, err := comparePair(5000, 1)
	if err != nil {
		b.Fatal(err)
	}
	ref := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	for b.Loop() {
		diff.Compare(diff.Document{Text: old, Published: ref}, diff.Document{Text: cur, Published: ref}, diff.Options{})
	}
}
