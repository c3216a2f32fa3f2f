package corpus

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// The press tests read pages as a browser would: parsed by x/net/html,
// text taken from the DOM without <style>, <script>, <noscript> and
// <template> content. The article's paragraphs are the paragraph blocks,
// the <p>s right in the entry content (one editor's label before the list
// aside), or on live blogs each Liveblog entry's text; Yoast's graph
// carries the headline and dates, the Liveblog plugin's JSON-LD the
// entries' text.

const pressBase = "http://127.0.0.1:8093"

var (
	pressNonceRE = regexp.MustCompile(`"nonce":"([0-9a-f]{10})"`)
	pressVerRE   = regexp.MustCompile(`\?ver=\d{10}$`)
	pressHexRE   = regexp.MustCompile(`^[0-9a-f]{10}$`)
)

// pressListLabel is the editor's paragraph that introduces the list block.
const pressListLabel = "What we know so far:"

// pressContent returns the entry content.
func pressContent(t testing.TB, doc *html.Node) *html.Node {
	t.Helper()
	c := findAll(doc, func(n *html.Node) bool { return hasClass(n, "entry-content") && hasClass(n, "wp-block-post-content") })
	if len(c) != 1 {
		t.Fatalf("%d entry contents, want 1", len(c))
	}
	return c[0]
}

// pressEntries returns a live blog's entries, none on other pages.
func pressEntries(doc *html.Node) []*html.Node {
	return findAll(doc, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "liveblog-entry") })
}

// pressParas returns the article's paragraphs in page order: the entries'
// text on a live blog, else the <p>s right in the entry content but the
// list's label.
func pressParas(t testing.TB, doc *html.Node) []*html.Node {
	t.Helper()
	if entries := pressEntries(doc); len(entries) > 0 {
		var out []*html.Node
		for _, e := range entries {
			out = append(out, findAll(e, func(n *html.Node) bool { return n.Data == "p" && hasClass(n.Parent, "liveblog-entry-text") })...)
		}
		return out
	}
	var out []*html.Node
	for c := pressContent(t, doc).FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "p" && norm(visible(c)) != pressListLabel {
			out = append(out, c)
		}
	}
	return out
}

// pressStory checks a page's story against rev, as a reader sees it, and
// returns it: the headline, then the paragraphs (on live blogs newest
// first, one per entry).
func pressStory(t testing.TB, doc *html.Node, rev Revision, live bool) string {
	t.Helper()
	h1 := findAll(doc, byTag("h1"))
	if len(h1) != 1 || attr(h1[0], "class") != "wp-block-post-title" {
		t.Fatalf("%d <h1>s, want 1, the post title", len(h1))
	}
	title := norm(visible(h1[0]))
	if title != norm(rev.Title) {
		t.Errorf("headline %q, want %q", title, rev.Title)
	}
	if got := len(pressEntries(doc)) > 0; got != live {
		t.Errorf("live blog %v, want %v", got, live)
	}
	var paras []string
	for _, n := range pressParas(t, doc) {
		paras = append(paras, norm(visible(n)))
	}
	want := make([]string, len(rev.Paragraphs))
	for i, p := range rev.Paragraphs {
		want[i] = norm(p)
	}
	if live {
		slices.Reverse(want)
		if n := len(pressEntries(doc)); n != len(want) {
			t.Errorf("%d live entries, %d paragraphs", n, len(want))
		}
	}
	if !slices.Equal(paras, want) {
		t.Errorf("article paragraphs:\n got %.300q\nwant %.300q", paras, want)
	}
	return strings.Join(append([]string{title}, paras...), "\n")
}

// pressLD decodes the page's JSON-LD script of class class: none, or one.
func pressLD(t testing.TB, doc *html.Node, class string) map[string]any {
	t.Helper()
	s := findAll(doc, func(n *html.Node) bool {
		return n.Data == "script" && attr(n, "type") == "application/ld+json" && attr(n, "class") == class
	})
	switch len(s) {
	case 0:
		return nil
	case 1:
	default:
		t.Fatalf("%d JSON-LD scripts of class %q", len(s), class)
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(textOf(s[0])), &ld); err != nil {
		t.Fatalf("JSON-LD %s: %v", class, err)
	}
	return ld
}

