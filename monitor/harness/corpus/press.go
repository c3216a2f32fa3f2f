package corpus

import (
	"math/rand/v2"
	"net/url"
	"strconv"
	"time"
)

// The "press" template family is written as a WordPress news site serves
// its posts: a block theme (Newspack's), the Gutenberg editor, and the
// plugins such sites run: Yoast SEO, Jetpack (sharing, likes, related
// posts), Newspack Newsletters and Campaigns, an ad inserter, the Liveblog
// plugin. It is a held-out family: it was written without reading
// storywatch's extraction or learning code. Its conventions:
//
//   - <body class="wp-singular post-template-default single single-post
//     postid-NNNN ...">; the post is no <article>: the block theme lays it
//     out as <main> and wp-block-group <div>s, the headline a <h1
//     class="wp-block-post-title">, then post meta with the byline and
//     <time class="entry-date published"> and, once the post is edited,
//     "Updated" <time class="updated">;
//   - the text in <div class="entry-content wp-block-post-content
//     is-layout-flow">, as Gutenberg blocks with their "<!-- wp:... -->"
//     comments: <p>s (a lead with a drop cap class, some with a linked tag
//     name), a wp-block-heading subheading, a classic [caption] figure
//     (id="attachment_NNNN", inline style width) for the lead image, a
//     wp-block-image figure with a wp-element-caption, a wp-block-pullquote
//     repeating a sentence of the body, a wp-block-embed social post (a
//     blockquote of someone else's words) and a wp-block-list, all fixed by
//     the article;
//   - drawn per request among the blocks: the ad inserter's <div
//     class="code-block code-block-3"> (and -6) with a drawn slot id and
//     inline style, a Newspack newsletter "Sign up" block with a nonce and
//     a "Support our journalism" donation prompt; appended inside
//     entry-content, Jetpack's "Share this:" and "Like this:" sharedaddy
//     blocks (the like widget's id drawn per request) and "Related" posts
//     with their excerpts;
//   - per request as well: the attachment ids and widths of the figures,
//     nonces (wpApiSettings, data-nonce, _wpnonce, Akismet's) and the
//     plugins' "?ver=" cache-busting stamps;
//   - Yoast's <script type="application/ld+json" class="yoast-schema-graph">
//     @graph: Article, WebPage, BreadcrumbList, WebSite, Organization and
//     a Person per author, without the text;
//   - after the body, the tags and an author box per author, then the
//     comments: "N thoughts on “Title”", an <ol class="comment-list"> of
//     readers' comments (each an <article class="comment-body">), a new
//     one appearing on some requests, and the reply form;
//   - one article in thirteen (pressLive) is a live blog: the Liveblog
//     plugin's <div class="liveblog-entry">s in the entry content, newest
//     first, each with its time, its author and a "Share" line, and the
//     plugin's LiveBlogPosting JSON-LD, whose updates carry the text.
//
// Everything a reader sees of the article (headline, byline, dates, the
// paragraphs and their markup, subheading, captions, pull quote, embed,
// list) changes only when Revise edits it.

// Articles whose index is pressLiveAt modulo pressLiveEvery are live blogs.
const (
	pressLiveEvery = 13
	pressLiveAt    = 5
)

// pressLive reports whether article idx renders as a live blog.
func pressLive(idx int) bool { return idx%pressLiveEvery == pressLiveAt }

// pressPostID is the WordPress post id of article idx.
func pressPostID(idx int) int { return 21804 + 13*idx }

const (
	pressWPVersion = "6.8.1"
	pressBlogID    = "204918372"
	pressDay       = "January 2, 2006"
	pressClock     = "3:04 pm"
	pressISO       = "2006-01-02T15:04:05-07:00"
)

var (
	pressSubheads = [...]string{"Behind closed doors", "The sticking points", "A cautious welcome", "What comes next", "The view from the region", "Pressure at home"}
	pressCaptions = [...]string{
		"Delegations take their seats before the opening session.",
		"Police cordon off the street outside the conference venue.",
		"An official briefs reporters after the first round of talks.",
		"Cars queue at the border crossing early on Tuesday.",
		"The venue’s flags ahead of the leaders’ arrival.",
		"Protesters gather in the square near the government building.",
	}
	pressCredits = [...]string{"Reuters", "AP Photo", "AFP via Getty Images", "EPA", "Staff photo"}
	// pressEmbeds are social posts by others: text, name, handle; even
	// ones are posts on X, odd ones on Bluesky.
	pressEmbeds = [...][3]string{
		{"Arrived this morning. Long day ahead, and the whole region is watching what comes out of that room.", "Maria Hollis", "mhollis_news"},
		{"Our statement on today’s meeting: dialogue is welcome, but any agreement must respect international law.", "Office of the Spokesperson", "spokesperson_eu"},
		{"Huge security presence around the venue. Roads closed for several blocks, journalists held at the outer gate.", "Dan Okafor", "danokafor.bsky.social"},
		{"Talked to families near the border today. Nobody expects much, but everybody is listening.", "Lena Varga", "lenavarga"},
	}
	// pressListItems are the "What we know" list's lines, four per article.
	pressListItems = [...]string{
		"Both delegations have confirmed they will attend.",
		"Mediators have circulated a draft text.",
		"No ceasefire is in force ahead of the meeting.",
		"Sanctions remain in place during the talks.",
		"Observers from several countries will be present.",
		"A joint statement is expected at the end of the day.",
		"Earlier rounds ended without agreement.",
	}
	pressLetters = [...][3]string{
		{"the-daily", "The Daily Briefing", "The day’s most important stories, in your inbox every weekday morning."},
		{"europe-desk", "Europe Desk", "Our correspondents on the week in European politics, every Friday."},
		{"breaking", "Breaking News", "Get an email as soon as a big story breaks."},
	}
	pressDonate = [...]string{
		"Independent reporting takes time and money. If you value this work, become a member today.",
		"We don’t have a paywall. Readers like you keep our journalism free for everyone. Give what you can.",
		"Your donation funds reporters on the ground. Support our newsroom with a gift of any size.",
	}
	pressBios = [...]string{
		" is a staff writer covering diplomacy and international affairs.",
		" reports on European politics and security.",
		" is the site’s foreign editor. Previously a correspondent in Vienna and Kyiv.",
	}
	pressTags       = [...]string{"Diplomacy", "Europe", "Peace talks", "Security", "Ukraine", "Russia", "United States", "Sanctions"}
	pressCommenters = [...]string{"Gerald M.", "sunnyside_22", "Ruth Abernathy", "KP", "Former diplomat", "Oksana T.", "Mike in Ohio", "Henrike"}
	pressComments   = [...]string{
		"Good reporting, thank you. Would like to know more about who actually drafted the proposal.",
		"I’ll believe it when I see a signed agreement.",
		"Why is there no mention of the energy question? That’s what everyone here is worried about.",
		"Clear and fair piece. Shared it with my students.",
		"The last round of talks was supposed to change everything too.",
		"Thanks for the map in the previous article, it helped a lot.",
	}
	// pressNewComments are the comments a request may find freshly posted.
	pressNewComments = [...]string{
		"Just saw this on TV, any update on the timing?",
		"Hope they manage it this time.",
		"Is there a live page for this?",
		"Cautiously optimistic.",
	}
)

// Kinds of entry-content items.
const (
	piText = iota
	piHeading
	piQuote
	piImage
	piEmbed
	piList
	piAd
	piLetter
	piDonate
	piEntry // a live blog entry
)

