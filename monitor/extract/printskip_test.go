package extract

import (
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
