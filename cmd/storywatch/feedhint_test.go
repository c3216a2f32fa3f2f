package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHTMLPageForAFeedNamesTheFeed configures site pages where feeds
// belong, the usual first mistake (the home page's address). The error
// said only "got an HTML page: not a feed"; the address to use instead
// was in the page's <link rel="alternate">. Now the error names the
// feeds the page announces in its head, resolved against the page, and
// says to use one; a page announcing none (or only itself) says no more.
func TestHTMLPageForAFeedNamesTheFeed(t *testing.T) {
	page := func(head, body string) string {
		return "<!doctype html><html><head><title>Home</title>" + head + "</head><body>" + body + "<p>Welcome</p></body></html>"
	}
	alt := func(typ, href string) string {
		return fmt.Sprintf(`<link rel="alternate" type="%s" title="x" href="%s">`, typ, href)
	}
	var base string // the server's URL; "BASE" in a page stands for it
	cases := []struct {
		path, html string
		want       func() string // the end of the error after "got an HTML page"
	}{
		{"/one", page(`<link rel="stylesheet" href="/s.css">`+alt("application/rss+xml", "/world/rss.xml"), ""),
			func() string {
				return "; it names its feed: " + base + "/world/rss.xml (set the feed's url to it): not a feed"
			}},
		{"/news/relative", page(alt("application/atom+xml; charset=utf-8", "atom.xml"), ""),
			func() string {
				return "; it names its feed: " + base + "/news/atom.xml (set the feed's url to it): not a feed"
			}},
		{"/two", page(`<LINK REL="Alternate home" TYPE="application/feed+json" HREF="/feed.json">`+alt("application/rss+xml", "BASE/rss"), ""),
			func() string {
				return "; it names its feeds: " + base + "/feed.json, " + base + "/rss (set the feed's url to one): not a feed"
			}},
		{"/many", page(alt("application/rss+xml", "/a")+alt("application/rss+xml", "/b")+alt("application/rss+xml", "/a")+
			alt("application/atom+xml", "/c")+alt("application/rdf+xml", "/d")+alt("application/rss+xml", "/e"), ""),
			func() string {
				return "; it names its feeds: " + base + "/a, " + base + "/b, " + base + "/c and 2 more (set the feed's url to one): not a feed"
			}},
		// Not announcements: a link in the body, another language's page,
		// a link to the page itself, a javascript: href.
		{"/none", page(alt("text/html", "/fr/")+alt("application/rss+xml", "javascript:void(0)"), alt("application/rss+xml", "/in-body.xml")),
			func() string { return ": not a feed" }},
		{"/self", page(alt("application/rss+xml", "/self"), ""), func() string { return ": not a feed" }},
	}
	mux := http.NewServeMux()
	var feeds []string
	for _, tc := range cases {
		mux.HandleFunc(tc.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.ReplaceAll(tc.html, "BASE", base))
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	for _, tc := range cases {
		feeds = append(feeds, srv.URL+tc.path)
	}
	cfg := writeConfig(t, t.TempDir(), feeds, "")
	if _, errOut, code := cli(t, "-c", cfg, "poll"); code != 0 {
		t.Fatalf("poll: exit %d\n%s", code, errOut)
	}
	var fs struct {
		Feeds []struct{ URL, Error string } `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	got := map[string]string{}
	for _, f := range fs.Feeds {
		got[strings.TrimPrefix(f.URL, srv.URL)] = f.Error
	}
	for _, tc := range cases {
		if want := "parse feed: got an HTML page" + tc.want(); got[tc.path] != want {
			t.Errorf("%s: error\n %q, want\n %q", tc.path, got[tc.path], want)
		}
	}
}
