package corpus

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// The blox tests read pages as a browser would: parsed by x/net/html,
// text taken from the DOM without <style>, <script>, <noscript> and
// <template> content. The article's paragraphs are the <p>s right in the
// body's subscriber-preview, subscriber-only and lee-article-text
// containers, or on live stories each update's text; the JSON-LD carries
// the text, __tnt.asset the headline and the lede.

const bloxBase = "http://127.0.0.1:8094"

var (
	bloxAssetRE = regexp.MustCompile(`(?m)^__tnt\.asset = (.*);$`)
	bloxRidRE   = regexp.MustCompile(`__tnt\.requestId = "([0-9a-f]{16})";`)
	bloxDCRE    = regexp.MustCompile(`\?_dc=\d{10}$`)
	bloxBlockRE = regexp.MustCompile(`^tncms-block-\d{6}$`)
	bloxAdRE    = regexp.MustCompile(`^tncms-ad-[0-9a-f]{12}$`)
)

// bloxContainer reports whether n holds the article's paragraphs.
func bloxContainer(n *html.Node) bool {
	return n != nil && n.Type == html.ElementNode && n.Data == "div" &&
		(hasClass(n, "subscriber-preview") || hasClass(n, "subscriber-only") || hasClass(n, "lee-article-text"))
}

// bloxClass matches elements whose class list holds c.
func bloxClass(c string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, c) }
}

// bloxBody returns the article body, the asset content.
func bloxBody(t testing.TB, doc *html.Node) *html.Node {
	t.Helper()
	b := findAll(doc, func(n *html.Node) bool { return attr(n, "itemprop") == "articleBody" })
	if len(b) != 1 || !hasClass(b[0], "asset-content") || !hasClass(b[0], "subscriber-premium") {
		t.Fatalf("%d article bodies, want 1, the asset content", len(b))
	}
	return b[0]
}

// bloxEntries returns a live story's updates, none on other pages.
func bloxEntries(doc *html.Node) []*html.Node {
	return findAll(doc, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "tnt-live-update") })
}

// bloxParas returns the article's paragraphs in page order: the updates'
// text on a live story, else the <p>s right in the body's containers.
func bloxParas(t testing.TB, doc *html.Node) []*html.Node {
	t.Helper()
	if entries := bloxEntries(doc); len(entries) > 0 {
		var out []*html.Node
		for _, e := range entries {
			out = append(out, findAll(e, func(n *html.Node) bool { return n.Data == "p" && hasClass(n.Parent, "update-body") })...)
		}
		return out
	}
	return findAll(bloxBody(t, doc), func(n *html.Node) bool { return n.Data == "p" && bloxContainer(n.Parent) })
}

// bloxStory checks a page's story against rev, as a reader sees it, and
// returns it: the headline, then the paragraphs (on live stories newest
// first, one per update).
func bloxStory(t testing.TB, doc *html.Node, rev Revision, live bool) string {
	t.Helper()
	h1 := findAll(doc, byTag("h1"))
	if len(h1) != 1 || attr(h1[0], "class") != "headline" {
		t.Fatalf("%d <h1>s, want 1, the headline", len(h1))
	}
	title := norm(visible(h1[0]))
	if title != norm(rev.Title) {
		t.Errorf("headline %q, want %q", title, rev.Title)
	}
	if got := len(bloxEntries(doc)) > 0; got != live {
		t.Errorf("live story %v, want %v", got, live)
	}
	var paras []string
	for _, n := range bloxParas(t, doc) {
		paras = append(paras, norm(visible(n)))
	}
	want := make([]string, len(rev.Paragraphs))
	for i, p := range rev.Paragraphs {
		want[i] = norm(p)
	}
	if live {
		slices.Reverse(want)
		if n := len(bloxEntries(doc)); n != len(want) {
			t.Errorf("%d live updates, %d paragraphs", n, len(want))
		}
	}
	if !slices.Equal(paras, want) {
		t.Errorf("article paragraphs:\n got %.300q\nwant %.300q", paras, want)
	}
	return strings.Join(append([]string{title}, paras...), "\n")
}

// bloxAsset decodes __tnt.asset.
func bloxAsset(t testing.TB, b []byte) map[string]any {
	t.Helper()
	m := bloxAssetRE.FindSubmatch(b)
	if m == nil {
		t.Fatal("no __tnt.asset")
	}
	var a map[string]any
	if err := json.Unmarshal(m[1], &a); err != nil {
		t.Fatalf("__tnt.asset: %v", err)
	}
	return a
}

