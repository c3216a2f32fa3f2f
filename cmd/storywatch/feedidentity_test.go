package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// pollArticleURLs polls cfg once through the CLI and returns the URLs of
// the tracked articles, sorted.
func pollArticleURLs(t *testing.T, cfg string) []string {
	t.Helper()
	mustCLI(t, "-c", cfg, "poll")
	var arts struct {
		Articles []struct{ URL string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	var urls []string
	for _, a := range arts.Articles {
		urls = append(urls, a.URL)
	}
	slices.Sort(urls)
	return urls
}

// TestItemsSharingAGUIDAreEachKept: a CMS that gives every item the same
// GUID (here its site's URL) lists three articles; each is tracked, and the
// one listed twice (same GUID, same link) once. With the GUID alone as the
// item's identity the feed gave one article and lost two.
func TestItemsSharingAGUIDAreEachKept(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/cms.rss", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>CMS</title>`)
		for _, n := range []int{1, 2, 3, 1} {
			fmt.Fprintf(&b, `<item><title>Story %[2]d</title><link>%[1]s/story/%[2]d</link><guid isPermaLink="false">%[1]s/</guid>`+
				`<description>Story %[2]d: the leaders will meet in Budapest on August %[2]d, officials said on Monday.</description></item>`, base, n)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/cms.rss"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))

	got := pollArticleURLs(t, cfg)
	want := []string{srv.URL + "/story/1", srv.URL + "/story/2", srv.URL + "/story/3"}
	if !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
}

// TestJSONFeedItemWithOnlyAnID: a JSON Feed item that gives only its id, a
// URL (the spec's ideal id: the resource's full URL), is tracked from that
// page; one whose id is no URL has nothing to read and is skipped. The
// first was dropped as having no usable link.
func TestJSONFeedItemWithOnlyAnID(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"IDs","items":[{"id":"%s/world/summit.html"},{"id":"42"}]}`, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, goodArticle, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.json"}, "")

	want := []string{srv.URL + "/world/summit.html"}
	if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q", got, want)
	}
	var h struct {
		Versions []struct{ Source, Title string } `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", want[0], "--json"), &h)
	if len(h.Versions) != 1 || h.Versions[0].Source != "page" || !strings.Contains(h.Versions[0].Title, "summit") {
		t.Errorf("versions %+v, want one read from the page", h.Versions)
	}
}

// TestAtomEntryWithSeveralAlternates: an Atom entry whose first alternate
// link is its PDF is tracked from its HTML page, and one whose first is
// the French edition of an English feed from the English page. The first
// link was taken: the PDF kept only the entry's summary, the French page
// tracked another article.
func TestAtomEntryWithSeveralAlternates(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Alternates</title><id>urn:alt</id>
<entry><title>Putin and Zelensky set for summit</title><id>urn:alt:1</id>
<link rel="alternate" type="application/pdf" href="%[1]s/print/summit.pdf"/>
<link rel="alternate" type="text/html" href="%[1]s/world/summit.html"/>
<summary>%[2]s</summary></entry>
<entry><title>Talks in Kyiv</title><id>urn:alt:2</id>
<link rel="alternate" type="text/html" hreflang="fr" href="%[1]s/fr/talks.html"/>
<link rel="alternate" type="text/html" hreflang="en" href="%[1]s/en/talks.html"/>
<summary>%[2]s</summary></entry></feed>`, base, summitDesc)
	})
	mux.HandleFunc("/print/summit.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n")
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, goodArticle, base)
	})
	for _, lang := range []string{"fr", "en"} {
		mux.HandleFunc("/"+lang+"/talks.html", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			page := strings.ReplaceAll(goodArticle, "/world/summit.html", "/"+lang+"/talks.html")
			fmt.Fprintf(w, page, base)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.atom"}, "")

	want := []string{srv.URL + "/en/talks.html", srv.URL + "/world/summit.html"}
	if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
}

// TestRSSItemsWithUnusableLinks: RSS items whose <link> is empty beside an
// <atom:link>, blank, or "javascript:void(0)" beside a permalink <guid>
// are tracked from the page those name; each was skipped as having no
// usable http(s) link (the guid was only read for an item with no <link>
// at all).
func TestRSSItemsWithUnusableLinks(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Links</title>
<item><title>Putin and Zelensky set for summit</title><link/><atom:link rel="alternate" href="%[1]s/world/a.html"/><description>%[2]s</description></item>
<item><title>Putin and Zelensky set for summit</title><link>   </link><guid>%[1]s/world/b.html</guid><description>%[2]s</description></item>
<item><title>Putin and Zelensky set for summit</title><link>javascript:void(0)</link><guid isPermaLink="true">%[1]s/world/c.html</guid><description>%[2]s</description></item>
</channel></rss>`, base, summitDesc)
	})
	for _, p := range []string{"/world/a.html", "/world/b.html", "/world/c.html"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, strings.ReplaceAll(goodArticle, "/world/summit.html", p), base)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, "")

	want := []string{srv.URL + "/world/a.html", srv.URL + "/world/b.html", srv.URL + "/world/c.html"}
	if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
}

// TestJSONFeedWithOneItemAsAnObject: a JSON Feed whose "items" is its one
// item written as an object (a converter's list of one) is read, not
// failed whole.
func TestJSONFeedWithOneItemAsAnObject(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"One","items":{"id":"1","url":"%s/world/one.html","title":"Summit","content_text":%q}}`,
			srv.URL, summitDesc)
	})
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.json"}, "")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))

	want := []string{srv.URL + "/world/one.html"}
	if got := pollArticleURLs(t, cfg); !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
}
