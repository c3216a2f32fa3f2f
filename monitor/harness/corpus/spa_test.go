package corpus

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The spa tests read pages as a browser would: parsed by x/net/html, text
// taken from the DOM with <style>, <script>, <template> and <noscript>
// content left out, as none of it is shown.

const spaBase = "http://127.0.0.1:8090"

// spaDoc parses a spa page.
func spaDoc(t testing.TB, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	return doc
}

// hidden are the elements whose content a reader never sees.
var hidden = map[string]bool{"style": true, "script": true, "template": true, "noscript": true}

// visible is the text of n a reader sees.
func visible(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && hidden[n.Data]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// spaBody returns the article body container.
func spaBody(t testing.TB, doc *html.Node) *html.Node {
	t.Helper()
	b := findAll(doc, func(n *html.Node) bool { return attr(n, "data-component") == "article-body" })
	if len(b) != 1 {
		t.Fatalf("%d article bodies, want 1", len(b))
	}
	return b[0]
}

// spaParagraph reports whether n is a body paragraph: a <p> or a <div
// data-block-type="paragraph"> in a text block's inner <div> or in a live
// entry's.
func spaParagraph(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != "p" && (n.Data != "div" || attr(n, "data-block-type") != "paragraph") {
		return false
	}
	if n.Parent == nil || n.Parent.Parent == nil {
		return false
	}
	holder := n.Parent.Parent
	return attr(holder, "data-component") == "text-block" || holder.Data == "article" && strings.HasPrefix(attr(holder, "id"), "block-")
}

// spaStory returns the story as a reader sees it, without knowing the
// revision: the headline (on live pages without the "Live" badge), then the
// body's paragraphs and subheadlines ("## " lines) in page order.
func spaStory(t testing.TB, doc *html.Node, live bool) []string {
	t.Helper()
	h1 := findAll(doc, byTag("h1"))
	if len(h1) != 1 {
		t.Fatalf("%d <h1>s, want 1", len(h1))
	}
	title := norm(visible(h1[0]))
	if live {
		var ok bool
		if title, ok = strings.CutPrefix(title, "Live"); !ok {
			t.Errorf("live page headline %q lacks its badge", title)
		}
	}
	out := []string{title}
	for n := range spaBody(t, doc).Descendants() {
		switch {
		case spaParagraph(n):
			out = append(out, norm(visible(n)))
		case n.Type == html.ElementNode && n.Data == "h2" && attr(n.Parent, "data-component") == "subheadline-block":
			out = append(out, "## "+norm(visible(n)))
		}
	}
	return out
}

// spaWant is the order in which a page shows rev's paragraphs: as written,
// or on a live page the pinned first one, then the rest newest first.
func spaWant(rev Revision, live bool) []string {
	want := make([]string, len(rev.Paragraphs))
	for i, p := range rev.Paragraphs {
		want[i] = norm(p)
	}
	if live && len(want) > 1 {
		slices.Reverse(want[1:])
	}
	return want
}

// checkSPAStory checks a page's story against rev and returns it as one
// string.
func checkSPAStory(t testing.TB, doc *html.Node, rev Revision, live bool) string {
	t.Helper()
	story := spaStory(t, doc, live)
	if story[0] != norm(rev.Title) {
		t.Errorf("headline %q, want %q", story[0], rev.Title)
	}
	var paras []string
	for _, l := range story[1:] {
		if !strings.HasPrefix(l, "## ") {
			paras = append(paras, l)
		}
	}
	if want := spaWant(rev, live); !slices.Equal(paras, want) {
		t.Errorf("body paragraphs:\n got %q\nwant %q", paras, want)
	}
	return strings.Join(story, "\n")
}

// spaNextData is what the tests read of __NEXT_DATA__.
type spaNextData struct {
	Props struct {
		PageProps struct {
			Article struct {
				Headline string `json:"headline"`
				Blocks   []struct {
					Type string `json:"type"`
					Text string `json:"text"`
				} `json:"blocks"`
			} `json:"article"`
			Related []struct {
				URL string `json:"url"`
			} `json:"related"`
		} `json:"pageProps"`
	} `json:"props"`
	BuildID       string `json:"buildId"`
	RuntimeConfig struct {
		RequestID  string `json:"requestId"`
		RenderedAt string `json:"renderedAt"`
	} `json:"runtimeConfig"`
}

// spaState decodes the page's __NEXT_DATA__.
func spaState(t testing.TB, doc *html.Node) spaNextData {
	t.Helper()
	s := findAll(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "id") == "__NEXT_DATA__" })
	if len(s) != 1 || attr(s[0], "type") != "application/json" {
		t.Fatalf("want one __NEXT_DATA__ script of type application/json, got %d", len(s))
	}
	var d spaNextData
	if err := json.Unmarshal([]byte(textOf(s[0])), &d); err != nil {
		t.Fatalf("__NEXT_DATA__: %v", err)
	}
	return d
}