// checkBloxData checks that the JSON-LD carries rev's headline, dates and
// text (live: the updates, newest first) and __tnt.asset its headline and
// lede.
func checkBloxData(t testing.TB, b []byte, doc *html.Node, rev Revision, live bool) {
	t.Helper()
	rev = jsonRev(rev)
	ld := wireLD(t, doc)
	checkLDArticle(t, ld, rev, live, " ")
	if ld["datePublished"] != rev.Published.In(bloxZone).Format(bloxISO) || ld["dateModified"] != rev.Modified.In(bloxZone).Format(bloxISO) {
		t.Errorf("JSON-LD dates %v %v, want the revision's", ld["datePublished"], ld["dateModified"])
	}
	a := bloxAsset(t, b)
	if a["title"] != rev.Title || a["summary"] != rev.Paragraphs[0] {
		t.Errorf("__tnt.asset title %.60q summary %.60q, want the headline and the lede", a["title"], a["summary"])
	}
}

// readBlox reads a blox page's story text and checks its JSON-LD and
// __tnt.asset.
func readBlox(t testing.TB, i int, b []byte, rev Revision) string {
	doc := spaDoc(t, b)
	checkBloxData(t, b, doc, rev, bloxLive(i))
	return bloxStory(t, doc, rev, bloxLive(i))
}

// TestBloxPages: every page, ordinary or live, with and without rotation,
// is UTF-8 and carries what every family's pages carry (title, canonical
// link, dates, feed links, JSON-LD) and shows the article: the headline,
// the paragraphs (live: the updates newest first), the text in the
// JSON-LD. Live pages come at their places.
func TestBloxPages(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 6, RotateBoilerplate: rotate, Template: TemplateBlox})
			var lives []int
			for i, u := range s.ArticleURLs() {
				b := getPage(t, i, u, "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"utf-8\">")
				rev, _ := s.Current(u)
				if bloxLive(i) {
					lives = append(lives, i)
				}
				readBlox(t, i, b, rev)
				doc := spaDoc(t, b)
				if title := textOf(findAll(doc, byTag("title"))[0]); !strings.HasPrefix(title, rev.Title+" | ") {
					t.Errorf("page %d: <title> %q", i, title)
				}
				art := findAll(doc, byTag("article"))
				if len(art) != 1 || !strings.HasPrefix(attr(art[0], "id"), "article_") || !hasClass(art[0], "asset") {
					t.Errorf("page %d: no one <article class=\"asset story\" id=\"article_…\">", i)
				}
				canon := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "canonical" })
				if len(canon) != 1 || attr(canon[0], "href") != u || atlasMeta(doc, "og:url") != u || wireLD(t, doc)["url"] != u {
					t.Errorf("page %d: canonical link, og:url or JSON-LD url is not %s", i, u)
				}
				if atlasMeta(doc, "article:published_time") != rev.Published.UTC().Format(time.RFC3339) ||
					atlasMeta(doc, "article:modified_time") != rev.Modified.UTC().Format(time.RFC3339) {
					t.Errorf("page %d: published or modified time is not the revision's", i)
				}
				pub := findAll(doc, func(n *html.Node) bool { return n.Data == "time" && attr(n, "itemprop") == "datePublished" })
				if len(pub) != 1 || attr(pub[0], "datetime") != rev.Published.In(bloxZone).Format(bloxISO) ||
					!strings.HasPrefix(norm(visible(pub[0].Parent)), "Posted ") {
					t.Errorf("page %d: no \"Posted\" <time> of the revision", i)
				}
				if feeds := pressFeedLinks(doc); !slices.Equal(feeds, s.FeedURLs()[:2]) {
					t.Errorf("page %d: feed links %v, want the first two feeds", i, feeds)
				}
			}
			if !slices.Equal(lives, []int{3, 17}) {
				t.Errorf("live pages %v, want [3 17]", lives)
			}
		})
	}
}

