package corpus

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The folio tests read pages as a browser would: parsed by x/net/html,
// text taken from the DOM without <style>, <script>, <noscript> and
// <template> content. A declarative shadow root is a <template>: the ones
// around the text hold only styles and <slot>s, so what a reader sees of
// a paragraph is its light DOM. The article's paragraphs are found as the
// front end finds them, by the ids __APP_STATE__ lists, not by markup
// (inserts carry the same kind of id and class).

const folioBase = "http://127.0.0.1:8091"

// folioAppState is what the tests read of __APP_STATE__.
type folioAppState struct {
	Node struct {
		Title string `json:"title"`
		Body  []struct {
			ID    string `json:"id"`
			Value string `json:"value"`
		} `json:"body"`
	} `json:"node"`
	Request struct {
		ID         string `json:"id"`
		RenderedAt int64  `json:"renderedAt"`
	} `json:"request"`
}

// folioState decodes the page's __APP_STATE__: a <script> of its own, or
// on AMP pages the <script> of <amp-state id="__APP_STATE__">.
func folioState(t testing.TB, doc *html.Node) folioAppState {
	t.Helper()
	s := findAll(doc, func(n *html.Node) bool {
		return n.Data == "script" && attr(n, "type") == "application/json" &&
			(attr(n, "id") == "__APP_STATE__" || n.Parent.Data == "amp-state" && attr(n.Parent, "id") == "__APP_STATE__")
	})
	if len(s) != 1 {
		t.Fatalf("%d __APP_STATE__ scripts, want 1", len(s))
	}
	var st folioAppState
	if err := json.Unmarshal([]byte(textOf(s[0])), &st); err != nil {
		t.Fatalf("__APP_STATE__: %v", err)
	}
	return st
}

// folioNode returns the article node, <article data-history-node-id>.
func folioNode(t testing.TB, doc *html.Node) *html.Node {
	t.Helper()
	a := findAll(doc, func(n *html.Node) bool { return n.Data == "article" && attr(n, "data-history-node-id") != "" })
	if len(a) != 1 {
		t.Fatalf("%d article nodes, want 1", len(a))
	}
	return a[0]
}

// folioContainer is the body container: <story-body>, or on AMP pages
// (no custom elements) the article node.
func folioContainer(t testing.TB, doc *html.Node, lite bool) *html.Node {
	t.Helper()
	node := folioNode(t, doc)
	if lite {
		return node
	}
	b := findAll(node, byTag("story-body"))
	if len(b) != 1 {
		t.Fatalf("%d <story-body> elements, want 1", len(b))
	}
	return b[0]
}

// folioParas returns the article's paragraph elements in page order: the
// elements of the article node whose id the state lists.
func folioParas(t testing.TB, doc *html.Node, st folioAppState) []*html.Node {
	t.Helper()
	ids := map[string]bool{}
	for _, b := range st.Node.Body {
		ids[b.ID] = true
	}
	return findAll(folioNode(t, doc), func(n *html.Node) bool { return ids[attr(n, "id")] })
}

// folioInsertLeads are how the inserts shaped as paragraphs (<p id="p-…">
// that the state does not list) open.
var folioInsertLeads = []string{"Related: ", "Read more: ", "Related coverage: ", "This article is part of ", "This story is part of ", "Sponsored content from "}

