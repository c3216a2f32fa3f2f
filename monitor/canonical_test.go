package monitor

import (
	"testing"

	"github.com/storywatch/storywatch/monitor/extract"
)

func TestSameSite(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://www.example.com/a", "http://www.example.com/b", true},
		{"https://www.example.co.uk/a", "https://amp.example.co.uk/a", true},
		{"https://example.com/a", "https://news.example.com/a", true},
		{"https://wire.example.com/story/1", "https://outlet.example.org/story/1", false},
		{"https://example.co.uk/a", "https://other.co.uk/a", false},
		{"http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b", true},
		{"http://127.0.0.1/a", "https://wire.example.com/a", false},
		{"::bad", "https://example.com/", false},
	}
	for _, tt := range tests {
		if got := sameSite(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSite(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	const page = "https://news.example.com/world/summit.html"
	tests := []struct {
		name, canonical, pageURL, want string
	}{
		{"canonical on the site", "https://news.example.com/world/summit", page, "https://news.example.com/world/summit"},
		{"none", "", page, page},
		{"another site's", "https://wire.example.org/story/1", page, page},
		// a CMS writing the site's address in every page: not one article
		{"the home page", "https://news.example.com/", page, page},
		{"the home page, no slash", "https://www.example.com", "https://www.example.com/a/story", "https://www.example.com/a/story"},
		{"the home page of the home page", "https://news.example.com/", "https://news.example.com/?src=rss", "https://news.example.com/"},
		{"a page with a query is no home page", "https://news.example.com/?p=123", page, "https://news.example.com/?p=123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canonicalURL(tt.pageURL, extract.Article{Canonical: tt.canonical}, tt.pageURL); got != tt.want {
				t.Errorf("canonicalURL = %q, want %q", got, tt.want)
			}
		})
	}
}
