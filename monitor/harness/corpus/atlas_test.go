package corpus

import (
	"bytes"
	"encoding/json"
	gohtml "html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// The atlas tests read pages as a browser would: parsed by x/net/html,
// text taken from the DOM without <style>, <script>, <noscript> and
// <template> content. The article's paragraphs are its text elements
// (data-type="text") as the front end lays them out, read without the ad
// slot a request may nest in one; the story document in
// Fusion.globalContent and the JSON-LD must carry the same text.

const atlasBase = "http://127.0.0.1:8092"

var (
	// atlasHashRE matches the build hash a class name carries.
	atlasHashRE = regexp.MustCompile(`__[0-9a-z]{5}\b`)
	// atlasLinkRE matches the link markup of a text element's stored HTML.
	atlasLinkRE    = regexp.MustCompile(`</?a\b[^>]*>`)
	atlasUpdatedRE = regexp.MustCompile(`\| Updated \d+ min ago$`)
	atlasAgoRE     = regexp.MustCompile(`^\d+ (min|hr|days) ago$`)
	atlasListenRE  = regexp.MustCompile(`^Listen to this article \d+:\d\d$`)
	atlasIDRE      = regexp.MustCompile(`^[A-Z2-7]{26}$`)
)

// atlasTypes are the content element types a body holds.
var atlasTypes = []string{"text", "header", "quote", "image", "interstitial_link", "list", "raw_html"}

// atlasDocument is what the tests read of Fusion.globalContent.
type atlasDocument struct {
	ID        string `json:"_id"`
	Headlines struct {
		Basic string `json:"basic"`
	} `json:"headlines"`
	Elements []struct {
		ID      string `json:"_id"`
		Type    string `json:"type"`
		Content string `json:"content"`
	} `json:"content_elements"`
	Props struct {
		RequestID string `json:"request_id"`
	} `json:"additional_properties"`
}

// atlasFusion decodes Fusion.globalContent from the fusion-metadata script.
func atlasFusion(t testing.TB, doc *html.Node) atlasDocument {
	t.Helper()
	s := findAll(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "id") == "fusion-metadata" })
	if len(s) != 1 {
		t.Fatalf("%d fusion-metadata scripts, want 1", len(s))
	}
	src := textOf(s[0])
	const stmt = "Fusion.globalContent="
	i := strings.Index(src, stmt)
	if i < 0 {
		t.Fatal("fusion-metadata without Fusion.globalContent")
	}
	var d atlasDocument
	if err := json.NewDecoder(strings.NewReader(src[i+len(stmt):])).Decode(&d); err != nil {
		t.Fatalf("Fusion.globalContent: %v", err)
	}
	return d
}

// atlasArticle returns the story's <article>.
func atlasArticle(t testing.TB, doc *html.Node) *html.Node {
	t.Helper()
	a := findAll(doc, func(n *html.Node) bool {
		return n.Data == "article" && strings.HasPrefix(attr(n, "class"), "b-article__")
	})
	if len(a) != 1 {
		t.Fatalf("%d story <article>s, want 1", len(a))
	}
	return a[0]
}

// hasClass reports whether n's class list holds c.
func hasClass(n *html.Node, c string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), c)
}

// atlasAd reports whether n is an ad slot.
func atlasAd(n *html.Node) bool { return n.Type == html.ElementNode && hasClass(n, "arcad") }

