package extract_test

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

func fetch(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// learnSite serves one site's synthetic corpus of one template family and
// lets a Layout learn from its first pages as the pipeline does: from
// readability on the first few, from the fast extraction after that.
func learnSite(t *testing.T, tmpl string, learn int) (*corpus.Server, *extract.Layout) {
	t.Helper()
	srv, err := corpus.NewSynthetic(corpus.Options{Feeds: 1, ArticlesPerFeed: learn + 30, Seed: 7, RotateBoilerplate: true, Template: tmpl})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	l := extract.NewLayout(extract.LayoutState{})
	for i, u := range srv.ArticleURLs()[:learn] {
		page := fetch(t, u)
		sc := extract.Scan(page)
		ref, err := extract.Extract(page, u)
		if i >= 5 {
			ref, err = sc.ExtractLearned(u, l.Skips())
		}
		if err != nil {
			t.Fatal(err)
		}
		l.Observe(sc, u, ref)
	}
	return srv, l
}

// editWithin inserts a word in the middle of paragraph p on page, at a word
// boundary, and reports whether p was found.
func editWithin(page []byte, p string) ([]byte, bool) {
	esc := html.EscapeString(p)
	i := strings.LastIndex(string(page), esc)
	if i < 0 {
		return nil, false
	}
	return editAt(page, i, esc), true
}

// editAt inserts " EDITED" in the middle of esc, a paragraph's escaped
// text at offset i of page, at a word boundary.
func editAt(page []byte, i int, esc string) []byte {
	cut := strings.IndexByte(esc[len(esc)/2:], ' ')
	if cut < 0 {
		cut = 0
	}
	at := i + len(esc)/2 + cut
	out := append([]byte(nil), page[:at]...)
	out = append(out, " EDITED"...)
	return append(out, page[at:]...)
}

// TestLearnedFingerprintPerFamily is the fast path's contract, on every
// template family (ledger and pressroom were not developed against): after
// learning on a site's first pages, a page fetched again with its
// boilerplate rotated (ads, newsletter and paywall inserts, share counts and
// "Read more" boxes nested in the body, live-blog clocks) keeps its
// fingerprint, while an edit to any paragraph, including those right next
// to each insert, changes it and shows in the fast extraction.
func TestLearnedFingerprintPerFamily(t *testing.T) {
	for _, tmpl := range corpus.Templates() {
		t.Run(tmpl, func(t *testing.T) {
			srv, l := learnSite(t, tmpl, 40)
			skips := l.Skips()
			if tmpl != corpus.TemplateClassic && len(skips) == 0 {
				t.Fatal("nothing learned as boilerplate")
			}
			fingerprintsHold(t, srv, skips, editWithin, func(u string, i int, sc *extract.Scanned) {
				art, err := sc.ExtractLearned(u, skips)
				if err != nil || !strings.Contains(art.Text(), "EDITED") {
					t.Errorf("%s: the fast extraction lost the edit of paragraph %d (err %v)", u, i, err)
				}
			})
		})
	}
}

// fingerprintsHold checks, on the pages of srv after the 40 its site
// learned from, that a page fetched twice keeps its fingerprint under sk
// (all but a tenth of them: element kinds still being learned cost an
// extraction, not a wrong report) and that edit, a word inserted in any of
// its paragraphs, changes it; then calls edited, when not nil, with the
// edited page.
func fingerprintsHold(t *testing.T, srv *corpus.Server, sk extract.Skipper, edit func([]byte, string) ([]byte, bool), edited func(u string, i int, sc *extract.Scanned)) {
	t.Helper()
	urls := srv.ArticleURLs()
	stable := 0
	for _, u := range urls[40:] {
		a, b := fetch(t, u), fetch(t, u)
		fa := extract.Scan(a).Fingerprint(sk)
		if fa == extract.Scan(b).Fingerprint(sk) {
			stable++
		}
		rev, _ := srv.Current(u)
		for i, p := range rev.Paragraphs {
			page, ok := edit(a, p)
			if !ok {
				t.Fatalf("%s: paragraph %d not found on the page", u, i)
			}
			sc := extract.Scan(page)
			if sc.Fingerprint(sk) == fa {
				t.Errorf("%s: an edit of paragraph %d left the fingerprint unchanged", u, i)
			}
			if edited != nil {
				edited(u, i, sc)
			}
		}
	}
	if n := len(urls) - 40; stable < n*9/10 {
		t.Errorf("%d of %d pages kept their fingerprint across fetches", stable, n)
	}
}

// TestLayoutLeavesArticleIn: element kinds that hold article text are never
// left out, however common some of their text is across pages (wire copy
// repeats), and a kind left out comes back when it holds new article text
// readability keeps.
func TestLayoutLeavesArticleIn(t *testing.T) {
	page := func(body, insert string) []byte {
		return []byte(`<html><head><title>T</title></head><body><article><div class="story-body">` + body +
			`</div><div class="brief-box">` + insert + `</div></article></body></html>`)
	}
	const shared = "<p>The leaders met in Bern on Monday, officials said, after weeks of talks.</p>"
	l := extract.NewLayout(extract.LayoutState{})
	var last *extract.Scanned
	for i := range 6 {
		u := "https://news.example/a" + string(rune('0'+i))
		body := shared + "<p>Paragraph unique to article " + u + " with enough words to count as text.</p>"
		p := page(body, "<p>Sign up for our briefing.</p>")
		ref := extract.Article{Paragraphs: []string{
			"The leaders met in Bern on Monday, officials said, after weeks of talks.",
			"Paragraph unique to article " + u + " with enough words to count as text.",
			"Sign up for our briefing.",
		}}
		last = extract.Scan(p)
		l.Observe(last, u, ref)
	}
	if got := last.SkippedText(l.Skips()); len(got) != 1 || got[0] != "Sign up for our briefing." {
		t.Fatalf("left out %q, want only the sign-up insert", got)
	}
	// The insert's kind now holds text readability keeps and no other page
	// has, twice: it is article text after all.
	for i := range 2 {
		u := "https://news.example/b" + string(rune('0'+i))
		fresh := "A correction unique to " + u + " that readability keeps as text."
		p := page("<p>Paragraph unique to "+u+" with enough words.</p>", "<p>"+fresh+"</p>")
		l.Observe(extract.Scan(p), u, extract.Article{Paragraphs: []string{"Paragraph unique to " + u + " with enough words.", fresh}})
	}
	if len(l.Skips()) != 0 {
		t.Errorf("an element kind holding unique kept text is still left out: %v", l.Skips())
	}
}

// TestLayoutStateRoundTrip: a learner built from another's State leaves out
// the same elements and cleans the same paragraphs.
func TestLayoutStateRoundTrip(t *testing.T) {
	srv, l := learnSite(t, corpus.TemplateLedger, 20)
	l2 := extract.NewLayout(l.State())
	u := srv.ArticleURLs()[25]
	sc := extract.Scan(fetch(t, u))
	if a, b := sc.Fingerprint(l.Skips()), sc.Fingerprint(l2.Skips()); a != b {
		t.Error("fingerprints differ after a round trip")
	}
	ref, err := extract.Extract(sc.Page(), u)
	if err != nil {
		t.Fatal(err)
	}
	a := l.Clean(ref.Paragraphs, nil, nil)
	b := l2.Clean(ref.Paragraphs, nil, nil)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Error("Clean differs after a round trip")
	}
}