// pressGraph returns the nodes of Yoast's graph by type; Persons listed.
func pressGraph(t testing.TB, doc *html.Node) (map[string]map[string]any, []map[string]any) {
	t.Helper()
	ld := pressLD(t, doc, "yoast-schema-graph")
	if ld == nil {
		t.Fatal("no Yoast schema graph")
	}
	nodes, _ := ld["@graph"].([]any)
	byType := map[string]map[string]any{}
	var persons []map[string]any
	for _, n := range nodes {
		m, _ := n.(map[string]any)
		typ, _ := m["@type"].(string)
		if typ == "Person" {
			persons = append(persons, m)
		}
		byType[typ] = m
	}
	return byType, persons
}

// checkPressData checks that Yoast's graph carries rev's headline, dates
// and authors (and not the text), and that a live blog's LiveBlogPosting
// carries its entries, the paragraphs newest first.
func checkPressData(t testing.TB, doc *html.Node, rev Revision, live bool) {
	t.Helper()
	rev = jsonRev(rev)
	g, persons := pressGraph(t, doc)
	art := g["Article"]
	if art == nil || g["WebPage"] == nil || art["headline"] != rev.Title ||
		art["datePublished"] != rev.Published.UTC().Format(pressISO) || art["dateModified"] != rev.Modified.UTC().Format(pressISO) {
		t.Errorf("Yoast Article %v, want the revision's headline and dates", art)
	}
	if _, ok := art["articleBody"]; ok {
		t.Error("Yoast's Article carries the text; Yoast does not")
	}
	var names []string
	for _, p := range persons {
		names = append(names, p["name"].(string))
	}
	if want := atlasAuthors(&rev); !slices.Equal(names, want) {
		t.Errorf("Yoast Persons %q, want %q", names, want)
	}
	lb := pressLD(t, doc, "liveblog-schema")
	if (lb != nil) != live {
		t.Fatalf("LiveBlogPosting present %v, want %v", lb != nil, live)
	}
	if !live {
		return
	}
	if lb["@type"] != "LiveBlogPosting" || lb["headline"] != rev.Title {
		t.Errorf("Liveblog JSON-LD type %v headline %v", lb["@type"], lb["headline"])
	}
	checkLiveBlogUpdates(t, lb, rev)
}

// readPress reads a press page's story text and checks its JSON-LD.
func readPress(t testing.TB, i int, b []byte, rev Revision) string {
	doc := spaDoc(t, b)
	checkPressData(t, doc, rev, pressLive(i))
	return pressStory(t, doc, rev, pressLive(i))
}

// pressFeedLinks are the page's links to feeds (not to its oEmbed or REST
// documents).
func pressFeedLinks(doc *html.Node) []string {
	var out []string
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" }) {
		switch attr(n, "type") {
		case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
			out = append(out, attr(n, "href"))
		}
	}
	return out
}

// TestPressPages: every page, ordinary or live, with and without rotation,
// is UTF-8 and carries what every family's pages carry (title, canonical
// link, dates, feed links, JSON-LD) and shows the article: the headline,
// the paragraph blocks (live: the entries newest first), the headline and
// dates in Yoast's graph, a live blog's text in its LiveBlogPosting.
// Live pages come at their places.
func TestPressPages(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 6, RotateBoilerplate: rotate, Template: TemplatePress})
			var lives []int
			for i, u := range s.ArticleURLs() {
				b := getPage(t, i, u, "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\" />")
				rev, _ := s.Current(u)
				if pressLive(i) {
					lives = append(lives, i)
				}
				readPress(t, i, b, rev)
				doc := spaDoc(t, b)
				if title := textOf(findAll(doc, byTag("title"))[0]); !strings.HasPrefix(title, rev.Title+" - ") {
					t.Errorf("page %d: <title> %q", i, title)
				}
				body := findAll(doc, byTag("body"))[0]
				if !strings.HasPrefix(attr(body, "class"), "wp-singular post-template-default single single-post postid-") {
					t.Errorf("page %d: body class %q", i, attr(body, "class"))
				}
				g, _ := pressGraph(t, doc)
				canon := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "canonical" })
				if len(canon) != 1 || attr(canon[0], "href") != u || atlasMeta(doc, "og:url") != u || g["WebPage"]["url"] != u {
					t.Errorf("page %d: canonical link, og:url or Yoast WebPage url is not %s", i, u)
				}
				if atlasMeta(doc, "article:published_time") != rev.Published.UTC().Format(time.RFC3339) ||
					atlasMeta(doc, "article:modified_time") != rev.Modified.UTC().Format(time.RFC3339) {
					t.Errorf("page %d: published or modified time is not the revision's", i)
				}
				pub := findAll(doc, func(n *html.Node) bool { return n.Data == "time" && attr(n, "class") == "entry-date published" })
				if len(pub) != 1 || attr(pub[0], "datetime") != rev.Published.UTC().Format(pressISO) {
					t.Errorf("page %d: no published <time> of the revision", i)
				}
				if feeds := pressFeedLinks(doc); !slices.Equal(feeds, s.FeedURLs()[:2]) {
					t.Errorf("page %d: feed links %v, want the first two feeds", i, feeds)
				}
			}
			if !slices.Equal(lives, []int{5, 18}) {
				t.Errorf("live pages %v, want [5 18]", lives)
			}
		})
	}
}