// pressItem is one item of the entry content in page order.
type pressItem struct {
	kind int
	i    int // the paragraph (text, entry), or the ad's number
}

// pressR holds one request's draw while a press page renders.
type pressR struct {
	p         *pageSnap
	rng       *rand.Rand
	base      string
	canonical string
	live      bool
	post      int
	now       time.Time // render time
	ver       uint64    // the plugins' cache-busting stamp
	nonce     uint64    // wpApiSettings' nonce, the request's
	formNonce uint64    // the forms' _wpnonce
	likeUniq  uint64
	attach    [2]int // attachment ids of the lead and inline image
	width     [2]int
	items     []pressItem
	quote     string
	letter    int
	donate    int
	comments  int // readers' comments fixed by the article
	fresh     int // the fresh comment's index into pressNewComments, or -1
	freshID   int
	words     int // the text's words, counted once per render (spaWords)
}

// pressDraw draws one request's nonces, stamps, ids and the places of the
// inserts; the fixed blocks' places depend on the article alone.
func pressDraw(p *pageSnap, base string) *pressR {
	r := &p.rev
	rng := rand.New(rand.NewPCG(p.draw, 0x9e55))
	w := &pressR{p: p, rng: rng, base: base, canonical: base + p.a.path, live: pressLive(p.idx), post: pressPostID(p.idx)}
	w.now = r.Modified.Add(time.Duration(p.bp.updatedMins) * time.Minute)
	w.words = spaWords(r)
	w.ver = 1754000000 + rng.Uint64()%9000000
	w.nonce, w.formNonce, w.likeUniq = rng.Uint64(), rng.Uint64(), rng.Uint64()
	for k := range w.attach {
		w.attach[k] = 30000 + rng.IntN(9000)
		w.width[k] = [...]int{1024, 1200, 1600, 2048}[rng.IntN(4)]
	}
	w.letter = rng.IntN(len(pressLetters))
	w.donate = rng.IntN(len(pressDonate))
	w.comments = 1 + p.idx%4
	w.fresh = -1
	if rng.IntN(3) == 0 {
		w.fresh = rng.IntN(len(pressNewComments))
		w.freshID = 90000 + rng.IntN(9000)
	}
	n := len(r.Paragraphs)
	w.items = make([]pressItem, 0, n+12)
	if w.live {
		letter, donate := rng.IntN(max(n, 1)), rng.IntN(max(n, 1))
		for k, j := n-1, 0; k >= 0; k, j = k-1, j+1 {
			w.items = append(w.items, pressItem{kind: piEntry, i: k})
			if j%3 == 2 && k > 0 {
				w.items = append(w.items, pressItem{kind: piAd, i: j/3 + 1})
			}
			if j == letter && k > 0 {
				w.items = append(w.items, pressItem{kind: piLetter})
			}
			if j == donate && k > 0 {
				w.items = append(w.items, pressItem{kind: piDonate})
			}
		}
		return w
	}
	// The fixed blocks' places, by the article: -1 for none.
	heading, quote, image, embed, list := -1, -1, -1, -1, -1
	if n >= 8 && p.idx%3 != 2 {
		heading = n / 2
	}
	if n >= 5 {
		w.quote, quote = pressQuote(r, p.idx)
	}
	if n >= 10 {
		image = n * 2 / 3
	}
	if n >= 8 && p.idx%2 == 0 {
		embed = n / 3
	}
	if n >= 6 && p.idx%4 != 3 {
		list = n - 3
	}
	// The drawn inserts' places: after a paragraph, never the last.
	ad1, ad2, letter, donate := -1, -1, -1, -1
	if n >= 2 {
		ad1 = rng.IntN(max(n/2, 1))
		letter = rng.IntN(n - 1)
		donate = rng.IntN(n - 1)
	}
	if n >= 8 {
		ad2 = n/2 + rng.IntN(n-1-n/2)
	}
	for i := range n {
		if i == heading {
			w.items = append(w.items, pressItem{kind: piHeading, i: i})
		}
		w.items = append(w.items, pressItem{kind: piText, i: i})
		for _, x := range [...]struct{ at, kind, i int }{
			{quote, piQuote, 0}, {image, piImage, 0}, {embed, piEmbed, 0}, {list, piList, 0},
			{ad1, piAd, 3}, {ad2, piAd, 6}, {letter, piLetter, 0}, {donate, piDonate, 0},
		} {
			if x.at == i {
				w.items = append(w.items, pressItem{kind: x.kind, i: x.i})
			}
		}
	}
	return w
}

// pressQuote is the pull quote of article idx and the paragraph it
// follows: the first sentence, long enough to stand alone, of the first
// paragraph of more than one sentence from a place fixed by the article
// on, the last paragraph left out; or "" and -1.
func pressQuote(r *Revision, idx int) (string, int) {
	n := len(r.Paragraphs)
	for t := range n - 2 {
		j := 1 + (idx+t)%(n-2)
		if s := firstSentence(r.Paragraphs[j]); len(s) >= 50 && len(s) < len(r.Paragraphs[j]) {
			return s, j
		}
	}
	return "", -1
}

// appendVer appends a plugin asset's "?ver=" stamp, drawn per request.
func (w *pressR) appendVer(dst []byte) []byte {
	return strconv.AppendUint(dst, w.ver, 10)
}