func TestTextHashFoldsDigits(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"You have 3 free articles left", "You have 17 free articles left", true},
		{"12 minutes ago", "3 minutes ago", true},
		{"You have 3 free articles left", "You have free articles left", false},
		{"Troops: 10,000", "Troops: 12,500", true}, // digit runs fold, the comma stays
		{"Share", "share", false},
	}
	for _, tt := range tests {
		if got := extract.TextHash(tt.a) == extract.TextHash(tt.b); got != tt.same {
			t.Errorf("TextHash(%q) == TextHash(%q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// BenchmarkScanFingerprint is what an unchanged page costs the pipeline:
// one tokenizer pass and the fingerprint of its region.
func BenchmarkScanFingerprint(b *testing.B) {
	page, err := os.ReadFile("testdata/corpus-page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		extract.Scan(page).Fingerprint(extract.SkipSet{1: true})
	}
}

// BenchmarkScanFingerprintPrintSkips is BenchmarkScanFingerprint with the
// fingerprint the pipeline takes, a site's PrintSkips with learned texts:
// it builds the region's text blocks and reads its elements' roles too.
func BenchmarkScanFingerprintPrintSkips(b *testing.B) {
	page, err := os.ReadFile("testdata/corpus-page.html")
	if err != nil {
		b.Fatal(err)
	}
	ps := extract.NewLayout(extract.LayoutState{Skip: []uint64{1}, Boiler: []uint64{extract.TextHash("Advertisement")}}).PrintSkips()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		extract.Scan(page).Fingerprint(ps)
	}
}

// TestGlued: a paragraph made of two headlines of the site's stories (page
// titles, or link texts of a block of links), run together as a "Read
// more" box's links are, is glued, also after the state is stored and
// loaded by the next process; one headline alone, a headline with other
// words, and article text are not.
func TestGlued(t *testing.T) {
	page := []byte(`<html><head><title>Own story</title></head><body><article><h1>Own story</h1>` +
		`<p>The talks resumed on Tuesday after a pause of three weeks, officials said.</p>` +
		`<div class="Inline_more"><h3>Read more</h3><a href="/a">Leaders meet in Bern</a><a href="/b">Ceasefire holds for 48 hours</a></div>` +
		`<p>Both delegations met <a href="/c">at the palace</a> for the first time since May.</p></article></body></html>`)
	sc := extract.Scan(page)
	links := sc.LinkTexts()
	if want := []string{"Leaders meet in Bern", "Ceasefire holds for 48 hours"}; !slices.Equal(links, want) {
		t.Fatalf("LinkTexts = %q, want %q", links, want)
	}
	l := extract.NewLayout(extract.LayoutState{})
	l.Observe(sc, "http://x.test/own", extract.Article{Title: "Own story",
		Paragraphs: []string{"The talks resumed on Tuesday after a pause of three weeks, officials said."}})
	l.SeeTitle("Markets rally as talks resume")
	cases := map[string]bool{
		"Leaders meet in BernCeasefire holds for 48 hours":                 true,
		"Ceasefire holds for 12 hoursLeaders meet in Bern":                 true, // digits folded, as in TextHash
		"Markets rally as talks resume Leaders meet in Bern":               true,
		"Own storyMarkets rally as talks resume":                           true,
		"Leaders meet in Bern":                                             false, // one headline: see Common
		"Leaders meet in Bern on Friday, officials said":                   false,
		"Both delegations met at the palace for the first time since May.": false,
		"at the palace": false,
	}
	st := l.State()
	for name, ll := range map[string]*extract.Layout{"learner": l, "reloaded": extract.NewLayout(st)} {
		for p, want := range cases {
			if got := ll.Glued(p); got != want {
				t.Errorf("%s: Glued(%q) = %v, want %v", name, p, got, want)
			}
		}
	}
}

// TestFingerprintIsTextInBlocks: the fingerprint is the region's text block
// by block, so wrappers drawn per request (a body split into sections of
// varying size, an empty paragraph an insert left out leaves behind) and
// attributes do not change it, while an edit, an added or removed
// paragraph, and a paragraph split or joined do.
func TestFingerprintIsTextInBlocks(t *testing.T) {
	page := func(body string) string {
		return `<html><head><title>T</title></head><body><article class="post-1">` + body + `</article></body></html>`
	}
	base := page(`<section><p>One.</p><p>Two <a href="/x">linked</a>.</p></section><section><p>Three.</p></section>`)
	tests := []struct {
		name, page string
		same       bool
	}{
		{"sections drawn otherwise", page(`<section><p>One.</p></section><section><p>Two <a href="/y">linked</a>.</p><p>Three.</p></section>`), true},
		{"an empty paragraph and wrapper", page(`<div class="wrap"><p>One.</p><p></p><p>Two <a href="/x">linked</a>.</p></div><p>Three.</p>`), true},
		{"attributes", page(`<section id="s9"><p class="lead">One.</p><p>Two <a href="/x" data-id="7">linked</a>.</p></section><section><p>Three.</p></section>`), true},
		{"a word edited", page(`<section><p>One.</p><p>Two <a href="/x">linked</a>.</p></section><section><p>Four.</p></section>`), false},
		{"a paragraph added", page(`<section><p>One.</p><p>Two <a href="/x">linked</a>.</p></section><section><p>Three.</p><p>Four.</p></section>`), false},
		{"a paragraph removed", page(`<section><p>One.</p><p>Two <a href="/x">linked</a>.</p></section>`), false},
		{"two paragraphs joined", page(`<section><p>One. Two <a href="/x">linked</a>.</p></section><section><p>Three.</p></section>`), false},
	}
	fp := extract.Scan([]byte(base)).Fingerprint(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extract.Scan([]byte(tt.page)).Fingerprint(nil) == fp; got != tt.same {
				t.Errorf("same fingerprint = %v, want %v", got, tt.same)
			}
		})
	}
}

