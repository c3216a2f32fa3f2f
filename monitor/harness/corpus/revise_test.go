package corpus

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// changedSet compares article texts before and after and returns the URLs that differ.
func changedSet(before, after map[string]string) []string {
	var out []string
	for u, b := range before {
		if after[u] != b {
			out = append(out, u)
		}
	}
	slices.Sort(out)
	return out
}

func TestReviseReportsExactlyChanged(t *testing.T) {
	tests := []struct {
		name   string
		new    func(Options) (*Server, error)
		opts   Options
		rounds int
	}{
		{"demo", NewDemo, Options{RotateBoilerplate: true}, 6},
		{"synthetic/30%", NewSynthetic, Options{Feeds: 3, ArticlesPerFeed: 10, EditFraction: 0.3, Seed: 5, RotateBoilerplate: true}, 8},
		{"synthetic/all", NewSynthetic, Options{Feeds: 2, ArticlesPerFeed: 4, EditFraction: 1, Seed: 9}, 10},
		{"synthetic/none", NewSynthetic, Options{Feeds: 2, ArticlesPerFeed: 4, EditFraction: 0, Seed: 9}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.new(tc.opts)
			s = startServer(t, s, err)
			before := allTexts(t, s)
			for round := 1; round <= tc.rounds; round++ {
				reported := s.Revise()
				if s.Revision() != round {
					t.Errorf("Revision %d, want %d", s.Revision(), round)
				}
				after := allTexts(t, s)
				got := slices.Sorted(slices.Values(reported))
				if want := changedSet(before, after); !slices.Equal(got, want) {
					t.Errorf("round %d: Revise reported %v, texts changed for %v", round, got, want)
				}
				if tc.opts.EditFraction > 0 {
					n := int(tc.opts.EditFraction*float64(len(before)) + 0.5)
					if len(reported) != n {
						t.Errorf("round %d: %d articles edited, want %d", round, len(reported), n)
					}
				}
				if strings.HasPrefix(tc.name, "synthetic") {
					checkEdits(t, s, reported, before, after)
				}
				before = after
			}
		})
	}
}

// checkEdits verifies LastEdits names the reported articles and that each
// edit's words moved from the old text to the new one.
func checkEdits(t *testing.T, s *Server, reported []string, before, after map[string]string) {
	t.Helper()
	edits := s.LastEdits()
	var urls []string
	for _, e := range edits {
		urls = append(urls, e.URL)
		if !slices.Contains(editKinds, e.Kind) {
			t.Errorf("%s: unknown kind %q", e.URL, e.Kind)
		}
		if e.Before == e.After {
			t.Errorf("%s: %s edit keeps %q", e.URL, e.Kind, e.Before)
		}
		if e.Kind == KindParagraph {
			continue
		}
		if !strings.Contains(before[e.URL], e.Before) || !strings.Contains(after[e.URL], e.After) {
			t.Errorf("%s: %s edit %q -> %q not reflected in the text", e.URL, e.Kind, e.Before, e.After)
		}
	}
	if !slices.Equal(urls, reported) {
		t.Errorf("LastEdits URLs %v, Revise reported %v", urls, reported)
	}
}

func TestReviseAdvancesModified(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 5, EditFraction: 1, Seed: 2})
	for range 3 {
		old := map[string]Revision{}
		for _, u := range s.ArticleURLs() {
			old[u], _ = s.Current(u)
		}
		for _, u := range s.Revise() {
			r, _ := s.Current(u)
			if !r.Modified.After(old[u].Modified) || !r.Published.Equal(old[u].Published) {
				t.Errorf("%s: modified %v -> %v, published %v -> %v", u, old[u].Modified, r.Modified, old[u].Published, r.Published)
			}
		}
	}
}

func TestSyntheticDeterminism(t *testing.T) {
	opts := Options{Feeds: 2, ArticlesPerFeed: 6, EditFraction: 0.5, Seed: 42}
	snapshot := func(opts Options) (texts []string, paths []string, edited [][]string) {
		s, err := NewSynthetic(opts)
		if err != nil {
			t.Fatal(err)
		}
		paths = s.ArticleURLs()
		for round := range 3 {
			if round > 0 {
				edited = append(edited, s.Revise())
			}
			for _, p := range paths {
				r, _ := s.Current(p)
				texts = append(texts, r.Text(), r.Modified.String())
			}
		}
		return texts, paths, edited
	}
	t1, p1, e1 := snapshot(opts)
	t2, p2, e2 := snapshot(opts)
	if !slices.Equal(t1, t2) || !slices.Equal(p1, p2) || !slices.EqualFunc(e1, e2, slices.Equal) {
		t.Error("same seed produced different corpora")
	}
	opts.Seed = 43
	t3, _, _ := snapshot(opts)
	if slices.Equal(t1, t3) {
		t.Error("different seeds produced the same corpus")
	}
}

func TestSyntheticArticles(t *testing.T) {
	s, err := NewSynthetic(Options{Feeds: 4, ArticlesPerFeed: 25, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	urls := s.ArticleURLs()
	if len(urls) != 100 {
		t.Fatalf("%d articles, want 100", len(urls))
	}
	seen := map[string]bool{}
	titles := map[string]bool{}
	for _, u := range urls {
		if seen[u] {
			t.Errorf("duplicate url %s", u)
		}
		seen[u] = true
		r, _ := s.Current(u)
		titles[r.Title] = true
		words := len(strings.Fields(strings.Join(r.Paragraphs, " ")))
		if words < 650 || words > 1000 {
			t.Errorf("%s: %d words, want about 800", u, words)
		}
		paras := map[string]bool{}
		for _, p := range r.Paragraphs {
			if paras[p] {
				t.Errorf("%s: repeated paragraph %q", u, p)
			}
			paras[p] = true
		}
		if strings.Contains(r.Text(), "{") {
			t.Errorf("%s: unfilled slot in %q", u, r.Text())
		}
	}
	if len(titles) < 20 {
		t.Errorf("only %d distinct titles in 100 articles", len(titles))
	}
}

// TestConcurrentReviseAndServe serves pages and feeds while Revise runs (run
// it with -race), then checks nothing stale is served afterwards.
func TestConcurrentReviseAndServe(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 5, EditFraction: 0.5, Seed: 8, RotateBoilerplate: true})
	urls := append(s.ArticleURLs(), s.FeedURLs()...)
	done := make(chan struct{})
	errs := make(chan error, 4)
	for w := range 4 {
		go func() {
			for i := w; ; i++ {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				resp, err := http.Get(urls[i%len(urls)])
				if err != nil {
					errs <- err
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for range 5 {
		s.Revise()
	}
	close(done)
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatalf("get: %v", err)
		}
	}
	for _, u := range s.ArticleURLs() {
		r, _ := s.Current(u)
		if got := articleText(t, u); !strings.Contains(got, r.Paragraphs[len(r.Paragraphs)-1]) || !strings.HasPrefix(got, r.Title) {
			t.Errorf("%s: served text is not the current revision", u)
		}
	}
}