// folioStory checks a page's story against rev, as a reader sees it, and
// returns it: the headline, then the paragraphs (on live pages newest
// first). It checks that every other <p id="p-…"> is an insert.
func folioStory(t testing.TB, doc *html.Node, rev Revision, live, lite bool) string {
	t.Helper()
	container := folioContainer(t, doc, lite)
	h1 := findAll(doc, byTag("h1"))
	if len(h1) != 1 || len(findAll(container, byTag("h1"))) != 1 {
		t.Fatalf("%d <h1>s, want 1, inside the body container", len(h1))
	}
	title := norm(visible(h1[0]))
	if title != norm(rev.Title) {
		t.Errorf("headline %q, want %q", title, rev.Title)
	}
	st := folioState(t, doc)
	var paras []string
	els := folioParas(t, doc, st)
	for _, n := range els {
		paras = append(paras, norm(visible(n)))
	}
	if want := folioWant(rev, live); !slices.Equal(paras, want) {
		t.Errorf("article paragraphs:\n got %.300q\nwant %.300q", paras, want)
	}
	for _, n := range findAll(container, func(n *html.Node) bool { return strings.HasPrefix(attr(n, "id"), "p-") }) {
		if slices.Contains(els, n) {
			continue
		}
		text := norm(visible(n))
		if !slices.ContainsFunc(folioInsertLeads, func(l string) bool { return strings.HasPrefix(text, strings.TrimSpace(l)) }) {
			t.Errorf("a <p id=%q> neither the article's nor an insert: %.80q", attr(n, "id"), text)
		}
	}
	return strings.Join(append([]string{title}, paras...), "\n")
}

// folioWant is the order in which a page shows rev's paragraphs.
func folioWant(rev Revision, live bool) []string {
	want := make([]string, len(rev.Paragraphs))
	for i, p := range rev.Paragraphs {
		want[i] = norm(p)
	}
	if live {
		slices.Reverse(want)
	}
	return want
}

// folioLDNode returns the first node of the JSON-LD @graph.
func folioLDNode(t testing.TB, doc *html.Node) map[string]any {
	t.Helper()
	graph, _ := wireLD(t, doc)["@graph"].([]any)
	if len(graph) == 0 {
		t.Fatal("JSON-LD without an @graph")
	}
	node, _ := graph[0].(map[string]any)
	return node
}

// checkFolioData checks that the JSON-LD and __APP_STATE__ carry rev:
// articleBody is the paragraphs joined by blank lines, a live page's
// updates are its paragraphs newest first, the state's body is the
// paragraphs with distinct ids, and the state's request id is the one on
// <story-body>.
func checkFolioData(t testing.TB, doc *html.Node, rev Revision, live, lite bool) {
	t.Helper()
	rev = jsonRev(rev)
	checkLDArticle(t, folioLDNode(t, doc), rev, live, "\n\n")
	st := folioState(t, doc)
	var texts []string
	ids := map[string]bool{}
	for _, b := range st.Node.Body {
		texts = append(texts, b.Value)
		if ids[b.ID] || !strings.HasPrefix(b.ID, "p-") {
			t.Errorf("__APP_STATE__ paragraph id %q repeated or malformed", b.ID)
		}
		ids[b.ID] = true
	}
	if st.Node.Title != rev.Title || !slices.Equal(texts, rev.Paragraphs) {
		t.Errorf("__APP_STATE__ node %q with %d paragraphs, want the revision's", st.Node.Title, len(texts))
	}
	if st.Request.ID == "" {
		t.Error("__APP_STATE__ without a request id")
	}
	if !lite {
		if rid := attr(folioContainer(t, doc, false), "render-id"); rid != st.Request.ID {
			t.Errorf("__APP_STATE__ request id %q, <story-body>'s %q", st.Request.ID, rid)
		}
	}
}

// readFolio reads a folio page's story text and checks its JSON-LD and
// state.
func readFolio(t testing.TB, i int, b []byte, rev Revision) string {
	doc := spaDoc(t, b)
	checkFolioData(t, doc, rev, folioLive(i), folioLite(i))
	return folioStory(t, doc, rev, folioLive(i), folioLite(i))
}

