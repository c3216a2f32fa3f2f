package corpus

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

func TestFeedsParse(t *testing.T) {
	tests := []struct {
		format      string
		feedType    string
		feedVersion string
		hasPubDate  bool // format carries a publication time apart from the update time
	}{
		{FormatRSS, "rss", "2.0", true},
		{FormatAtom, "atom", "1.0", true},
		{FormatRDF, "rss", "1.0", false},
		{FormatJSON, "json", "https://jsonfeed.org/version/1.1", true},
	}
	for _, tc := range tests {
		for _, mode := range []string{"demo", "synthetic"} {
			t.Run(tc.format+"/"+mode, func(t *testing.T) {
				opts := Options{Formats: []string{tc.format}, Feeds: 3, ArticlesPerFeed: 4, Seed: 7}
				var s *Server
				if mode == "demo" {
					s = startDemo(t, opts)
				} else {
					s = startSynthetic(t, opts)
				}
				for _, fu := range s.FeedURLs() {
					if !strings.HasSuffix(fu, "."+tc.format) {
						t.Errorf("feed url %s: want extension .%s", fu, tc.format)
					}
					resp, body := get(t, fu)
					if resp.StatusCode != http.StatusOK {
						t.Fatalf("get %s: status %d", fu, resp.StatusCode)
					}
					if ct := resp.Header.Get("Content-Type"); ct != feedContentType(tc.format) {
						t.Errorf("content type %q, want %q", ct, feedContentType(tc.format))
					}
					f, err := gofeed.NewParser().ParseString(string(body))
					if err != nil {
						t.Fatalf("parse %s: %v", fu, err)
					}
					if f.FeedType != tc.feedType || f.FeedVersion != tc.feedVersion {
						t.Errorf("feed type %s %s, want %s %s", f.FeedType, f.FeedVersion, tc.feedType, tc.feedVersion)
					}
					if len(f.Items) == 0 {
						t.Fatalf("%s: no items", fu)
					}
					for _, it := range f.Items {
						checkItem(t, s, it, tc.hasPubDate)
					}
				}
			})
		}
	}
}

// checkItem compares one parsed item with the revision the server shows.
func checkItem(t *testing.T, s *Server, it *gofeed.Item, hasPubDate bool) {
	t.Helper()
	canonical, _, _ := strings.Cut(it.Link, "?")
	rev, ok := s.Current(canonical)
	if !ok {
		t.Fatalf("item link %s: not an article of the corpus", it.Link)
	}
	if it.Title != rev.Title {
		t.Errorf("item title %q, want %q", it.Title, rev.Title)
	}
	if it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(rev.Modified) {
		t.Errorf("%s: updated %v, want %v", canonical, it.UpdatedParsed, rev.Modified)
	}
	wantPub := rev.Modified
	if hasPubDate {
		wantPub = rev.Published
	}
	if it.PublishedParsed == nil || !it.PublishedParsed.Equal(wantPub) {
		t.Errorf("%s: published %v, want %v", canonical, it.PublishedParsed, wantPub)
	}
	if !strings.Contains(it.Content, rev.Paragraphs[len(rev.Paragraphs)-1][:20]) {
		t.Errorf("%s: content lacks the last paragraph", canonical)
	}
	if resp, _ := get(t, it.Link); resp.StatusCode != http.StatusOK {
		t.Errorf("item link %s: status %d", it.Link, resp.StatusCode)
	}
}

func TestFeedEscaping(t *testing.T) {
	nasty := `Tom & Jerry <script>alert("x")</script> ’quotes’ ]]> </title>`
	rev := Revision{
		Title: nasty, Byline: "By A & B, Outlet",
		Published: time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC), Modified: time.Date(2025, 8, 19, 7, 0, 0, 0, time.UTC),
		Paragraphs: []string{nasty, "second & <last> paragraph"},
	}
	for _, format := range AllFormats() {
		t.Run(format, func(t *testing.T) {
			s := newServer(Options{}, []*article{{path: "/a.html", site: "Site & Co"}}, []*feed{{name: "x", title: nasty, format: format, path: "/feeds/x." + format, site: "S", items: []feedItem{{article: 0}}}}, &demoSource{revs: [][]Revision{{rev}}})
			s.arts[0].setRevision(rev, 1)
			body, _, _, err := s.feedBody(0, "http://127.0.0.1:1")
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			f, err := gofeed.NewParser().ParseString(string(body))
			if err != nil {
				t.Fatalf("parse: %v\n%s", err, body)
			}
			if f.Title != nasty || f.Items[0].Title != nasty {
				t.Errorf("titles %q / %q, want %q", f.Title, f.Items[0].Title, nasty)
			}
			if !strings.Contains(f.Items[0].Content, "second &amp; &lt;last&gt; paragraph") {
				t.Errorf("content not escaped html: %q", f.Items[0].Content)
			}
		})
	}
}

func TestFeedTrackingAndDuplicates(t *testing.T) {
	tests := []struct {
		name string
		new  func(Options) (*Server, error)
	}{
		{"demo", NewDemo},
		{"synthetic", NewSynthetic},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.new(Options{Feeds: 3, ArticlesPerFeed: 5, Seed: 3})
			s = startServer(t, s, err)
			feedsOf := map[string]int{}
			tracked := 0
			for _, fu := range s.FeedURLs() {
				_, body := get(t, fu)
				f, err := gofeed.NewParser().ParseString(string(body))
				if err != nil {
					t.Fatalf("parse %s: %v", fu, err)
				}
				for _, it := range f.Items {
					c, q, _ := strings.Cut(it.Link, "?")
					if q != "" {
						tracked++
						if !strings.Contains(q, "utm_source=rss") {
							t.Errorf("query %q lacks utm_source", q)
						}
					}
					feedsOf[c]++
				}
			}
			if tracked == 0 {
				t.Error("no link carries tracking parameters")
			}
			dup := 0
			for _, n := range feedsOf {
				if n > 1 {
					dup++
				}
			}
			if dup == 0 {
				t.Error("no article appears in two feeds")
			}
			if len(feedsOf) != len(s.ArticleURLs()) {
				t.Errorf("feeds list %d distinct articles, ArticleURLs %d", len(feedsOf), len(s.ArticleURLs()))
			}
		})
	}
}