// spaLD decodes the page's JSON-LD.
func spaLD(t testing.TB, doc *html.Node) map[string]any {
	t.Helper()
	return wireLD(t, doc)
}

// checkSPAData checks that the JSON-LD and __NEXT_DATA__ carry rev: the
// articleBody is the paragraphs joined by spaces, a live page's updates
// are its paragraphs newest first, and the state's blocks are the
// paragraphs; the state's request id is the one on the body container.
func checkSPAData(t testing.TB, doc *html.Node, rev Revision, live bool) {
	t.Helper()
	rev = jsonRev(rev)
	checkLDArticle(t, spaLD(t, doc), rev, live, " ")
	d := spaState(t, doc)
	var paras []string
	for _, b := range d.Props.PageProps.Article.Blocks {
		if b.Type == "paragraph" {
			paras = append(paras, b.Text)
		}
	}
	if d.Props.PageProps.Article.Headline != rev.Title || !slices.Equal(paras, rev.Paragraphs) {
		t.Errorf("__NEXT_DATA__ article %q with %d paragraphs, want the revision's", d.Props.PageProps.Article.Headline, len(paras))
	}
	if rid := attr(spaBody(t, doc), "data-rid"); rid == "" || d.RuntimeConfig.RequestID != rid {
		t.Errorf("__NEXT_DATA__ request id %q, body container's %q", d.RuntimeConfig.RequestID, rid)
	}
}

// jsonRev is rev as JSON carries it: invalid UTF-8 as U+FFFD, as
// json.Marshal and JSON.stringify of a decoded string write it.
func jsonRev(rev Revision) Revision {
	rev.Title = strings.ToValidUTF8(rev.Title, "\uFFFD")
	rev.Paragraphs = slices.Clone(rev.Paragraphs)
	for i, p := range rev.Paragraphs {
		rev.Paragraphs[i] = strings.ToValidUTF8(p, "\uFFFD")
	}
	return rev
}

// checkLDArticle checks a JSON-LD article object against rev (as
// jsonRev returns it): its type, NewsArticle or on live pages
// LiveBlogPosting, its headline, its articleBody (the paragraphs joined by
// sep) and, live, its updates' bodies, the paragraphs newest first.
func checkLDArticle(t testing.TB, ld map[string]any, rev Revision, live bool, sep string) {
	t.Helper()
	wantType := map[bool]string{false: "NewsArticle", true: "LiveBlogPosting"}[live]
	if ld["@type"] != wantType || ld["headline"] != rev.Title {
		t.Errorf("JSON-LD type %v headline %v, want %s %q", ld["@type"], ld["headline"], wantType, rev.Title)
	}
	if body, _ := ld["articleBody"].(string); body != strings.Join(rev.Paragraphs, sep) {
		t.Errorf("JSON-LD articleBody:\n got %.120q\nwant the paragraphs joined by %q", body, sep)
	}
	if live {
		checkLiveBlogUpdates(t, ld, rev)
	}
}

// checkLiveBlogUpdates checks that a LiveBlogPosting's updates carry rev's
// paragraphs (as jsonRev returns them), newest first.
func checkLiveBlogUpdates(t testing.TB, ld map[string]any, rev Revision) {
	t.Helper()
	ups, _ := ld["liveBlogUpdate"].([]any)
	var got []string
	for _, u := range ups {
		b, _ := u.(map[string]any)["articleBody"].(string)
		got = append(got, b)
	}
	want := slices.Clone(rev.Paragraphs)
	slices.Reverse(want)
	if !slices.Equal(got, want) {
		t.Errorf("liveBlogUpdate bodies %.200q, want the paragraphs newest first", got)
	}
}