// appendPressPage renders page p in the press family.
func appendPressPage(dst []byte, p *pageSnap, base string, feeds []feedLink) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	w := pressDraw(p, base)
	canonical := w.canonical

	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />\n\n<!-- This site is optimized with the Yoast SEO Premium plugin v25.3 - https://yoast.com/wordpress/plugins/seo/ -->\n<title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " - "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n<meta name=\"description\" content=\""...)
	dst = appendHTMLF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, "\" />\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\" />\n<meta property=\"og:locale\" content=\"en_US\" />\n"...)
	dst = appendOGArticle(dst, p, canonical, "\" />\n")
	dst = append(dst, "<meta property=\"og:image\" content=\""...)
	dst = appendPressUpload(dst, w, 0, 1200)
	dst = append(dst, "\" />\n<meta name=\"author\" content=\""...)
	dst = appendHTML(dst, bylineName(r.Byline))
	dst = append(dst, "\" />\n<meta name=\"twitter:card\" content=\"summary_large_image\" />\n<meta name=\"twitter:label1\" content=\"Written by\" />\n<meta name=\"twitter:data1\" content=\""...)
	dst = appendHTML(dst, bylineName(r.Byline))
	dst = append(dst, "\" />\n<meta name=\"twitter:label2\" content=\"Est. reading time\" />\n<meta name=\"twitter:data2\" content=\""...)
	dst = strconv.AppendInt(dst, int64(max(1, (w.words+199)/200)), 10)
	dst = append(dst, " minutes\" />\n<script type=\"application/ld+json\" class=\"yoast-schema-graph\">"...)
	dst = appendPressLD(dst, w)
	dst = append(dst, "</script>\n<!-- / Yoast SEO Premium plugin. -->\n\n\n<link rel='dns-prefetch' href='//stats.wp.com' />\n"...)
	dst = appendFeedLinks(dst, feeds, base, "\" />\n")
	if w.live {
		dst = append(dst, "<script type=\"application/ld+json\" class=\"liveblog-schema\">"...)
		dst = appendPressLiveLD(dst, w)
		dst = append(dst, "</script>\n"...)
	}
	dst = append(dst, "<link rel='stylesheet' id='wp-block-library-css' href='"...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-includes/css/dist/block-library/style.min.css?ver="+pressWPVersion+"' media='all' />\n<link rel='stylesheet' id='newspack-blocks-block-styles-stylesheet-css' href='"...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-content/plugins/newspack-blocks/dist/block_styles.css?ver="...)
	dst = w.appendVer(dst)
	dst = append(dst, "' media='all' />\n<link rel='stylesheet' id='newspack-block-theme-style-css' href='"...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-content/themes/newspack-block-theme/style.css?ver="...)
	dst = w.appendVer(dst)
	dst = append(dst, "' media='all' />\n<style id='global-styles-inline-css'>\n:root{--wp--preset--color--primary: #1a4f8b;--wp--preset--color--base: #ffffff;--wp--preset--font-size--medium: 1.125rem;--wp--style--global--content-size: 632px;--wp--style--global--wide-size: 1200px;}\n.has-drop-cap:not(:focus)::first-letter{float:left;font-size:8.4em;line-height:.68;font-weight:100;margin:.05em .1em 0 0;text-transform:uppercase;font-style:normal}\n</style>\n<script src=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-includes/js/jquery/jquery.min.js?ver=3.7.1\" id=\"jquery-core-js\"></script>\n<script id=\"wp-api-request-js-extra\">\nvar wpApiSettings = {\"root\":\""...)
	dst = append(dst, jsonURL(base)...)
	dst = append(dst, "/wp-json/\",\"nonce\":\""...)
	dst = appendHex(dst, w.nonce, 10)
	dst = append(dst, "\",\"versionString\":\"wp/v2/\"};\n</script>\n<link rel=\"https://api.w.org/\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-json/\" /><link rel=\"alternate\" title=\"JSON\" type=\"application/json\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-json/wp/v2/posts/"...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, "\" />\n<meta name=\"generator\" content=\"WordPress "+pressWPVersion+"\" />\n<link rel='shortlink' href='"...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/?p="...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, "' />\n<link rel=\"alternate\" title=\"oEmbed (JSON)\" type=\"application/json+oembed\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-json/oembed/1.0/embed?url="...)
	dst = appendHTML(dst, url.QueryEscape(canonical))
	dst = append(dst, "\" />\n</head>\n\n<body class=\"wp-singular post-template-default single single-post postid-"...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, " single-format-standard wp-custom-logo wp-embed-responsive newspack-block-theme"...)
	if a.sectionSlug != "" {
		dst = append(dst, " category-"...)
		dst = append(dst, a.sectionSlug...)
	}
	if w.live {
		dst = append(dst, " liveblog-enabled"...)
	}
	dst = append(dst, "\">\n<div class=\"wp-site-blocks\">\n<a class=\"skip-link screen-reader-text\" href=\"#wp--skip-link--target\">Skip to content</a>\n<header class=\"wp-block-template-part\">\n<div class=\"newspack_global_ad global_above_header\"><div id=\"div-gpt-ad-"...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e13, 10)
	dst = append(dst, "-0\" class=\"newspack-ad\"><span class=\"ad-label\">Advertisement</span></div></div>\n<div class=\"wp-block-group site-header is-layout-flex\"><div class=\"wp-block-site-logo\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\" class=\"custom-logo-link\" rel=\"home\"><img width=\"260\" height=\"60\" src=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-content/uploads/2024/01/logo.png\" class=\"custom-logo\" alt=\""...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "\" decoding=\"async\" /></a></div><p class=\"wp-block-site-title\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\" rel=\"home\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a></p>\n<nav class=\"wp-block-navigation is-horizontal is-layout-flex\" aria-label=\"Main menu\"><ul class=\"wp-block-navigation__container\">"...)
	for _, k := range bp.nav {
		dst = append(dst, "<li class=\"wp-block-navigation-item wp-block-navigation-link\"><a class=\"wp-block-navigation-item__content\" href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, "/category/"...)
		dst = append(dst, slugify(navSections[k])...)
		dst = append(dst, "/\"><span class=\"wp-block-navigation-item__label\">"...)
		dst = append(dst, navSections[k]...)
		dst = append(dst, "</span></a></li>"...)
	}
	dst = append(dst, "</ul></nav>\n<div class=\"wp-block-buttons\"><div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/donate/\">Donate</a></div></div></div>\n</header>\n\n<main class=\"wp-block-group is-layout-constrained\" id=\"wp--skip-link--target\">\n"...)
	dst = appendPressHeader(dst, w)
	dst = appendPressContent(dst, w)
	dst = appendPressFooter(dst, w)
	dst = appendPressComments(dst, w)
	dst = append(dst, "</main>\n\n<aside class=\"wp-block-group newspack-sidebar\">\n<div class=\"wp-block-group most-read\"><h2 class=\"wp-block-heading\">Most Read</h2>\n<ol class=\"wp-block-list\">"...)
	for i, k := range bp.mostRead {
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, "/?p="...)
		dst = strconv.AppendInt(dst, int64(pressPostID(1000+k)), 10)
		dst = append(dst, "&amp;pos="...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ol></div>\n<div class=\"newspack_global_ad sidebar\"><div id=\"div-gpt-ad-"...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e13, 10)
	dst = append(dst, "-1\" class=\"newspack-ad\"><span class=\"ad-label\">Advertisement</span><p>"...)
	dst = append(dst, adCopyHTML[bp.sideAd]...)
	dst = append(dst, "</p></div></div>\n</aside>\n\n<footer class=\"wp-block-template-part\">\n<div class=\"wp-block-group site-footer\"><nav class=\"wp-block-navigation\" aria-label=\"Footer menu\"><ul class=\"wp-block-navigation__container\">"...)
	for _, l := range [...]string{"/about/\">About us", "/contact/\">Contact", "/ethics-policy/\">Ethics policy", "/privacy-policy/\">Privacy policy"} {
		dst = append(dst, "<li class=\"wp-block-navigation-item\"><a class=\"wp-block-navigation-item__content\" href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, l...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></nav>\n<p class=\"wp-block-site-tagline\">© "...)
	dst = r.Published.UTC().AppendFormat(dst, "2006")
	dst = append(dst, ' ')
	dst = appendHTML(dst, a.site)
	dst = append(dst, ". Proudly powered by Newspack by Automattic.</p></div>\n</footer>\n</div>\n<script type=\"speculationrules\">\n{\"prefetch\":[{\"source\":\"document\",\"where\":{\"and\":[{\"href_matches\":\"/*\"},{\"not\":{\"href_matches\":[\"/wp-*.php\",\"/wp-admin/*\"]}}]},\"eagerness\":\"conservative\"}]}\n</script>\n<script id=\"newspack-newsletters-subscribe-block-js-extra\">\nvar newspack_newsletters_subscribe_block = {\"recaptcha_error\":\"Error loading the reCaptcha library.\",\"nonce\":\""...)
	dst = appendHex(dst, w.formNonce, 10)
	dst = append(dst, "\"};\n</script>\n<script src=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/wp-content/plugins/jetpack/_inc/build/likes/queuehandler.min.js?ver="...)
	dst = w.appendVer(dst)
	dst = append(dst, "\" id=\"jetpack_likes_queuehandler-js\"></script>\n<script src=\"https://stats.wp.com/e-202534.js\" id=\"jetpack-stats-js\" defer=\"defer\" data-wp-strategy=\"defer\"></script>\n<script id=\"jetpack-stats-js-before\">\n_stq = window._stq || [];\n_stq.push([ \"view\", JSON.parse(\"{\\\"v\\\":\\\"ext\\\",\\\"blog\\\":\\\""+pressBlogID+"\\\",\\\"post\\\":\\\""...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, "\\\",\\\"tz\\\":\\\"0\\\",\\\"srv\\\":\\\"news\\\",\\\"j\\\":\\\"1:14.7\\\"}\") ]);\n</script>\n</body>\n</html>\n"...)
	return dst
}

// appendPressUpload appends the URL of image k of the article in the
// media library at width px.
func appendPressUpload(dst []byte, w *pressR, k, width int) []byte {
	dst = appendHTML(dst, w.base)
	dst = append(dst, "/wp-content/uploads/"...)
	dst = w.p.rev.Published.UTC().AppendFormat(dst, "2006/01")
	dst = append(dst, "/img-"...)
	dst = appendHex(dst, spaMix(uint64(w.p.idx)<<4|uint64(k)), 8)
	dst = append(dst, '-')
	dst = strconv.AppendInt(dst, int64(width), 10)
	dst = append(dst, 'x')
	dst = strconv.AppendInt(dst, int64(width*2/3), 10)
	return append(dst, ".jpg"...)
}

// appendPressAuthorLink appends the link to an author's archive.
func appendPressAuthorLink(dst []byte, w *pressR, name, class string) []byte {
	dst = append(dst, "<a class=\""...)
	dst = append(dst, class...)
	dst = append(dst, "\" href=\""...)
	dst = appendHTML(dst, w.base)
	dst = append(dst, "/author/"...)
	dst = append(dst, slugify(name)...)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, name)
	return append(dst, "</a>"...)
}

// appendPressHeader renders the post header: the category (and the live
// badge), the headline, the byline and the dates.
func appendPressHeader(dst []byte, w *pressR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, "<div class=\"wp-block-group alignwide newspack-post-header is-layout-flow\">\n"...)
	if a.sectionSlug != "" || w.live {
		dst = append(dst, "<div class=\"taxonomy-category wp-block-post-terms\">"...)
		if w.live {
			dst = append(dst, "<span class=\"newspack-live-badge\">Live</span> "...)
		}
		if a.sectionSlug != "" {
			dst = append(dst, "<a href=\""...)
			dst = appendHTML(dst, w.base)
			dst = append(dst, "/category/"...)
			dst = append(dst, a.sectionSlug...)
			dst = append(dst, "/\" rel=\"tag\">"...)
			dst = appendHTML(dst, a.section)
			dst = append(dst, "</a>"...)
		}
		dst = append(dst, "</div>\n"...)
	}
	dst = append(dst, "<h1 class=\"wp-block-post-title\">"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</h1>\n<div class=\"entry-meta\">"...)
	if names := atlasAuthors(r); len(names) > 0 {
		dst = append(dst, "<span class=\"author-avatar\"><img alt=\"\" src=\"https://secure.gravatar.com/avatar/"...)
		dst = appendPressGravatar(dst, names[0])
		dst = append(dst, "?s=80&#038;d=mm&#038;r=g\" class=\"avatar avatar-80 photo\" height=\"80\" width=\"80\" decoding=\"async\" /></span><span class=\"byline\"><span class=\"author-prefix\">By</span> "...)
		for k, name := range names {
			if k > 0 {
				dst = append(dst, " and "...)
			}
			dst = append(dst, "<span class=\"author vcard\">"...)
			dst = appendPressAuthorLink(dst, w, name, "url fn n")
			dst = append(dst, "</span>"...)
		}
		dst = append(dst, "</span>"...)
	}
	dst = append(dst, "<span class=\"posted-on\"><time class=\"entry-date published\" datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, "\">"...)
	dst = r.Published.UTC().AppendFormat(dst, pressDay)
	dst = append(dst, "</time>"...)
	if !r.Modified.Equal(r.Published) {
		dst = append(dst, "<span class=\"updated-label\">Updated</span> <time class=\"updated\" datetime=\""...)
		dst = r.Modified.UTC().AppendFormat(dst, pressISO)
		dst = append(dst, "\">"...)
		dst = r.Modified.UTC().AppendFormat(dst, pressDay+" "+pressClock)
		dst = append(dst, " UTC</time>"...)
	}
	return append(dst, "</span></div>\n</div>\n"...)
}

// appendPressGravatar appends the 32 hex digits of name's avatar hash.
func appendPressGravatar(dst []byte, name string) []byte {
	h := uint64(fnv32a(2166136261, name))
	dst = appendHex(dst, spaMix(h), 16)
	return appendHex(dst, spaMix(^h), 16)
}

// appendPressContent renders the entry content: the blocks, or the live
// blog's entries, with the inserts drawn for the request, then Jetpack's
// sharing, likes and related posts.
func appendPressContent(dst []byte, w *pressR) []byte {
	p := w.p
	dst = append(dst, "<div class=\"entry-content wp-block-post-content is-layout-flow wp-block-post-content-is-layout-flow\">"...)
	if w.live {
		dst = append(dst, "\n<div id=\"wpcom-liveblog-container\" class=\"liveblog-container\" data-state=\"enable\" data-post-id=\""...)
		dst = strconv.AppendInt(dst, int64(w.post), 10)
		dst = append(dst, "\" data-nonce=\""...)
		dst = appendHex(dst, w.formNonce, 10)
		dst = append(dst, "\">\n<div class=\"liveblog-feed\">\n"...)
	} else {
		dst = appendPressCaption(dst, w)
	}
	for _, it := range w.items {
		switch it.kind {
		case piText:
			dst = appendPressPara(dst, w, it.i)
		case piEntry:
			dst = appendPressEntry(dst, w, it.i)
		case piHeading:
			s := pressSubheads[p.idx%len(pressSubheads)]
			dst = append(dst, "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\" id=\"h-"...)
			dst = append(dst, slugify(s)...)
			dst = append(dst, "\">"...)
			dst = append(dst, s...)
			dst = append(dst, "</h2>\n<!-- /wp:heading -->\n\n"...)
		case piQuote:
			dst = append(dst, "<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\"><blockquote><p>"...)
			dst = appendHTML(dst, w.quote)
			dst = append(dst, "</p></blockquote></figure>\n<!-- /wp:pullquote -->\n\n"...)
		case piImage:
			dst = appendPressImage(dst, w)
		case piEmbed:
			dst = appendPressEmbed(dst, w)
		case piList:
			dst = append(dst, "<!-- wp:paragraph -->\n<p><strong>What we know so far:</strong></p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list -->\n<ul class=\"wp-block-list\">"...)
			for k := range 4 {
				dst = append(dst, "<!-- wp:list-item -->\n<li>"...)
				dst = append(dst, pressListItems[(p.idx+2*k)%len(pressListItems)]...)
				dst = append(dst, "</li>\n<!-- /wp:list-item -->"...)
			}
			dst = append(dst, "</ul>\n<!-- /wp:list -->\n\n"...)
		case piAd:
			dst = appendPressAd(dst, w, it.i)
		case piLetter:
			dst = appendPressNewsletter(dst, w)
		case piDonate:
			dst = appendPressDonate(dst, w)
		}
	}
	if w.live {
		dst = append(dst, "</div>\n</div>\n"...)
	}
	dst = appendPressSharing(dst, w)
	dst = appendPressRelated(dst, w)
	return append(dst, "</div>\n"...)
}

// Shapes of a paragraph, fixed by the article and the place.
const (
	pressPlain  = iota
	pressLinked // a <p> with a linked tag name
	pressPlain2
	pressShapes
)

func pressShape(idx, i int) int { return int(spaMix(uint64(idx)*613+uint64(i)) % pressShapes) }

// pressDropCap reports whether paragraph i of article idx opens with a
// drop cap: the lead of one ordinary article in three. It is a class: the
// text stays whole.
func pressDropCap(p *pageSnap, i int) bool {
	return i == 0 && p.idx%3 == 0 && !pressLive(p.idx)
}

// appendPressText appends paragraph i's <p> in its shape.
func appendPressText(dst []byte, w *pressR, i int, shape int) []byte {
	p := w.p
	s := p.rev.Paragraphs[i]
	f := p.flags.para(i)
	if shape == pressLinked {
		if a, b := capWord(s); b > a {
			dst = append(dst, "<p>"...)
			dst = appendHTMLF(dst, s[:a], f)
			dst = append(dst, "<a href=\""...)
			dst = appendHTML(dst, w.base)
			dst = append(dst, "/tag/"...)
			for k := range b - a {
				dst = append(dst, s[a+k]|0x20)
			}
			dst = append(dst, "/\">"...)
			dst = append(dst, s[a:b]...)
			dst = append(dst, "</a>"...)
			dst = appendHTMLF(dst, s[b:], f)
			return append(dst, "</p>"...)
		}
	}
	dst = append(dst, "<p>"...)
	dst = appendHTMLF(dst, s, f)
	return append(dst, "</p>"...)
}

// appendPressPara renders paragraph i as a paragraph block.
func appendPressPara(dst []byte, w *pressR, i int) []byte {
	p := w.p
	if pressDropCap(p, i) {
		dst = append(dst, "<!-- wp:paragraph {\"dropCap\":true} -->\n<p class=\"has-drop-cap\">"...)
		dst = appendHTMLF(dst, p.rev.Paragraphs[i], p.flags.para(i))
		return append(dst, "</p>\n<!-- /wp:paragraph -->\n\n"...)
	}
	dst = append(dst, "<!-- wp:paragraph -->\n"...)
	dst = appendPressText(dst, w, i, pressShape(p.idx, i))
	return append(dst, "\n<!-- /wp:paragraph -->\n\n"...)
}

// appendPressCaption renders the lead image as the classic editor's
// [caption] shortcode renders: the attachment id and the width drawn per
// request, the caption and credit the article's.
func appendPressCaption(dst []byte, w *pressR) []byte {
	idx, id, width := w.p.idx, w.attach[0], w.width[0]
	dst = append(dst, "\n<figure id=\"attachment_"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" aria-describedby=\"caption-attachment-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" style=\"width: "...)
	dst = strconv.AppendInt(dst, int64(width), 10)
	dst = append(dst, "px\" class=\"wp-caption aligncenter\"><img fetchpriority=\"high\" decoding=\"async\" class=\"size-full wp-image-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" src=\""...)
	dst = appendPressUpload(dst, w, 0, width)
	dst = append(dst, "\" alt=\"\" width=\""...)
	dst = strconv.AppendInt(dst, int64(width), 10)
	dst = append(dst, "\" height=\""...)
	dst = strconv.AppendInt(dst, int64(width*2/3), 10)
	dst = append(dst, "\" srcset=\""...)
	for k, wd := range [...]int{300, 768, width} {
		if k > 0 {
			dst = append(dst, ", "...)
		}
		dst = appendPressUpload(dst, w, 0, wd)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, int64(wd), 10)
		dst = append(dst, 'w')
	}
	dst = append(dst, "\" sizes=\"(max-width: 1200px) 100vw, 1200px\" /><figcaption id=\"caption-attachment-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" class=\"wp-caption-text\">"...)
	dst = append(dst, pressCaptions[idx%len(pressCaptions)]...)
	dst = append(dst, " <span class=\"image-credit\">(Photo: "...)
	dst = append(dst, pressCredits[idx%len(pressCredits)]...)
	return append(dst, ")</span></figcaption></figure>\n\n"...)
}

