package extract

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzReadTagAttrs holds the raw-bytes attribute reader Scan uses to the
// tokenizer's own TagAttr, on every start tag of the input whose wanted
// values hold no entity, NUL or carriage return (which TagAttr rewrites and
// the reader, by design, does not).
func FuzzReadTagAttrs(f *testing.F) {
	for _, s := range []string{
		`<div class="Body_part__x7Kq2" id=gpt-12 data-key='a b'>`,
		`<p ROLE=main itemprop = "articleBody"/>`,
		`<script type="application/ld+json">{}</script>`,
		`<a href=/x class=c id="">x</a><br/><img src="a>b" class='k'>`,
		`<div class="a" class="b" id>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		z := html.NewTokenizer(strings.NewReader(doc))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			raw := append([]byte(nil), z.Raw()...)
			got := readTagAttrs(raw)
			want := map[string][]byte{}
			clean := true
			for {
				k, v, more := z.TagAttr()
				key := string(k)
				switch key {
				case "class", "id", "role", "itemprop", "type":
					if _, dup := want[key]; !dup { // the first one counts for the tokenizer's users
						want[key] = append([]byte(nil), v...)
					}
				}
				if !more {
					break
				}
			}
			for _, v := range want {
				if bytes.ContainsAny(v, "&\x00\r") {
					clean = false
				}
			}
			if !clean || bytes.ContainsAny(raw, "\x00\r") {
				continue
			}
			for key, g := range map[string][]byte{"class": got.class, "id": got.id, "role": got.role, "itemprop": got.itemprop, "type": got.typ} {
				w, ok := want[key]
				if !ok {
					if g != nil {
						t.Errorf("%q: %s = %q, the tokenizer has none", raw, key, g)
					}
					continue
				}
				if !bytes.Equal(g, w) {
					t.Errorf("%q: %s = %q, the tokenizer reads %q", raw, key, g, w)
				}
			}
		}
	})
}

// TestLayoutBounded: however many pages a site shows, what its learner
// holds stays within its bounds, and texts that recur outlive the sweep of
// those seen once.
func TestLayoutBounded(t *testing.T) {
	l := NewLayout(LayoutState{})
	for i := range 600 {
		var b strings.Builder
		b.WriteString(`<html><head><title>T</title></head><body><article>`)
		for j := range 20 {
			fmt.Fprintf(&b, `<div class="part-%c"><p>Paragraph %d of page %d, unique to it.</p></div>`, 'a'+rune(j%26), j, i)
		}
		b.WriteString(`<div class="brief"><p>Sign up for the morning briefing.</p></div></article></body></html>`)
		sc := Scan([]byte(b.String()))
		l.Observe(sc, fmt.Sprintf("https://news.example/%d", i), Article{})
	}
	if len(l.texts) > layoutMaxTexts || len(l.sigs) > layoutMaxSigs || len(l.boiler) > layoutMaxBoiler {
		t.Errorf("texts %d sigs %d boiler %d: over the bounds", len(l.texts), len(l.sigs), len(l.boiler))
	}
	for _, st := range l.sigs {
		if len(st.texts) > layoutMaxSeen {
			t.Errorf("an element kind remembers %d texts", len(st.texts))
		}
	}
	if !l.Common("Sign up for the morning briefing.") {
		t.Error("a recurring text was swept")
	}
	common := l.State().Common
	if len(common) > layoutMaxCommon {
		t.Errorf("%d common texts stored", len(common))
	}
}

// TestRegionRootKindIsItsFirstClass: the region's own element is one kind
// on every page: the class names WordPress adds after the first (post id,
// category, tags) do not give each section's pages element kinds of their
// own, while another component's region is another kind.
func TestRegionRootKindIsItsFirstClass(t *testing.T) {
	chains := func(articleClass string) []uint64 {
		sc := Scan([]byte(`<html><head><title>T</title></head><body><article class="` + articleClass +
			`"><div class="entry-content"><p>Text of the story.</p><div class="ad"><p>Buy now.</p></div></div></article></body></html>`))
		var out []uint64
		for _, el := range sc.Elements() {
			out = append(out, el.Chain)
		}
		return out
	}
	world := chains("post-48213 post type-post hentry category-world tag-ukraine")
	politics := chains("post-48220 post type-post hentry category-politics tag-russia tag-talks")
	if fmt.Sprint(world) != fmt.Sprint(politics) {
		t.Errorf("chains differ between sections: %x, %x", world, politics)
	}
	if other := chains("story-root"); fmt.Sprint(other) == fmt.Sprint(world) {
		t.Error("another component's region has the same chains")
	}
}