// TestSPAPages: every page, ordinary or live, with and without rotation,
// is UTF-8 and shows the article: the headline, the paragraphs in the text
// blocks (live: pinned first, then newest first), and the same text in the
// JSON-LD and the hydration state.
func TestSPAPages(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 6, RotateBoilerplate: rotate, Template: TemplateSPA})
			lives := 0
			for i, u := range s.ArticleURLs() {
				b := getPage(t, i, u, `<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>`)
				if bytes.Contains(b, []byte(">\n<")) {
					t.Errorf("page %d: whitespace between elements; React writes none", i)
				}
				rev, _ := s.Current(u)
				live := spaLive(i)
				if live {
					lives++
				}
				doc := spaDoc(t, b)
				checkSPAStory(t, doc, rev, live)
				checkSPAData(t, doc, rev, live)
			}
			if lives != 3 {
				t.Errorf("%d live pages among 20, want 3 (indices 3, 11, 19)", lives)
			}
		})
	}
}

var (
	hashedClass = regexp.MustCompile(`^css-[0-9a-z]+$`)
	updatedRE   = regexp.MustCompile(`Updated <!-- -->\d+<!-- --> (minutes?|hours) ago`)
	agoRE       = regexp.MustCompile(`^\d+[mhd] ago$`)
)

// TestSPAHazards pins what the family is made of, over a corpus: hashed
// class names only, Emotion's <style> elements inside the body (inside
// paragraphs too), paragraphs as <p>s with links, emphasis and two text
// nodes and as <div>s of <span>s, blocks of two paragraphs, subheadlines,
// rotating inserts inside the body container, lazy images, a <template>
// and <noscript>s, and live blogs with key events, a pinned post and
// entries newest first.
func TestSPAHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 8, Seed: 8, RotateBoilerplate: true, Template: TemplateSPA})
	seen := map[string]bool{}
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		doc := spaDoc(t, b)
		body := spaBody(t, doc)
		live := spaLive(i)
		for n := range doc.Descendants() {
			if c := attr(n, "class"); n.Type == html.ElementNode && c != "" && c != "visually-hidden" && !hashedClass.MatchString(c) {
				t.Fatalf("page %d: class %q is not an Emotion hash", i, c)
			}
		}
		if !updatedRE.Match(b) {
			t.Errorf("page %d: no \"Updated N minutes ago\" stamp of three text nodes", i)
		}
		in := func(match func(*html.Node) bool) bool { return len(findAll(body, match)) > 0 }
		for name, match := range map[string]func(*html.Node) bool{
			"an ad slot":    func(n *html.Node) bool { return strings.HasPrefix(attr(n, "id"), "div-gpt-ad-") },
			"related cards": func(n *html.Node) bool { return attr(n, "data-component") == "links-block" },
			"a newsletter form": func(n *html.Node) bool {
				return n.Data == "form" && attr(n.Parent, "data-component") == "newsletter-signup"
			},
			"a <template>": byTag("template"),
			"an Emotion <style>": func(n *html.Node) bool {
				return n.Data == "style" && strings.HasPrefix(attr(n, "data-emotion"), "css ")
			},
			"a lazy image": func(n *html.Node) bool {
				return n.Data == "img" && attr(n, "loading") == "lazy" && attr(n, "srcset") != ""
			},
			"the \"Updated\" stamp": func(n *html.Node) bool { return n.Data == "span" && attr(n, "data-updated") != "" },
			"the comment count":     func(n *html.Node) bool { return attr(n, "href") == "#comments" },
		} {
			if !in(match) {
				t.Errorf("page %d: the body container lacks %s", i, name)
			}
		}
		for n := range body.Descendants() {
			switch {
			case spaParagraph(n) && n.Data == "div" && len(findAll(n, byTag("span"))) > 1:
				seen["<div> of <span>s"] = true
			case spaParagraph(n) && len(findAll(n, byTag("a"))) > 0:
				seen["<p> with a link"] = true
			case spaParagraph(n) && (len(findAll(n, byTag("em"))) > 0 || len(findAll(n, byTag("strong"))) > 0):
				seen["<p> with emphasis"] = true
			case spaParagraph(n) && len(findAll(n, byTag("style"))) > 0:
				seen["<style> in a paragraph"] = true
			case n.Type == html.CommentNode && spaParagraph(n.Parent):
				seen["<p> of two text nodes"] = true
			case attr(n, "data-component") == "text-block" && len(findAll(n, spaParagraph)) == 2:
				seen["a text block of two paragraphs"] = true
			case attr(n, "data-component") == "subheadline-block":
				seen["a subheadline"] = true
			case n.Data == "noscript":
				seen["<noscript> in the body"] = true
			}
		}
		if !live {
			if len(findAll(body, byTag("figure"))) != 1 || len(findAll(body, byTag("figcaption"))) != 1 {
				t.Errorf("page %d: no lead image with a caption", i)
			}
			continue
		}
		rev, _ := s.Current(u)
		pinned := findAll(body, func(n *html.Node) bool { return attr(n, "data-pinned") == "true" })
		if len(pinned) != 1 || !strings.Contains(norm(visible(pinned[0])), norm(rev.Paragraphs[0])) {
			t.Errorf("live page %d: the pinned post is not the first paragraph", i)
		}
		var last int64 = 1 << 62
		for _, e := range findAll(body, func(n *html.Node) bool { return n.Data == "article" && attr(n.Parent, "data-pinned") == "" }) {
			ts := attr(e, "data-block-ts")
			var v int64
			if err := json.Unmarshal([]byte(ts), &v); err != nil || v >= last {
				t.Errorf("live page %d: entry time %q not older than the one before", i, ts)
			}
			last = v
			if ago := findAll(e, func(n *html.Node) bool { return n.Data == "span" && agoRE.MatchString(textOf(n)) }); len(ago) != 1 {
				t.Errorf("live page %d: entry without its \"N min ago\"", i)
			}
		}
		if k := findAll(body, func(n *html.Node) bool { return attr(n, "data-component") == "key-events" }); len(k) != 1 || len(findAll(k[0], byTag("li"))) == 0 {
			t.Errorf("live page %d: no key events", i)
		}
	}
	for _, want := range []string{"<div> of <span>s", "<p> with a link", "<p> with emphasis", "<style> in a paragraph", "<p> of two text nodes", "a text block of two paragraphs", "a subheadline", "<noscript> in the body"} {
		if !seen[want] {
			t.Errorf("no page has %s", want)
		}
	}
}