// TestFolioPages: every page, ordinary, AMP or live, with and without
// rotation, is UTF-8 and shows the article: the headline inside the body
// container, the paragraphs (live: newest first), and the same text in
// the JSON-LD and the app state. AMP pages are AMP documents without
// custom elements; live and AMP pages come at their places.
func TestFolioPages(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 6, RotateBoilerplate: rotate, Template: TemplateFolio})
			var lives, lites []int
			for i, u := range s.ArticleURLs() {
				b := getPage(t, i, u, "")
				rev, _ := s.Current(u)
				live, lite := folioLive(i), folioLite(i)
				if live {
					lives = append(lives, i)
				}
				if lite {
					lites = append(lites, i)
				}
				doc := spaDoc(t, b)
				readFolio(t, i, b, rev)
				htmlEl := findAll(doc, byTag("html"))[0]
				amp := slices.ContainsFunc(htmlEl.Attr, func(a html.Attribute) bool { return a.Key == "⚡" })
				if amp != lite {
					t.Errorf("page %d: <html ⚡> %v, want %v", i, amp, lite)
				}
				custom := len(findAll(doc, func(n *html.Node) bool { return strings.Contains(n.Data, "-") && !strings.HasPrefix(n.Data, "amp-") }))
				if lite && custom > 0 {
					t.Errorf("AMP page %d: %d custom elements", i, custom)
				}
				if !lite && len(findAll(doc, byTag("story-body"))) != 1 {
					t.Errorf("page %d: no <story-body>", i)
				}
			}
			if !slices.Equal(lives, []int{4, 13}) || !slices.Equal(lites, []int{5, 12, 19}) {
				t.Errorf("live pages %v, AMP pages %v; want [4 13] and [5 12 19]", lives, lites)
			}
		})
	}
}

var (
	folioUpdatedRE = regexp.MustCompile(`^Updated \d+ (minute|hour|day)s? ago$`)
	folioBannerRE  = regexp.MustCompile(`^\d+ new updates?$`)
	folioListenRE  = regexp.MustCompile(`^(Listen|Audio|Hear)\D* \d+ (min|minutes)\b`)
	folioCreditRE  = regexp.MustCompile(`^Photo: [A-Z][a-z]+ [A-Z][a-z]+/`)
)