// TestInlineElementHoldsNoTextAfterIt: a link or an image holds its own
// text only, also where it wraps block-level elements (a story card's <a>
// around its <div>s) or stands where no text was read yet: an element
// that ends after a flush took the text after it (the next card, the
// article's next paragraph) as its own. A card kind learned as boilerplate
// then carried that paragraph into the site's boilerplate texts, and on
// other pages that shared it (a background line) the paragraph was dropped
// from the article and its removal or move went unseen.
func TestInlineElementHoldsNoTextAfterIt(t *testing.T) {
	const para = "The paragraph after the cards is the article's own text."
	for _, tc := range []struct {
		name, region string
		card         []string // texts of the cards' elements
	}{
		{"link around divs", `<ul><li><a class="css-6f" href="/x"><div><img src="a.jpg"/><noscript><img src="a.jpg"/></noscript></div>` +
			`<div><span>Title A</span><span>2h ago</span></div></a></li>` +
			`<li><a class="css-6f" href="/y"><div><img src="b.jpg"/></div><div><span>Title B</span><span>3h ago</span></div></a></li></ul>`,
			[]string{"Title A2h ago", "Title B3h ago"}},
		{"link around one div", `<a class="card" href="/x"><div class="c">Title A</div></a>`, []string{"Title A"}},
		{"image alone", `<img class="lead" src="a.jpg"/>`, nil},
		{"link with text before its div", `<a class="card" href="/x">Live <div class="c">Title A</div></a>`, []string{"Live", "Title A"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := Scan([]byte(`<html><head><title>T</title></head><body><article><p>The first paragraph of the story, long enough to be one.</p>` +
				`<section class="cards">` + tc.region + `</section><p>` + para + `</p></article></body></html>`))
			els := sc.Elements()
			skip := SkipSet{} // every kind of element but the paragraphs'
			var held []string
			holders := 0
			for _, el := range els[1:] { // els[0] is the region's own element
				if slices.Contains(el.Blocks, para) {
					if holders++; len(el.Blocks) > 1 || holders > 1 {
						t.Errorf("an element other than its <p> holds the paragraph after the cards: %q", el.Blocks)
					}
					continue
				}
				if !strings.HasPrefix(el.Blocks[0], "The first") {
					skip[el.Chain] = true
					held = append(held, el.Blocks...)
				}
			}
			for _, c := range tc.card {
				if !slices.Contains(held, c) {
					t.Errorf("no element of the cards holds %q", c)
				}
			}
			if got := sc.SkippedText(skip); slices.Contains(got, para) {
				t.Errorf("left-out text %q holds the paragraph after the cards", got)
			}
		})
	}
}

// TestLinksWithin: a link to a part of its own page is told by its href in
// any spelling of '#', quoted or not; links elsewhere, or a '#' in another
// attribute, are not.
func TestLinksWithin(t *testing.T) {
	for _, c := range []struct {
		tag  string
		want bool
	}{
		{`<a href="#findings">`, true},
		{`<a href=#top>`, true},
		{`<a class="x" href=" #s2">`, true},
		{`<a href="&#35;s2">`, true},
		{`<a href="&num;s2">`, true},
		{`<a href="/world/story.html">`, false},
		{`<a href="/world/story.html#comments">`, false},
		{`<a data-id="#1" href="/a">`, false},
		{`<a name="top">`, false},
	} {
		if got := linksWithin([]byte(c.tag)); got != c.want {
			t.Errorf("linksWithin(%s) = %v, want %v", c.tag, got, c.want)
		}
	}
}

// TestHolds: the region holds an article whose paragraphs are its blocks;
// a page whose only <article>s are comments holds none of its post.
func TestHolds(t *testing.T) {
	post := []string{
		"The council voted on Tuesday to close the old bridge to traffic for the whole of next year.",
		"Engineers said the steel deck had corroded faster than expected after two wet winters in a row.",
		"Residents will have to use the ferry or a detour of eleven miles while the deck is replaced.",
	}
	var body strings.Builder
	for _, p := range post {
		body.WriteString("<p>" + p + "</p>")
	}
	comments := `<ol class="comment-list"><li><article class="comment-body"><p>I have crossed that bridge every day for thirty years and never felt it move an inch, to be honest.</p></article></li>` +
		`<li><article class="comment-body"><p>About time.</p></article></li></ol>`
	tests := []struct {
		name, page string
		want       bool
	}{
		{"the post in an article", "<html><body><article>" + body.String() + "</article>" + comments + "</body></html>", true},
		{"only comments are articles", `<html><body><main><div class="entry-content">` + body.String() + "</div>" + comments + "</main></body></html>", false},
		{"no article at all", `<html><body><main><div class="entry-content">` + body.String() + "</div></main></body></html>", true},
		{"short paragraphs say nothing", "<html><body>" + comments + "<p>Read more.</p></body></html>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := post
			if strings.Contains(tt.name, "short") {
				paras = []string{"Read more."}
			}
			if got := Scan([]byte(tt.page)).Holds(paras); got != tt.want {
				t.Errorf("Holds = %v, want %v", got, tt.want)
			}
		})
	}
}
