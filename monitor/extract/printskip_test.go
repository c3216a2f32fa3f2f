package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrintSkipsTexts: a fingerprint taken with a Layout's PrintSkips
// leaves out the blocks whose text the site learned as boilerplate, wherever
// they land and in whatever element kind (here a <div> of another class on
// every fetch, as class names drawn per request give), while every edit of
// article text still changes it: a word, and a digit of a lede that
// boilerplate elsewhere quotes (digit runs are folded in the learned
// texts, so only its place in the page's main kind of element keeps it in).
// A text that is boilerplate in the main kind of element on other pages
// too (a "Last updated" line shaped like the paragraphs) is left out there.
func TestPrintSkipsTexts(t *testing.T) {
	const (
		lede    = "The 3 leaders met in Bern on Monday for the first time in years."
		para    = "Officials said the talks would resume next week in Geneva, after a pause."
		insert  = "Subscribe now: 4 weeks for 1 dollar."
		updated = "Last updated 10:42 UTC"
	)
	page := func(cls, lede, insertAt, updatedAt string) []byte {
		var b strings.Builder
		b.WriteString(`<html><head><title>T</title></head><body><article>`)
		if insertAt == "top" {
			b.WriteString(`<div class="` + cls + `"><p>` + insert + `</p></div>`)
		}
		b.WriteString(`<p>` + lede + `</p>`)
		if insertAt == "middle" {
			b.WriteString(`<div class="` + cls + `"><p>` + insert + `</p></div>`)
		}
		b.WriteString(`<p>` + para + `</p><p>` + updatedAt + `</p></article></body></html>`)
		return []byte(b.String())
	}
	l := NewLayout(LayoutState{Boiler: []uint64{TextHash(insert), TextHash(lede), TextHash(updated)},
		Main: []uint64{TextHash(updated)}})
	ps := l.PrintSkips()
	base := Scan(page("css-1x2y3z", lede, "top", "Last updated 10:42 UTC")).Fingerprint(ps)
	for _, tt := range []struct {
		name string
		page []byte
		same bool
	}{
		{"insert moved, another class, clock moved on", page("css-qwerty", lede, "middle", "Last updated 11:07 UTC"), true},
		{"insert gone", page("css-1x2y3z", lede, "", "Last updated 10:42 UTC"), true},
		{"a word of the lede edited", page("css-1x2y3z", strings.Replace(lede, "Bern", "Basel", 1), "top", "Last updated 10:42 UTC"), false},
		{"a digit of the lede edited", page("css-1x2y3z", strings.Replace(lede, "3", "4", 1), "top", "Last updated 10:42 UTC"), false},
		{"lede gone", page("css-1x2y3z", "", "top", "Last updated 10:42 UTC"), false},
	} {
		if got := Scan(tt.page).Fingerprint(ps) == base; got != tt.same {
			t.Errorf("%s: same fingerprint %v, want %v", tt.name, got, tt.same)
		}
	}
	// Without the learned texts (a SkipSet) every one of those changes it.
	plain := Scan(page("css-1x2y3z", lede, "top", "Last updated 10:42 UTC")).Fingerprint(l.Skips())
	if Scan(page("css-qwerty", lede, "middle", "Last updated 11:07 UTC")).Fingerprint(l.Skips()) == plain {
		t.Error("SkipSet: a moved insert left the fingerprint unchanged")
	}
	// A Print taken before the texts were learned gives the same as the page.
	pr := Scan(page("css-qwerty", lede, "middle", "Last updated 11:07 UTC")).Print()
	if got := pr.Fingerprint(ps); got != base {
		t.Errorf("Print.Fingerprint = %s, want %s", got, base)
	}
}

// TestPrintSkipsFurniture: a fingerprint taken with a PrintSkips leaves out
// the page furniture every extraction removes (an <aside>, an element of
// role "complementary"), so a story card quoting ever other stories or a
// sign-up box with new copy leaves it alone; furniture that holds the
// article, or two fifths of the region's prose, stays in, as extraction
// keeps it, and an edit there changes the fingerprint.
func TestPrintSkipsFurniture(t *testing.T) {
	const (
		p1 = "The leaders met in Bern on Monday for the first time in years, officials said after the talks, which ran late into the night."
		p2 = "Officials said the talks would resume next week in Geneva, after a pause of three weeks at least, if both sides agreed."
	)
	page := func(body string) []byte {
		return []byte(`<html><head><title>T</title></head><body><article><p>` + p1 + `</p>` + body +
			`<p>` + p2 + `</p></article></body></html>`)
	}
	card := func(n string) string {
		return `<aside class="css-x1"><span>Related</span><a href="/s` + n + `"><h3>Story ` + n + ` headline</h3></a>` +
			`<p>The first sentence of story ` + n + ` as its card quotes it, long enough to count as prose in any page.</p></aside>`
	}
	box := func(copy string) string {
		return `<div role="complementary"><p>` + copy + `</p><a href="/register">Register</a></div>`
	}
	ps := NewLayout(LayoutState{}).PrintSkips()
	base := Scan(page(card("1") + box("Create a free account to keep reading."))).Fingerprint(ps)
	for _, tt := range []struct {
		name string
		page []byte
		same bool
	}{
		{"another card, another box copy", page(box("Subscribe for $1 a week.") + card("2")), true},
		{"no card, no box", page(""), true},
		{"a paragraph edited", []byte(strings.Replace(string(page(card("1")+box("Create a free account to keep reading."))), "Bern", "Basel", 1)), false},
	} {
		if got := Scan(tt.page).Fingerprint(ps) == base; got != tt.same {
			t.Errorf("%s: same fingerprint %v, want %v", tt.name, got, tt.same)
		}
	}
	// Furniture holding the article stays in: an <aside> wrapping an
	// <article> inside the region's, however little of the prose it holds,
	// and a <form> holding most of the prose (ASP.NET pages).
	for _, tt := range []struct{ name, doc string }{
		{"aside holding an article", `<article><p>` + p2 + `</p><p>` + p2 + ` Again.</p><p>` + p2 + ` Once more.</p>` +
			`<aside><article><p>` + p1 + `</p></article></aside></article>`},
		{"form holding the prose", `<form><p>` + p1 + `</p><p>` + p2 + `</p></form><p>A short footer line.</p>`},
	} {
		doc := func(p string) []byte {
			return []byte(`<html><head><title>T</title></head><body>` + strings.Replace(tt.doc, p1, p, 1) + `</body></html>`)
		}
		sc := Scan(doc(p1))
		if got, want := sc.Fingerprint(ps), Scan(doc(strings.Replace(p1, "Bern", "Basel", 1))).Fingerprint(ps); got == want {
			t.Errorf("%s: an edit of the article's text left the fingerprint unchanged", tt.name)
		}
		art, err := sc.ExtractFast("https://news.example/a")
		if err != nil || !strings.Contains(art.Text(), "Bern") {
			t.Errorf("%s: the extraction lost the article (%v): the page is not what the test means", tt.name, err)
		}
	}
}