// TestPressHazards pins what the family is made of, over a revised
// corpus: paragraph blocks in their "<!-- wp:paragraph -->" comments, a
// drop cap, linked tag names, a heading, a [caption] figure with an
// attachment id and an image block with its caption, a pull quote
// repeating a sentence of the body, a social embed quoting someone else, a
// list block; between the paragraphs an ad inserter block, a newsletter
// sign-up with a nonce and a donation prompt; Jetpack's "Share this:",
// "Like this:" and related posts inside the entry content; "?ver="
// stamps and the wpApiSettings nonce; Yoast's graph; the published and
// "Updated" times; author boxes; no <article> but the comments'; a comment
// list that gains a comment on some requests; live blogs of entries newest
// first, each with its time, author and "Share" line.
func TestPressHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 3, ArticlesPerFeed: 10, Seed: 8, EditFraction: 0.5, RotateBoilerplate: true, Template: TemplatePress})
	s.Revise()
	seen := map[string]bool{}
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		doc := spaDoc(t, b)
		rev, _ := s.Current(u)
		content := pressContent(t, doc)
		live := pressLive(i)
		paras := pressParas(t, doc)
		var texts []string
		for _, p := range paras {
			texts = append(texts, norm(visible(p)))
		}
		inBody := func(s string) bool {
			return slices.ContainsFunc(texts, func(p string) bool { return strings.Contains(p, s) })
		}
		for _, a := range findAll(doc, byTag("article")) {
			if !hasClass(a, "comment-body") {
				t.Errorf("page %d: an <article> not a comment's: %q", i, attr(a, "class"))
			}
		}
		if len(findAll(doc, byTag("article"))) > 0 {
			seen["no <article> but the comments'"] = true
		}
		for c := content.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.CommentNode && strings.TrimSpace(c.Data) == "wp:paragraph" {
				seen["a paragraph block comment"] = true
			}
			if c.Type != html.ElementNode {
				continue
			}
			text := norm(visible(c))
			switch {
			case c.Data == "p" && hasClass(c, "has-drop-cap") && len(texts) > 0 && text == texts[0]:
				seen["a drop cap on the whole lead"] = true
			case c.Data == "p" && len(findAll(c, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(attr(n, "href"), "/tag/") })) == 1:
				seen["a linked tag name"] = true
			case c.Data == "h2" && hasClass(c, "wp-block-heading") && strings.HasPrefix(attr(c, "id"), "h-"):
				seen["a heading block"] = true
			case c.Data == "figure" && strings.HasPrefix(attr(c, "id"), "attachment_") && strings.HasPrefix(attr(c, "style"), "width: ") &&
				len(findAll(c, byClass("wp-caption-text"))) == 1:
				seen["a [caption] figure with an attachment id"] = true
			case c.Data == "figure" && hasClass(c, "wp-block-image") && len(findAll(c, byClass("wp-element-caption"))) == 1:
				seen["an image block with its caption"] = true
			case c.Data == "figure" && hasClass(c, "wp-block-pullquote"):
				if !inBody(text) || text == "" {
					t.Errorf("page %d: pull quote %.60q repeats no sentence of the body", i, text)
				}
				seen["a pull quote repeating a sentence of the body"] = true
			case c.Data == "figure" && hasClass(c, "wp-block-embed"):
				q := findAll(c, byTag("blockquote"))
				if len(q) != 1 || inBody(norm(visible(findAll(q[0], byTag("p"))[0]))) {
					t.Errorf("page %d: embed without someone else's words", i)
				}
				seen["a social embed quoting someone else"] = true
			case c.Data == "ul" && hasClass(c, "wp-block-list") && len(findAll(c, byTag("li"))) == 4:
				seen["a list block"] = true
			case c.Data == "div" && hasClass(c, "code-block") && text == "Advertisement":
				seen["an ad inserter block"] = true
			case c.Data == "div" && hasClass(c, "wp-block-newspack-newsletters-subscribe") && strings.HasPrefix(text, "Sign up for "):
				nonce := findAll(c, func(n *html.Node) bool { return attr(n, "name") == "_wpnonce" })
				if len(nonce) == 1 && pressHexRE.MatchString(attr(nonce[0], "value")) {
					seen["a newsletter sign-up with a nonce"] = true
				}
			case c.Data == "div" && attr(c, "aria-label") == "Support our journalism" && strings.Contains(text, "Donate now"):
				seen["a donation prompt"] = true
			case c.Data == "div" && hasClass(c, "sharedaddy") && strings.Contains(text, "Share this:"):
				seen["Jetpack's \"Share this:\""] = true
			case c.Data == "div" && hasClass(c, "sd-like") && strings.HasPrefix(text, "Like this:"):
				seen["Jetpack's \"Like this:\""] = true
			case c.Data == "div" && attr(c, "id") == "jp-relatedposts" && len(findAll(c, byClass("jp-relatedposts-post-excerpt"))) > 0:
				seen["Jetpack's related posts with excerpts"] = true
			}
		}
		for _, l := range findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "stylesheet" }) {
			if pressVerRE.MatchString(attr(l, "href")) {
				seen["a \"?ver=\" stamp"] = true
			}
		}
		if pressNonceRE.Match(b) {
			seen["the wpApiSettings nonce"] = true
		}
		if g, persons := pressGraph(t, doc); g["Article"] != nil && g["WebPage"] != nil && len(persons) > 0 {
			seen["Yoast's graph of Article, WebPage and Person"] = true
		}
		upd := findAll(doc, func(n *html.Node) bool { return n.Data == "time" && attr(n, "class") == "updated" })
		if modified := !rev.Modified.Equal(rev.Published); modified != (len(upd) == 1) {
			t.Errorf("page %d: %d \"Updated\" times, modified %v", i, len(upd), modified)
		} else if modified {
			seen["an \"Updated\" time"] = true
		}
		if bios := findAll(doc, byClass("author-bio")); len(bios) == len(atlasAuthors(&rev)) && len(bios) > 0 {
			seen["an author box"] = true
		}
		// Comments: the count heads the list; a fresh one comes and goes.
		counts := map[int]bool{}
		for range 6 {
			_, b := get(t, u)
			d := spaDoc(t, b)
			items := findAll(d, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "comment") })
			head := norm(visible(findAll(d, byClass("comments-title"))[0]))
			want := strconv.Itoa(len(items)) + " thoughts"
			if len(items) == 1 {
				want = "One thought"
			}
			if !strings.HasPrefix(head, want+" on “"+norm(rev.Title)) {
				t.Errorf("page %d: comments title %q for %d comments", i, head, len(items))
			}
			counts[len(items)] = true
		}
		if len(counts) > 1 {
			seen["a comment that appears on some requests"] = true
		}
		if !live {
			continue
		}
		last := "~"
		for k, e := range pressEntries(doc) {
			if !olderTime(t, i, k, "entry", e, &last) {
				continue
			}
			if a := findAll(e, byClass("liveblog-author-name")); len(a) != 1 || norm(visible(a[0])) == "" {
				t.Errorf("live page %d: entry %d without its author", i, k)
			}
			if !strings.HasPrefix(norm(visible(findAll(e, byTag("footer"))[0])), "Share ") {
				t.Errorf("live page %d: entry %d without a \"Share\" line", i, k)
			}
		}
		seen["a live blog"] = true
	}
	for _, want := range []string{
		"no <article> but the comments'", "a paragraph block comment", "a drop cap on the whole lead", "a linked tag name",
		"a heading block", "a [caption] figure with an attachment id", "an image block with its caption",
		"a pull quote repeating a sentence of the body", "a social embed quoting someone else", "a list block",
		"an ad inserter block", "a newsletter sign-up with a nonce", "a donation prompt", "Jetpack's \"Share this:\"",
		"Jetpack's \"Like this:\"", "Jetpack's related posts with excerpts", "a \"?ver=\" stamp", "the wpApiSettings nonce",
		"Yoast's graph of Article, WebPage and Person", "an \"Updated\" time", "an author box",
		"a comment that appears on some requests", "a live blog",
	} {
		if !seen[want] {
			t.Errorf("no page has %s", want)
		}
	}
}

