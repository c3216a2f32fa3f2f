package web

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"golang.org/x/net/html"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// Hostile words an outlet (or whoever controls a feed) could publish.
const (
	evilTitle = `Summit <script>alert("title")</script><img src=x onerror=alert(1)>`
	evilURL   = `javascript:alert(document.cookie)`
	evilBody1 = "The summit will be held on August 29 in Budapest, officials said.\n\n" +
		`Click <a href="javascript:alert(1)" onclick="alert(2)">here</a> <svg onload=alert(3)></svg>.` + "\n\n" +
		`Putin said: "<script>alert('quote')</script> we agree."`
	evilBody2 = "The summit will be held in early September in Vienna, officials said.\n\n" +
		`Click <a href="javascript:alert(1)" onclick="alert(2)">there</a> <svg onload=alert(3)></svg>.` + "\n\n" +
		`Putin said: "<script>alert('quote2')</script> we disagree." <iframe src="javascript:alert(4)"></iframe>`
)

// hostileStore holds one article whose title, link, outlet, text and fact
// changes all carry markup, plus a change of a kind the view has never seen.
func hostileStore(t *testing.T) (*bolt.Store, string) {
	t.Helper()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "h.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	art := store.Article{URL: evilURL, Title: evilTitle, Outlet: `<b onmouseover=alert(5)>Evil Outlet</b>`, FirstSeen: at}
	v1 := &store.Version{FetchedAt: at, Title: evilTitle, Text: evilBody1, Source: "page", Facts: facts.Extract(evilBody1, at)}
	if _, err := s.Apply([]store.Update{{Article: art, Version: v1}}, nil); err != nil {
		t.Fatal(err)
	}
	title2 := evilTitle + ` <a href="javascript:x">2</a>`
	res := diff.Compare(diff.Document{Title: evilTitle, Text: evilBody1, Published: at},
		diff.Document{Title: title2, Text: evilBody2, Published: at}, diff.Options{})
	fs := append(res.Facts,
		facts.Change{Kind: "correction", After: `<script>alert("correction")</script>An earlier version misstated the date.`},
		facts.Change{Kind: `"><script>alert("kind")</script>`, Before: `<i>a</i>`, After: `<img src=x onerror=alert(6)>`,
			Subject: `<script>alert("subject")</script>`, Detail: `<script>alert("detail")</script>`})
	v2 := &store.Version{FetchedAt: at.Add(time.Hour), Title: title2, Text: evilBody2, Source: "page", Facts: facts.Extract(evilBody2, at)}
	if _, err := s.Apply([]store.Update{{Article: art, Version: v2, Change: &store.Change{Facts: fs,
		Changed: res.Summary.Changed}}}, nil); err != nil {
		t.Fatal(err)
	}
	return s, store.ArticleID(evilURL)
}

// TestHostileTextStaysInert renders every page over hostile article text
// and parses the HTML as a browser would: no script element, no event
// attribute, no javascript: link, no frame may appear, while the words
// themselves are shown (escaped).
func TestHostileTextStaysInert(t *testing.T) {
	s, id := hostileStore(t)
	h := newHandler(t, Options{Store: HeldStore(s)})
	for _, target := range []string{
		"/", "/?kind=correction", "/articles/" + id, "/articles/" + id + "/diff?from=1&to=2",
		"/articles/" + id + "/diff?from=1&to=2&view=side",
	} {
		t.Run(target, func(t *testing.T) {
			res, body := get(t, h, "GET", target)
			if res.StatusCode != 200 {
				t.Fatalf("status %d\n%s", res.StatusCode, body)
			}
			doc, err := html.Parse(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode {
					switch n.Data {
					case "script", "iframe", "object", "embed", "img", "a":
						if n.Data != "a" {
							t.Errorf("<%s> element in the page", n.Data)
						}
					}
					for _, a := range n.Attr {
						if strings.HasPrefix(strings.ToLower(a.Key), "on") {
							t.Errorf("event attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
						}
						if (a.Key == "href" || a.Key == "src" || a.Key == "action") &&
							strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
							t.Errorf("%s=%q on <%s>", a.Key, a.Val, n.Data)
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if !strings.Contains(body, "&lt;script&gt;") {
				t.Error("the hostile words are not shown escaped")
			}
		})
	}
	// The Atom feed's HTML content is escaped inside the XML: parsed back,
	// the entry's HTML holds the words as text.
	f := parseFeed(t, h, "/feed.atom")
	if len(f.Items) != 1 {
		t.Fatalf("%d entries, want 1", len(f.Items))
	}
	doc, err := html.Parse(strings.NewReader(f.Items[0].Content))
	if err != nil {
		t.Fatal(err)
	}
	var scripts int
	var count func(n *html.Node)
	count = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "img" || n.Data == "iframe") {
			scripts++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			count(c)
		}
	}
	count(doc)
	if scripts > 0 {
		t.Errorf("entry content has %d active elements: %s", scripts, f.Items[0].Content)
	}
}

// TestNewKindIsShown: a kind the view does not know is listed, coloured
// and offered as a filter, with no code change.
func TestNewKindIsShown(t *testing.T) {
	s, id := hostileStore(t)
	h := newHandler(t, Options{Store: HeldStore(s)})
	_, body := get(t, h, "GET", "/")
	for _, want := range []string{`<option value="correction">Correction</option>`, `class="kind k6">Correction</span>`,
		"An earlier version misstated the date."} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	_, body = get(t, h, "GET", "/articles/"+id+"/diff?from=1&to=2")
	if !strings.Contains(body, `<div class="callout correction">`) {
		t.Error("the diff page does not call out the correction")
	}
}
