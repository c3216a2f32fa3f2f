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

// TestClassShapes holds the shape of class names (the class part of an
// element kind, see ownSig) to real-world conventions: which two names are
// one kind of element across requests and builds, and which are two kinds.
// page is the other class names on the page, its convention: a page whose
// names end in a hash after "__" folds those of the same length without a
// digit too (see sfxEvidence).
func TestClassShapes(t *testing.T) {
	cssModules := []string{"styles_header__a1B2c", "styles_nav__Q7w2e", "styles_footer__9zYx1", "Article_lede__k2Lm0", "Article_byline__Pq3rs"}
	arc := []string{"b-header-nav-chain__q7k2m", "b-headline__k3x9q", "b-byline__0fz1a", "c-caption__m1n2o", "c-paragraph__xw8yq", "b-footer__4hjkl", "b-date__abc12"}
	bem := []string{"c-article__title", "c-article__media", "c-card__image", "c-card__label", "c-nav__inner", "site-header__logo", "grid__col12"}
	tailwind := []string{"text-lg", "md:px-4", "font-bold", "bg-gray-100", "text-gray-700", "w-64", "leading-7"}
	for _, c := range []struct {
		name string
		page []string
		a, b string
		same bool
	}{
		// Hashes and counters with a digit fold everywhere.
		{"CSS modules build hash", nil, "Article_body__3xKq9", "Article_body__7pLm2", true},
		{"emotion", nil, "css-1x2y3z", "css-9a8b7c", true},
		{"Bootstrap grid", nil, "col-md-8", "col-md-4", true},
		{"WordPress post id", nil, "post-48213 type-post", "post-977 type-post", true},
		{"Tailwind spacing", nil, "text-lg md:px-4", "text-lg md:px-6", true},
		// A hash without a digit folds on a page whose "__" suffixes are hashes.
		{"CSS modules hash without a digit", cssModules, "styles_body__xKqzv", "styles_body__3xKq9", true},
		{"Arc XP-style hash without a digit", arc, "b-article-body__pqrst article-body", "b-article-body__k3x9q article-body", true},
		{"Arc XP-style, both without a digit", arc, "c-article-body-element__xkqzv", "c-article-body-element__bdfgh", true},
		// ... but not the name before it, nor other lengths.
		{"hashed page, two blocks", arc, "b-article-body__xkqzv", "b-article-footer__xkqzv", false},
		{"hashed page, BEM elements of another length", arc, "c-card__headline", "c-card__subtitle", false},
		{"hashed page, plain names", arc, "caption", "credit", false},
		{"hashed page, plain names 2", arc, "article-body", "article-footer", false},
		// A BEM page's "__" elements are words: each its own kind.
		{"BEM elements", bem, "c-card__title", "c-card__image", false},
		{"BEM elements, one with a digit on the page", bem, "c-article__label", "c-article__media", false},
		{"BEM modifiers", bem, "c-article__body--wide", "c-article__footer--wide", false},
		{"BEM modifier", bem, "c-article__body--wide", "c-article__body--full", false},
		{"CSS modules, no convention shown", nil, "styles_body__xKqzv", "styles_body__3xKq9", false},
		// Utility and framework classes are words.
		{"Tailwind sizes", tailwind, "text-lg", "text-sm", false},
		{"Tailwind axes", tailwind, "md:px-4", "md:py-4", false},
		{"Bootstrap breakpoints", nil, "col-md-8", "col-lg-8", false},
		{"WordPress blocks", nil, "wp-block-paragraph", "wp-block-heading", false},
		{"captions and credits", nil, "caption", "credit", false},
		{"article parts", nil, "article-body", "article-footer", false},
		// Known gaps: hashes with no "__" before them and no digit stay
		// apart (styled-components draws letters only; emotion and
		// Svelte draw base 36 after "css-", "svelte-").
		{"styled-components (gap)", nil, "sc-bdfBwQ kXyzAb", "sc-gsTCUz bhdLno", false},
		{"emotion without a digit (gap)", nil, "css-xkqzvq", "css-1x2y3z", false},
	} {
		shape := func(class string) uint64 {
			var e sfxEvidence
			for _, p := range c.page {
				e.note([]byte(p))
			}
			e.note([]byte(class))
			var h fnvHash = fnvOffset
			h.writeShape([]byte(class), e.hashed())
			return uint64(h)
		}
		if got := shape(c.a) == shape(c.b); got != c.same {
			t.Errorf("%s: %q and %q one kind: %v, want %v", c.name, c.a, c.b, got, c.same)
		}
	}
}

// TestHashSuffixSig: an element signature Scan takes and the one layout
// takes again from the raw tag under a page's hash convention agree where
// no hash suffix is folded, and fold one that is.
func TestHashSuffixSig(t *testing.T) {
	page := []byte(`<html><body><div class="b-top__a1b2c"></div><div class="b-nav__9zz1q"></div><p class="c-x__q1w2e"></p>` +
		`<article class="b-article__k3x9q"><p class="c-paragraph__pqrst" ROLE="note">One.</p><p class="c-paragraph__p1rst" role=note>Two.</p><DIV Class="Plain">x</DIV></article></body></html>`)
	s := Scan(page)
	if got := s.sfx.hashed(); got != 1 {
		t.Fatalf("hashed lengths %b, want 5 only", got)
	}
	l := s.layout()
	var sigs []uint64
	for _, e := range l.elems {
		sigs = append(sigs, e.chain)
	}
	// elems: article, p, p, div
	if len(sigs) != 4 || sigs[1] != sigs[2] {
		t.Fatalf("the two paragraphs are two kinds: %x", sigs)
	}
	for _, tk := range s.toks {
		if tk.kind == tokText || tk.kind == tokEnd {
			continue
		}
		if got := rawSig(page[tk.start:tk.end], 0, false); got != tk.sig {
			t.Errorf("%s: raw signature %x, Scan's %x", page[tk.start:tk.end], got, tk.sig)
		}
	}
}
