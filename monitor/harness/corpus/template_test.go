package corpus

import (
	"bytes"
	"errors"
	"html"
	"strings"
	"testing"
)

// TestTemplateFamilies: every family shows the current revision's title and
// every paragraph, rotates its boilerplate between requests (inside the
// article body for ledger) and shows an edit after Revise.
func TestTemplateFamilies(t *testing.T) {
	for _, tmpl := range Templates() {
		t.Run(tmpl, func(t *testing.T) {
			s := startSynthetic(t, Options{Feeds: 2, ArticlesPerFeed: 10, Seed: 5, EditFraction: 0.5, RotateBoilerplate: true, Template: tmpl})
			urls := s.ArticleURLs()
			for i, u := range urls {
				_, b1 := get(t, u)
				_, b2 := get(t, u)
				if bytes.Equal(b1, b2) {
					t.Errorf("page %d: two requests gave the same bytes; want rotating boilerplate", i)
				}
				rev, _ := s.Current(u)
				page := html.UnescapeString(string(b1))
				if !strings.Contains(page, rev.Title) {
					t.Errorf("page %d: title %q missing", i, rev.Title)
				}
				for j, p := range rev.Paragraphs {
					if !strings.Contains(page, p) {
						t.Errorf("page %d: paragraph %d missing", i, j)
					}
				}
			}
			edited := s.Revise()
			if len(edited) != 10 {
				t.Fatalf("Revise edited %d articles, want 10", len(edited))
			}
			for _, e := range s.LastEdits() {
				_, b := get(t, e.URL)
				if e.Kind != KindParagraph && !strings.Contains(html.UnescapeString(string(b)), e.After) {
					t.Errorf("%s edit of %s: %q not on the page", e.Kind, e.URL, e.After)
				}
			}
		})
	}
}

// TestLedgerNestsBoilerplate pins what makes the ledger family hard: the
// rotating inserts sit inside the <article>, between and inside the body
// parts, under class names that say nothing; one page in ten is a live blog.
func TestLedgerNestsBoilerplate(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 2, RotateBoilerplate: true, Template: TemplateLedger})
	_, b := get(t, s.ArticleURLs()[0])
	page := string(b)
	art := page[strings.Index(page, "<article"):strings.Index(page, "</article>")]
	for _, want := range []string{"Advertisement", "Read more", "Sign up", "Subscribe from", " shares</span>", "Body_part__"} {
		if !strings.Contains(art, want) {
			t.Errorf("article element lacks %q", want)
		}
	}
	if strings.Contains(art, "class=\"ad") || strings.Contains(art, "newsletter") {
		t.Error("ledger class names name their boilerplate; they should not")
	}
	_, live := get(t, s.ArticleURLs()[ledgerLiveEvery-1])
	if !bytes.Contains(live, []byte("minutes ago</div>")) || !bytes.Contains(live, []byte(">Live<")) {
		t.Error("the tenth article is not a live blog")
	}
}

func TestTemplateUnknown(t *testing.T) {
	_, err := NewSynthetic(Options{Feeds: 1, ArticlesPerFeed: 1, Template: "wordpress"})
	if !errors.Is(err, ErrOptions) {
		t.Errorf("unknown template: err %v, want ErrOptions", err)
	}
}

