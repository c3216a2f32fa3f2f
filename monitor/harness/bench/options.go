package bench

import (
	"io"
	"log/slog"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// Options configure Run. Zero fields take the defaults named on them.
type Options struct {
	// Scales are the corpus sizes, in articles, of the end-to-end passes.
	// Empty: 1000, 10000, 100000.
	Scales []int
	// MaxFeeds caps the feeds of one scale: a scale of n articles is served
	// as min(n, MaxFeeds) feeds. Zero: 10000 (so 1k and 10k articles are 1k
	// and 10k feeds of one article each).
	MaxFeeds int
	// ChangeFraction is the share of articles edited before the "changed"
	// pass of each scale. Zero: 0.05.
	ChangeFraction float64
	// Workers and PerHost set fetch.workers and fetch.per_host_concurrency
	// of every pass. The whole corpus is one host (127.0.0.1), so the
	// user default of 2 per host would measure the limiter, not the
	// pipeline. Zero: 8 and 8.
	Workers, PerHost int
	// Seed makes the corpus deterministic.
	Seed int64
	// FixtureVersions is the size of the store the read commands (changes,
	// timeline) are timed on. Zero: 100000. Negative: skip.
	FixtureVersions int
	// FixtureArticles is how many articles those versions belong to.
	// Zero: 1000.
	FixtureArticles int
	// CompareWords is the length of the compare pair. Zero: 5000.
	CompareWords int
	// CompareRuns is how many times the pair is compared. Zero: 20.
	CompareRuns int
	// URLWatchArticles is the corpus of the urlwatch comparison. Zero:
	// 1000. Negative: skip the comparison.
	URLWatchArticles int
	// URLWatchEdit is the share of articles edited for the comparison's
	// revision pass. Zero: 0.2.
	URLWatchEdit float64
	// Templates are the corpus template families the urlwatch comparison
	// runs on, each apart. Empty: corpus.Templates(), the four default
	// families (bulletin, wire and spa only when named).
	Templates []string
	// Worker is the command line that starts a worker process (it reads a
	// PassSpec on stdin; see Worker). Required.
	Worker []string
	// Storywatch is the command line prefix of the storywatch CLI, used to
	// time `changes`, `timeline` and `compare` as a user runs them.
	// Empty: those CLI timings are skipped.
	Storywatch []string
	// Only names the sections to run, from "scales", "compare", "reads" and
	// "urlwatch". Empty: all of them.
	Only []string
	// Dir holds stores, static files and configs. Empty: a temporary
	// directory removed at the end.
	Dir string
	// CPUProfile, when set, is a path prefix: each pass writes its CPU
	// profile to PREFIX-PASS.pprof.
	CPUProfile string
	// Out receives the result tables. Nil: io.Discard.
	Out io.Writer
	// Logger receives progress; nil discards it.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if len(o.Scales) == 0 {
		o.Scales = []int{1000, 10000, 100000}
	}
	if o.MaxFeeds <= 0 {
		o.MaxFeeds = 10000
	}
	if o.ChangeFraction <= 0 {
		o.ChangeFraction = 0.05
	}
	if o.Workers <= 0 {
		o.Workers = 8
	}
	if o.PerHost <= 0 {
		o.PerHost = 8
	}
	if o.FixtureVersions == 0 {
		o.FixtureVersions = 100000
	}
	if o.FixtureArticles <= 0 {
		o.FixtureArticles = 1000
	}
	if o.CompareWords <= 0 {
		o.CompareWords = 5000
	}
	if o.CompareRuns <= 0 {
		o.CompareRuns = 20
	}
	if o.URLWatchArticles == 0 {
		o.URLWatchArticles = 1000
	}
	if o.URLWatchEdit <= 0 {
		o.URLWatchEdit = 0.2
	}
	if len(o.Templates) == 0 {
		o.Templates = corpus.Templates()
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}
