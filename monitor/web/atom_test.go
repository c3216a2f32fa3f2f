package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/storywatch/storywatch/store"
)

// parseFeed fetches target from h and parses it back with gofeed, as a
// feed reader would.
func parseFeed(t *testing.T, h *Handler, target string) *gofeed.Feed {
	t.Helper()
	res, body := get(t, h, "GET", target)
	if res.StatusCode != 200 {
		t.Fatalf("%s: %d\n%s", target, res.StatusCode, body)
	}
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("parse %s: %v\n%s", target, err, body)
	}
	if f.FeedType != "atom" {
		t.Fatalf("feed type %q, want atom", f.FeedType)
	}
	return f
}

func TestAtomFeed(t *testing.T) {
	s := openStore(t, demoStore(t))
	h := newHandler(t, Options{Store: HeldStore(s)})
	chs, err := s.Changes(timeZero)
	if err != nil {
		t.Fatal(err)
	}
	var withFacts []store.Change
	for _, c := range chs {
		if len(c.Facts) > 0 {
			withFacts = append(withFacts, c)
		}
	}
	if len(withFacts) < 5 {
		t.Fatalf("the demo store has %d changes with facts; the test needs more", len(withFacts))
	}

	f := parseFeed(t, h, "/feed.atom")
	if len(f.Items) != len(withFacts) {
		t.Fatalf("%d entries, want one per change with fact changes (%d)", len(f.Items), len(withFacts))
	}
	ids := map[string]bool{}
	for i, it := range f.Items {
		ch := withFacts[i] // both newest first
		if ids[it.GUID] {
			t.Errorf("entry id %s twice", it.GUID)
		}
		ids[it.GUID] = true
		u, err := url.Parse(it.Link)
		if err != nil || u.Host != "example.com" || u.Path != "/articles/"+ch.ArticleID+"/diff" {
			t.Errorf("entry %d links to %q, want the diff of %s", i, it.Link, ch.ArticleID)
			continue
		}
		if q := u.Query(); q.Get("to") != itoa(ch.Version) || q.Get("from") != itoa(ch.Version-1) {
			t.Errorf("entry %d links to %s, want versions %d → %d", i, it.Link, ch.Version-1, ch.Version)
		}
		if it.Updated == "" || len(it.Authors) == 0 || it.Authors[0].Name == "" {
			t.Errorf("entry %d lacks updated or author: %+v", i, it)
		}
		if !strings.Contains(it.Content, "<li>") {
			t.Errorf("entry %d content lists no fact change: %s", i, it.Content)
		}
	}
	// The wire's fourth version moved the summit's date: a reader sees it.
	found := false
	for _, it := range f.Items {
		if strings.Contains(it.Title, "Meridian Wire v4") && strings.Contains(it.Content, "early September") {
			found = true
		}
	}
	if !found {
		t.Error("no entry says the summit moved to early September")
	}
}

func TestAtomFeedFilters(t *testing.T) {
	s := openStore(t, demoStore(t))
	h := newHandler(t, Options{Store: HeldStore(s), BaseURL: "https://desk.example.org/sw/"})
	wire := articleByOutlet(t, s, "Meridian Wire")

	loc := parseFeed(t, h, "/feed.atom?kind=location")
	if len(loc.Items) == 0 {
		t.Fatal("no entry with a location change")
	}
	for _, it := range loc.Items {
		if !strings.Contains(it.Content, "Location") || strings.Contains(it.Content, "Quote") {
			t.Errorf("kind=location entry: %s", it.Content)
		}
		if !strings.HasPrefix(it.Link, "https://desk.example.org/sw/articles/") {
			t.Errorf("link %q ignores the base URL", it.Link)
		}
	}
	// kinds in any case, as the CLI's --kind takes them
	if upper := parseFeed(t, h, "/feed.atom?kind=Location"); len(upper.Items) != len(loc.Items) {
		t.Errorf("kind=Location: %d entries, want kind=location's %d", len(upper.Items), len(loc.Items))
	}
	two := parseFeed(t, h, "/feed.atom?kind=location,quote")
	if len(two.Items) <= len(loc.Items) {
		t.Errorf("kind=location,quote: %d entries, want more than location alone (%d)", len(two.Items), len(loc.Items))
	}

	one := parseFeed(t, h, "/articles/"+wire.ID+"/feed.atom")
	if len(one.Items) != wire.Versions-1 {
		t.Errorf("article feed: %d entries, want %d (every later version changed a fact)", len(one.Items), wire.Versions-1)
	}
	for _, it := range one.Items {
		if !strings.Contains(it.Link, wire.ID) {
			t.Errorf("article feed entry of another article: %s", it.Link)
		}
	}
	if res, _ := get(t, h, "GET", "/articles/ffffffffffff/feed.atom"); res.StatusCode != 404 {
		t.Errorf("feed of an unknown article: %d, want 404", res.StatusCode)
	}
}