// TestLinkBoxKeptOnlyAsItsOwnParagraph: a box of links to other stories is
// left out although readability keeps a "READ MORE: …" line in the body
// that holds the same headline: the headline inside that paragraph is the
// paragraph's text, not the box's.
func TestLinkBoxKeptOnlyAsItsOwnParagraph(t *testing.T) {
	l := extract.NewLayout(extract.LayoutState{})
	var last *extract.Scanned
	for i := range 6 {
		u := fmt.Sprintf("https://news.example/s%d", i)
		own := fmt.Sprintf("Paragraph unique to story %d, with enough words to count as text.", i)
		head := fmt.Sprintf("Leaders meet for talks number %d in Bern", i)
		p := `<html><head><title>T</title></head><body><article><div class="story-body"><p>` + own +
			`</p><p>READ MORE: <a href="/x">` + head + `</a></p></div><div class="related"><a href="/x">` + head +
			`</a></div></article></body></html>`
		last = extract.Scan([]byte(p))
		l.Observe(last, u, extract.Article{Paragraphs: []string{own, "READ MORE: " + head}})
	}
	if got := last.SkippedText(l.Skips()); len(got) != 1 || got[0] != "Leaders meet for talks number 5 in Bern" {
		t.Errorf("left out %q, want the box's headline", got)
	}
}

// TestKeyPointsAreNeverBoilerplate: a "Key points" list restating the first
// sentences of the article's paragraphs is article text, however common
// those sentences are across the site's pages (one story's shared lede on
// every outlet): its kind is not left out, and a one-sentence paragraph
// that a key point restates whole is never dropped as boilerplate.
func TestKeyPointsAreNeverBoilerplate(t *testing.T) {
	const (
		lede   = "Leaders of both countries met in Bern on Monday for a first round of talks."
		second = "Officials said the talks would go on for at least another week."
		third  = "European governments welcomed the meeting but urged caution on any deal."
	)
	l := extract.NewLayout(extract.LayoutState{})
	var last *extract.Scanned
	for i := range 24 {
		u := fmt.Sprintf("https://news.example/k%d", i)
		p2 := second + fmt.Sprintf(" Detail unique to story %d follows here.", i)
		p3 := third + fmt.Sprintf(" Another detail of story %d.", i)
		// the rest of the story, so that the list is a small share of it
		var rest []string
		for j := range 8 {
			rest = append(rest, fmt.Sprintf("Paragraph %d of story %d, unique to it, tells more of what happened at the talks.", j, i))
		}
		page := `<html><head><title>T</title></head><body><article><div class="key-points"><ul><li>` + lede +
			`</li><li>` + second + `</li><li>` + third + `</li></ul></div><div class="story-body"><p>` + lede +
			`</p><p>` + p2 + `</p><p>` + p3 + `</p><p>` + strings.Join(rest, `</p><p>`) + `</p></div></article></body></html>`
		last = extract.Scan([]byte(page))
		l.Observe(last, u, extract.Article{Paragraphs: append([]string{lede, second, third, lede, p2, p3}, rest...)})
	}
	if got := last.SkippedText(l.Skips()); len(got) != 0 {
		t.Errorf("left out %q, want nothing", got)
	}
	if l.Boilerplate(lede) {
		t.Error("the one-sentence lede is known boilerplate")
	}
	if got := l.Clean([]string{lede, second}, nil, nil); len(got) != 2 {
		t.Errorf("Clean kept %q", got)
	}
}