// TestGazetteHazards pins what makes the gazette family hard: inside the
// <article>, counters, a photo credit, read-more and newsletter <p>s and ads
// rotate between requests, while the article's own text does not.
func TestGazetteHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 3, RotateBoilerplate: true, Template: TemplateGazette})
	u := s.ArticleURLs()[0]
	article := func() string {
		_, b := get(t, u)
		page := string(b)
		return page[strings.Index(page, "<article"):strings.Index(page, "</article>")]
	}
	a1, a2 := article(), article()
	for _, want := range []string{" minutes ago</span>", " views</span>", "<span class=\"credit\">Photo: ", "<p><strong>", "Sign up here", "<div id=\"div-gpt-ad-", "<section class=\"wp-block-group\">", "Key points", "jp-relatedposts"} {
		if !strings.Contains(a1, want) {
			t.Errorf("article element lacks %q", want)
		}
	}
	if a1 == a2 {
		t.Error("the article element did not rotate between requests")
	}
	rev, _ := s.Current(u)
	for _, a := range []string{a1, a2} {
		text := html.UnescapeString(a)
		for j, p := range rev.Paragraphs {
			if !strings.Contains(text, "<p>"+p+"</p>") {
				t.Errorf("paragraph %d not on the page as its own <p>", j)
			}
		}
	}
	s2 := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 3, Template: TemplateGazette})
	_, b1 := get(t, s2.ArticleURLs()[0])
	_, b2 := get(t, s2.ArticleURLs()[0])
	if !bytes.Equal(b1, b2) {
		t.Error("without RotateBoilerplate two requests differ")
	}
}

// TestBulletinHazards pins what makes the bulletin family hard: class names
// change on every request; the headline sits outside the body <article>,
// which shares <main> with teaser and comment <article>s; story cards, an
// interrupt, ads and blocks shaped like paragraphs ("Follow us", "Last
// updated") rotate among the paragraphs, while the article's own text,
// captions included, does not.
func TestBulletinHazards(t *testing.T) {
	s := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 4, RotateBoilerplate: true, Template: TemplateBulletin})
	u := s.ArticleURLs()[0]
	rev, _ := s.Current(u)
	page := func() string {
		_, b := get(t, u)
		return string(b)
	}
	body := func(pg string) string {
		i := strings.Index(pg, "data-type=\"article-body\"")
		return pg[i : i+strings.Index(pg[i:], "</article>")]
	}
	p1, p2 := page(), page()
	main := p1[strings.Index(p1, "<main"):strings.Index(p1, "</main>")]
	if n := strings.Count(main, "<article"); n < 1+5+3 {
		t.Errorf("<main> holds %d <article> elements; want the body, five teasers and at least three comments", n)
	}
	if h1 := strings.Index(main, "<h1"); h1 < 0 || h1 > strings.Index(main, "data-type=\"article-body\"") {
		t.Error("the headline is not before, outside, the body <article>")
	}
	b1, b2 := body(p1), body(p2)
	for _, want := range []string{"data-type=\"story-card\"", "data-type=\"interstitial\"", "ADVERTISEMENT", "In this article", "data-type=\"gallery\"", "<i>Last updated ", "<a href=\"/follow/\">", "<div class=\"css-"} {
		if !strings.Contains(b1, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	if strings.Contains(b1, "<h1") {
		t.Error("the body <article> holds the headline")
	}
	cls := func(pg string) string {
		i := strings.Index(pg, "data-type=\"text\"><p class=\"") + len("data-type=\"text\"><p class=\"")
		return pg[i : i+11]
	}
	if cls(b1) == cls(b2) {
		t.Errorf("paragraph class %q did not change between requests", cls(b1))
	}
	if b1 == b2 {
		t.Error("the body did not rotate between requests")
	}
	for _, b := range []string{b1, b2} {
		text := html.UnescapeString(b)
		for j, p := range rev.Paragraphs {
			if !strings.Contains(text, "\">"+p+"</span></p></div>") {
				t.Errorf("paragraph %d not on the page as a text block of its own", j)
			}
		}
		for k := range bulletinSlides {
			if c := bulletinCaptions[(0+2*k)%len(bulletinCaptions)]; !strings.Contains(text, "</span> "+c+" <span") {
				t.Errorf("caption %d %q missing", k, c)
			}
		}
	}
	s2 := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 4, Template: TemplateBulletin})
	_, c1 := get(t, s2.ArticleURLs()[0])
	_, c2 := get(t, s2.ArticleURLs()[0])
	if !bytes.Equal(c1, c2) {
		t.Error("without RotateBoilerplate two requests differ")
	}
}
