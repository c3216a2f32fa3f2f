package extract

import (
	"slices"
	"strings"
	"testing"
)

// A WordPress post as a block theme serves it: the post is no <article>,
// its text is the entry content of <main>, and the readers' comments below
// it are <article class="comment-body">s.
const wpHead = `<html><head><title>Leaders agree to meet</title></head><body class="single single-post">
<header class="site-header"><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<main class="wp-block-group" id="wp--skip-link--target">
<div class="wp-block-group newspack-post-header"><h1 class="wp-block-post-title">Leaders agree to meet</h1>
<div class="entry-meta">By <a href="/author/ana/">Ana Lind</a> <time class="entry-date published" datetime="2025-08-19T18:38:00+00:00">August 19, 2025</time></div></div>
`

const wpComments = `<div class="wp-block-comments" id="comments"><h2 class="comments-title">2 thoughts on “Leaders agree to meet”</h2>
<ol class="comment-list">
<li class="comment" id="comment-5000"><article id="div-comment-5000" class="comment-body"><footer class="comment-meta"><b class="fn">Rosa</b> says:</footer>
<div class="comment-content"><p>Finally some good news from the talks, let us hope they keep to it this time around.</p></div></article></li>
<li class="comment" id="comment-5001"><article id="div-comment-5001" class="comment-body"><footer class="comment-meta"><b class="fn">Tom</b> says:</footer>
<div class="comment-content"><p>I will believe it when I see the two of them in the same room.</p></div></article></li>
</ol></div>
</main></body></html>`

var wpParagraphs = []string{
	"The two leaders agreed on Tuesday to meet for the first time since the war began, officials in both capitals said after a day of talks that ran late into the night.",
	"The meeting would take place within two weeks, according to a statement from the foreign ministry, though no venue had been chosen and both sides warned that much could still go wrong.",
	"Diplomats said any agreement would need to address prisoner exchanges, the return of deported children and the future of the occupied territories in the east.",
	"European stocks edged higher on hopes of a deal, while oil prices slipped by almost one percent in early trading as traders weighed the chances of a ceasefire.",
	"Analysts cautioned that previous rounds of diplomacy had collapsed over the question of territory, and that neither side had publicly softened its demands.",
}

func wpPost(content string) []byte {
	return []byte(wpHead + `<div class="entry-content wp-block-post-content is-layout-flow">` + content + "</div>\n" + wpComments)
}

func wpP(i int) string {
	return "<!-- wp:paragraph -->\n<p>" + wpParagraphs[i] + "</p>\n<!-- /wp:paragraph -->\n"
}

// TestFastPathSkipsCommentArticles: on a page whose story is in no
// <article>, a reader's comment <article> is no article region for the
// fast path either (Scan already finds the region as on a page without
// one): the region's text is the story, not the longest comment.
func TestFastPathSkipsCommentArticles(t *testing.T) {
	var b strings.Builder
	for i := range wpParagraphs {
		b.WriteString(wpP(i))
	}
	page := wpPost(b.String())
	const u = "https://example.com/2025/08/19/leaders-agree-to-meet/"
	full, err := Extract(page, u)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(full.Paragraphs, wpParagraphs) {
		t.Fatalf("readability: %q", full.Paragraphs)
	}
	region, err := ExtractRegion(page, u)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := Scan(page).ExtractFast(u)
	if err != nil {
		t.Fatal(err)
	}
	// The byline and the comments are left for the site's learned layout
	// to leave out (the comments' <article>s are among its elements).
	for name, got := range map[string][]string{"ExtractRegion": region.Paragraphs, "ExtractFast": fast.Paragraphs} {
		for _, w := range wpParagraphs {
			if !slices.Contains(got, w) {
				t.Errorf("%s: the story's paragraph %q is not in the text: %q", name, w, got)
			}
		}
	}
}

// TestFastPathKeepsFiguresAmongParagraphs: Gutenberg's image, pull quote,
// embed and table blocks are <figure>s among the post's <p>s in the entry
// content; readability keeps the element holding the paragraphs whole, so
// the fast path keeps them too. A figure away from the text (a lead photo
// in the post header) is still left out.
func TestFastPathKeepsFiguresAmongParagraphs(t *testing.T) {
	figures := []string{
		`<!-- wp:image -->
<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2025/08/talks.jpg" alt=""/><figcaption class="wp-element-caption">Delegations take their seats before the opening session.</figcaption></figure>
<!-- /wp:image -->
`,
		`<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Any agreement would need to address prisoner exchanges and the return of deported children.</p></blockquote></figure>
<!-- /wp:pullquote -->
`,
		`<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>Prisoners exchanged so far</td><td>1,200</td></tr></tbody></table></figure>
<!-- /wp:table -->
`,
	}
	want := []string{
		"Delegations take their seats before the opening session.",
		"Any agreement would need to address prisoner exchanges and the return of deported children.",
		"Prisoners exchanged so far",
	}
	var b strings.Builder
	for i := range wpParagraphs {
		b.WriteString(wpP(i))
		if i < len(figures) {
			b.WriteString(figures[i])
		}
	}
	page := []byte(strings.Replace(string(wpPost(b.String())), `<div class="entry-meta">`,
		`<figure class="post-thumbnail"><img src="/lead.jpg" alt=""/><figcaption>A photo the post header shows above the text.</figcaption></figure><div class="entry-meta">`, 1))
	const u = "https://example.com/2025/08/19/leaders-agree-to-meet/"
	full, err := Extract(page, u)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !slices.Contains(full.Paragraphs, w) {
			t.Fatalf("readability dropped %q: %q", w, full.Paragraphs)
		}
	}
	fast, err := Scan(page).ExtractFast(u)
	if err != nil {
		t.Fatal(err)
	}
	// The byline and the comments are left for the site's learned layout
	// to leave out; the text's own blocks are the fast path's to keep.
	for _, w := range append(want, wpParagraphs...) {
		if !slices.Contains(fast.Paragraphs, w) {
			t.Errorf("fast path dropped %q: %q", w, fast.Paragraphs)
		}
	}
	if strings.Contains(fast.Text(), "post header shows") {
		t.Errorf("fast path kept the header's lead photo: %q", fast.Paragraphs)
	}
}
