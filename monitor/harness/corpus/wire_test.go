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
	"golang.org/x/text/encoding/charmap"
)

// The wire tests read pages as a browser would: bytes decoded from
// windows-1252 by x/text (not by the family's own table), parsed by
// x/net/html, text taken from the DOM.

const wireBase = "http://127.0.0.1:8089"

// wireDoc decodes a wire page from windows-1252 and parses it.
func wireDoc(t testing.TB, b []byte) *html.Node {
	t.Helper()
	u, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatalf("decode windows-1252: %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(u))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// findAll returns the elements under n that match, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
	}
	return out
}

func byClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, "class") == class }
}

func byTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

// textOf is the text of n and its descendants.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	return b.String()
}

// norm collapses whitespace, no-break spaces included, to single spaces.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

var (
	inlineTags = map[string]bool{"a": true, "b": true, "i": true, "span": true, "font": true, "em": true, "strong": true}
	brBreak    = regexp.MustCompile("\x00\\s*\x00")
)

// wireRuns returns the story's text runs as a reader sees them: within each
// <div class="storytext"> (on live pages, "entry-body"), text and inline
// elements form runs that <br><br> or any other element ends; a single
// <br> is a line break inside a run.
func wireRuns(doc *html.Node) []string {
	var runs []string
	var cur strings.Builder
	flush := func() {
		for _, r := range brBreak.Split(cur.String(), -1) {
			var lines []string
			for _, l := range strings.Split(r, "\x00") {
				if l = norm(l); l != "" {
					lines = append(lines, l)
				}
			}
			if len(lines) > 0 {
				runs = append(runs, strings.Join(lines, "\n"))
			}
		}
		cur.Reset()
	}
	divs := findAll(doc, func(n *html.Node) bool {
		return n.Data == "div" && (attr(n, "class") == "storytext" || attr(n, "class") == "entry-body")
	})
	for _, d := range divs {
		for c := d.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				cur.WriteString(c.Data)
			case c.Type == html.ElementNode && c.Data == "br":
				cur.WriteByte(0)
			case c.Type == html.ElementNode && inlineTags[c.Data]:
				cur.WriteString(textOf(c))
			default:
				flush()
			}
		}
		flush()
	}
	return runs
}

var (
	stampRE    = regexp.MustCompile(`^Updated \d+ min ago$`)
	datelineRE = regexp.MustCompile(`^([A-Z]+, [A-Z][a-z]+ \d{1,2} \(Wire\)) — `)
)

// wireStory checks a decoded wire page's story against rev and returns
// the article's text as a reader sees it: the headline, then the runs
// without the "Updated" stamp.
func wireStory(t testing.TB, doc *html.Node, rev Revision, live bool) string {
	t.Helper()
	h1 := findAll(doc, byTag("h1"))
	if len(h1) != 1 || norm(textOf(h1[0])) != norm(rev.Title) {
		t.Fatalf("want one <h1> with the title %q", rev.Title)
	}
	runs := wireRuns(doc)
	if len(runs) != len(rev.Paragraphs) {
		t.Fatalf("%d text runs, want %d paragraphs: %q", len(runs), len(rev.Paragraphs), runs)
	}
	want := make([]string, len(rev.Paragraphs))
	for i, p := range rev.Paragraphs {
		want[i] = norm(p)
	}
	if live {
		slices.Reverse(want)
		stamp := findAll(doc, byClass("livestamp"))
		if len(stamp) != 1 || !stampRE.MatchString(norm(textOf(stamp[0]))) {
			t.Error("live page lacks its \"Updated N min ago\" stamp")
		}
	} else {
		stamp, first, ok := strings.Cut(runs[0], "\n")
		if !ok || !stampRE.MatchString(stamp) {
			t.Errorf("first run %.60q does not open with an \"Updated N min ago\" line", runs[0])
		}
		m := datelineRE.FindString(first)
		if m == "" {
			t.Fatalf("first paragraph %.60q lacks a dateline", first)
		}
		runs[0] = first
		want[0] = m + want[0]
	}
	for i := range want {
		if runs[i] != want[i] {
			t.Errorf("run %d:\n got %q\nwant %q", i, runs[i], want[i])
		}
	}
	return norm(rev.Title) + "\n" + strings.Join(runs, "\n")
}