// TestDropCapIsNeverBoilerplate: a lede opens with a drop cap, its first
// letter in a <span> of its own (<span class="dropcap">L</span>eaders …).
// The span is inline, so its text block is the whole lede; a story's
// articles share their lede (wire copy rewritten, a developing story), so
// on every page that block was text another page carried too, and the
// drop cap's kind was learned as boilerplate: the fast path cut the first
// letter off every lede, and every lede seen in a drop cap became known
// boilerplate, which Clean dropped on every page, drop cap or not (atlas,
// a held-out family: the lede of 30 of its 200 articles; an edit of one
// could not be seen). Text run into a word is never left out, and makes
// nothing boilerplate.
func TestDropCapIsNeverBoilerplate(t *testing.T) {
	lede := func(i int) string {
		return fmt.Sprintf("Leaders of country %c met in Bern on Monday for a first round of talks.", 'A'+i%3)
	}
	page := func(i int) (*extract.Scanned, []string) {
		own := []string{lede(i)}
		for j := range 6 {
			own = append(own, fmt.Sprintf("Paragraph %d of story %d, unique to it, tells more of what happened at the talks.", j, i))
		}
		html := `<html><head><title>T</title></head><body><article><div class="body"><p class="para"><span class="dropcap">` +
			own[0][:1] + `</span>` + own[0][1:] + `</p><p class="para">` + strings.Join(own[1:], `</p><p class="para">`) +
			`</p></div></article></body></html>`
		return extract.Scan([]byte(html)), own
	}
	l := extract.NewLayout(extract.LayoutState{})
	for i := range 24 {
		sc, own := page(i)
		l.Observe(sc, fmt.Sprintf("https://news.example/d%d", i), extract.Article{Title: "T", Paragraphs: own})
	}
	sc, own := page(24)
	if got := sc.SkippedText(l.Skips()); len(got) != 0 {
		t.Errorf("left out %q, want nothing", got)
	}
	if l.Boilerplate(own[0]) {
		t.Error("a shared lede is known boilerplate")
	}
	art, err := sc.ExtractLearned("https://news.example/d24", l.Skips())
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Clean(art.Paragraphs, nil, sc); !slices.Equal(got, own) {
		t.Errorf("fast path and Clean kept %q, want %q", got, own)
	}
}

// TestQuotedLedeStaysTheArticles: a site's story cards quote other
// stories' one-sentence ledes; once the card kind is left out, its texts
// are known boilerplate, yet a page's own lede, held in its body's
// paragraphs and in no other page's body, is kept. A pitch that every
// body holds among its paragraphs and a promo box shows too is dropped.
func TestQuotedLedeStaysTheArticles(t *testing.T) {
	const pitch = "Sign up for our newsletter to get the day's news first."
	lede := func(i int) string {
		return fmt.Sprintf("Leaders of country %c met leaders of country %c for talks on a truce.", 'A'+i, 'B'+i)
	}
	page := func(i int) (*extract.Scanned, []string) {
		own := []string{lede(i), fmt.Sprintf("Story %d goes on with a paragraph of its own about the talks.", i),
			pitch, fmt.Sprintf("Story %d ends with another paragraph of its own on what comes next.", i)}
		card := lede((i + 1) % 12)
		html := `<html><head><title>T</title></head><body><article><div class="body"><p class="para">` + own[0] +
			`</p><p class="para">` + own[1] + `</p><aside class="card"><a href="/x"><h3>Other story</h3></a><p class="teaser">` + card +
			`</p></aside><p class="para">` + own[2] + `</p><div class="promo"><p>` + pitch + `</p></div><p class="para">` + own[3] +
			`</p></div></article></body></html>`
		return extract.Scan([]byte(html)), own
	}
	l := extract.NewLayout(extract.LayoutState{})
	for i := range 10 {
		sc, own := page(i)
		l.Observe(sc, fmt.Sprintf("https://news.example/q%d", i), extract.Article{Title: "T", Paragraphs: own})
	}
	if !l.Boilerplate(lede(5)) {
		t.Fatal("the card's teaser is not known boilerplate: the test needs the card kind left out")
	}
	for name, ll := range map[string]*extract.Layout{"learner": l, "reloaded": extract.NewLayout(l.State())} {
		sc, own := page(5) // its lede is the teaser of page 4's card
		got := ll.Clean(own, nil, sc)
		want := []string{own[0], own[1], own[3]}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Clean kept %q, want %q", name, got, want)
		}
	}
}

// TestCleanDropsGluedHeadlines: a box of other stories' headlines that an
// extraction took for one paragraph is no article text, whichever pair the
// box shows; one headline alone, or an article's own sentences, stay.
func TestCleanDropsGluedHeadlines(t *testing.T) {
	l := extract.NewLayout(extract.LayoutState{})
	for _, h := range []string{"Leaders meet in Geneva", "Talks stall over troops", "Will the summit happen?"} {
		l.SeeTitle(h)
	}
	in := []string{
		"Leaders meet in GenevaTalks stall over troops",
		"Talks stall over troops Will the summit happen?",
		"Leaders meet in Geneva",
		"Leaders meet in Geneva. Talks stall over troops.",
		"The talks began on Monday, officials said.",
	}
	got := l.Clean(in, nil, nil)
	want := []string{"Leaders meet in Geneva", "Leaders meet in Geneva. Talks stall over troops.", "The talks began on Monday, officials said."}
	if !slices.Equal(got, want) {
		t.Errorf("Clean kept %q, want %q", got, want)
	}
}