// TestSPARotation: without RotateBoilerplate a page is byte-identical
// between requests and the same for the same seed; with it the request id,
// render time and the body container's inserts change on every request
// while the story text and the stable class names do not. Class names
// are a site's: the same on every page of a site, different between sites.
func TestSPARotation(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			opts := Options{Feeds: 2, ArticlesPerFeed: 5, Seed: 3, RotateBoilerplate: rotate, Template: TemplateSPA, BaseURL: spaBase}
			s := startSynthetic(t, opts)
			twin := startSynthetic(t, opts)
			h1Class := map[string]string{} // site path prefix -> class of <h1>
			for i, u := range s.ArticleURLs() {
				path := strings.TrimPrefix(u, spaBase)
				r1, b1 := get(t, s.URL()+path)
				r2, b2 := get(t, s.URL()+path)
				if rotate == bytes.Equal(b1, b2) {
					t.Errorf("page %d: two requests equal=%v, want %v", i, bytes.Equal(b1, b2), !rotate)
				}
				if e1, e2 := r1.Header.Get("ETag"), r2.Header.Get("ETag"); e1 != e2 {
					t.Errorf("page %d: ETag %s then %s for the same revision", i, e1, e2)
				}
				if _, bt := get(t, twin.URL()+path); !rotate && !bytes.Equal(b1, bt) {
					t.Errorf("page %d: same seed, different bytes", i)
				}
				d1, d2 := spaDoc(t, b1), spaDoc(t, b2)
				live := spaLive(i)
				x1, x2 := strings.Join(spaStory(t, d1, live), "\n"), strings.Join(spaStory(t, d2, live), "\n")
				if x1 != x2 {
					t.Errorf("page %d: story text differs between requests:\n%s\n%s", i, x1, x2)
				}
				h1 := attr(findAll(d1, byTag("h1"))[0], "class")
				if h2 := attr(findAll(d2, byTag("h1"))[0], "class"); h1 != h2 {
					t.Errorf("page %d: headline class %s then %s", i, h1, h2)
				}
				site, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
				if c, ok := h1Class[site]; ok && c != h1 {
					t.Errorf("page %d: headline class %s, %s on another page of %s", i, h1, c, site)
				}
				h1Class[site] = h1
				if !rotate {
					continue
				}
				st1, st2 := spaState(t, d1), spaState(t, d2)
				if st1.RuntimeConfig.RequestID == st2.RuntimeConfig.RequestID {
					t.Errorf("page %d: the request id did not change", i)
				}
				if st1.BuildID != st2.BuildID {
					t.Errorf("page %d: build %s then %s", i, st1.BuildID, st2.BuildID)
				}
				var bb1, bb2 bytes.Buffer
				if err := html.Render(&bb1, spaBody(t, d1)); err != nil {
					t.Fatal(err)
				}
				if err := html.Render(&bb2, spaBody(t, d2)); err != nil {
					t.Fatal(err)
				}
				if bytes.Equal(bb1.Bytes(), bb2.Bytes()) {
					t.Errorf("page %d: the body container did not rotate", i)
				}
			}
			if len(h1Class) != 2 {
				t.Fatalf("%d sites, want 2", len(h1Class))
			}
			var classes []string
			for _, c := range h1Class {
				classes = append(classes, c)
			}
			if classes[0] == classes[1] {
				t.Errorf("two sites share the headline class %s", classes[0])
			}
		})
	}
}