// TestFolioHazards pins what the family is made of, over a corpus:
// declarative shadow roots on <story-body>, <story-paragraph>, the audio
// bar and <x-embed> (whose text is in its shadow root); paragraphs as
// <p>s with and without a link and as <story-paragraph>s, text entities of
// several paragraphs in field__item wrappers; inside the body container
// the "Updated" stamp, a pull quote, and inserts of the same shape and
// class as the text (related and series lines, a sponsored text entity),
// an audio bar, a poll, "Most popular", ads and BigPipe placeholders; the
// lead <picture> with its sources, lazy image, <noscript> fallback and
// credit; AMP elements on lite pages; live pages with a banner and
// update <article>s newest first, each with its <time> and share links.
func TestFolioHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 3, ArticlesPerFeed: 10, Seed: 8, RotateBoilerplate: true, Template: TemplateFolio})
	seen := map[string]bool{}
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		doc := spaDoc(t, b)
		live, lite := folioLive(i), folioLite(i)
		node := folioNode(t, doc)
		body := folioContainer(t, doc, lite)
		st := folioState(t, doc)
		paras := folioParas(t, doc, st)
		in := func(match func(*html.Node) bool) bool { return len(findAll(body, match)) > 0 }
		if !in(func(n *html.Node) bool {
			return strings.Contains(attr(n, "class"), "node__updated") && folioUpdatedRE.MatchString(textOf(n))
		}) {
			t.Errorf("page %d: no \"Updated N hours ago\" stamp in the body container", i)
		}
		for _, n := range paras {
			switch {
			case n.Data == "story-paragraph":
				tpl := findAll(n, byTag("template"))
				if len(tpl) != 1 || attr(tpl[0], "shadowrootmode") != "open" || len(findAll(tpl[0], byTag("slot"))) != 1 {
					t.Errorf("page %d: a <story-paragraph> without its shadow root around a <slot>", i)
				}
				seen["<story-paragraph>"] = true
			case n.Data == "p" && len(findAll(n, byTag("a"))) > 0:
				seen["<p> with a link"] = true
			case n.Data == "p":
				seen["plain <p>"] = true
			}
			if !strings.HasPrefix(attr(n, "id"), "p-") {
				t.Errorf("page %d: paragraph id %q", i, attr(n, "id"))
			}
		}
		for n := range body.Descendants() {
			cls := attr(n, "class")
			switch {
			case strings.Contains(cls, "paragraph--type--text") && len(findAll(n, func(c *html.Node) bool { return slices.Contains(paras, c) })) > 1:
				seen["a text entity of several paragraphs"] = true
			case strings.Contains(cls, "paragraph--type--text paragraph--view-mode--promo") && strings.Contains(visible(n), "Sponsored content from "):
				seen["a sponsored text entity"] = true
			case strings.Contains(cls, "paragraph--type--quote"):
				seen["a pull quote"] = true
			case strings.Contains(cls, "paragraph--type--related-content") && strings.HasPrefix(norm(visible(n)), "Related: "):
				seen["a related entity"] = true
			case strings.Contains(cls, "paragraph--type--poll"):
				seen["a poll"] = true
			case strings.Contains(cls, "paragraph--type--recirculation") && len(findAll(n, byTag("li"))) == 5:
				seen["most popular"] = true
			case strings.Contains(cls, "paragraph--type--audio") && folioListenRE.MatchString(norm(visible(n))):
				seen["an audio bar"] = true
			case n.Data == "x-embed":
				if tpl := findAll(n, byTag("template")); len(tpl) == 1 && strings.Contains(textOf(tpl[0]), "Featured video") {
					seen["an <x-embed> with its content in a shadow root"] = true
				}
			case n.Data == "amp-iframe":
				seen["<amp-iframe>"] = true
			case n.Data == "amp-ad" || strings.HasPrefix(attr(n, "id"), "dfp-ad-"):
				seen["an ad in the body"] = true
			case attr(n, "data-big-pipe-placeholder-id") != "":
				seen["a BigPipe placeholder in the body"] = true
			case n.Data == "p" && strings.HasPrefix(attr(n, "id"), "p-") && !slices.Contains(paras, n) && attr(n.Parent, "class") == attr(paras[0].Parent, "class"):
				seen["an insert as a <p id> among the paragraphs"] = true
			case n.Data == "picture" && len(findAll(n, byTag("source"))) == 2 && attr(findAll(n, byTag("img"))[0], "loading") == "lazy":
				seen["a <picture> with sources and a lazy image"] = true
			case n.Data == "noscript" && n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "<img") && strings.Contains(n.FirstChild.Data, "caption"):
				// x/net/html keeps <noscript> content as raw text, as a
				// browser running scripts does.
				seen["a <noscript> fallback with the caption"] = true
			case attr(n, "class") == "media__credit" && folioCreditRE.MatchString(textOf(n)):
				seen["a photo credit"] = true
			}
		}
		if !lite {
			tpl := findAll(body, func(n *html.Node) bool { return n.Data == "template" && n.Parent == body })
			if len(tpl) != 1 || attr(tpl[0], "shadowrootmode") != "open" {
				t.Errorf("page %d: <story-body> without a declarative shadow root", i)
			}
		} else {
			for _, tag := range []string{"amp-img", "amp-ad", "amp-audio"} {
				if len(findAll(doc, byTag(tag))) == 0 {
					t.Errorf("AMP page %d: no <%s>", i, tag)
				}
			}
		}
		if !live {
			continue
		}
		banner := findAll(body, func(n *html.Node) bool { return n.Data == "folio-live-banner" })
		if len(banner) != 1 || !folioBannerRE.MatchString(norm(textOf(banner[0]))) {
			t.Errorf("live page %d: no \"N new updates\" banner", i)
		}
		updates := findAll(node, func(n *html.Node) bool { return n.Data == "article" && strings.HasPrefix(attr(n, "id"), "update-") })
		if len(updates) != len(paras) {
			t.Errorf("live page %d: %d updates, %d paragraphs", i, len(updates), len(paras))
		}
		last := "~"
		for k, e := range updates {
			if !olderTime(t, i, k, "update", e, &last) {
				continue
			}
			if len(findAll(e, func(n *html.Node) bool { return slices.Contains(paras, n) })) != 1 {
				t.Errorf("live page %d: update %d holds no paragraph", i, k)
			}
			share := findAll(e, func(n *html.Node) bool {
				return n.Data == "a" && strings.Contains(attr(n, "href"), "%23"+attr(e, "id"))
			})
			if len(share) != 2 {
				t.Errorf("live page %d: update %d has %d share links to its anchor, want 2", i, k, len(share))
			}
		}
		seen["a live page"] = true
	}
	for _, want := range []string{
		"<story-paragraph>", "<p> with a link", "plain <p>", "a text entity of several paragraphs",
		"a sponsored text entity", "a pull quote", "a related entity", "a poll", "most popular", "an audio bar",
		"an <x-embed> with its content in a shadow root", "<amp-iframe>", "an ad in the body",
		"a BigPipe placeholder in the body", "an insert as a <p id> among the paragraphs",
		"a <picture> with sources and a lazy image", "a <noscript> fallback with the caption", "a photo credit", "a live page",
	} {
		if !seen[want] {
			t.Errorf("no page has %s", want)
		}
	}
}