// appendPressImage renders the image block in the body.
func appendPressImage(dst []byte, w *pressR) []byte {
	idx, id := w.p.idx, w.attach[1]
	dst = append(dst, "<!-- wp:image {\"id\":"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, ",\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img decoding=\"async\" loading=\"lazy\" width=\"1024\" height=\"683\" src=\""...)
	dst = appendPressUpload(dst, w, 1, 1024)
	dst = append(dst, "\" alt=\"\" class=\"wp-image-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" style=\"aspect-ratio:1.5;object-fit:cover;width:"...)
	dst = strconv.AppendInt(dst, int64(w.width[1]/2), 10)
	dst = append(dst, "px\" /><figcaption class=\"wp-element-caption\">"...)
	dst = append(dst, pressCaptions[(idx+3)%len(pressCaptions)]...)
	dst = append(dst, " (Photo: "...)
	dst = append(dst, pressCredits[(idx+1)%len(pressCredits)]...)
	return append(dst, ")</figcaption></figure>\n<!-- /wp:image -->\n\n"...)
}

// appendPressEmbed renders the social embed block: someone else's post
// as the provider's blockquote, and its script.
func appendPressEmbed(dst []byte, w *pressR) []byte {
	k := w.p.idx / 2 % len(pressEmbeds)
	e := &pressEmbeds[k]
	at := w.p.rev.Published.Add(-time.Duration(40+17*k) * time.Minute).UTC()
	status := spaMix(uint64(w.p.idx)<<8|uint64(k)) % 1e18
	if k%2 == 0 {
		dst = append(dst, "<!-- wp:embed {\"url\":\"https://x.com/"...)
		dst = append(dst, e[2]...)
		dst = append(dst, "/status/"...)
		dst = strconv.AppendUint(dst, status, 10)
		dst = append(dst, "\",\"type\":\"rich\",\"providerNameSlug\":\"twitter\"} -->\n<figure class=\"wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter\"><div class=\"wp-block-embed__wrapper\">\n<blockquote class=\"twitter-tweet\" data-width=\"550\" data-dnt=\"true\"><p lang=\"en\" dir=\"ltr\">"...)
		dst = append(dst, e[0]...)
		dst = append(dst, "</p>&mdash; "...)
		dst = append(dst, e[1]...)
		dst = append(dst, " (@"...)
		dst = append(dst, e[2]...)
		dst = append(dst, ") <a href=\"https://twitter.com/"...)
		dst = append(dst, e[2]...)
		dst = append(dst, "/status/"...)
		dst = strconv.AppendUint(dst, status, 10)
		dst = append(dst, "?ref_src=twsrc%5Etfw\">"...)
		dst = at.AppendFormat(dst, pressDay)
		return append(dst, "</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n</div></figure>\n<!-- /wp:embed -->\n\n"...)
	}
	dst = append(dst, "<!-- wp:embed {\"url\":\"https://bsky.app/profile/"...)
	dst = append(dst, e[2]...)
	dst = append(dst, "/post/"...)
	dst = appendHex(dst, status, 13)
	dst = append(dst, "\",\"type\":\"rich\",\"providerNameSlug\":\"bluesky-social\"} -->\n<figure class=\"wp-block-embed is-type-rich is-provider-bluesky-social wp-block-embed-bluesky-social\"><div class=\"wp-block-embed__wrapper\">\n<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:"...)
	dst = appendHex(dst, spaMix(status), 16)
	dst = append(dst, "/app.bsky.feed.post/"...)
	dst = appendHex(dst, status, 13)
	dst = append(dst, "\" data-bluesky-embed-color-mode=\"system\"><p lang=\"en\">"...)
	dst = append(dst, e[0]...)
	dst = append(dst, "</p>&mdash; "...)
	dst = append(dst, e[1]...)
	dst = append(dst, " (<a href=\"https://bsky.app/profile/"...)
	dst = append(dst, e[2]...)
	dst = append(dst, "?ref_src=embed\">@"...)
	dst = append(dst, e[2]...)
	dst = append(dst, "</a>) <a href=\"https://bsky.app/profile/"...)
	dst = append(dst, e[2]...)
	dst = append(dst, "/post/"...)
	dst = appendHex(dst, status, 13)
	dst = append(dst, "?ref_src=embed\">"...)
	dst = at.AppendFormat(dst, pressDay+" at "+pressClock)
	return append(dst, "</a></blockquote><script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>\n</div></figure>\n<!-- /wp:embed -->\n\n"...)
}