// atlasVisible is the text of n a reader sees, ad slots left out.
func atlasVisible(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (hidden[n.Data] || atlasAd(n)):
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// atlasTexts returns the article's text elements in page order.
func atlasTexts(t testing.TB, doc *html.Node) []*html.Node {
	t.Helper()
	return findAll(atlasArticle(t, doc), func(n *html.Node) bool { return attr(n, "data-type") == "text" })
}

// atlasStory checks a page's story against rev, as a reader sees it, and
// returns it: the headline, then the paragraphs (on live pages newest
// first). Every text element sits in a body container or a live update;
// every other <p> of the paragraphs' class is a "Read more:" link.
func atlasStory(t testing.TB, doc *html.Node, rev Revision, live bool) string {
	t.Helper()
	art := atlasArticle(t, doc)
	h1 := findAll(doc, byTag("h1"))
	if len(h1) != 1 || len(findAll(art, byTag("h1"))) != 1 {
		t.Fatalf("%d <h1>s, want 1, inside the story <article>", len(h1))
	}
	title := norm(visible(h1[0]))
	if title != norm(rev.Title) {
		t.Errorf("headline %q, want %q", title, rev.Title)
	}
	els := atlasTexts(t, doc)
	var paras []string
	for _, n := range els {
		paras = append(paras, norm(atlasVisible(n)))
		if pa := n.Parent; !hasClass(pa, "article-body") && !hasClass(pa, "live-update") {
			t.Errorf("a text element in <%s class=%q>", pa.Data, attr(pa, "class"))
		}
	}
	want := make([]string, len(rev.Paragraphs))
	for i, p := range rev.Paragraphs {
		want[i] = norm(p)
	}
	if live {
		slices.Reverse(want)
	}
	if !slices.Equal(paras, want) {
		t.Errorf("article paragraphs:\n got %.300q\nwant %.300q", paras, want)
	}
	for _, n := range findAll(art, func(n *html.Node) bool { return n.Data == "p" && strings.HasPrefix(attr(n, "class"), "c-paragraph__") }) {
		if slices.Contains(els, n.Parent) {
			continue
		}
		if text := norm(visible(n)); !strings.HasPrefix(text, "Read more: ") || attr(n.Parent, "data-type") != "interstitial_link" {
			t.Errorf("a paragraph neither the article's nor a \"Read more:\" link: %.80q", text)
		}
	}
	return strings.Join(append([]string{title}, paras...), "\n")
}

// checkAtlasData checks that the JSON-LD and the story document carry
// rev: articleBody is the paragraphs joined by newlines, a live page's
// updates are its paragraphs newest first, the document's text elements
// hold the paragraphs (their HTML, links included) under distinct ids.
func checkAtlasData(t testing.TB, doc *html.Node, rev Revision, live bool) {
	t.Helper()
	rev = jsonRev(rev)
	checkLDArticle(t, wireLD(t, doc), rev, live, "\n")
	d := atlasFusion(t, doc)
	var texts []string
	ids := map[string]bool{d.ID: true}
	for _, e := range d.Elements {
		if ids[e.ID] || !atlasIDRE.MatchString(e.ID) {
			t.Errorf("story document element id %q repeated or malformed", e.ID)
		}
		ids[e.ID] = true
		if !slices.Contains(atlasTypes, e.Type) {
			t.Errorf("story document element of type %q", e.Type)
		}
		if e.Type == "text" {
			texts = append(texts, gohtml.UnescapeString(atlasLinkRE.ReplaceAllString(e.Content, "")))
		}
	}
	if d.Headlines.Basic != rev.Title || !slices.Equal(texts, rev.Paragraphs) {
		t.Errorf("story document %q with text elements %.200q, want the revision's", d.Headlines.Basic, texts)
	}
	if d.Props.RequestID == "" {
		t.Error("story document without a request id")
	}
}

// readAtlas reads an atlas page's story text and checks its JSON-LD and
// story document.
func readAtlas(t testing.TB, i int, b []byte, rev Revision) string {
	doc := spaDoc(t, b)
	checkAtlasData(t, doc, rev, atlasLive(i))
	return atlasStory(t, doc, rev, atlasLive(i))
}

// atlasMeta returns the content of the page's <meta property=prop>.
func atlasMeta(doc *html.Node, prop string) string {
	for _, n := range findAll(doc, byTag("meta")) {
		if attr(n, "property") == prop {
			return attr(n, "content")
		}
	}
	return ""
}

// TestAtlasPages: every page, ordinary or live, with and without rotation,
// is UTF-8 and carries what every family's pages carry (title, canonical
// link, dates, feed links, JSON-LD) and shows the article: the headline in
// the story <article>, the paragraphs in text elements (live: newest
// first), and the same text in the JSON-LD and the story document. Live
// pages come at their places.
func TestAtlasPages(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 6, RotateBoilerplate: rotate, Template: TemplateAtlas})
			var lives []int
			for i, u := range s.ArticleURLs() {
				b := getPage(t, i, u, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>")
				rev, _ := s.Current(u)
				if atlasLive(i) {
					lives = append(lives, i)
				}
				readAtlas(t, i, b, rev)
				doc := spaDoc(t, b)
				if title := textOf(findAll(doc, byTag("title"))[0]); !strings.HasPrefix(title, rev.Title+" – ") {
					t.Errorf("page %d: <title> %q", i, title)
				}
				canon := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "canonical" })
				if len(canon) != 1 || attr(canon[0], "href") != u || atlasMeta(doc, "og:url") != u || wireLD(t, doc)["url"] != u {
					t.Errorf("page %d: canonical link, og:url or JSON-LD url is not %s", i, u)
				}
				if atlasMeta(doc, "article:published_time") != rev.Published.UTC().Format(time.RFC3339) ||
					atlasMeta(doc, "article:modified_time") != rev.Modified.UTC().Format(time.RFC3339) {
					t.Errorf("page %d: published or modified time is not the revision's", i)
				}
				var feeds []string
				for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" }) {
					feeds = append(feeds, attr(n, "href"))
				}
				if !slices.Equal(feeds, s.FeedURLs()[:2]) {
					t.Errorf("page %d: feed links %v, want the first two feeds", i, feeds)
				}
			}
			if !slices.Equal(lives, []int{7, 18}) {
				t.Errorf("live pages %v, want [7 18]", lives)
			}
		})
	}
}