// readSPA reads a spa page's story text and checks its JSON-LD and
// hydration state.
func readSPA(t testing.TB, i int, b []byte, rev Revision) string {
	doc := spaDoc(t, b)
	checkSPAData(t, doc, rev, spaLive(i))
	return checkSPAStory(t, doc, rev, spaLive(i))
}

// TestSPANastyText: text holding markup, quotes, "</script>", control
// characters, invalid UTF-8 and line separators reaches the reader intact
// in the body and, valid, in the JSON-LD and the hydration state; no
// script element is closed early.
func TestSPANastyText(t *testing.T) { testNastyText(t, TemplateSPA, readSPA, 10) }

// testNastyText serves nastyServer's articles in UTF-8 family tmpl and
// checks each page with read, that it has its scripts script elements
// (none opened or closed by the text) and that its <title> starts with the
// headline.
func testNastyText(t *testing.T, tmpl string, read storyReader, scripts int) {
	s := startServer(t, nastyServer(Options{RotateBoilerplate: true, Seed: 4, Template: tmpl}), nil)
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		rev, _ := s.Current(u)
		doc := spaDoc(t, b)
		read(t, i, b, rev)
		if n := len(findAll(doc, byTag("script"))); n != scripts {
			t.Errorf("page %d: %d <script>s, want %d (text opened or closed one)", i, n, scripts)
		}
		if h := textOf(findAll(doc, byTag("title"))[0]); !strings.HasPrefix(h, rev.Title[:20]) {
			t.Errorf("page %d: <title> %.40q", i, h)
		}
	}
}

// TestSPAReviseOnly: over rounds of Revise with rotating boilerplate, the
// story text a reader sees changes for exactly the articles Revise reports,
// each edit moves from the old text to the new, and the JSON-LD and the
// hydration state follow (readSPA checks them on every page).
func TestSPAReviseOnly(t *testing.T) { testReviseOnly(t, TemplateSPA, readSPA) }

// TestSPAWriteStatic: the files WriteStatic writes for nginx are the pages
// the server serves without rotation, byte for byte, with BaseURL links.
func TestSPAWriteStatic(t *testing.T) {
	testWriteStatic(t, TemplateSPA, spaBase, func(s *Server, i int, u string, b []byte) {
		rev, _ := s.Current(u)
		readSPA(t, i, b, rev)
		if ld := spaLD(t, spaDoc(t, b)); ld["mainEntityOfPage"] != u {
			t.Errorf("%s: JSON-LD url %v, want %s", u, ld["mainEntityOfPage"], u)
		}
	})
}

// FuzzSPAEscape: whatever the text, appendReact writes what React's
// escapeTextForBrowser writes, and a browser reads the text back; with the
// text's cleanFlags, appendReactF writes the same.
func FuzzSPAEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "“Quote,” he said — it’s 5–6 €", "a & b < c > d \"e\" 'f'", "</p><script>", "\xff\xfe", "&amp;"} {
		f.Add(s)
	}
	react := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#x27;")
	f.Fuzz(func(t *testing.T, s string) {
		got := string(appendReact(nil, s))
		if want := react.Replace(s); got != want {
			t.Errorf("appendReact(%q) = %q, want %q", s, got, want)
		}
		if f := string(appendReactF(nil, s, cleanFlags(s))); f != got {
			t.Errorf("appendReactF(%q) = %q, appendReact %q", s, f, got)
		}
		if utf8.ValidString(s) {
			if back := html.UnescapeString(got); back != s {
				t.Errorf("%q reads back as %q", s, back)
			}
		}
	})
}