// TestCleanDropsARelatedLink: a block of the page that is a link to
// another page of at least a headline's length, alone or beside a label
// ("Related coverage:", "3h ago"), is a related link drawn among the
// article's paragraphs, dropped whichever headline it shows and whether or
// not the site's titles are known yet, also as the link's text alone (an
// extraction that left the label out); the same words as a block of text
// of the article, a link after a sentence's worth of text or inside one,
// and a short link stay. Without the page nothing is dropped.
func TestCleanDropsARelatedLink(t *testing.T) {
	page := []byte(`<html><head><title>Kyiv weighs venue</title></head><body><article><h1>Kyiv weighs venue</h1>` +
		`<p>Kyiv is weighing Geneva as a venue, officials said on Monday.</p>` +
		`<div class="field__item"><p>Related coverage: <a href="/a1">Leaders race to arrange first summit</a></p></div>` +
		`<p>Aides said the talks would go on. <a href="/a2">Talks stall over troop numbers in Geneva</a></p>` +
		`<p>Aides said later on that <a href="/a2">Talks stall over troop numbers in Geneva</a></p>` +
		`<div class="field__item"><p><a href="/a2">Talks stall over troop numbers in Geneva</a></p></div>` +
		`<p>Leaders race to arrange first summit</p>` +
		`<p>The ministry said <a href="/doc">in a statement on its website</a> that the talks would resume.</p>` +
		`<p><strong>Read more: </strong><a href="/a3">Kyiv rejects the venue offered by Ankara</a></p>` +
		`<p><a href="/a4">Full text</a></p>` +
		`<p>She added that <a href="/doc2">the ministry would appeal the ruling next week</a></p>` +
		`<p><a href="/post">“We will not accept a peace imposed on us”</a>, she wrote.</p>` +
		`<p><a href="/a5">Aid convoy reaches Kherson after a long delay</a> 3h ago</p>` +
		`<p>WATCH <a href="/v1">Zelensky arrives in Geneva for the talks</a></p>` +
		`<p>She wrote on social media: <a href="/x1">We will not give in to pressure from anyone</a></p>` +
		`<p>He wrote: <a href="/x2">“We will not accept a peace imposed on us”</a></p>` +
		`<h2><a href="#next">What the summit could decide next week</a></h2>` +
		`</article></body></html>`)
	sc := extract.Scan(page)
	in := []string{
		"Kyiv is weighing Geneva as a venue, officials said on Monday.",
		"Related coverage: Leaders race to arrange first summit",
		"Aides said the talks would go on. Talks stall over troop numbers in Geneva",
		"Aides said later on that Talks stall over troop numbers in Geneva", // a label of 24 bytes without a colon is a sentence
		"Talks stall over troop numbers in Geneva",
		"Leaders race to arrange first summit", // also the linked part of the second block, but a block of text here
		"The ministry said in a statement on its website that the talks would resume.",
		"Kyiv rejects the venue offered by Ankara", // the fast path left the label out
		"Full text",
		"She added that the ministry would appeal the ruling next week", // a sentence a link ends
		"“We will not accept a peace imposed on us”, she wrote.",
		"Aid convoy reaches Kherson after a long delay 3h ago",
		"WATCH Zelensky arrives in Geneva for the talks",
		"She wrote on social media: We will not give in to pressure from anyone", // a sentence's five words, not a label
		"He wrote: “We will not accept a peace imposed on us”",                   // a quote is no headline
		"What the summit could decide next week",                                 // a subheading linking to itself
	}
	want := []string{in[0], in[2], in[3], in[5], in[6], in[8], in[9], in[10], in[13], in[14], in[15]}
	for name, l := range map[string]*extract.Layout{
		"no title known": extract.NewLayout(extract.LayoutState{}),
		"titles known":   learnedTitles("Leaders race to arrange first summit", "Talks stall over troop numbers in Geneva"),
	} {
		if got := l.Clean(in, nil, sc); !slices.Equal(got, want) {
			t.Errorf("%s: Clean kept %q, want %q", name, got, want)
		}
		if got := l.Clean(in, nil, nil); !slices.Equal(got, in) {
			t.Errorf("%s: Clean without the page kept %q, want all", name, got)
		}
	}
}

// learnedTitles is a Layout that has seen titles as its site's.
func learnedTitles(titles ...string) *extract.Layout {
	l := extract.NewLayout(extract.LayoutState{})
	for _, h := range titles {
		l.SeeTitle(h)
	}
	return l
}

// TestFingerprintLeavesOutRelatedLinks: under a site's PrintSkips, a page
// fetched again with other related links drawn among its paragraphs (one
// labelled, one bare) keeps its fingerprint, as Clean keeps its text; an
// edit of a paragraph, or of a link set inside a sentence, changes it.
func TestFingerprintLeavesOutRelatedLinks(t *testing.T) {
	page := func(rel1, rel2, para, inline, head string) []byte {
		return []byte(`<html><head><title>Kyiv weighs venue</title></head><body><article><h1>Kyiv weighs venue</h1>` +
			`<p>` + para + `</p>` +
			`<div class="field__item"><p>Related coverage: <a href="/r1">` + rel1 + `</a></p></div>` +
			`<p>The ministry said <a href="/doc">` + inline + `</a> that the talks would resume.</p>` +
			`<div class="field__item"><p><a href="/r2">` + rel2 + `</a></p></div>` +
			`<h2><a href="#next">` + head + `</a></h2>` +
			`<p>Both delegations met at the palace for the first time since May, officials said.</p></article></body></html>`)
	}
	const (
		rel1, rel2   = "Leaders race to arrange first summit", "Talks stall over troop numbers in Geneva"
		para, inline = "Kyiv is weighing Geneva as a venue, officials said on Monday.", "in a statement on its website"
		head         = "What the summit could decide next week"
	)
	ps := extract.NewLayout(extract.LayoutState{}).PrintSkips()
	base := extract.Scan(page(rel1, rel2, para, inline, head)).Fingerprint(ps)
	for _, c := range []struct {
		name                           string
		rel1, rel2, para, inline, head string
		same                           bool
	}{
		{"other related links", "Aid convoy reaches Kherson after delay", "Kyiv rejects the venue offered by Ankara", para, inline, head, true},
		{"paragraph edited", rel1, rel2, "Kyiv is weighing Vienna as a venue, officials said on Monday.", inline, head, false},
		{"link inside a sentence edited", rel1, rel2, para, "in a statement on its Telegram channel", head, false},
		{"subheading linking to itself edited", rel1, rel2, para, inline, "What the summit could decide this month", false},
	} {
		got := extract.Scan(page(c.rel1, c.rel2, c.para, c.inline, c.head)).Fingerprint(ps)
		if (got == base) != c.same {
			t.Errorf("%s: fingerprint unchanged = %v, want %v", c.name, got == base, c.same)
		}
	}
}