// TestAtlasHazards pins what the family is made of, over a corpus: text
// elements as <p>s, bare text, <p>s with a linked name and a drop cap; an
// ad slot nested in a text element; bodies of two and three containers, a
// subscriber-only marker after the first; header, quote, image,
// "Read more:" interstitial, newsletter and "Related coverage" elements;
// class names with the build hash; the "Updated N min ago" stamp, the
// "Listen to this article" widget, author bio and corrections blocks;
// the inserts in the story document; live pages with pinned key events
// linking to updates, and update <article>s newest first, each with its
// time and "N min ago".
func TestAtlasHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 3, ArticlesPerFeed: 10, Seed: 8, RotateBoilerplate: true, Template: TemplateAtlas})
	seen := map[string]bool{}
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		doc := spaDoc(t, b)
		art := atlasArticle(t, doc)
		live := atlasLive(i)
		texts := atlasTexts(t, doc)
		var paraClass string // the class of the text elements' <p>s
		for _, n := range texts {
			if p := findAll(n, byTag("p")); len(p) > 0 {
				paraClass = attr(p[0], "class")
			}
		}
		if h := findAll(art, byTag("h1"))[0]; !regexp.MustCompile(`^b-headline__[0-9a-z]{5}$`).MatchString(attr(h, "class")) {
			t.Errorf("page %d: headline class %q without a build hash", i, attr(h, "class"))
		}
		for _, n := range texts {
			switch p := findAll(n, byTag("p")); {
			case len(p) == 0:
				seen["a bare text element"] = true
			case len(findAll(p[0], func(c *html.Node) bool { return strings.HasPrefix(attr(c, "class"), "c-dropcap__") })) == 1:
				seen["a drop cap"] = true
			case len(findAll(p[0], byTag("a"))) > 0:
				seen["a text element with a linked name"] = true
			default:
				seen["a <p> text element"] = true
			}
			if len(findAll(n, atlasAd)) > 0 {
				seen["an ad slot nested in a text element"] = true
			}
		}
		for n := range art.Descendants() {
			if typ := attr(n, "data-type"); typ != "" && hasClass(n, "article-body__element") {
				if !slices.Contains(atlasTypes, typ) {
					t.Errorf("page %d: element type %q", i, typ)
				}
				text := norm(visible(n))
				switch {
				case typ == "interstitial_link" && strings.HasPrefix(text, "Read more: ") && attr(findAll(n, byTag("p"))[0], "class") == paraClass:
					seen["a \"Read more:\" link shaped as a paragraph"] = true
				case typ == "raw_html" && strings.HasPrefix(text, "Sign up for "):
					seen["a newsletter sign-up"] = true
				case typ == "list" && strings.HasPrefix(text, "Related coverage") && len(findAll(n, byTag("li"))) >= 1:
					seen["a \"Related coverage\" list"] = true
				case typ == "header" || typ == "quote" || typ == "image":
					seen[map[string]string{"header": "a header element", "quote": "a quote element", "image": "an image element"}[typ]] = true
				}
			}
			switch {
			case strings.HasPrefix(attr(n, "class"), "b-date__") && atlasUpdatedRE.MatchString(norm(textOf(n))):
				seen["an \"Updated N min ago\" stamp"] = true
			case attr(n, "data-type") == "audio" && atlasListenRE.MatchString(norm(visible(n))):
				seen["a \"Listen to this article\" widget"] = true
			case strings.HasPrefix(attr(n, "class"), "b-author-bio__") && len(texts) > 0 && n.PrevSibling != nil:
				seen["an author bio"] = true
			case strings.HasPrefix(attr(n, "class"), "b-corrections__") && strings.Contains(visible(n), "Report an error"):
				seen["a corrections block"] = true
			}
		}
		d := atlasFusion(t, doc)
		for _, e := range d.Elements {
			if e.Type == "interstitial_link" || e.Type == "raw_html" {
				seen["inserts in the story document"] = true
			}
		}
		if !live {
			bodies := findAll(art, func(n *html.Node) bool { return hasClass(n, "article-body") })
			rev, _ := s.Current(u)
			if len(bodies) != atlasParts(i, len(rev.Paragraphs)) {
				t.Errorf("page %d: %d body containers, want %d", i, len(bodies), atlasParts(i, len(rev.Paragraphs)))
			}
			seen[map[int]string{2: "a body of two containers", 3: "a body of three containers"}[len(bodies)]] = true
			for k, c := range bodies {
				if c.Parent != art || hasClass(c, "article-body--subscriber") != (k > 0) {
					t.Errorf("page %d: body container %d not a paywalled sibling", i, k)
				}
			}
			if m := bodies[0].NextSibling; m == nil || m.NextSibling == nil || attr(m.NextSibling, "data-paywall-boundary") != "subscriber-only" {
				t.Errorf("page %d: no subscriber-only marker after the first container", i)
			} else {
				seen["a subscriber-only marker"] = true
			}
			continue
		}
		pinned := findAll(art, func(n *html.Node) bool { return attr(n, "data-pinned") == "true" })
		updates := findAll(art, func(n *html.Node) bool { return n.Data == "article" && hasClass(n, "live-update") })
		if len(pinned) != 1 || norm(textOf(findAll(pinned[0], byTag("h2"))[0])) != "Key events" {
			t.Fatalf("live page %d: no pinned \"Key events\" block", i)
		}
		for _, a := range findAll(pinned[0], byTag("a")) {
			k := slices.IndexFunc(updates, func(u *html.Node) bool { return "#"+attr(u, "id") == attr(a, "href") })
			if k < 0 {
				t.Errorf("live page %d: key event %q links to no update", i, attr(a, "href"))
				continue
			}
			event := norm(strings.TrimPrefix(visible(a), visible(findAll(a, byTag("time"))[0])))
			if text := norm(atlasVisible(findAll(updates[k], func(n *html.Node) bool { return slices.Contains(texts, n) })[0])); event == "" || !strings.HasPrefix(text, event) {
				t.Errorf("live page %d: key event %.60q does not open its update %.60q", i, event, text)
			}
			seen["a key event opening its update"] = true
		}
		if len(updates) != len(texts) {
			t.Errorf("live page %d: %d updates, %d paragraphs", i, len(updates), len(texts))
		}
		last := "~"
		for k, e := range updates {
			if !olderTime(t, i, k, "update", e, &last) {
				continue
			}
			if ago := findAll(e, byClass("ago")); len(ago) != 1 || !atlasAgoRE.MatchString(textOf(ago[0])) {
				t.Errorf("live page %d: update %d without \"N min ago\"", i, k)
			}
			if len(findAll(e, func(n *html.Node) bool { return slices.Contains(texts, n) })) != 1 {
				t.Errorf("live page %d: update %d holds no paragraph", i, k)
			}
		}
		seen["a live page"] = true
	}
	for _, want := range []string{
		"a bare text element", "a drop cap", "a text element with a linked name", "a <p> text element",
		"an ad slot nested in a text element", "a \"Read more:\" link shaped as a paragraph", "a newsletter sign-up",
		"a \"Related coverage\" list", "a header element", "a quote element", "an image element",
		"an \"Updated N min ago\" stamp", "a \"Listen to this article\" widget", "an author bio", "a corrections block",
		"inserts in the story document", "a body of two containers", "a body of three containers",
		"a subscriber-only marker", "a live page", "a key event opening its update",
	} {
		if !seen[want] {
			t.Errorf("no page has %s", want)
		}
	}
}

