package corpus

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestOptionsValidation(t *testing.T) {
	tests := []struct {
		name string
		new  func(Options) (*Server, error)
		opts Options
	}{
		{"synthetic no feeds", NewSynthetic, Options{ArticlesPerFeed: 1}},
		{"synthetic no articles", NewSynthetic, Options{Feeds: 1}},
		{"synthetic fraction > 1", NewSynthetic, Options{Feeds: 1, ArticlesPerFeed: 1, EditFraction: 1.5}},
		{"synthetic fraction NaN", NewSynthetic, Options{Feeds: 1, ArticlesPerFeed: 1, EditFraction: math.NaN()}},
		{"unknown format", NewDemo, Options{Formats: []string{"rss", "gopher"}}},
		{"bad base url", NewDemo, Options{BaseURL: "127.0.0.1:80"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.new(tc.opts); !errors.Is(err, ErrOptions) {
				t.Errorf("err %v, want ErrOptions", err)
			}
		})
	}
}

func TestStartTwice(t *testing.T) {
	s := startDemo(t, Options{})
	if err := s.Start(); !errors.Is(err, ErrStarted) {
		t.Errorf("second Start: %v, want ErrStarted", err)
	}
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %q not on loopback", s.URL())
	}
}

func TestWriteStatic(t *testing.T) {
	s, err := NewDemo(Options{RotateBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteStatic(t.TempDir(), s); !errors.Is(err, ErrNotStarted) {
		t.Errorf("unstarted, no base: %v, want ErrNotStarted", err)
	}
	s, err = NewDemo(Options{BaseURL: "http://127.0.0.1:8089"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteStatic(dir, s); err != nil {
		t.Fatalf("write static: %v", err)
	}
	for _, u := range s.FeedURLs() {
		b, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(u, "http://127.0.0.1:8089")))
		if err != nil {
			t.Fatalf("read feed: %v", err)
		}
		f, err := gofeed.NewParser().ParseString(string(b))
		if err != nil {
			t.Fatalf("parse %s: %v", u, err)
		}
		for _, it := range f.Items {
			if !strings.HasPrefix(it.Link, "http://127.0.0.1:8089/") {
				t.Errorf("item link %s does not use BaseURL", it.Link)
			}
		}
	}
	for _, u := range s.ArticleURLs() {
		b, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(u, "http://127.0.0.1:8089")))
		if err != nil {
			t.Fatalf("read page: %v", err)
		}
		r, _ := s.Current(u)
		if !strings.Contains(visibleText(region(string(b))), r.Paragraphs[0]) {
			t.Errorf("%s: static page lacks its first paragraph", u)
		}
	}
}
