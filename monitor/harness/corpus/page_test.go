package corpus

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestBoilerplateRotation(t *testing.T) {
	tests := []struct {
		name   string
		rotate bool
		new    func(Options) (*Server, error)
	}{
		{"demo/rotating", true, NewDemo},
		{"demo/static", false, NewDemo},
		{"synthetic/rotating", true, NewSynthetic},
		{"synthetic/static", false, NewSynthetic},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.new(Options{Feeds: 2, ArticlesPerFeed: 3, RotateBoilerplate: tc.rotate, Seed: 11})
			s = startServer(t, s, err)
			for _, u := range s.ArticleURLs() {
				_, b1 := get(t, u)
				_, b2 := get(t, u)
				p1, p2 := string(b1), string(b2)
				if region(p1) != region(p2) {
					t.Errorf("%s: <article> differs between requests", u)
				}
				outside1 := strings.Replace(p1, region(p1), "", 1)
				outside2 := strings.Replace(p2, region(p2), "", 1)
				if rotated := outside1 != outside2; rotated != tc.rotate {
					t.Errorf("%s: boilerplate rotated=%v, want %v", u, rotated, tc.rotate)
				}
				if tc.rotate && strings.Count(p1, "minutes ago") != 1 {
					t.Errorf("%s: want one \"minutes ago\" line", u)
				}
			}
		})
	}
}

func TestPageStructure(t *testing.T) {
	s := startDemo(t, Options{RotateBoilerplate: true})
	s.Revise()
	for _, u := range s.ArticleURLs() {
		t.Run(u[strings.LastIndex(u, "/")+1:], func(t *testing.T) {
			rev, _ := s.Current(u)
			resp, body := get(t, u)
			page := string(body)
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("content type %q", ct)
			}
			pub, mod := rev.Published.Format(time.RFC3339), rev.Modified.Format(time.RFC3339)
			for _, want := range []string{
				"<!DOCTYPE html>",
				`<link rel="canonical" href="` + u + `">`,
				`<meta property="og:url" content="` + u + `">`,
				`<meta property="article:published_time" content="` + pub + `">`,
				`<meta property="article:modified_time" content="` + mod + `">`,
				`<time datetime="` + pub + `"`,
				"Most read", "Related", "Advertisement", "comments", "<footer",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
			if m == nil {
				t.Fatal("no JSON-LD")
			}
			var ld map[string]any
			if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
				t.Fatalf("JSON-LD: %v", err)
			}
			if ld["@type"] != "NewsArticle" || ld["datePublished"] != pub || ld["dateModified"] != mod || ld["headline"] != rev.Title {
				t.Errorf("JSON-LD %v does not match revision", ld)
			}
			text := visibleText(region(page))
			if !strings.HasPrefix(text, rev.Title) {
				t.Errorf("article text starts %q, want the title", text[:min(60, len(text))])
			}
			for _, p := range rev.Paragraphs {
				if !strings.Contains(text, p) {
					t.Errorf("article lacks paragraph %q", p)
				}
			}
		})
	}
}

// TestHandlerWrapped checks links follow the Host of a server wrapping Handler.
func TestHandlerWrapped(t *testing.T) {
	s, err := NewDemo(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	paths := s.ArticleURLs() // bare paths: s was never started
	resp, body := get(t, ts.URL+paths[0]+"?utm_source=rss&utm_medium=feed")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if want := `<link rel="canonical" href="` + ts.URL + paths[0] + `">`; !strings.Contains(string(body), want) {
		t.Errorf("page lacks %s", want)
	}
	if resp, _ := get(t, ts.URL+"/no/such/page.html"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", resp.StatusCode)
	}
	if resp, _ := get(t, ts.URL+"/feeds/nope.rss"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown feed: status %d, want 404", resp.StatusCode)
	}
	if s.Requests() != 3 {
		t.Errorf("Requests %d, want 3", s.Requests())
	}
}