// appendPressAd renders the ad inserter's block number k: a drawn slot
// id and height, a label, no creative (it is loaded by script).
func appendPressAd(dst []byte, w *pressR, k int) []byte {
	dst = append(dst, "<div class=\"code-block code-block-"...)
	dst = strconv.AppendInt(dst, int64(k), 10)
	dst = append(dst, "\" style=\"margin: 8px auto; text-align: center; display: block; clear: both; min-height: "...)
	dst = strconv.AppendInt(dst, int64(250+10*w.rng.IntN(10)), 10)
	dst = append(dst, "px;\">\n<div id=\"div-gpt-ad-"...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e13, 10)
	dst = append(dst, "-"...)
	dst = strconv.AppendInt(dst, int64(k), 10)
	return append(dst, "\" class=\"newspack-ad\" data-ad-size=\"300x250\"><span class=\"ad-label\">Advertisement</span></div></div>\n\n"...)
}

// appendPressNewsletter renders Newspack's newsletter sign-up block.
func appendPressNewsletter(dst []byte, w *pressR) []byte {
	l := &pressLetters[w.letter]
	dst = append(dst, "<!-- wp:newspack-newsletters/subscribe -->\n<div class=\"wp-block-newspack-newsletters-subscribe newspack-newsletters-subscribe\" data-success-message=\"Thank you for signing up!\"><h2 class=\"wp-block-heading\">Sign up for "...)
	dst = append(dst, l[1]...)
	dst = append(dst, "</h2><p class=\"newspack-newsletters-subscribe__description\">"...)
	dst = append(dst, l[2]...)
	dst = append(dst, "</p><form id=\"newspack-newsletters-subscribe-"...)
	dst = appendHex(dst, w.likeUniq>>20, 8)
	dst = append(dst, "\"><input type=\"hidden\" name=\"newspack_newsletters_subscribe\" value=\"1\" /><input type=\"hidden\" name=\"lists[]\" value=\""...)
	dst = append(dst, l[0]...)
	dst = append(dst, "\" /><input type=\"hidden\" name=\"_wpnonce\" value=\""...)
	dst = appendHex(dst, w.formNonce, 10)
	return append(dst, "\" /><div class=\"newspack-newsletters-email-input\"><input type=\"email\" name=\"npe\" autocomplete=\"email\" placeholder=\"Email address\" /></div><input type=\"submit\" value=\"Sign up\" /></form><div class=\"newspack-newsletters-subscribe__response\"></div></div>\n<!-- /wp:newspack-newsletters/subscribe -->\n\n"...)
}