// pressBoilerplate is what a request drew on a page, read from it: the
// ids and styles of the figures, the ad slots, the inserts, the like
// widget's id, the plugins' stamps and the comments.
func pressBoilerplate(t testing.TB, doc *html.Node) string {
	t.Helper()
	var out []string
	for n := range doc.Descendants() {
		switch {
		case n.Type != html.ElementNode:
		case n.Data == "figure" && attr(n, "id") != "", hasClass(n, "wp-block-image"):
			out = append(out, attr(n, "id")+attr(n, "style"))
		case hasClass(n, "code-block"), hasClass(n, "sd-like"):
			out = append(out, attr(n, "style")+attr(findAll(n, byTag("div"))[0], "id")+attr(n, "id"))
		case hasClass(n, "wp-block-newspack-newsletters-subscribe"), hasClass(n, "newspack-inline-popup"), hasClass(n, "comment-list"):
			out = append(out, norm(visible(n)))
		case n.Data == "link" && attr(n, "rel") == "stylesheet":
			out = append(out, attr(n, "href"))
		}
	}
	return strings.Join(out, "\n")
}

// pressNonce is the request's wpApiSettings nonce.
func pressNonce(t testing.TB, doc *html.Node) string {
	t.Helper()
	s := findAll(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "id") == "wp-api-request-js-extra" })
	if len(s) != 1 {
		t.Fatalf("%d wpApiSettings scripts, want 1", len(s))
	}
	m := pressNonceRE.FindStringSubmatch(textOf(s[0]))
	if m == nil {
		t.Fatal("wpApiSettings without a nonce")
	}
	return m[1]
}