// TestPartOfAndResembles: a paragraph an earlier version holds is set aside
// as a left-out element of the page when it is that element's text with
// parts left out (PartOf) or with a rotating part drawn otherwise
// (Resembles), never for the few words every such element shares or for
// an article paragraph next to one.
func TestPartOfAndResembles(t *testing.T) {
	blocks := [][]string{
		extract.FoldWords("Protesters gathered near the conference centre on Monday. Photo: Maria Lenz/Reuters"),
		extract.FoldWords("Updated 14 minutes ago · 3,201 views · 12 comments"),
	}
	for _, c := range []struct {
		p               string
		partOf, resembs bool
	}{
		{"Protesters gathered near the conference centre on Monday.", true, true},
		{"Protesters gathered near the conference centre on Monday. Photo: Jonas Hill/AP", false, true},
		{"Protesters gathered near the conference centre on Monday. Photo: Ayo Bello/AFP via Getty Images", false, true},
		{"Updated 12 minutes ago · 1,024 views · 40 comments", true, true}, // digits fold, as in TextHash
		{"Updated 3 minutes ago · 988 views · 2 comments", false, true},    // the counts' widths moved on
		{"Photo: Jonas Hill/AP", false, false},
		{"Protesters gathered near the parliament on Tuesday, police said, and 40 were arrested.", false, false},
		{"The talks resumed on Monday near the conference centre after a pause of three weeks.", false, false},
	} {
		if got := extract.PartOf(c.p, blocks); got != c.partOf {
			t.Errorf("PartOf(%q) = %v, want %v", c.p, got, c.partOf)
		}
		if got := extract.Resembles(c.p, blocks); got != c.resembs {
			t.Errorf("Resembles(%q) = %v, want %v", c.p, got, c.resembs)
		}
	}
}

// TestPrintSkipsPerFamily is TestLearnedFingerprintPerFamily for the
// fingerprint the pipeline takes (a Layout's PrintSkips: learned element
// kinds, learned boilerplate texts, page furniture), on every family,
// bulletin included, whose class names are drawn per request: a page
// fetched again with its boilerplate rotated keeps its fingerprint, and an
// edit of a word of any paragraph of the article, where the page's article
// region holds it, changes it.
func TestPrintSkipsPerFamily(t *testing.T) {
	// Not on wire: its pages are windows-1252 with their marks written as
	// entities, and a pull quote repeats a paragraph before it, so a word
	// inserted where the raw bytes first hold a paragraph is no edit of
	// the article. Nor on spa: React splits a paragraph's text over spans
	// and "<!-- -->" markers, so the raw bytes seldom hold it whole. The
	// monitor's per-family tests revise both families' articles through
	// the corpus instead.
	for _, tmpl := range append(corpus.Templates(), corpus.TemplateBulletin) {
		t.Run(tmpl, func(t *testing.T) {
			srv, l := learnSite(t, tmpl, 40)
			fingerprintsHold(t, srv, l.PrintSkips(), editInRegion, nil)
		})
	}
}

// editInRegion inserts a word in the middle of paragraph p where the
// page's article region first holds it (a page may hold the text again in
// a script, and a story card may quote a lede after it), and reports
// whether p was found there.
func editInRegion(page []byte, p string) ([]byte, bool) {
	region := extract.Scan(page).Region()
	start := len(page) - len(region)
	for start >= 0 && &page[start] != &region[0] {
		start--
	}
	esc := html.EscapeString(p)
	i := strings.Index(string(region), esc)
	if i < 0 || start < 0 {
		return nil, false
	}
	return editAt(page, start+i, esc), true
}

// TestHeadlineOutlivesTheProcess: a story card an early version took for
// a paragraph is one of the site's headlines, alone or with the card's
// short label ("36m ago", "Live"), for the learner that saw the titles
// and for the next process's (from State); an article's sentence, or a
// headline with more than a label, is not.
func TestHeadlineOutlivesTheProcess(t *testing.T) {
	l := extract.NewLayout(extract.LayoutState{})
	for _, h := range []string{"Leaders race to arrange first summit", "Talks stall over troop numbers in Geneva"} {
		l.SeeTitle(h)
	}
	for name, ll := range map[string]*extract.Layout{"learner": l, "reloaded": extract.NewLayout(l.State())} {
		for _, tc := range []struct {
			p    string
			want bool
		}{
			{"Leaders race to arrange first summit", true},
			{"Leaders race to arrange first summit36m ago", true},
			{"Leaders race to arrange first summit 3h ago", true},
			{"LiveTalks stall over troop numbers in Geneva", true},
			{"Related coverage: Leaders race to arrange first summit", true},
			{"More on this story: Talks stall over troop numbers in Geneva", true},
			{"The foreign minister told reporters: Talks stall over troop numbers in Geneva", false}, // a label of 34 bytes is a sentence
			{"Leaders race to arrange first summit, officials in Kyiv and Moscow said on Monday.", false},
			{"The talks began on Monday, officials said.", false},
			{"36m ago", false},
		} {
			if got := ll.Headline(tc.p); got != tc.want {
				t.Errorf("%s: Headline(%q) = %v, want %v", name, tc.p, got, tc.want)
			}
		}
	}
}

