package corpus

import (
	"net/http"
	"net/http/httptest"
	"testing"
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
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, urls[i%len(urls)], nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
		i++
	}
}

// BenchmarkServeFeed measures serving a cached 100-item feed.
func BenchmarkServeFeed(b *testing.B) {
	s, err := NewSynthetic(Options{Feeds: 4, ArticlesPerFeed: 100, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	u := s.FeedURLs()[0]
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, u, nil))
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