// TestBloxHazards pins what the family is made of, over a revised corpus:
// the asset content with its subscriber-preview, subscriber-only and
// lee-article-text containers; linked names; an inline photo with its
// caption and credit; drawn per request inside a container and between
// two, ad slots with drawn ids, the newsletter sign-up, "Related to this
// story", "Most Popular" and "Support local journalism" blocks with drawn
// widget ids; cache-busters and the request id; __tnt.asset and JSON-LD;
// author cards, "Posted" and "Updated" times, keyword tags, the Viafoura
// shell, a comment count that changes between requests; live stories of
// updates newest first, each with its time and author.
func TestBloxHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 3, ArticlesPerFeed: 10, Seed: 8, EditFraction: 0.5, RotateBoilerplate: true, Template: TemplateBlox})
	s.Revise()
	seen := map[string]bool{}
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		doc := spaDoc(t, b)
		rev, _ := s.Current(u)
		body := bloxBody(t, doc)
		paras := bloxParas(t, doc)
		live := bloxLive(i)
		if n := len(findAll(body, bloxClass("subscriber-only"))); n >= 2 && !live {
			seen["the text over several subscriber-only containers"] = true
		}
		if len(findAll(body, bloxClass("subscriber-preview"))) == 1 {
			seen["a subscriber-preview container"] = true
		}
		if len(findAll(body, bloxClass("lee-article-text"))) > 0 {
			seen["lee-article-text wrappers"] = true
		}
		for _, p := range paras {
			if l := findAll(p, byTag("a")); len(l) == 1 && strings.Contains(attr(l[0], "href"), "/search/?") {
				seen["a linked name in a paragraph"] = true
			}
		}
		for n := range body.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			text := norm(visible(n))
			inside := bloxContainer(n.Parent)
			switch {
			case hasClass(n, "tnt-ads-container"):
				ad := findAll(n, bloxClass("tnt-ads"))
				if len(ad) != 1 || !bloxAdRE.MatchString(attr(ad[0], "id")) || text != "Advertisement" {
					t.Errorf("page %d: ad slot without a drawn id", i)
				}
				if inside {
					seen["an ad slot inside a container"] = true
				} else {
					seen["an ad slot between containers"] = true
				}
			case hasClass(n, "tnt-newsletter-signup") && strings.HasPrefix(text, "Get local news delivered to your inbox!"):
				seen["the newsletter sign-up"] = true
			case hasClass(n, "related-asset-list") && strings.HasPrefix(text, "Related to this story"):
				seen["\"Related to this story\""] = true
			case hasClass(n, "tnt-most-popular") && strings.HasPrefix(text, "Most Popular"):
				seen["\"Most Popular\""] = true
			case hasClass(n, "tnt-subscription-prompt") && strings.HasPrefix(text, "Support local journalism"):
				seen["\"Support local journalism\""] = true
			case n.Data == "figure":
				if len(findAll(n, bloxClass("caption-text"))) != 1 || len(findAll(n, bloxClass("tnt-byline"))) != 1 {
					t.Errorf("page %d: inline photo without caption and credit", i)
				}
				seen["an inline photo with caption and credit"] = true
			}
			if hasClass(n, "inline-block") {
				if !bloxBlockRE.MatchString(attr(n, "id")) {
					t.Errorf("page %d: inline block id %q", i, attr(n, "id"))
				}
				if inside {
					seen["an inline block inside a container"] = true
				}
			}
		}
		for _, l := range findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "stylesheet" }) {
			if bloxDCRE.MatchString(attr(l, "href")) {
				seen["a \"?_dc=\" cache-buster"] = true
			}
		}
		if bloxRidRE.Match(b) {
			seen["the request id"] = true
		}
		if a := bloxAsset(t, b); a["uuid"] != nil && strings.HasSuffix(attr(findAll(doc, byTag("article"))[0], "id"), a["uuid"].(string)) {
			seen["__tnt.asset with the asset's uuid"] = true
		}
		if _, ok := wireLD(t, doc)["articleBody"]; ok {
			seen["JSON-LD with the text"] = true
		}
		if cards := findAll(doc, bloxClass("tnt-byline-author")); len(cards) == len(atlasAuthors(&rev)) && len(cards) > 0 {
			seen["an author card"] = true
		}
		upd := findAll(doc, func(n *html.Node) bool { return n.Data == "time" && attr(n, "itemprop") == "dateModified" })
		if modified := !rev.Modified.Equal(rev.Published); modified != (len(upd) == 1) {
			t.Errorf("page %d: %d \"Updated\" times, modified %v", i, len(upd), modified)
		} else if modified {
			if !strings.HasPrefix(norm(visible(upd[0].Parent)), "Updated ") {
				t.Errorf("page %d: \"Updated\" time without its label", i)
			}
			seen["an \"Updated\" time"] = true
		}
		if tags := findAll(doc, bloxClass("tnt-tag")); len(tags) == 3 {
			seen["keyword tags"] = true
		}
		if len(findAll(doc, byTag("vf-conversations"))) == 1 {
			seen["a Viafoura comments shell"] = true
		}
		counts := map[string]bool{}
		for range 4 {
			_, b := get(t, u)
			counts[norm(visible(findAll(spaDoc(t, b), byClass("vf-comments-count"))[0]))] = true
		}
		if len(counts) > 1 {
			seen["a comment count that changes between requests"] = true
		}
		if !live {
			continue
		}
		last := "~"
		for k, e := range bloxEntries(doc) {
			if !olderTime(t, i, k, "update", e, &last) {
				continue
			}
			if a := findAll(e, bloxClass("tnt-byline")); len(a) != 1 || norm(visible(a[0])) == "" {
				t.Errorf("live page %d: update %d without its author", i, k)
			}
		}
		seen["a live story"] = true
	}
	for _, want := range []string{
		"the text over several subscriber-only containers", "a subscriber-preview container", "lee-article-text wrappers",
		"a linked name in a paragraph", "an ad slot inside a container", "an ad slot between containers",
		"the newsletter sign-up", "\"Related to this story\"", "\"Most Popular\"", "\"Support local journalism\"",
		"an inline photo with caption and credit", "an inline block inside a container", "a \"?_dc=\" cache-buster",
		"the request id", "__tnt.asset with the asset's uuid", "JSON-LD with the text", "an author card",
		"an \"Updated\" time", "keyword tags", "a Viafoura comments shell", "a comment count that changes between requests",
		"a live story",
	} {
		if !seen[want] {
			t.Errorf("no page has %s", want)
		}
	}
}