// TestGluedBoxKeptByTheFastPathIsLearned: on a site the fast path earned
// early, its own extraction is the reference of its learning, and it keeps
// a box of other stories' headlines (rotating, two links run together) as
// a paragraph; Clean drops it from the text, and so the box is no text
// kept: its kind is learned and left out, as when readability is the
// reference. (Its links, seen on the same page, tell its headlines.)
func TestGluedBoxKeptByTheFastPathIsLearned(t *testing.T) {
	heads := []string{"Leaders meet in Geneva", "Talks stall over troops", "Will the summit happen", "Kyiv rejects the venue", "Aid convoy reaches Kherson"}
	l := extract.NewLayout(extract.LayoutState{})
	var last *extract.Scanned
	for i := range 6 {
		a, b := heads[i%5], heads[(i+2)%5]
		own := []string{fmt.Sprintf("Story %d begins with a paragraph of its own about the talks.", i),
			fmt.Sprintf("Story %d ends with another paragraph of its own on what comes next.", i)}
		page := `<html><head><title>Story ` + fmt.Sprint(i) + `</title></head><body><article><div class="body"><p>` + own[0] +
			`</p><div class="more"><a href="/a">` + a + `</a><a href="/b">` + b + `</a></div><p>` + own[1] + `</p></div></article></body></html>`
		last = extract.Scan([]byte(page))
		// the fast path's text: the box run together as a paragraph
		l.Observe(last, fmt.Sprintf("https://news.example/s%d", i), extract.Article{Title: "Story", Paragraphs: []string{own[0], a + b, own[1]}})
	}
	got := last.SkippedText(l.Skips())
	if len(got) != 1 || got[0] != heads[0]+heads[2] {
		t.Errorf("left out %q, want the box %q alone", got, heads[0]+heads[2])
	}
}

// TestFrequentTexts: a text is the site's furniture once four of its pages
// carry it (digits folded), for the learner and the next process; one two
// pages share is not.
func TestFrequentTexts(t *testing.T) {
	l := extract.NewLayout(extract.LayoutState{})
	for i := range 4 {
		own := fmt.Sprintf("Story %d has a paragraph of its own about the talks in Geneva.", i)
		shared := "Two officials said the summit would be held in Vienna."
		ad := fmt.Sprintf("Compare mortgage rates from %d lenders in one place.", 30+i)
		paras := []string{own, ad}
		if i < 2 {
			paras = append(paras, shared)
		}
		page := "<html><head><title>T</title></head><body><article>"
		for _, p := range paras {
			page += "<p>" + p + "</p>"
		}
		page += "</article></body></html>"
		l.Observe(extract.Scan([]byte(page)), fmt.Sprintf("https://news.example/f%d", i), extract.Article{Title: "T", Paragraphs: paras})
	}
	for name, ll := range map[string]*extract.Layout{"learner": l, "reloaded": extract.NewLayout(l.State())} {
		if !ll.Frequent("Compare mortgage rates from 99 lenders in one place.") {
			t.Errorf("%s: an ad's copy on four pages is not frequent", name)
		}
		if ll.Frequent("Two officials said the summit would be held in Vienna.") {
			t.Errorf("%s: a paragraph two pages share is frequent", name)
		}
	}
}

// TestFrequentCountsDistinctPages: pages observed again (each pass of a
// revision check, each new version) count once each: two articles of a
// story sharing a paragraph, observed in turn pass after pass, do not make
// it the site's furniture, and its deletion from one stays an edit.
func TestFrequentCountsDistinctPages(t *testing.T) {
	l := extract.NewLayout(extract.LayoutState{})
	shared := "Two officials said the summit would be held in Vienna."
	for pass := range 3 {
		for i := range 2 {
			own := fmt.Sprintf("Story %d has a paragraph of its own about the talks in Geneva.", i)
			page := "<html><head><title>T</title></head><body><article><p>" + own + "</p><p>" + shared + "</p></article></body></html>"
			l.Observe(extract.Scan([]byte(page)), fmt.Sprintf("https://news.example/f%d", i), extract.Article{Title: "T", Paragraphs: []string{own, shared}})
		}
		if l.Frequent(shared) {
			t.Fatalf("pass %d: a paragraph two pages share is frequent", pass)
		}
	}
	if !l.Common(shared) {
		t.Errorf("a paragraph two pages share is not common")
	}
}