// wireLD returns the page's JSON-LD object.
func wireLD(t testing.TB, doc *html.Node) map[string]any {
	t.Helper()
	s := findAll(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" })
	if len(s) != 1 {
		t.Fatalf("%d JSON-LD scripts, want 1", len(s))
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(textOf(s[0])), &ld); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	return ld
}

// checkWireLD checks that the JSON-LD NewsArticle carries the revision:
// its articleBody is the visible text, dateline included, blank-line separated.
func checkWireLD(t testing.TB, doc *html.Node, rev Revision, live bool) {
	t.Helper()
	ld := wireLD(t, doc)
	body, _ := ld["articleBody"].(string)
	if ld["@type"] != "NewsArticle" || ld["headline"] != rev.Title {
		t.Errorf("JSON-LD type %v headline %v, want NewsArticle %q", ld["@type"], ld["headline"], rev.Title)
	}
	want := strings.Join(rev.Paragraphs, "\n\n")
	if !live {
		runs := wireRuns(doc)
		_, first, _ := strings.Cut(runs[0], "\n")
		want = datelineRE.FindString(first) + want
	}
	if body != want {
		t.Errorf("JSON-LD articleBody:\n got %.120q\nwant %.120q", body, want)
	}
}

// TestWirePages: every page, ordinary or live, with and without rotation,
// is served and declared as windows-1252 and decodes to the article: the
// headline, the paragraphs as runs between <br><br> (the first after the
// stamp and a dateline), live entries newest first, and a JSON-LD
// articleBody holding the same text.
func TestWirePages(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		t.Run(map[bool]string{false: "fixed", true: "rotating"}[rotate], func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 6, RotateBoilerplate: rotate, Template: TemplateWire})
			lives := 0
			for i, u := range s.ArticleURLs() {
				resp, b := get(t, u)
				if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=windows-1252" {
					t.Errorf("page %d: Content-Type %q", i, ct)
				}
				if !bytes.Contains(b, []byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`)) {
					t.Errorf("page %d: no windows-1252 meta declaration", i)
				}
				if utf8.Valid(b) || !bytes.Contains(b, []byte(" \x96 ")) {
					t.Errorf("page %d: not windows-1252 bytes (no en dash 0x96 in the title)", i)
				}
				for _, tag := range []string{"<p>", "<p ", "<article", "<main"} {
					if bytes.Contains(b, []byte(tag)) {
						t.Errorf("page %d has %s", i, tag)
					}
				}
				rev, _ := s.Current(u)
				live := wireLive(i)
				if live {
					lives++
				}
				doc := wireDoc(t, b)
				wireStory(t, doc, rev, live)
				checkWireLD(t, doc, rev, live)
			}
			if lives != 2 {
				t.Errorf("%d live pages among 20, want 2", lives)
			}
		})
	}
}

// TestWireHazards pins what the family is made of, over a corpus: 1252
// typography bytes mixed with named and numeric references, the AMP
// elements, pull quote, "Most read" and sponsored boxes inside the body
// container, nonces on every inline script, and a pull quote that repeats
// a body sentence.
func TestWireHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 8, RotateBoilerplate: true, Template: TemplateWire})
	var all []byte
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		all = append(all, b...)
		doc := wireDoc(t, b)
		body := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == "storybody" })
		if len(body) != 1 {
			t.Fatalf("page %d: %d story bodies", i, len(body))
		}
		in := func(match func(*html.Node) bool) bool { return len(findAll(body[0], match)) > 0 }
		for _, want := range []string{"amp-ad", "amp-social-share"} {
			if !in(byTag(want)) {
				t.Errorf("page %d: story body lacks <%s>", i, want)
			}
		}
		for _, want := range []string{"mostread", "sponsored"} {
			if !in(byClass(want)) {
				t.Errorf("page %d: story body lacks the %s box", i, want)
			}
		}
		nonce := regexp.MustCompile(`'nonce-([^']+)'`).FindSubmatch(b)
		if nonce == nil {
			t.Fatalf("page %d: no CSP nonce", i)
		}
		for _, sc := range findAll(doc, byTag("script")) {
			if attr(sc, "src") == "" && attr(sc, "nonce") != string(nonce[1]) {
				t.Errorf("page %d: inline script without the page's nonce", i)
			}
		}
		if wireLive(i) {
			if n := len(findAll(body[0], byClass("entry"))); n == 0 {
				t.Errorf("live page %d has no entries", i)
			}
			continue
		}
		if !in(byTag("amp-img")) || !in(byTag("figcaption")) {
			t.Errorf("page %d: no <amp-img> with a caption", i)
		}
		pq := findAll(body[0], byClass("pullquote"))
		rev, _ := s.Current(s.ArticleURLs()[i])
		if len(pq) != 1 {
			t.Fatalf("page %d: %d pull quotes", i, len(pq))
		}
		q := strings.Trim(norm(textOf(pq[0])), "“”")
		if len(q) < 20 || !strings.Contains(strings.Join(rev.Paragraphs, " "), q) {
			t.Errorf("page %d: pull quote %q is not a body sentence", i, q)
		}
	}
	for _, want := range []string{"\x92", "\x93", "\x94", "\x97", "&rsquo;", "&ldquo;", "&mdash;", "&nbsp;", "&#8217;", "<br><br>", "<b>", "<i>", "<span class=\"figure\">", "class=\"topic\"", "__WIRE_STATE__", "data-rid="} {
		if !bytes.Contains(all, []byte(want)) {
			t.Errorf("no page has %q", want)
		}
	}
}

