package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

func TestRegion(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"article", `<html><body><nav>n</nav><article id="a"><p>story</p></article><aside>x</aside></body></html>`,
			`<article id="a"><p>story</p></article>`},
		{"largest article", `<body><article><p>teaser</p></article><article><p>the long main story</p></article></body>`,
			`<article><p>the long main story</p></article>`},
		{"most text, not most markup", `<body><article class="teaser"><div class="card" data-track="a b c d e f g h"><img src="/x.jpg" alt="a long alternative text of a picture"><p>teaser</p></div></article><article><p>the main story, told in words</p></article></body>`,
			`<article><p>the main story, told in words</p></article>`},
		{"nested article", `<body><article><p>a</p><article><p>b</p></article><p>c</p></article><div>x</div></body>`,
			`<article><p>a</p><article><p>b</p></article><p>c</p></article>`},
		{"unclosed article", `<body><article><p>story`, `<article><p>story`},
		{"only comments are articles", `<body><main><div class="entry-content"><p>The council voted on Tuesday to close the old bridge for a year.</p><p>Engineers said the deck had corroded.</p></div><ol><li><article><p>Ok.</p></article></li></ol></main></body>`,
			`<main><div class="entry-content"><p>The council voted on Tuesday to close the old bridge for a year.</p><p>Engineers said the deck had corroded.</p></div><ol><li><article><p>Ok.</p></article></li></ol></main>`},
		{"a teaser of less than a tenth of the text is no article", `<body><div><p>A story of a hundred bytes of text or more, told in a div, with no article element around it at all.</p></div><article><p>Teaser ten</p></article></body>`,
			`<body><div><p>A story of a hundred bytes of text or more, told in a div, with no article element around it at all.</p></div><article><p>Teaser ten</p></article></body>`},
		{"article body", `<body><div class="wrap"><div itemprop="articleBody"><div><p>s</p></div></div><div>side</div></div></body>`,
			`<div itemprop="articleBody"><div><p>s</p></div></div>`},
		{"main", `<body><header>h</header><main><p>s</p></main><footer>f</footer></body>`, `<main><p>s</p></main>`},
		{"role main", `<body><div role="main"><p>s</p></div><div>f</div></body>`, `<div role="main"><p>s</p></div>`},
		{"body", `<html><head><title>t</title></head><body><p>s</p></body></html>`, `<body><p>s</p></body>`},
		{"tags in script ignored", `<body><script>var s = "<article>fake</article>";</script><main>m</main></body>`, `<main>m</main>`},
		{"whole page", `just text`, `just text`},
		{"empty", ``, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Region([]byte(tt.page))); got != tt.want {
				t.Errorf("Region = %q, want %q", got, tt.want)
			}
		})
	}
}