// TestSameButInline: readability's paragraphs agree with the fast path's
// when they differ only by the text of left-out inline elements standing
// in them (a byline's time, a "Live" flag), wherever in the paragraph;
// not when anything else differs, when the left-out text is only part of
// what is missing, or when the paragraphs are the same.
func TestSameButInline(t *testing.T) {
	left := []string{"Tue 19 Aug 2025 10.04 UTC", "Live"}
	tests := []struct {
		name       string
		fast, full []string
		want       bool
	}{
		{"time after the byline", []string{"By Anna Kovács, Capital Dispatch", "Talks resumed."},
			[]string{"By Anna Kovács, Capital Dispatch Tue 19 Aug 2025 10.04 UTC", "Talks resumed."}, true},
		{"flag before, time after", []string{"Talks resumed in Geneva"}, []string{"Live Talks resumed in Geneva Tue 19 Aug 2025 10.04 UTC"}, true},
		{"flag inside", []string{"Talks resumed in Geneva"}, []string{"Talks resumed Live in Geneva"}, true},
		{"digits folded", []string{"By Anna Kovács"}, []string{"By Anna Kovács Wed 20 Aug 2025 11.15 UTC"}, false},
		{"other words too", []string{"By Anna Kovács"}, []string{"By Anna Kovács, updated Tue 19 Aug 2025 10.04 UTC"}, false},
		{"a word edited", []string{"Talks resumed in Geneva"}, []string{"Talks stalled in Geneva Live"}, false},
		{"paragraph counts differ", []string{"A.", "B."}, []string{"A. Live"}, false},
		{"the same", []string{"A."}, []string{"A."}, false},
		{"part of a left-out text", []string{"By Anna Kovács"}, []string{"By Anna Kovács Tue 19 Aug"}, false},
	}
	for _, tt := range tests {
		if got := extract.SameButInline(tt.fast, tt.full, left); got != tt.want {
			t.Errorf("%s: SameButInline = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSkippedInline: the own text of a <time> and of a left-out inline
// element, not the paragraph each stands in; nothing of a left-out block.
func TestSkippedInline(t *testing.T) {
	sc := extract.Scan([]byte(`<html><head><title>T</title></head><body><article><div class="byline"><span>By Anna Kovács</span> <time datetime="2025-08-19">Tue 19 Aug 2025</time></div>` +
		`<p>Talks <span class="flag">Live</span> resumed in Geneva on Tuesday.</p><div class="ad"><p>Buy now.</p></div></article></body></html>`))
	// Leave out the ad's elements and the flag's <span>: of the elements
	// holding the paragraph's block (its <p>, then the <span>), the last.
	skip := extract.SkipSet{}
	var flag uint64
	for _, el := range sc.Elements() {
		switch {
		case el.Blocks[0] == "Buy now.":
			skip[el.Chain] = true
		case strings.HasPrefix(el.Blocks[0], "Talks Live"):
			flag = el.Chain
		}
	}
	skip[flag] = true
	got := sc.SkippedInline(skip)
	if want := []string{"Tue 19 Aug 2025", "Live"}; !slices.Equal(got, want) {
		t.Errorf("SkippedInline = %q, want %q", got, want)
	}
}

// TestObserveLearnsNoHeadlineFromAParagraph: a paragraph of the article
// that is mostly one link, with a few words of its own before or after it
// or around it ("She added that <a>…</a>", "<a>“…”</a>, she wrote."), is
// no related link: observing the page must not make the link's text one
// of the site's headlines, or Clean drops the paragraph from the page's
// text (and its edits with it) and Headline sets it aside as a story card
// wherever it stands. Nor is a subheading that links to itself (a
// permalink, href="#…"): it links to no other page. A related link after
// its label ("Read more:") is one.
func TestObserveLearnsNoHeadlineFromAParagraph(t *testing.T) {
	for _, c := range []struct {
		name, html, text, link string
		headline               bool // the link's text is one of the site's headlines after Observe
	}{
		{"a sentence's words before the link",
			`<p>She added that <a href="/audit">the ministry would publish the full audit next week</a></p>`,
			"She added that the ministry would publish the full audit next week",
			"the ministry would publish the full audit next week", false},
		{"a sentence's words after the link",
			`<p><a href="https://social.example/s/1">“We will not back down from this fight”</a>, she wrote.</p>`,
			"“We will not back down from this fight”, she wrote.",
			"“We will not back down from this fight”", false},
		{"a sentence's words around the link",
			`<p>He said <a href="/plan">the plan would cost more than expected</a> today.</p>`,
			"He said the plan would cost more than expected today.",
			"the plan would cost more than expected", false},
		{"a subheading linking to itself",
			`<h2 id="findings"><a href="#findings">What the audit found in the defence ministry</a></h2>`,
			"What the audit found in the defence ministry",
			"What the audit found in the defence ministry", false},
		{"a related link after its label",
			`<p><strong>Read more: </strong><a href="/a3">Kyiv rejects the venue offered by Ankara</a></p>`,
			"Read more: Kyiv rejects the venue offered by Ankara",
			"Kyiv rejects the venue offered by Ankara", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			lede := "Kyiv is weighing Geneva as a venue, officials said on Monday."
			page := []byte(`<html><head><title>Kyiv weighs venue</title></head><body><article><h1>Kyiv weighs venue</h1>` +
				`<p>` + lede + `</p>` + c.html + `</article></body></html>`)
			sc := extract.Scan(page)
			l := extract.NewLayout(extract.LayoutState{})
			l.Observe(sc, "https://news.example/kyiv", extract.Article{Title: "Kyiv weighs venue", Paragraphs: []string{lede, c.text}})
			want := []string{lede, c.text}
			if c.headline {
				want = want[:1]
			}
			if got := l.Clean([]string{lede, c.text}, nil, sc); !slices.Equal(got, want) {
				t.Errorf("Clean kept %q, want %q", got, want)
			}
			// The link's words as another page's paragraph, after a lead-in
			// Headline takes for a card's label.
			if got := l.Headline("Officials said " + c.link); got != c.headline {
				t.Errorf("Headline(%q) = %v, want %v", "Officials said "+c.link, got, c.headline)
			}
		})
	}
}