// TestWireRotation: without RotateBoilerplate a page is byte-identical
// between requests and the same for the same seed; with it the nonce, the
// request id and the story body container's noise change on every request
// while the decoded story text does not.
func TestWireRotation(t *testing.T) {
	tests := []struct {
		name   string
		rotate bool
	}{
		{"fixed", false},
		{"rotating", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 3, RotateBoilerplate: tc.rotate, Template: TemplateWire, BaseURL: wireBase}
			s := startSynthetic(t, opts)
			twin := startSynthetic(t, opts)
			for i, u := range s.ArticleURLs() {
				path := strings.TrimPrefix(u, wireBase)
				r1, b1 := get(t, s.URL()+path)
				r2, b2 := get(t, s.URL()+path)
				if tc.rotate == bytes.Equal(b1, b2) {
					t.Errorf("page %d: two requests equal=%v, want %v", i, bytes.Equal(b1, b2), !tc.rotate)
				}
				if e1, e2 := r1.Header.Get("ETag"), r2.Header.Get("ETag"); e1 != e2 {
					t.Errorf("page %d: ETag %s then %s for the same revision", i, e1, e2)
				}
				_, bt := get(t, twin.URL()+path)
				if !tc.rotate && !bytes.Equal(b1, bt) {
					t.Errorf("page %d: same seed, different bytes", i)
				}
				rev, _ := s.Current(u)
				d1, d2 := wireDoc(t, b1), wireDoc(t, b2)
				if x1, x2 := wireStory(t, d1, rev, wireLive(i)), wireStory(t, d2, rev, wireLive(i)); x1 != x2 {
					t.Errorf("page %d: story text differs between requests", i)
				}
				if !tc.rotate {
					continue
				}
				for _, re := range []string{`'nonce-([^']+)'`, `data-rid="([0-9a-f]+)"`} {
					m1, m2 := regexp.MustCompile(re).FindSubmatch(b1), regexp.MustCompile(re).FindSubmatch(b2)
					if m1 == nil || m2 == nil || bytes.Equal(m1[1], m2[1]) {
						t.Errorf("page %d: %s did not change between requests", i, re)
					}
				}
				sb := func(b []byte) string {
					return html.UnescapeString(string(b[bytes.Index(b, []byte(`<div id="storybody"`)):bytes.Index(b, []byte(`<div id="comments"`))]))
				}
				if sb(b1) == sb(b2) {
					t.Errorf("page %d: the story body container did not rotate", i)
				}
			}
		})
	}
}

