package extract

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

const pageURL = "https://www.daily.example/world/europe/2025/08/18/putin-zelensky-summit?utm_source=rss"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// seedParagraphs is the real article every fixture wraps (a copy of the
// project's seed article, so the test runs from a bare checkout).
func seedParagraphs(t testing.TB) []string {
	t.Helper()
	b := readFile(t, "summit-article.txt")
	var ps []string
	for line := range strings.SplitSeq(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			ps = append(ps, line)
		}
	}
	return ps
}

// render is the golden form of an Article.
func render(a Article) string {
	var b strings.Builder
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "title: %s\nbyline: %s\nsite: %s\ncanonical: %s\npublished: %s\nmodified: %s\n---\n",
		a.Title, a.Byline, a.SiteName, a.Canonical, ts(a.Published), ts(a.Modified))
	b.WriteString(a.Text())
	b.WriteString("\n")
	return b.String()
}

func TestExtractGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 3 {
		t.Fatalf("found %d fixture pages", len(pages))
	}
	for _, path := range pages {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			a, err := Extract(readFile(t, name), pageURL)
			if err != nil {
				t.Fatal(err)
			}
			got := render(a)
			golden := strings.TrimSuffix(path, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if got != string(want) {
				t.Errorf("extraction differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

// The pages wrap the seed article in boilerplate; the extracted text must be
// exactly the seed article, nothing more, nothing less.
func TestExtractIsExactlyTheArticle(t *testing.T) {
	want := seedParagraphs(t)
	for _, name := range []string{"summit-a.html", "summit-b.html", "wire-divs.html"} {
		t.Run(name, func(t *testing.T) {
			a, err := Extract(readFile(t, name), pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Paragraphs) != len(want) {
				t.Errorf("got %d paragraphs, want %d:\n%s", len(a.Paragraphs), len(want), a.Text())
			}
			for i := range min(len(a.Paragraphs), len(want)) {
				if a.Paragraphs[i] != want[i] {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i, a.Paragraphs[i], want[i])
				}
			}
			for _, junk := range []string{"Advertisement", "Most read", "comments", "Subscribe", "Sponsored",
				"minutes ago", "cookies", "cheap flights", "Recommended", "Read more", "Facebook", "Skip to",
				"Daily Example Ltd", "Morning Briefing", "Promoted", "Popular now", "Story continues"} {
				if strings.Contains(a.Text(), junk) {
					t.Errorf("text contains boilerplate %q", junk)
				}
			}
		})
	}
}

func TestRotatingBoilerplateGivesIdenticalText(t *testing.T) {
	pa, pb := readFile(t, "summit-a.html"), readFile(t, "summit-b.html")
	if bytes.Equal(pa, pb) {
		t.Fatal("fixtures must differ")
	}
	a, err := Extract(pa, pageURL)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Extract(pb, pageURL)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text() != b.Text() {
		t.Errorf("texts differ:\n--- a\n%s\n--- b\n%s", a.Text(), b.Text())
	}
	if render(a) != render(b) {
		t.Errorf("metadata differs:\n%s\n%s", render(a), render(b))
	}
}

func TestExtractMetadata(t *testing.T) {
	head := func(s string) []byte {
		return []byte("<html><head>" + s + "</head><body><article><p>" +
			strings.Repeat("The summit will take place within two weeks, officials said. ", 5) +
			"</p><p>Second paragraph with <time datetime=\"2025-08-17\">Sunday</time> in it.</p></article></body></html>")
	}
	date := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		name          string
		page          []byte
		wantPublished time.Time
		wantModified  time.Time
		wantCanonical string
	}{
		{"meta tags", head(`<meta property="article:published_time" content="2025-08-18T21:04:00Z"><meta property="article:modified_time" content="2025-08-19T06:30:00+02:00">`),
			date("2025-08-18T21:04:00Z"), date("2025-08-19T04:30:00Z"), ""},
		{"json-ld graph", head(`<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["NewsArticle"],"datePublished":"2025-08-18T10:00:00Z","dateModified":"2025-08-18T12:00:00Z"}]}</script>`),
			date("2025-08-18T10:00:00Z"), date("2025-08-18T12:00:00Z"), ""},
		{"time fallback", head(`<title>x</title>`), date("2025-08-17T00:00:00Z"), time.Time{}, ""},
		{"relative canonical", head(`<link rel="canonical" href="/a/b#top">`), date("2025-08-17T00:00:00Z"), time.Time{}, "https://www.daily.example/a/b"},
		{"og url fallback", head(`<meta property="og:url" content="https://m.daily.example/a">`), date("2025-08-17T00:00:00Z"), time.Time{}, "https://m.daily.example/a"},
		{"bad canonical", head(`<link rel="canonical" href="javascript:alert(1)">`), date("2025-08-17T00:00:00Z"), time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(tt.page, pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(tt.wantPublished) || !a.Modified.Equal(tt.wantModified) {
				t.Errorf("dates = %v / %v, want %v / %v", a.Published, a.Modified, tt.wantPublished, tt.wantModified)
			}
			if a.Canonical != tt.wantCanonical {
				t.Errorf("Canonical = %q, want %q", a.Canonical, tt.wantCanonical)
			}
			if got := Canonical(tt.page, pageURL); got != tt.wantCanonical {
				t.Errorf("Canonical() = %q, want %q", got, tt.wantCanonical)
			}
		})
	}
}

func TestExtractCharset(t *testing.T) {
	// windows-1251 bytes for "Путин и Зеленский", declared by meta charset.
	cyr := []byte{0xcf, 0xf3, 0xf2, 0xe8, 0xed, 0x20, 0xe8, 0x20, 0xc7, 0xe5, 0xeb, 0xe5, 0xed, 0xf1, 0xea, 0xe8, 0xe9}
	latin := []byte("Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9.")
	tests := []struct {
		name string
		page []byte
		want string
	}{
		{"meta charset windows-1251", append(append([]byte(`<html><head><meta charset="windows-1251"></head><body><article><p>`), cyr...), "</p></article></body></html>"...), "Путин и Зеленский"},
		{"undeclared latin-1", append(append([]byte(`<html><body><article><p>`), latin...), "</p></article></body></html>"...), "Café crème, naïve résumé."},
		// Undeclared UTF-8 whose first 1,024 bytes are ASCII (a long head):
		// the charset prescan sees no high byte there and guesses
		// windows-1252, but the page is valid UTF-8 (as every page the
		// monitor has converted is) and must not be decoded again.
		{"undeclared UTF-8 past a long ASCII head", []byte(`<html><head><script>` + strings.Repeat("var x = 1; ", 120) +
			`</script></head><body><article><p>“Café” – Путин</p></article></body></html>`), "“Café” – Путин"},
		// A declaration stands, whatever the bytes would also read as.
		{"declared windows-1252 that is valid UTF-8", []byte(`<html><head><meta charset="windows-1252"></head><body><article><p>caf` +
			"\xc3\xa9</p></article></body></html>"), "cafÃ©"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(tt.page, "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Text() != tt.want {
				t.Errorf("Text = %q, want %q", a.Text(), tt.want)
			}
		})
	}
}

// hostilePages are inputs that must not panic, hang or leak garbage.
func hostilePages() map[string][]byte {
	nested := func(open, close string, n int, inner string) []byte {
		return []byte(strings.Repeat(open, n) + inner + strings.Repeat(close, n))
	}
	article := "<p>" + strings.Repeat("Putin agreed to meet within two weeks. ", 6) + "</p>"
	return map[string][]byte{
		"empty":            nil,
		"whitespace":       []byte(" \n\t "),
		"no body":          []byte(`<html><head><title>Only a title</title></head></html>`),
		"script only":      []byte(`<html><body><script>document.write("<p>hello world</p>")</script><style>p{}</style></body></html>`),
		"chrome only":      []byte(`<html><body><nav><a href="/">Home</a></nav><footer><p>© 2025</p></footer><div class="ad">Advertisement</div></body></html>`),
		"deep divs":        nested("<div>", "</div>", 100_000, article),
		"deep unclosed":    nested("<div><span>", "", 50_000, article),
		"deep formatting":  nested(`<b id="x"><i class="y">`, "", 20_000, article),
		"deep tables":      nested("<table><tr><td>", "</td></tr></table>", 5_000, article),
		"unclosed p":       []byte("<body>" + strings.Repeat("<p>Short para text here. ", 20_000)),
		"huge attribute":   []byte(`<html><body><article class="` + strings.Repeat("a", 4<<20) + `">` + article + `</article></body></html>`),
		"huge data uri":    []byte(`<html><body><article><img src="data:image/png;base64,` + strings.Repeat("QUJD", 1<<20) + `">` + article + `</article></body></html>`),
		"invalid utf8":     []byte("<html><body><article><p>Zelensky \xff\xfe\xc3 hailed the \xe2\x82 promise as a major step forward for the talks and the summit.</p></article></body></html>"),
		"nul bytes":        []byte("<html><body><article><p>Merz\x00 said Putin had agreed\x00 to the bilateral meeting within the next two weeks.</p></article></body></html>"),
		"binary":           bytes.Repeat([]byte{0x00, 0xff, 0x1f, 0x8b, '<', '>'}, 10_000),
		"many attributes":  []byte(`<html><body><article><p ` + strings.Repeat(`a=b `, 100_000) + `>` + strings.Repeat("Talks were held on Monday at the White House. ", 4) + `</p></article></body></html>`),
		"unterminated tag": []byte(`<html><body><article><p>Text before the end<a href="`),
		"only comments":    []byte(`<!-- <p>hidden text</p> --><!-- more -->`),
	}
}

func TestExtractHostile(t *testing.T) {
	for name, page := range hostilePages() {
		t.Run(name, func(t *testing.T) {
			a, err := Extract(page, "https://example.com/x")
			if err != nil {
				if !errors.Is(err, ErrNoContent) {
					t.Fatalf("err = %v, want ErrNoContent or success", err)
				}
				return
			}
			checkSane(t, a)
		})
	}
}

func TestExtractHostileExpectations(t *testing.T) {
	pages := hostilePages()
	tests := []struct {
		name      string
		noContent bool
		contains  string
	}{
		{"empty", true, ""},
		{"no body", true, ""},
		{"script only", true, ""},
		{"chrome only", true, ""},
		{"only comments", true, ""},
		{"deep divs", false, "Putin agreed to meet within two weeks."},
		{"invalid utf8", false, "hailed the"},
		{"nul bytes", false, "Merz said Putin had agreed to the bilateral meeting"},
		{"huge attribute", false, "Putin agreed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(pages[tt.name], "")
			if tt.noContent {
				if !errors.Is(err, ErrNoContent) {
					t.Fatalf("err = %v (text %q), want ErrNoContent", err, a.Text())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text(), tt.contains) {
				t.Errorf("Text = %.200q, want it to contain %q", a.Text(), tt.contains)
			}
		})
	}
}

func checkSane(t *testing.T, a Article) {
	t.Helper()
	if len(a.Paragraphs) == 0 {
		t.Fatal("success with no paragraphs")
	}
	for _, p := range a.Paragraphs {
		if p == "" || p != strings.TrimSpace(p) || !utf8.ValidString(p) || strings.ContainsRune(p, 0) || strings.Contains(p, "  ") {
			t.Fatalf("bad paragraph %.100q", p)
		}
	}
	for _, s := range []string{a.Title, a.Byline, a.SiteName, a.Canonical} {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Fatalf("bad metadata %q", s)
		}
	}
	if a.Canonical != "" && !strings.HasPrefix(a.Canonical, "http://") && !strings.HasPrefix(a.Canonical, "https://") {
		t.Fatalf("bad canonical %q", a.Canonical)
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"summit-a.html", "wire-divs.html"} {
		f.Add(readFile(f, name))
	}
	for _, s := range []string{
		"<html><body><article><p>Hello world, this is a story.</p></article></body></html>",
		"<div><div><p>x</p></div>", "<p>a<p>b<li>c", "<script>", "<article><article></article>",
		`<meta charset="koi8-r"><p>text</p>`, "<table><td><p>cell</table>", "\xef\xbb\xbf<p>bom</p>",
		`<link rel=canonical href="//x.example/a"><p class="ad">Advertisement</p>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := Extract(page, "https://example.com/a/b")
		if err != nil {
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("unexpected error %v", err)
			}
		} else {
			checkSane(t, a)
		}
		if r := Region(page); len(r) > len(page) || (len(page) > 0 && !bytes.Contains(page, r)) {
			t.Fatalf("Region is not part of the page")
		}
		if c := Canonical(page, "https://example.com/"); c != "" && !strings.HasPrefix(c, "http") {
			t.Fatalf("bad Canonical %q", c)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page := readFile(b, "summit-a.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(page, pageURL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractLarge pads the page with 200 KiB of realistic chrome, the
// size of a heavy news page.
func BenchmarkExtractLarge(b *testing.B) {
	page := readFile(b, "summit-b.html")
	pad := strings.Repeat(`<div class="card"><a href="/story/123"><img src="/i.jpg" alt=""><h3>Another headline from the site</h3></a><p class="teaser">A teaser line that sits in the list of other stories.</p></div>`, 1000)
	page = bytes.Replace(page, []byte("</main>"), []byte(`<section class="more-stories">`+pad+`</section></main>`), 1)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(page, pageURL); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegion(b *testing.B) {
	page := readFile(b, "summit-a.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if len(Region(page)) == 0 {
			b.Fatal("empty region")
		}
	}
}

func BenchmarkCanonical(b *testing.B) {
	page := readFile(b, "summit-a.html")
	b.ReportAllocs()
	for b.Loop() {
		if Canonical(page, pageURL) == "" {
			b.Fatal("no canonical")
		}
	}
}

func TestExtractConcurrent(t *testing.T) {
	page := readFile(t, "summit-a.html")
	want, err := Extract(page, pageURL)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			a, err := Extract(page, pageURL)
			if err == nil && a.Text() != want.Text() {
				err = fmt.Errorf("concurrent extraction differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestFallbackRegionIsTheStory: where the fast path reads the whole page
// (here, a page with a byte that is no UTF-8), the article it falls back on
// is the one with the most text, not the first: teasers in <article>s of
// their own often come before the story.
func TestFallbackRegionIsTheStory(t *testing.T) {
	page := "<html><head><title>Story</title></head><body><article class=\"teaser\"><h2>Another story</h2><p>A teaser line.</p></article>" +
		"<article id=\"story\"><p>The first paragraph of the story, long enough to be its text.</p><p>A second paragraph, caf\xe9 included.</p></article></body></html>"
	sc := Scan([]byte(page))
	art, err := sc.ExtractLearned("https://news.example/story", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(art.Paragraphs) != 2 || !strings.HasPrefix(art.Paragraphs[0], "The first paragraph") {
		t.Errorf("paragraphs %q, want the story's two", art.Paragraphs)
	}
}

// TestBuildHashSpellsNoWord: front ends that scope class names to a
// component (CSS modules as Next.js names them, Arc XP-style BEM blocks)
// end every class name in a build hash after "__", drawn anew with each
// deploy. A hash is no word even where it splits into one: "a58ad" reads
// as "a" and "ad", and the build that drew it for the text elements' class
// made every paragraph of the article an ad (atlas in the bench: one
// edited article of 200 extracted as its corrections box and kept its old
// text). Two builds of one page give one text.
func TestBuildHashSpellsNoWord(t *testing.T) {
	paras := seedParagraphs(t)[:6]
	build := func(h [5]string) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, "<html><head><title>Summit</title></head><body><nav class=\"Nav_bar__%s\"><a href=\"/\">Home</a></nav>"+
			"<article class=\"Article_root__%s\"><h1 class=\"Article_headline__%s\">Summit</h1><div class=\"Article_body__%s\">", h[0], h[1], h[2], h[3])
		for _, p := range paras {
			fmt.Fprintf(&b, "<div class=\"Body_element__%s\"><p>%s</p></div>", h[4], p)
		}
		b.WriteString("</div></article></body></html>")
		return []byte(b.String())
	}
	for _, h := range [][5]string{
		{"k3x9q", "7fq2m", "2hd8x", "m4k2p", "q8zt1"},
		{"hn96d", "ti34r", "mauih", "8odu9", "a58ad"}, // the text elements' hash: "a", "ad"
		{"b6csn", "5t0i4", "75mfe", "eug95", "9adxk"}, // "ad", "xk"
	} {
		page := build(h)
		full, err := Extract(page, pageURL)
		if err != nil {
			t.Fatalf("build %q: %v", h, err)
		}
		fast, err := Scan(page).ExtractFast(pageURL)
		if err != nil {
			t.Fatalf("build %q: fast path: %v", h, err)
		}
		for name, got := range map[string][]string{"readability": full.Paragraphs, "fast path": fast.Paragraphs} {
			if !slices.Equal(got, paras) {
				t.Errorf("build %q, %s: paragraphs %q, want the article's %d", h, name, got, len(paras))
			}
		}
	}
}
