package corpus

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkServePage measures one rotating-boilerplate page render through the
// handler, without network, over a 1000-article synthetic corpus.
func BenchmarkServePage(b *testing.B) {
	s, err := NewSynthetic(Options{Feeds: 10, ArticlesPerFeed: 100, RotateBoilerplate: true, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	urls := s.ArticleURLs()
	reqs := make([]*http.Request, len(urls))
	for i, u := range urls {
		reqs[i] = httptest.NewRequest(http.MethodGet, u, nil)
	}
	b.ReportAllocs()
	i := 0
	cpu0 := processCPU()
	for b.Loop() {
		w := &discardWriter{h: http.Header{}}
		h.ServeHTTP(w, reqs[i%len(reqs)])
		if w.code != http.StatusOK {
			b.Fatalf("status %d", w.code)
		}
		i++
	}
	reportCPU(b, processCPU()-cpu0, b.N)
}

// reportCPU reports the process CPU time per request: the machine is shared,
// so wall time per operation says more about the other tenants than about
// the handler.
func reportCPU(b *testing.B, cpu time.Duration, requests int) {
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(requests), "cpu-ns/request")
}

// discardWriter is a ResponseWriter that keeps only the status and size, so
// benchmarks measure the handler rather than a recorder's buffer growth.
type discardWriter struct {
	h    http.Header
	code int
	n    int
}

func (w *discardWriter) Header() http.Header { return w.h }

func (w *discardWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *discardWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.n += len(p)
	return len(p), nil
}

// BenchmarkServeFeed measures serving one feed of N full-text items: 2 and
// 11 are the shapes `storywatch bench` serves (one or ten articles per feed,
// plus the previous feed's first), 100 a large feed. "unconditional" fetches
// it again and again without a validator (the body is rendered per request;
// only its ETag is cached), "not-modified" with its ETag, as a poller does.
func BenchmarkServeFeed(b *testing.B) {
	for _, items := range []int{2, 11, 100} {
		s, err := NewSynthetic(Options{Feeds: 4, ArticlesPerFeed: max(1, items-1), Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		h := s.Handler()
		u := s.FeedURLs()[1] // feeds after the first also list the previous feed's first article
		etag := ""
		{
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, u, nil))
			etag = w.Header().Get("ETag")
		}
		for _, mode := range []string{"unconditional", "not-modified"} {
			b.Run(fmt.Sprintf("items=%d/%s", items, mode), func(b *testing.B) {
				r := httptest.NewRequest(http.MethodGet, u, nil)
				want := http.StatusOK
				if mode == "not-modified" {
					r.Header.Set("If-None-Match", etag)
					want = http.StatusNotModified
				}
				b.ReportAllocs()
				cpu0 := processCPU()
				for b.Loop() {
					w := &discardWriter{h: http.Header{}}
					h.ServeHTTP(w, r)
					if w.code != want {
						b.Fatalf("status %d, want %d", w.code, want)
					}
				}
				reportCPU(b, processCPU()-cpu0, b.N)
			})
		}
	}
}

// BenchmarkRevise measures one Revise editing 10% of 1000 articles.
func BenchmarkRevise(b *testing.B) {
	s, err := NewSynthetic(Options{Feeds: 10, ArticlesPerFeed: 100, EditFraction: 0.1, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.Revise()
	}
}

// BenchmarkNewSynthetic measures generating 1000 articles.
func BenchmarkNewSynthetic(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewSynthetic(Options{Feeds: 10, ArticlesPerFeed: 100, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServeIngest replays the storywatch bench ingest pass through the
// handler: a fresh 1000-feed corpus of one article per feed, every feed and
// then every page fetched once, so nothing is cached yet. It reports the mean
// cost per request.
func BenchmarkServeIngest(b *testing.B) {
	b.ReportAllocs()
	var reqs int
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := NewSynthetic(Options{Feeds: 1000, ArticlesPerFeed: 1, EditFraction: 0.05, Seed: 1, RotateBoilerplate: true})
		if err != nil {
			b.Fatal(err)
		}
		h := s.Handler()
		targets := append(s.FeedURLs(), s.ArticleURLs()...)
		b.StartTimer()
		cpu0 := processCPU()
		for _, u := range targets {
			w := &discardWriter{h: http.Header{}}
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, u, nil))
			if w.code != http.StatusOK {
				b.Fatalf("%s: status %d", u, w.code)
			}
		}
		cpu += processCPU() - cpu0
		reqs += len(targets)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(reqs), "ns/request")
	reportCPU(b, cpu, reqs)
}

// benchFamilyPage renders pages of family tmpl with rotating boilerplate,
// as the bench's server does per request.
func benchFamilyPage(b *testing.B, tmpl, base string) {
	s, err := NewSynthetic(Options{Feeds: 4, ArticlesPerFeed: 25, Seed: 1, RotateBoilerplate: true, Template: tmpl})
	if err != nil {
		b.Fatal(err)
	}
	var buf []byte
	b.ReportAllocs()
	for k := 0; b.Loop(); k++ {
		p := s.pageSnapshot(k%len(s.arts), int64(k))
		buf = s.renderPage(buf[:0], &p, base)
	}
	b.SetBytes(int64(len(buf)))
}