// checkBlockHashes holds blockHash to the text blocks Elements builds: on
// every block it reads, the same TextHash and length.
func checkBlockHashes(t *testing.T, page []byte) {
	t.Helper()
	s := Scan(page)
	l := s.layout()
	l.texts(s)
	for b := range l.ranges {
		h, n, ok := l.blockHash(s, b)
		if !ok {
			continue
		}
		want := uint64(0)
		if l.blocks[b] != "" {
			want = TextHash(l.blocks[b])
		}
		if h != want || n != len(l.blocks[b]) {
			t.Errorf("block %d %q: blockHash %x, %d bytes; want %x, %d", b, l.blocks[b], h, n, want, len(l.blocks[b]))
		}
	}
}

// TestBlockHash: the text blocks' hashes read from their tokens equal those
// of their built texts, on the test pages and on text with every kind of
// white space, invisible and control character normalizeSpace handles.
func TestBlockHash(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("test pages: %v", err)
	}
	for _, p := range pages {
		page, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkBlockHashes(t, page)
	}
	checkBlockHashes(t, []byte("<article><p>  Tabs\tand\nnew lines,\u00a0no-break\u2007and\u202fnarrow spaces, "+
		"zero\u200bwidth\u200d, soft\u00adhyphen, \x01control and \u0085 next line </p><p>\u00a0</p><p>12:45 UTC</p>"+
		"<p>caf\u00e9 \u201cquoted\u201d</p><p> <b>split</b>  <i> tokens </i></p></article>"))
}

// FuzzBlockHash: whatever the page, a block hash read from the tokens is
// that of the block's text.
func FuzzBlockHash(f *testing.F) {
	f.Add([]byte("<article><p>Tabs\tand \u00a0 spaces\u200b</p><p>x &amp; y</p></article>"))
	f.Add([]byte("<p>\xff\xfe broken \x01 bytes</p><div> a <b>b</b>c </div>"))
	f.Fuzz(func(t *testing.T, page []byte) { checkBlockHashes(t, page) })
}

// TestPrintSkipsWithin: an earlier PrintSkips of a site may vouch for an
// unchanged page only when the current one leaves out all it left out; one
// that left out an element kind, a text or a main-kind text the site has
// since taken back in as article text may not.
func TestPrintSkipsWithin(t *testing.T) {
	ps := func(skip []uint64, texts, shared []uint64) *PrintSkips {
		p := &PrintSkips{SkipSet: SkipSet{}, texts: map[uint64]bool{}, shared: map[uint64]bool{}}
		for _, c := range skip {
			p.SkipSet[c] = true
		}
		for _, h := range texts {
			p.texts[h] = true
		}
		for _, h := range shared {
			p.shared[h] = true
		}
		return p
	}
	cur := ps([]uint64{1, 2}, []uint64{10, 11}, []uint64{10})
	tests := []struct {
		name string
		past *PrintSkips
		want bool
	}{
		{"the same", ps([]uint64{1, 2}, []uint64{10, 11}, []uint64{10}), true},
		{"less learned then", ps([]uint64{1}, []uint64{10}, nil), true},
		{"nothing learned then", ps(nil, nil, nil), true},
		{"an element kind since taken back in", ps([]uint64{1, 3}, []uint64{10}, nil), false},
		{"a text since taken back in", ps([]uint64{1}, []uint64{10, 12}, nil), false},
		{"a main-kind text since kept in", ps([]uint64{1}, []uint64{10, 11}, []uint64{11}), false},
	}
	for _, tt := range tests {
		if got := tt.past.Within(cur); got != tt.want {
			t.Errorf("%s: Within = %v, want %v", tt.name, got, tt.want)
		}
	}
}