// appendPressDonate renders Newspack Campaigns' inline donation prompt.
func appendPressDonate(dst []byte, w *pressR) []byte {
	dst = append(dst, "<div class=\"newspack-popup-container newspack-popup newspack-inline-popup\" role=\"region\" aria-label=\"Support our journalism\" id=\"id_"...)
	dst = strconv.AppendInt(dst, int64(1200+w.donate), 10)
	dst = append(dst, "\" data-frequency=\"0,0,0,month\" data-nonce=\""...)
	dst = appendHex(dst, w.formNonce^w.nonce, 10)
	dst = append(dst, "\"><div class=\"wp-block-group is-layout-flow\"><h2 class=\"wp-block-heading\">Support our journalism</h2><p>"...)
	dst = append(dst, pressDonate[w.donate]...)
	dst = append(dst, "</p><div class=\"wp-block-newspack-blocks-donate wpbnbd tiered\"><form><input type=\"hidden\" name=\"newspack_donate\" value=\"1\" /><div class=\"tiers\"><label><input type=\"radio\" name=\"donation_frequency\" value=\"month\" checked /> Monthly</label> <label><input type=\"radio\" name=\"donation_frequency\" value=\"year\" /> Annually</label></div><button type=\"submit\">Donate now</button></form></div></div></div>\n\n"...)
	return dst
}

// appendPressEntry renders paragraph k as a Liveblog entry: its time, its
// author, the text and a "Share" line.
func appendPressEntry(dst []byte, w *pressR, k int) []byte {
	p := w.p
	r := &p.rev
	at := spaEntryTime(r, k)
	id := 700000 + 64*p.idx + k
	author := bylineName(r.Byline)
	if names := atlasAuthors(r); len(names) > 0 {
		author = names[k%len(names)]
	}
	if k%3 == 1 || author == "" {
		author = bylines[(p.idx+k)%len(bylines)]
	}
	dst = append(dst, "<div class=\"liveblog-entry\" id=\"liveblog-entry-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" data-timestamp=\""...)
	dst = strconv.AppendInt(dst, at.Unix(), 10)
	dst = append(dst, "\">\n<header class=\"liveblog-meta\"><a class=\"liveblog-meta-time\" href=\"#liveblog-entry-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\"><time datetime=\""...)
	dst = at.AppendFormat(dst, pressISO)
	dst = append(dst, "\">"...)
	dst = at.AppendFormat(dst, pressClock)
	dst = append(dst, "</time></a> <span class=\"liveblog-meta-authors\"><span class=\"liveblog-meta-author\"><img alt=\"\" src=\"https://secure.gravatar.com/avatar/"...)
	dst = appendPressGravatar(dst, author)
	dst = append(dst, "?s=30&#038;d=mm&#038;r=g\" class=\"avatar avatar-30 photo\" height=\"30\" width=\"30\" /> <span class=\"liveblog-author-name\">"...)
	dst = appendHTML(dst, author)
	dst = append(dst, "</span></span></span></header>\n<div class=\"liveblog-entry-text\">"...)
	dst = appendPressText(dst, w, k, pressShape(p.idx, k))
	dst = append(dst, "</div>\n<footer class=\"liveblog-entry-tools\"><span class=\"liveblog-share-label\">Share</span> <a class=\"liveblog-share-twitter\" href=\"https://twitter.com/intent/tweet?url="...)
	u := url.QueryEscape(w.canonical + "#liveblog-entry-" + strconv.Itoa(id))
	dst = appendHTML(dst, u)
	dst = append(dst, "\">X</a> <a class=\"liveblog-share-facebook\" href=\"https://www.facebook.com/sharer/sharer.php?u="...)
	dst = appendHTML(dst, u)
	dst = append(dst, "\">Facebook</a> <button type=\"button\" class=\"liveblog-share-copy\">Copy link</button></footer>\n</div>\n"...)
	return dst
}