// TestPressRotation: without RotateBoilerplate a page is byte-identical
// between requests and the same for the same seed; with it the nonce, the
// stamps, the figures' ids, the ad slots, the inserts and the comments
// change between requests while the headline and the article's paragraph
// elements stay the same.
func TestPressRotation(t *testing.T) {
	testRotation(t, TemplatePress, pressBase, 8, func(_ int, doc *html.Node) rotationRead {
		return rotationRead{markup: folioMarkup(t, pressParas(t, doc)), h1: renderH1(t, doc),
			boiler: pressBoilerplate(t, doc), rid: pressNonce(t, doc)}
	})
}

// TestPressNastyText: text holding markup, quotes, "</script>", control
// characters, invalid UTF-8 and line separators reaches the reader intact
// and, valid, Yoast's graph; no script element is closed early.
func TestPressNastyText(t *testing.T) { testNastyText(t, TemplatePress, readPress, 8) }

// TestPressReviseOnly: over rounds of Revise with rotating boilerplate,
// the story text a reader sees changes for exactly the articles Revise
// reports, each edit moves from the old text to the new, and the JSON-LD
// follows (readPress checks it on every page).
func TestPressReviseOnly(t *testing.T) { testReviseOnly(t, TemplatePress, readPress) }

// TestPressReviseKeepsMarkup: after a Revise, an article Revise did not
// edit keeps its headline and paragraph elements byte for byte; those of
// an edited one change.
func TestPressReviseKeepsMarkup(t *testing.T) {
	testReviseKeepsMarkup(t, TemplatePress, func(doc *html.Node, h1 string) string {
		return h1 + "\n" + folioMarkup(t, pressParas(t, doc))
	})
}

// TestPressWriteStatic: the files WriteStatic writes for nginx are the
// pages the server serves without rotation, byte for byte, with BaseURL
// links.
func TestPressWriteStatic(t *testing.T) {
	testWriteStatic(t, TemplatePress, pressBase, func(s *Server, i int, u string, b []byte) {
		rev, _ := s.Current(u)
		readPress(t, i, b, rev)
		doc := spaDoc(t, b)
		if g, _ := pressGraph(t, doc); g["WebPage"]["url"] != u {
			t.Errorf("%s: Yoast WebPage url %v, want %s", u, g["WebPage"]["url"], u)
		}
		if c := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "canonical" }); attr(c[0], "href") != u {
			t.Errorf("%s: canonical %s", u, attr(c[0], "href"))
		}
	})
}

// BenchmarkPressPage renders press pages with rotating boilerplate, as the
// bench's server does per request.
func BenchmarkPressPage(b *testing.B) {
	benchFamilyPage(b, TemplatePress, pressBase)
}