// bloxBoilerplate is what a request drew on a page, read from it: the ad
// slots' ids, the inline blocks' ids and texts, the comment count, the
// cache-busters.
func bloxBoilerplate(t testing.TB, doc *html.Node) string {
	t.Helper()
	var out []string
	for n := range doc.Descendants() {
		switch {
		case n.Type != html.ElementNode:
		case hasClass(n, "tnt-ads"):
			out = append(out, attr(n, "id"))
		case hasClass(n, "inline-block"):
			out = append(out, attr(n, "id")+" "+norm(visible(n)))
		case hasClass(n, "vf-comments-count"):
			out = append(out, norm(visible(n)))
		case n.Data == "link" && attr(n, "rel") == "stylesheet":
			out = append(out, attr(n, "href"))
		}
	}
	return strings.Join(out, "\n")
}

// bloxRequestID is the request's id in the __tnt script.
func bloxRequestID(t testing.TB, doc *html.Node) string {
	t.Helper()
	for _, s := range findAll(doc, byTag("script")) {
		if m := bloxRidRE.FindStringSubmatch(textOf(s)); m != nil {
			return m[1]
		}
	}
	t.Fatal("no __tnt.requestId")
	return ""
}

// TestBloxRotation: without RotateBoilerplate a page is byte-identical
// between requests and the same for the same seed; with it the request id,
// the cache-busters, the ad slots, the inline blocks and the comment count
// change between requests while the headline and the article's paragraph
// elements stay the same.
func TestBloxRotation(t *testing.T) {
	testRotation(t, TemplateBlox, bloxBase, 8, func(_ int, doc *html.Node) rotationRead {
		return rotationRead{markup: folioMarkup(t, bloxParas(t, doc)), h1: renderH1(t, doc),
			boiler: bloxBoilerplate(t, doc), rid: bloxRequestID(t, doc)}
	})
}

// TestBloxNastyText: text holding markup, quotes, "</script>", control
// characters, invalid UTF-8 and line separators reaches the reader intact
// and, valid, the JSON-LD and __tnt.asset; no script element is closed
// early.
func TestBloxNastyText(t *testing.T) { testNastyText(t, TemplateBlox, readBlox, 6) }

// TestBloxReviseOnly: over rounds of Revise with rotating boilerplate, the
// story text a reader sees changes for exactly the articles Revise
// reports, each edit moves from the old text to the new, and the JSON-LD
// and __tnt.asset follow (readBlox checks them on every page).
func TestBloxReviseOnly(t *testing.T) { testReviseOnly(t, TemplateBlox, readBlox) }

// TestBloxReviseKeepsMarkup: after a Revise, an article Revise did not
// edit keeps its headline and paragraph elements byte for byte; those of
// an edited one change.
func TestBloxReviseKeepsMarkup(t *testing.T) {
	testReviseKeepsMarkup(t, TemplateBlox, func(doc *html.Node, h1 string) string {
		return h1 + "\n" + folioMarkup(t, bloxParas(t, doc))
	})
}

// TestBloxWriteStatic: the files WriteStatic writes for nginx are the
// pages the server serves without rotation, byte for byte, with BaseURL
// links.
func TestBloxWriteStatic(t *testing.T) {
	testWriteStatic(t, TemplateBlox, bloxBase, func(s *Server, i int, u string, b []byte) {
		rev, _ := s.Current(u)
		readBlox(t, i, b, rev)
		if ld := wireLD(t, spaDoc(t, b)); ld["url"] != u {
			t.Errorf("%s: JSON-LD url %v, want %s", u, ld["url"], u)
		}
	})
}

// BenchmarkBloxPage renders blox pages with rotating boilerplate, as the
// bench's server does per request.
func BenchmarkBloxPage(b *testing.B) {
	benchFamilyPage(b, TemplateBlox, bloxBase)
}