// atlasMarkup renders the article's text elements, markup and all, without
// their nested ad slots and with the build hash taken out of class names.
func atlasMarkup(t testing.TB, els []*html.Node) string {
	t.Helper()
	var b bytes.Buffer
	for _, n := range els {
		for _, ad := range findAll(n, atlasAd) {
			ad.Parent.RemoveChild(ad)
		}
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
		b.WriteByte('\n')
	}
	return atlasHashRE.ReplaceAllString(b.String(), "__#")
}

// atlasBoilerplate is what a request drew on a page, read from it: the
// build, the stamp, the inserts' texts and the ad slots' ids in the body.
func atlasBoilerplate(t testing.TB, doc *html.Node) string {
	t.Helper()
	art := atlasArticle(t, doc)
	out := []string{attr(art, "class")}
	for n := range art.Descendants() {
		switch {
		case n.Type != html.ElementNode:
		case atlasAd(n):
			out = append(out, attr(n, "id"))
		case strings.HasPrefix(attr(n, "class"), "b-date__"), hasClass(n, "ago"),
			slices.Contains([]string{"interstitial_link", "raw_html", "list"}, attr(n, "data-type")),
			attr(n, "data-paywall-boundary") != "":
			out = append(out, norm(visible(n)))
		}
	}
	return strings.Join(out, "\n")
}