// Rotating chrome outside the region must not change it; a text change
// inside must.
func TestRegionStability(t *testing.T) {
	a, b := readFile(t, "summit-a.html"), readFile(t, "summit-b.html")
	ra := Region(a)
	if !bytes.HasPrefix(ra, []byte("<article")) || !bytes.Contains(ra, []byte("Kremlin aide Yuri Ushakov")) {
		t.Fatalf("region of summit-a is not the article: %.100q", ra)
	}
	outside := bytes.Replace(a, []byte("Heatwave grips southern Europe"), []byte("Something else entirely"), 1)
	if !bytes.Equal(Region(outside), ra) {
		t.Error("a change outside the article changed the region")
	}
	inside := bytes.Replace(a, []byte("within the next two weeks"), []byte("within the next three weeks"), 1)
	if bytes.Equal(Region(inside), ra) {
		t.Error("a change in the article text left the region unchanged")
	}
	if bytes.Equal(Region(b), ra) {
		t.Error("summit-b rotates comment counts inside <article>; regions should differ")
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		name, page, base, want string
	}{
		{"link", `<head><link rel="canonical" href="https://ex.example/a"></head>`, "", "https://ex.example/a"},
		{"rel list", `<link rel="alternate canonical" href="https://ex.example/b">`, "", "https://ex.example/b"},
		{"link beats og", `<meta property="og:url" content="https://ex.example/og"><link rel=canonical href="https://ex.example/c">`, "", "https://ex.example/c"},
		{"og only", `<meta property="og:url" content="https://ex.example/og">`, "", "https://ex.example/og"},
		{"relative", `<link rel="canonical" href="/x/y">`, "https://ex.example/a/b?q=1", "https://ex.example/x/y"},
		{"protocol relative", `<link rel="canonical" href="//cdn.example/z">`, "https://ex.example/", "https://cdn.example/z"},
		{"relative without base", `<link rel="canonical" href="/x/y">`, "", ""},
		{"javascript", `<link rel="canonical" href="javascript:alert(1)">`, "https://ex.example/", ""},
		{"after body ignored", `<head></head><body><link rel="canonical" href="https://ex.example/late">`, "", ""},
		{"none", `<html><head><title>t</title></head></html>`, "https://ex.example/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Canonical([]byte(tt.page), tt.base); got != tt.want {
				t.Errorf("Canonical = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoilerValue(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"ad", true}, {"ad-slot", true}, {"adSlot", true}, {"top_ad", true}, {"ad300x250", true},
		{"most-read", true}, {"mostRead", true}, {"comment-count", true}, {"share-bar", true},
		{"Share this article", true}, {"OUTBRAIN", true}, {"taboola-below", true}, {"cookie-banner", true},
		{"newsletter-signup", true}, {"recommended-stories", true}, {"sponsored-content", true},
		{"header", false}, {"headline", false}, {"story-body", false}, {"article__content", false},
		{"shadow", false}, {"loaded", false}, {"readable", false}, {"byline", false}, {"main", false},
		{"paragraph", false}, {"add-to-cart", false},
		// CSS-in-JS names: the hash spells no word, the rest still counts
		{"css-ad3kq9x", false}, {"sc-bdVaJa css-shar3xq", false}, {"css-1a2b3c4 ad-slot", true}, {"css-promo", true},
		// hex hashes (anchor ids hashed from the text): no word either
		{"p-f306ad", false}, {"p-3ad9f1", false}, {"c0ffee12ad", false}, {"p-f306ad ad-slot", true},
		{"ad300x250", true}, {"ad1", true}, {"top_ad2", true}, {"div-gpt-ad-1234567-0", true}, {"ad-3f9c2e", true},
	}
	for _, tt := range tests {
		t.Run(tt.v, func(t *testing.T) {
			if got := boilerValue(tt.v, nil); got != tt.want {
				t.Errorf("boilerValue(%q) = %v, want %v (words %q)", tt.v, got, tt.want, splitWords(tt.v))
			}
		})
	}
}

// TestBoilerValueHashSuffix: on a page whose class names end in build
// hashes of five characters (hashed), such a hash is no word; a word run
// into a BEM class name is, and without the convention nothing changes.
func TestBoilerValueHashSuffix(t *testing.T) {
	const five uint8 = 1 << (5 - sfxMinLen)
	tests := []struct {
		v      string
		hashed uint8
		want   bool
	}{
		{"Body_element__a58ad", five, false}, {"c-article-body-element__9adxk", five, false},
		{"Card_root__xqzAd", five, false}, {"b-ad-block__b6csn", five, true}, {"c-article__share", five, true},
		{"Body_element__a58ad ad-slot", five, true}, {"Body_element__a58ad", 0, true},
		{"slot__ad300x250", five, true}, {"Body_element__a58ad", 1 << (6 - sfxMinLen), true},
	}
	for _, tt := range tests {
		if got := boilerValue(tt.v, func() uint8 { return tt.hashed }); got != tt.want {
			t.Errorf("boilerValue(%q, %b) = %v, want %v", tt.v, tt.hashed, got, tt.want)
		}
	}
}

func TestIsUILine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Advertisement", true}, {"ADVERTISEMENT", true}, {"Share", true}, {"Read more »", true},
		{"Read more:", true}, {"1,204 comments", true}, {"3.2k shares", true}, {"Updated 3 minutes ago", true},
		{"Posted 12 mins ago", true}, {"an hour ago", true}, {"Just now", true}, {"•", true}, {"|", true},
		{"Story continues below advertisement", true},
		{"But a peace deal still appeared far from imminent.", false},
		{"Share prices rose sharply on Monday.", false},
		{"Trump spoke 3 minutes ago, aides said.", false},
		{"10 days", false}, {"Kyiv", false},
		// a stamp and a rotating age: a live update's header, a page's date line
		{"6:53 p.m. UTC 50 min ago", true}, {"14:20 BST · 2 hr ago", true},
		{"Published Aug. 19, 2025 at 6:53 p.m. UTC | Updated 50 min ago", true},
		{"At 6:53 p.m. the talks ended, 50 min ago.", false}, {"The vote at 6:53 p.m. passed.", false},
		{strings.Repeat("advertisement ", 10), false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isUILine(tt.line); got != tt.want {
				t.Errorf("isUILine(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \n\t b  ", "a b"},
		{"a\u00a0\u00a0b", "a b"},
		{"zero\u200bwidth\u00adsoft", "zerowidthsoft"},
		{"ctrl\x01\x02chars", "ctrlchars"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeSpace(tt.in); got != tt.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitizeCapsDepth(t *testing.T) {
	deep := []byte(strings.Repeat("<div>", 10_000) + "x" + strings.Repeat("</div>", 10_000))
	if d := nestingDepth(sanitize(deep)); d > maxDepth {
		t.Errorf("depth after sanitize = %d, want <= %d", d, maxDepth)
	}
	// Old-style unclosed paragraphs are not deep nesting.
	flat := []byte("<body>" + strings.Repeat("<p>para", 5_000))
	if d := nestingDepth(flat); d > 3 {
		t.Errorf("unclosed <p> depth = %d, want <= 3", d)
	}
	if got := sanitize(flat); !bytes.Equal(got, flat) {
		t.Error("a shallow page was rewritten")
	}
}

// normalizeSpaceReference is the rune-by-rune form normalizeSpace had
// before its ASCII fast path; the fuzz target holds them equal.
func normalizeSpaceReference(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f':
			space = b.Len() > 0
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzNormalizeSpace(f *testing.F) {
	for _, s := range []string{"", " a  b ", "\t\n\v\f\r x\u0085y\u00a0z", "a\x00b\x7fc\x1f", "\xff\xfe bad", "zero\u200bwidth\u00adsoft", "é  ü\u2007end "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalizeSpace(s), normalizeSpaceReference(s); got != want {
			t.Errorf("normalizeSpace(%q) = %q, reference %q", s, got, want)
		}
	})
}