// appendPressSharing renders Jetpack's "Share this:" and "Like this:"
// sharedaddy blocks, as the_content filter appends them.
func appendPressSharing(dst []byte, w *pressR) []byte {
	q := appendHTML(nil, w.canonical)
	dst = append(dst, "<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing\"><h3 class=\"sd-title\">Share this:</h3><div class=\"sd-content\"><ul>"...)
	for _, s := range [...][3]string{{"twitter", "X", "Click to share on X"}, {"facebook", "Facebook", "Click to share on Facebook"}, {"email", "Email", "Click to email a link to a friend"}, {"print", "Print", "Click to print"}} {
		dst = append(dst, "<li class=\"share-"...)
		dst = append(dst, s[0]...)
		dst = append(dst, "\"><a rel=\"nofollow noopener noreferrer\" data-shared=\"sharing-"...)
		dst = append(dst, s[0]...)
		dst = append(dst, '-')
		dst = strconv.AppendInt(dst, int64(w.post), 10)
		dst = append(dst, "\" class=\"share-"...)
		dst = append(dst, s[0]...)
		dst = append(dst, " sd-button share-icon\" href=\""...)
		dst = append(dst, q...)
		dst = append(dst, "?share="...)
		dst = append(dst, s[0]...)
		dst = append(dst, "\" target=\"_blank\" title=\""...)
		dst = append(dst, s[2]...)
		dst = append(dst, "\"><span>"...)
		dst = append(dst, s[1]...)
		dst = append(dst, "</span></a></li>"...)
	}
	dst = append(dst, "<li class=\"share-end\"></li></ul></div></div></div><div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded' id='like-post-wrapper-"+pressBlogID+"-"...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, '-')
	dst = appendHex(dst, w.likeUniq, 13)
	dst = append(dst, "' data-src='https://widgets.wp.com/likes/?ver="...)
	dst = w.appendVer(dst)
	dst = append(dst, "#blog_id="+pressBlogID+"&amp;post_id="...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, "&amp;obj_id="+pressBlogID+"-"...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, '-')
	dst = appendHex(dst, w.likeUniq, 13)
	dst = append(dst, "' data-name='like-post-frame-"+pressBlogID+"-"...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, '-')
	dst = appendHex(dst, w.likeUniq, 13)
	return append(dst, "' data-title='Like or Reblog'><h3 class=\"sd-title\">Like this:</h3><div class='likes-widget-placeholder post-likes-widget-placeholder' style='height: 55px;'><span class='button'><span>Like</span></span> <span class=\"loading\">Loading...</span></div><span class='sd-text-color'></span><a class='sd-link-color'></a></div>\n"...)
}

// appendPressRelated renders Jetpack's related posts: the first two or
// three of the page's related links with their excerpts.
func appendPressRelated(dst []byte, w *pressR) []byte {
	p := w.p
	dst = append(dst, "<div id='jp-relatedposts' class='jp-relatedposts'><h3 class=\"jp-relatedposts-headline\"><em>Related</em></h3><div class=\"jp-relatedposts-items jp-relatedposts-items-minimal\">"...)
	for k, l := range p.related[:min(p.nRelated, 3)] {
		dst = append(dst, "<p class=\"jp-relatedposts-post jp-relatedposts-post"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\" data-post-format=\"false\"><span class=\"jp-relatedposts-post-title\"><a class=\"jp-relatedposts-post-a\" href=\""...)
		dst = appendHTML(dst, w.base)
		dst = appendHTML(dst, l.path)
		dst = append(dst, "?relatedposts_hit=1&amp;relatedposts_origin="...)
		dst = strconv.AppendInt(dst, int64(w.post), 10)
		dst = append(dst, "&amp;relatedposts_position="...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\" title=\""...)
		dst = appendHTML(dst, l.title)
		dst = append(dst, "\">"...)
		dst = appendHTML(dst, l.title)
		dst = append(dst, "</a></span> <span class=\"jp-relatedposts-post-excerpt\">"...)
		dst = appendHTML(dst, firstSentence(l.lead))
		dst = append(dst, "</span></p>"...)
	}
	return append(dst, "</div></div>"...)
}

// appendPressFooter renders what follows the content: the tags and an
// author box per author.
func appendPressFooter(dst []byte, w *pressR) []byte {
	p := w.p
	dst = append(dst, "<div class=\"wp-block-group post-footer is-layout-flow\">\n<div class=\"taxonomy-post_tag wp-block-post-terms\"><span class=\"wp-block-post-terms__prefix\">Tags: </span>"...)
	for k := range 3 {
		t := pressTags[(p.idx+3*k)%len(pressTags)]
		if k > 0 {
			dst = append(dst, "<span class=\"wp-block-post-terms__separator\">, </span>"...)
		}
		dst = append(dst, "<a href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/tag/"...)
		dst = append(dst, slugify(t)...)
		dst = append(dst, "/\" rel=\"tag\">"...)
		dst = append(dst, t...)
		dst = append(dst, "</a>"...)
	}
	dst = append(dst, "</div>\n"...)
	for _, name := range atlasAuthors(&p.rev) {
		dst = append(dst, "<div class=\"author-bio\"><img alt=\"\" src=\"https://secure.gravatar.com/avatar/"...)
		dst = appendPressGravatar(dst, name)
		dst = append(dst, "?s=80&#038;d=mm&#038;r=g\" class=\"avatar avatar-80 photo\" height=\"80\" width=\"80\" loading=\"lazy\" /><div class=\"author-bio-text\"><div class=\"author-bio-header\"><h2 class=\"accent-header\">"...)
		dst = appendPressAuthorLink(dst, w, name, "author-name")
		dst = append(dst, "</h2></div><p>"...)
		dst = appendHTML(dst, name)
		dst = append(dst, pressBios[fnv32a(2166136261, name)%uint32(len(pressBios))]...)
		dst = append(dst, " <a class=\"author-link\" href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/author/"...)
		dst = append(dst, slugify(name)...)
		dst = append(dst, "/\">More by "...)
		dst = appendHTML(dst, name)
		dst = append(dst, "</a></p></div></div>\n"...)
	}
	return append(dst, "</div>\n"...)
}