// TestAtlasRotation: without RotateBoilerplate a page is byte-identical
// between requests and the same for the same seed; with it the request
// id, the build hash, the stamp, the ad slots and the inserts change
// between requests while the headline and the article's text elements
// stay the same but for the build hash in their classes and the ad slot
// a request nests in one.
func TestAtlasRotation(t *testing.T) {
	testRotation(t, TemplateAtlas, atlasBase, 8, func(_ int, doc *html.Node) rotationRead {
		return rotationRead{markup: atlasMarkup(t, atlasTexts(t, doc)), h1: atlasHashRE.ReplaceAllString(renderH1(t, doc), "__#"),
			boiler: atlasBoilerplate(t, doc), rid: atlasFusion(t, doc).Props.RequestID}
	})
}

// TestAtlasNastyText: text holding markup, quotes, "</script>", control
// characters, invalid UTF-8 and line separators reaches the reader intact
// and, valid, the JSON-LD and the story document; no script element is
// closed early.
func TestAtlasNastyText(t *testing.T) { testNastyText(t, TemplateAtlas, readAtlas, 4) }

// TestAtlasReviseOnly: over rounds of Revise with rotating boilerplate,
// the story text a reader sees changes for exactly the articles Revise
// reports, each edit moves from the old text to the new, and the JSON-LD
// and the story document follow (readAtlas checks them on every page).
func TestAtlasReviseOnly(t *testing.T) { testReviseOnly(t, TemplateAtlas, readAtlas) }

// TestAtlasReviseKeepsMarkup: after a Revise, an article Revise did not
// edit keeps its headline and text elements (build hash and nested ads
// aside); those of an edited one change.
func TestAtlasReviseKeepsMarkup(t *testing.T) {
	testReviseKeepsMarkup(t, TemplateAtlas, func(doc *html.Node, h1 string) string {
		return atlasHashRE.ReplaceAllString(h1, "__#") + "\n" + atlasMarkup(t, atlasTexts(t, doc))
	})
}

// TestAtlasWriteStatic: the files WriteStatic writes for nginx are the
// pages the server serves without rotation, byte for byte, with BaseURL
// links.
func TestAtlasWriteStatic(t *testing.T) {
	testWriteStatic(t, TemplateAtlas, atlasBase, func(s *Server, i int, u string, b []byte) {
		rev, _ := s.Current(u)
		readAtlas(t, i, b, rev)
		doc := spaDoc(t, b)
		if ld := wireLD(t, doc); ld["url"] != u {
			t.Errorf("%s: JSON-LD url %v, want %s", u, ld["url"], u)
		}
		if c := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "canonical" }); attr(c[0], "href") != u {
			t.Errorf("%s: canonical %s", u, attr(c[0], "href"))
		}
	})
}

// BenchmarkAtlasPage renders atlas pages with rotating boilerplate, as the
// bench's server does per request.
func BenchmarkAtlasPage(b *testing.B) {
	benchFamilyPage(b, TemplateAtlas, atlasBase)
}
