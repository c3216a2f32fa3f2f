package monitor

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/webhook"
	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

// pageKind is what an item's link serves when it is fetched.
type pageKind int

const (
	pageStory    pageKind = iota // an article on the story
	pageOffStory                 // an article about something else
	pageUnusable                 // 410, audio: no article to extract
)

// itemShape is one item of a fixture feed and what it carries.
type itemShape struct {
	link        string   // canonical link path and query, as the feed gives it
	page        string   // the article's path when its page is used; "" means link
	feedText    bool     // the item has text of its own (content or summary)
	feedOnStory bool     // the item's own title or text matches the story filter
	kind        pageKind // what the link serves
}

// feedShape is one fixture of testdata/items.
type feedShape struct {
	file  string
	items int         // items the feed holds once parsed (repeated items dropped)
	track []itemShape // items with a usable link; the others are never stored
}

var feedShapes = []feedShape{
	{file: "no-content.rss", items: 2, track: []itemShape{
		{link: "/news/no-content.html", feedOnStory: true},
		{link: "/news/bare-link.html"}, // no title, no text
	}},
	{file: "blank-content.rss", items: 2, track: []itemShape{
		{link: "/news/blank-summary.html", feedOnStory: true},
		{link: "/news/script-only.html", feedOnStory: true},
	}},
	// No link, enclosure only, javascript:, mailto:, no host.
	{file: "no-link.rss", items: 5},
	{file: "relative-link.rss", items: 2, track: []itemShape{
		{link: "/news/relative-link.html", feedText: true, feedOnStory: true},
		{link: "/news/relative-dots.html", feedText: true, feedOnStory: true},
	}},
	{file: "summary-only.rdf", items: 1, track: []itemShape{
		{link: "/news/summary-only.html", feedText: true, feedOnStory: true},
	}},
	{file: "no-title.atom", items: 1, track: []itemShape{
		{link: "/news/no-title.html", feedText: true, feedOnStory: true},
	}},
	{file: "html-title.atom", items: 2, track: []itemShape{
		{link: "/news/html-title.html", feedText: true, feedOnStory: true},
		{link: "/news/image-title.html", feedText: true, feedOnStory: true}, // title is an image only
	}},
	// The second item repeats the first's GUID with a link of its own (a
	// story of its own); the fourth repeats the third's link with tracking
	// parameters; the fifth repeats the first item whole (dropped by the
	// parser).
	{file: "duplicate-guids.rss", items: 4, track: []itemShape{
		{link: "/news/dup-a.html", feedText: true, feedOnStory: true},
		{link: "/news/dup-b.html", feedText: true, feedOnStory: true},
		{link: "/news/dup-c.html", feedText: true, feedOnStory: true},
	}},
	// Relative url, external_url only, no url, title only.
	{file: "odd.json", items: 4, track: []itemShape{
		{link: "/news/json-relative.html", feedText: true, feedOnStory: true},
		{link: "/news/json-external.html", feedText: true, feedOnStory: true},
		{link: "/news/json-title-only.html", feedOnStory: true},
	}},
	{file: "offstory.rss", items: 3, track: []itemShape{
		{link: "/news/weather-item.html", feedText: true},
		{link: "/news/offstory-page.html", feedText: true, feedOnStory: true, kind: pageOffStory},
		{link: "/news/offstory-both.html", feedText: true, kind: pageOffStory},
	}},
	{file: "unusable-page.rss", items: 4, track: []itemShape{
		{link: "/news/gone.html", feedText: true, feedOnStory: true, kind: pageUnusable},
		{link: "/news/summit-audio.mp3", feedText: true, feedOnStory: true, kind: pageUnusable},
		{link: "/news/redirect.html", page: "/news/redirect-target.html", feedText: true, feedOnStory: true},
		{link: "/news/odd%20path.html?a=1&b=2", feedText: true, feedOnStory: true},
	}},
	{file: "windows-1252.rss", items: 1, track: []itemShape{
		{link: "/news/cp1252.html", feedText: true, feedOnStory: true},
	}},
}

// switches are the settings that change the path an item takes.
type switches struct {
	articlePages bool // fetch.article_pages
	story        bool // a story filter is set
	robots       bool // fetch.robots (the server's robots.txt disallows all)
	failPages    bool // every page request fails with a 500
	textKind     bool // notify.kinds includes text
}

func (sw switches) String() string {
	on := func(b bool, name string) string {
		if b {
			return name + "=on"
		}
		return name + "=off"
	}
	return strings.Join([]string{on(sw.articlePages, "pages"), on(sw.story, "story"), on(sw.robots, "robots"),
		on(sw.failPages, "pagefail"), on(sw.textKind, "text")}, ",")
}

// allSwitches is every combination of the switches.
func allSwitches() []switches {
	var out []switches
	for i := range 1 << 5 {
		out = append(out, switches{
			articlePages: i&1 != 0, story: i&2 != 0, robots: i&4 != 0, failPages: i&8 != 0, textKind: i&16 != 0,
		})
	}
	return out
}

// expect says whether the item ends up stored under sw, under which path
// and from which source: the page when it can be had and is an article,
// else the feed's own text; the story filter looks at whatever is known.
func (it itemShape) expect(sw switches) (path, source string, stored bool) {
	pages := sw.articlePages && !sw.robots && !sw.failPages
	if pages && it.kind != pageUnusable {
		path = it.page
		if path == "" {
			path = it.link
		}
		return path, "page", !sw.story || it.feedOnStory || it.kind == pageStory
	}
	return it.link, "feed", it.feedText && (!sw.story || it.feedOnStory)
}