// appendPressComments renders the comments area: the count with the
// headline, the readers' comments (a fresh one on some requests) and the
// reply form.
func appendPressComments(dst []byte, w *pressR) []byte {
	p := w.p
	r := &p.rev
	n := w.comments
	if w.fresh >= 0 {
		n++
	}
	dst = append(dst, "<div class=\"wp-block-post-comments\">\n<div id=\"comments\" class=\"comments-area\">\n<h2 class=\"comments-title\">"...)
	if n == 1 {
		dst = append(dst, "One thought"...)
	} else {
		dst = strconv.AppendInt(dst, int64(n), 10)
		dst = append(dst, " thoughts"...)
	}
	dst = append(dst, " on &ldquo;<span>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</span>&rdquo;</h2>\n<ol class=\"comment-list\">\n"...)
	for m := range w.comments {
		k := (p.idx*3 + m) % len(pressComments)
		dst = appendPressComment(dst, w, 5000+16*p.idx+m, pressCommenters[(p.idx+m)%len(pressCommenters)],
			r.Published.Add(time.Duration(37*(m+1))*time.Minute), pressComments[k], m%2 == 0)
	}
	if w.fresh >= 0 {
		dst = appendPressComment(dst, w, w.freshID, pressCommenters[(p.idx+w.fresh+5)%len(pressCommenters)],
			w.now, pressNewComments[w.fresh], n%2 == 1)
	}
	dst = append(dst, "</ol>\n<div id=\"respond\" class=\"comment-respond\"><h3 id=\"reply-title\" class=\"comment-reply-title\">Leave a Reply</h3><form action=\""...)
	dst = appendHTML(dst, w.base)
	dst = append(dst, "/wp-comments-post.php\" method=\"post\" id=\"commentform\" class=\"comment-form\"><p class=\"comment-notes\"><span id=\"email-notes\">Your email address will not be published.</span> Required fields are marked <span class=\"required\">*</span></p><p class=\"comment-form-comment\"><label for=\"comment\">Comment <span class=\"required\">*</span></label><textarea id=\"comment\" name=\"comment\" cols=\"45\" rows=\"8\" maxlength=\"65525\" required></textarea></p><p class=\"form-submit\"><input name=\"submit\" type=\"submit\" id=\"submit\" class=\"submit\" value=\"Post Comment\" /><input type='hidden' name='comment_post_ID' value='"...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	dst = append(dst, "' id='comment_post_ID' /><input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p><p style=\"display: none;\"><input type=\"hidden\" id=\"akismet_comment_nonce\" name=\"akismet_comment_nonce\" value=\""...)
	dst = appendHex(dst, w.formNonce>>8, 10)
	return append(dst, "\" /></p></form></div>\n</div>\n</div>\n"...)
}

// appendPressComment renders one reader's comment as wp_list_comments
// writes it in HTML5.
func appendPressComment(dst []byte, w *pressR, id int, who string, at time.Time, text string, even bool) []byte {
	dst = append(dst, "<li id=\"comment-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" class=\"comment "...)
	if even {
		dst = append(dst, "even thread-even"...)
	} else {
		dst = append(dst, "odd alt thread-odd thread-alt"...)
	}
	dst = append(dst, " depth-1\">\n<article id=\"div-comment-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" class=\"comment-body\"><footer class=\"comment-meta\"><div class=\"comment-author vcard\"><img alt=\"\" src=\"https://secure.gravatar.com/avatar/"...)
	dst = appendPressGravatar(dst, who)
	dst = append(dst, "?s=60&#038;d=mm&#038;r=g\" class=\"avatar avatar-60 photo\" height=\"60\" width=\"60\" loading=\"lazy\" /> <b class=\"fn\">"...)
	dst = append(dst, who...)
	dst = append(dst, "</b> <span class=\"says\">says:</span></div><div class=\"comment-metadata\"><a href=\""...)
	dst = appendHTML(dst, w.canonical)
	dst = append(dst, "#comment-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\"><time datetime=\""...)
	dst = at.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, "\">"...)
	dst = at.UTC().AppendFormat(dst, pressDay+" at "+pressClock)
	dst = append(dst, "</time></a></div></footer><div class=\"comment-content\"><p>"...)
	dst = append(dst, text...)
	dst = append(dst, "</p></div><div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"#comment-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" data-commentid=\""...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	dst = append(dst, "\" data-postid=\""...)
	dst = strconv.AppendInt(dst, int64(w.post), 10)
	return append(dst, "\" aria-label=\"Reply to comment\">Reply</a></div></article>\n</li>\n"...)
}

// appendPressLD writes Yoast's schema graph: the Article (without the
// text), the WebPage, breadcrumbs, the site, the organisation and a
// Person per author.
func appendPressLD(dst []byte, w *pressR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	canon, base := jsonURL(w.canonical), jsonURL(w.base)
	names := atlasAuthors(r)
	dst = append(dst, `{"@context":"https://schema.org","@graph":[{"@type":"Article","@id":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `#article","isPartOf":{"@id":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `"},"author":[`...)
	for k, name := range names {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"name":`...)
		dst = appendJSON(dst, name)
		dst = append(dst, `,"@id":"`...)
		dst = appendPressPersonID(dst, base, name)
		dst = append(dst, `"}`...)
	}
	dst = append(dst, `],"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","mainEntityOfPage":{"@id":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `"},"wordCount":`...)
	dst = strconv.AppendInt(dst, int64(w.words), 10)
	dst = append(dst, `,"commentCount":`...)
	dst = strconv.AppendInt(dst, int64(w.comments+b2i(w.fresh >= 0)), 10)
	dst = append(dst, `,"publisher":{"@id":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/#organization"},"thumbnailUrl":"`...)
	dst = append(dst, jsonURL(string(appendPressUpload(nil, w, 0, 1200)))...)
	dst = append(dst, `","keywords":[`...)
	for k := range 3 {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSON(dst, pressTags[(p.idx+3*k)%len(pressTags)])
	}
	dst = append(dst, `],"articleSection":[`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `],"inLanguage":"en-US","potentialAction":[{"@type":"CommentAction","name":"Comment","target":["`...)
	dst = append(dst, canon...)
	dst = append(dst, `#respond"]}]},{"@type":"WebPage","@id":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `","url":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `","name":`...)
	dst = appendJSON(dst, r.Title+" - "+a.site)
	dst = append(dst, `,"isPartOf":{"@id":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/#website"},"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","description":`...)
	dst = appendJSONF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, `,"breadcrumb":{"@id":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `#breadcrumb"},"inLanguage":"en-US","potentialAction":[{"@type":"ReadAction","target":["`...)
	dst = append(dst, canon...)
	dst = append(dst, `"]}]},{"@type":"BreadcrumbList","@id":"`...)
	dst = append(dst, canon...)
	dst = append(dst, `#breadcrumb","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/"},{"@type":"ListItem","position":2,"name":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `}]},{"@type":"WebSite","@id":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/#website","url":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/","name":`...)
	dst = appendJSON(dst, a.site)
	dst = append(dst, `,"publisher":{"@id":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/#organization"},"inLanguage":"en-US"},{"@type":"Organization","@id":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/#organization","name":`...)
	dst = appendJSON(dst, a.site)
	dst = append(dst, `,"url":"`...)
	dst = append(dst, base...)
	dst = append(dst, `/"}`...)
	for _, name := range names {
		dst = append(dst, `,{"@type":"Person","@id":"`...)
		dst = appendPressPersonID(dst, base, name)
		dst = append(dst, `","name":`...)
		dst = appendJSON(dst, name)
		dst = append(dst, `,"url":"`...)
		dst = append(dst, base...)
		dst = append(dst, `/author/`...)
		dst = append(dst, slugify(name)...)
		dst = append(dst, `/"}`...)
	}
	return append(dst, "]}"...)
}

// appendPressPersonID appends Yoast's @id of an author, base JSON-escaped.
func appendPressPersonID(dst, base []byte, name string) []byte {
	dst = append(dst, base...)
	dst = append(dst, "/#/schema/person/"...)
	return appendPressGravatar(dst, name)
}

// appendPressLiveLD writes the Liveblog plugin's LiveBlogPosting: the
// entries newest first, each with its text.
func appendPressLiveLD(dst []byte, w *pressR) []byte {
	p := w.p
	r := &p.rev
	dst = append(dst, `{"@context":"https://schema.org","@type":"LiveBlogPosting","url":`...)
	dst = appendJSON(dst, w.canonical)
	dst = append(dst, `,"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","coverageStartTime":"`...)
	dst = r.Published.UTC().AppendFormat(dst, pressISO)
	dst = append(dst, `","liveBlogUpdate":[`...)
	for k := len(r.Paragraphs) - 1; k >= 0; k-- {
		if k < len(r.Paragraphs)-1 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"@type":"BlogPosting","url":`...)
		dst = appendJSON(dst, w.canonical+"#liveblog-entry-"+strconv.Itoa(700000+64*p.idx+k))
		dst = append(dst, `,"datePublished":"`...)
		dst = spaEntryTime(r, k).AppendFormat(dst, pressISO)
		dst = append(dst, `","articleBody":`...)
		dst = appendJSONF(dst, r.Paragraphs[k], p.flags.para(k))
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}