// readWire reads a wire page's story text and checks its JSON-LD.
func readWire(t testing.TB, i int, b []byte, rev Revision) string {
	doc := wireDoc(t, b)
	checkWireLD(t, doc, rev, wireLive(i))
	return wireStory(t, doc, rev, wireLive(i))
}

// TestWireReviseOnly: over rounds of Revise with rotating noise, the
// decoded story text changes for exactly the articles Revise reports, each
// edit moves from the old text to the new, and the JSON-LD follows.
func TestWireReviseOnly(t *testing.T) { testReviseOnly(t, TemplateWire, readWire) }

// TestWireWriteStatic: the files WriteStatic writes for nginx are the pages
// the server serves (without rotation, byte for byte), windows-1252 and
// declared so in the page itself, since a static server may send no charset.
func TestWireWriteStatic(t *testing.T) {
	testWriteStatic(t, TemplateWire, wireBase, func(s *Server, i int, u string, b []byte) {
		path := strings.TrimPrefix(u, wireBase)
		if !bytes.Contains(b, []byte("charset=windows-1252")) || utf8.Valid(b) {
			t.Errorf("%s: not a declared windows-1252 page", path)
		}
		rev, _ := s.Current(u)
		doc := wireDoc(t, b)
		wireStory(t, doc, rev, wireLive(i))
		if ld := wireLD(t, doc); !strings.HasPrefix(ld["mainEntityOfPage"].(map[string]any)["@id"].(string), wireBase+"/") {
			t.Errorf("%s: JSON-LD url does not use BaseURL", path)
		}
	})
}

// FuzzWireEscapers: whatever the text, a browser's reading of append1252's
// output (decode windows-1252, resolve references) is the text, in every
// mode, and appendPHPJSON's output is valid JSON for it, plain ASCII.
func FuzzWireEscapers(f *testing.F) {
	for _, s := range []string{"", "plain", "“Quote,” he said — it’s 5–6 €… ‘ok’", "a & b < c > d \"e\" 'f'", "Kovács\u00a0Márton", "😀 Ω \t\n/\\", "</script>"} {
		f.Add(s)
	}
	dec := charmap.Windows1252.NewDecoder()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9F }) {
			t.Skip("invalid UTF-8 or C1 controls: not text a CMS holds")
		}
		for mode := range entModes {
			u, err := dec.Bytes(append1252(nil, s, mode))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got := html.UnescapeString(string(u)); got != s {
				t.Errorf("mode %d: %q reads back as %q", mode, s, got)
			}
		}
		j := appendPHPJSON(nil, s)
		var back string
		if err := json.Unmarshal(j, &back); err != nil || back != s {
			t.Errorf("JSON %s of %q: %v, reads back %q", j, s, err, back)
		}
		if !utf8.Valid(j) || bytes.ContainsFunc(j, func(r rune) bool { return r >= utf8.RuneSelf }) || bytes.Contains(j, []byte("</")) {
			t.Errorf("JSON %s: not plain ASCII, or could close its <script>", j)
		}
	})
}

// olderTime reports whether entry k of live page i holds one <time> older
// than last, the one of the entry before it (newest first), and makes it
// last; it reports the entry (an update, an entry) when not.
func olderTime(t testing.TB, i, k int, noun string, e *html.Node, last *string) bool {
	t.Helper()
	tm := findAll(e, byTag("time"))
	if len(tm) != 1 || attr(tm[0], "datetime") >= *last {
		t.Errorf("live page %d: %s %d without a <time> older than the one before", i, noun, k)
		return false
	}
	*last = attr(tm[0], "datetime")
	return true
}