// switchesConfig is a config polling feeds under sw, queueing alerts for
// a webhook at hook (never delivered by these tests).
func switchesConfig(t testing.TB, feeds []string, hook string, sw switches) *config.Config {
	t.Helper()
	var b strings.Builder
	b.WriteString("store:\n  path: unused.db\nfeeds:\n")
	for _, u := range feeds {
		fmt.Fprintf(&b, "  - url: %q\n", u)
	}
	fmt.Fprintf(&b, "fetch:\n  allow_private_addresses: true\n  article_pages: %t\n  robots: %t\n  jitter: 0s\n  timeout: 5s\n",
		sw.articlePages, sw.robots)
	if sw.story {
		b.WriteString("story:\n  any: [\"(?i)summit\"]\n  none: [\"(?i)^live:\"]\n")
	}
	kinds := "[date, number, quote, position, location, title]"
	if sw.textKind {
		kinds = "[date, number, quote, position, location, title, text]"
	}
	fmt.Fprintf(&b, "notify:\n  kinds: %s\n  webhooks:\n    - url: %q\n", kinds, hook)
	cfg, err := config.Parse([]byte(b.String()), "switches.yaml")
	if err != nil {
		t.Fatalf("config: %v\n%s", err, b.String())
	}
	return cfg
}

func openTestStore(t testing.TB) *bolt.Store {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "storywatch.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestItemShapesUnderEverySwitch polls feeds of odd item shapes (no link,
// relative links, no title, no content, summary only, enclosures,
// duplicate GUIDs, markup titles, off-story items, gone and non-HTML pages,
// redirects, old encodings) in RSS 0.91, RSS 2.0, RDF, Atom and JSON Feed,
// under every combination of the switches that change an item's path, twice
// (the second time after an edit), into a real store. No combination may
// crash or fail a feed; each item must end up stored, from the right
// source, or not, as the switches say.
func TestItemShapesUnderEverySwitch(t *testing.T) {
	hook := newShapeServer(t, false) // any URL: the alerts stay queued
	for _, sw := range allSwitches() {
		t.Run(sw.String(), func(t *testing.T) {
			srv := newShapeServer(t, sw.failPages)
			st := openTestStore(t)
			var feeds []string
			for _, fs := range feedShapes {
				feeds = append(feeds, srv.URL+"/feeds/"+fs.file)
			}
			hookCh := webhook.Config{URL: hook.URL + "/hook"}
			m, err := New(Options{Config: switchesConfig(t, feeds, hook.URL+"/hook", sw), Store: st,
				Notifiers: map[string]notify.Notifier{hookCh.Channel(): webhook.New(hookCh, http.DefaultClient)}})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { m.Close() })

			for pass := range 2 {
				srv.rev.Store(int32(pass))
				res := m.PollAll(context.Background())
				for i, f := range res.Feeds {
					if f.Err != nil || f.Skipped != "" {
						t.Errorf("pass %d: feed %s: err %v, skipped %q", pass+1, f.URL, f.Err, f.Skipped)
					}
					if want := feedShapes[i].items; f.Items != want {
						t.Errorf("pass %d: feed %s: %d items, want %d", pass+1, feedShapes[i].file, f.Items, want)
					}
				}
			}
			if hits := srv.pageHits.Load(); (hits > 0) != (sw.articlePages && !sw.robots) {
				t.Errorf("%d page requests: want some only when article pages are on and robots.txt is not honoured", hits)
			}

			arts, err := st.Articles()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]store.Article{}
			for _, a := range arts {
				u, err := url.Parse(a.URL)
				if err != nil {
					t.Fatalf("stored URL %q: %v", a.URL, err)
				}
				got[u.RequestURI()] = a
			}
			want := map[string]string{} // path -> source
			for _, fs := range feedShapes {
				for _, it := range fs.track {
					if p, src, ok := it.expect(sw); ok {
						want[p] = src
					}
				}
			}
			for p, src := range want {
				a, ok := got[p]
				if !ok {
					t.Errorf("%s not stored, want it from the %s", p, src)
					continue
				}
				vs, err := st.Versions(a.ID)
				if err != nil {
					t.Fatalf("versions of %s: %v", p, err)
				}
				// The second pass added a sentence to every page and every
				// item's own text.
				if len(vs) != 2 {
					t.Errorf("%s: %d versions, want 2", p, len(vs))
				}
				for _, v := range vs {
					if v.Source != src {
						t.Errorf("%s version %d: source %q, want %q", p, v.Seq, v.Source, src)
					}
					if strings.TrimSpace(v.Text) == "" {
						t.Errorf("%s version %d: empty text stored", p, v.Seq)
					}
				}
			}
			for p := range got {
				if _, ok := want[p]; !ok {
					t.Errorf("%s stored, want it left out", p)
				}
			}

			// Every stored article changed once; only `text` alerts on an
			// edit that changes no fact.
			out, err := st.Outbox()
			if err != nil {
				t.Fatal(err)
			}
			wantAlerts := 0
			if sw.textKind {
				wantAlerts = len(want)
			}
			if len(out) != wantAlerts {
				var keys []string
				for _, e := range out {
					keys = append(keys, e.Key)
				}
				slices.Sort(keys)
				t.Errorf("%d alerts queued, want %d: %v", len(out), wantAlerts, keys)
			}
		})
	}
}