// folioBoilerplate is what a request drew on a page, read from it: the
// texts of the inserts and stamps inside the body container.
func folioBoilerplate(t testing.TB, doc *html.Node, lite bool, paras []*html.Node) string {
	t.Helper()
	var out []string
	for n := range folioContainer(t, doc, lite).Descendants() {
		cls := attr(n, "class")
		switch {
		case n.Type != html.ElementNode:
		case n.Data == "p" && strings.HasPrefix(attr(n, "id"), "p-") && !slices.Contains(paras, n),
			strings.Contains(cls, "node__updated"), n.Data == "folio-live-banner",
			cls == "media__credit", strings.Contains(cls, "paragraph--type--audio"),
			strings.Contains(cls, "paragraph--type--related-content"):
			out = append(out, norm(visible(n)))
		}
	}
	return strings.Join(out, "\n")
}

// folioMarkup renders the article's paragraph elements, markup and all
// (folio's and press's).
func folioMarkup(t testing.TB, paras []*html.Node) string {
	t.Helper()
	var b bytes.Buffer
	for _, n := range paras {
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestFolioRotation: without RotateBoilerplate a page is byte-identical
// between requests and the same for the same seed; with it the request id,
// the "Updated" stamp, the credit and the inserts inside the body
// container change between requests while the headline and the article's
// paragraph elements stay byte for byte the same.
func TestFolioRotation(t *testing.T) {
	testRotation(t, TemplateFolio, folioBase, 7, func(i int, doc *html.Node) rotationRead {
		st := folioState(t, doc)
		paras := folioParas(t, doc, st)
		return rotationRead{markup: folioMarkup(t, paras), h1: renderH1(t, doc),
			boiler: folioBoilerplate(t, doc, folioLite(i), paras), rid: st.Request.ID}
	})
}

// rotationRead is what a family's rotation test reads from one served
// page: the markup of its article's text and of its headline, which no
// request changes, what the request drew, and the request's id.
type rotationRead struct{ markup, h1, boiler, rid string }

// testRotation: without RotateBoilerplate a page of family tmpl (links on
// base, perFeed articles a feed) is byte-identical between requests and the
// same for the same seed, its ETag too; with it, the page, its request id
// and what it drew change on every request while its article's text and
// headline, as read tells them, do not.
func testRotation(t *testing.T, tmpl, base string, perFeed int, read func(i int, doc *html.Node) rotationRead) {
	t.Helper()
	const requests = 5
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			opts := Options{Feeds: 2, ArticlesPerFeed: perFeed, Seed: 3, RotateBoilerplate: rotate, Template: tmpl, BaseURL: base}
			s := startSynthetic(t, opts)
			twin := startSynthetic(t, opts)
			for i, u := range s.ArticleURLs() {
				path := strings.TrimPrefix(u, base)
				pages, markup, h1s, boiler, rids := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
				var tag string
				for k := range requests {
					resp, b := get(t, s.URL()+path)
					if k == 0 {
						tag = resp.Header.Get("ETag")
						if _, bt := get(t, twin.URL()+path); !rotate && !bytes.Equal(b, bt) {
							t.Errorf("page %d: same seed, different bytes", i)
						}
					} else if e := resp.Header.Get("ETag"); e != tag {
						t.Errorf("page %d: ETag %s then %s for the same revision", i, tag, e)
					}
					pages[string(b)] = true
					r := read(i, spaDoc(t, b))
					markup[r.markup], h1s[r.h1], boiler[r.boiler], rids[r.rid] = true, true, true, true
				}
				if len(markup) != 1 || len(h1s) != 1 {
					t.Errorf("page %d: the headline and the article's text took %d and %d forms in %d requests, want 1", i, len(h1s), len(markup), requests)
				}
				want := map[bool]int{false: 1, true: requests}[rotate]
				if len(pages) != want || len(rids) != want || len(boiler) != want {
					t.Errorf("page %d: %d distinct pages, %d request ids, %d draws of inserts in %d requests; want %d each",
						i, len(pages), len(rids), len(boiler), requests, want)
				}
			}
		})
	}
}

// renderH1 renders the page's first <h1>.
func renderH1(t *testing.T, doc *html.Node) string {
	t.Helper()
	var h bytes.Buffer
	if err := html.Render(&h, findAll(doc, byTag("h1"))[0]); err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// TestFolioNastyText: text holding markup, quotes, "</script>", control
// characters, invalid UTF-8 and line separators reaches the reader intact
// and, valid, the JSON-LD and the app state; no script element is closed
// early.
func TestFolioNastyText(t *testing.T) { testNastyText(t, TemplateFolio, readFolio, 5) }

// TestFolioReviseOnly: over rounds of Revise with rotating boilerplate, the
// story text a reader sees changes for exactly the articles Revise reports,
// each edit moves from the old text to the new, and the JSON-LD and the
// app state follow (readFolio checks them on every page).
func TestFolioReviseOnly(t *testing.T) { testReviseOnly(t, TemplateFolio, readFolio) }

// TestFolioReviseKeepsMarkup: after a Revise, an article Revise did not
// edit keeps its headline and paragraph elements byte for byte; those of
// an edited one change.
func TestFolioReviseKeepsMarkup(t *testing.T) {
	testReviseKeepsMarkup(t, TemplateFolio, func(doc *html.Node, h1 string) string {
		return h1 + "\n" + folioMarkup(t, folioParas(t, doc, folioState(t, doc)))
	})
}

// testReviseKeepsMarkup: after a Revise, an article Revise did not edit
// keeps the markup of its headline and paragraphs (what markup makes of
// the page's document and its rendered <h1>); that of an edited one
// changes.
func testReviseKeepsMarkup(t *testing.T, tmpl string, markup func(doc *html.Node, h1 string) string) {
	t.Helper()
	s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, EditFraction: 0.3, Seed: 12, RotateBoilerplate: true, Template: tmpl})
	read := func(u string) string {
		_, b := get(t, u)
		doc := spaDoc(t, b)
		return markup(doc, renderH1(t, doc))
	}
	before := map[string]string{}
	for _, u := range s.ArticleURLs() {
		before[u] = read(u)
	}
	edited := s.Revise()
	if len(edited) != 6 {
		t.Fatalf("Revise edited %d articles, want 6", len(edited))
	}
	for _, u := range s.ArticleURLs() {
		if changed, ed := read(u) != before[u], slices.Contains(edited, u); changed != ed {
			t.Errorf("%s: headline and paragraph markup changed %v, edited %v", u, changed, ed)
		}
	}
}

// TestFolioWriteStatic: the files WriteStatic writes for nginx are the
// pages the server serves without rotation, byte for byte, with BaseURL
// links.
func TestFolioWriteStatic(t *testing.T) {
	testWriteStatic(t, TemplateFolio, folioBase, func(s *Server, i int, u string, b []byte) {
		rev, _ := s.Current(u)
		readFolio(t, i, b, rev)
		if ld := folioLDNode(t, spaDoc(t, b)); ld["@id"] != u {
			t.Errorf("%s: JSON-LD @id %v, want %s", u, ld["@id"], u)
		}
	})
}
