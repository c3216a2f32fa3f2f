package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The "gazette" template family is written as a WordPress theme with the
// usual plugins writes its pages (Yoast's JSON-LD graph, an ad inserter,
// Jetpack related posts, a view counter), kept as a held-out family: nothing
// in storywatch was tuned on it. Its hazards are the ones real news pages
// have and the other families lack, all inside the <article> element and
// all drawn anew on every request with Options.RotateBoilerplate:
//
//   - the entry header carries "Updated N minutes ago", a view counter and a
//     comment count next to the byline and the dates;
//   - the lead image's caption is the article's, but its photo credit line
//     rotates;
//   - the body, <div class="entry-content">, is split into <section>s whose
//     sizes are drawn per request, so no paragraph keeps its DOM path;
//   - "READ MORE:" / "Related:" links and a newsletter pitch are plain <p>
//     elements among the article's own paragraphs, at drawn positions, with
//     no class to tell them apart;
//   - ads are <div>s with a rotating id and copy between paragraphs;
//   - Jetpack's "Related" block follows the body inside the <article>;
//   - the JSON-LD dateModified is the page cache's build time, not the edit's.
//
// The article's own parts never rotate: the headline, byline, dates, a
// "Key points" list made from the first sentences of its first paragraphs,
// the caption, the paragraphs, the tags and the author box. They change only
// when Revise edits the title or the paragraphs.

var (
	gazetteReadMore = []string{"READ MORE:", "Related:", "ALSO READ:", "MORE:", "Read more:"}
	gazettePitches  = []string{
		"Sign up to the Gazette Daily newsletter for the day's top stories, delivered to your inbox every morning.",
		"Get our free Politics Briefing every weekday at 6pm.",
		"Want more stories like this? Subscribe to our World Watch newsletter.",
		"Never miss a story: get breaking news alerts by email.",
		"Our Sunday Long Read newsletter brings the week's best journalism to you.",
	}
	gazettePhotographers = []string{"Maria Lenz", "Jonas Hill", "Ayo Bello", "Karin Strand", "Pedro Alves", "Hannah Cole", "Yusuf Demir"}
	gazetteAgencies      = []string{"Reuters", "AFP via Getty Images", "AP", "EPA-EFE", "Bloomberg", "Gazette staff"}
	gazetteCaptions      = []string{
		"Delegations arrive for the talks earlier this week.",
		"Officials speak to reporters outside the venue.",
		"A view of the city on the eve of the meeting.",
		"Security was tightened ahead of the leaders' arrival.",
		"Protesters gathered near the conference centre on Monday.",
		"Flags outside the government building.",
	}
	gazetteTags = []string{"Diplomacy", "Europe", "Security", "Ukraine", "Russia", "United States", "Talks"}
)

// gazetteSectionMin and gazetteSectionMax bound the paragraphs per body
// <section>; each section's size is drawn per request.
const (
	gazetteSectionMin = 2
	gazetteSectionMax = 5
)

// gazetteDate is how WordPress prints dates in this theme.
const gazetteDate = "January 2, 2006 at 3:04 pm"

// appendGazettePage renders page p in the gazette family.
func appendGazettePage(dst []byte, p *pageSnap, base string) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	rng := rand.New(rand.NewPCG(p.draw, 0x6a2e77e))
	canonical := base + a.path
	postID := 48213 + 7*p.idx
	author := bylineName(r.Byline)
	authorSlug := slugify(author)
	views := 200 + rng.IntN(90000)
	built := r.Modified.Add(time.Duration(1+rng.IntN(36*60)) * time.Minute).UTC()

	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en-US\" class=\"no-js\">\n<head>\n<meta charset=\"UTF-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"profile\" href=\"https://gmpg.org/xfn/11\">\n<title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " &#8211; "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />\n<!-- This site is optimized with the Yoast SEO plugin v22.4 - https://yoast.com/wordpress/plugins/seo/ -->\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\" />\n<meta property=\"og:locale\" content=\"en_US\" />\n<meta property=\"og:type\" content=\"article\" />\n<meta property=\"og:title\" content=\""...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "\" />\n<meta property=\"og:url\" content=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\" />\n<meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, "\" />\n<meta property=\"article:modified_time\" content=\""...)
	dst = built.AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, "\" />\n<script type=\"application/ld+json\" class=\"yoast-schema-graph\">"...)
	dst = appendGazetteLD(dst, p, canonical, author, built, views)
	dst = append(dst, "</script>\n<!-- / Yoast SEO plugin. -->\n<link rel='stylesheet' id='wp-block-library-css' href='/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2' media='all' />\n<link rel='stylesheet' id='gazette-style-css' href='/wp-content/themes/gazette/style.css?ver=3.1.4' media='all' />\n<script id=\"wp-api-settings\">var wpApiSettings = {\"root\":\"\\/wp-json\\/\",\"nonce\":\""...)
	dst = strconv.AppendUint(dst, rng.Uint64()%(1<<40), 16)
	dst = append(dst, "\",\"postId\":"...)
	dst = strconv.AppendInt(dst, int64(postID), 10)
	dst = append(dst, "};</script>\n</head>\n<body class=\"post-template-default single single-post postid-"...)
	dst = strconv.AppendInt(dst, int64(postID), 10)
	dst = append(dst, " single-format-standard wp-custom-logo wp-embed-responsive\">\n<div id=\"page\" class=\"site\">\n<a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\n"...)

	// Sticky trending bar.
	dst = append(dst, "<div class=\"trending-bar is-sticky\"><span class=\"trending-label\">Trending</span><ul>"...)
	for _, k := range bp.mostRead[:4] {
		dst = append(dst, "<li><a href=\"/?p="...)
		dst = strconv.AppendInt(dst, int64(40000+k), 10)
		dst = append(dst, "\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></div>\n"...)

	// Masthead and menu.
	dst = append(dst, "<header id=\"masthead\" class=\"site-header\">\n<div class=\"site-branding\"><p class=\"site-title\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\" rel=\"home\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a></p><p class=\"site-description\">Independent news since 1887</p></div>\n<nav id=\"site-navigation\" class=\"main-navigation\"><ul id=\"primary-menu\" class=\"menu\">"...)
	for _, k := range bp.nav {
		dst = append(dst, "<li id=\"menu-item-"...)
		dst = strconv.AppendInt(dst, int64(101+k), 10)
		dst = append(dst, "\" class=\"menu-item menu-item-type-taxonomy menu-item-object-category\"><a href=\"/category/"...)
		dst = append(dst, slugify(navSections[k])...)
		dst = append(dst, "/\">"...)
		dst = append(dst, navSections[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></nav>\n</header>\n<div id=\"content\" class=\"site-content\">\n<div id=\"primary\" class=\"content-area\">\n<main id=\"main\" class=\"site-main\">\n"...)

	// The post.
	dst = append(dst, "<article id=\"post-"...)
	dst = strconv.AppendInt(dst, int64(postID), 10)
	dst = append(dst, "\" class=\"post-"...)
	dst = strconv.AppendInt(dst, int64(postID), 10)
	dst = append(dst, " post type-post status-publish format-standard has-post-thumbnail hentry category-"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "\">\n<header class=\"entry-header\">\n<div class=\"cat-links\"><a href=\"/category/"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "/\" rel=\"category tag\">"...)
	dst = appendHTML(dst, a.section)
	dst = append(dst, "</a></div>\n<h1 class=\"entry-title\">"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</h1>\n<div class=\"entry-meta\">\n<span class=\"byline\">By <span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/"...)
	dst = append(dst, authorSlug...)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, author)
	dst = append(dst, "</a></span></span>\n<span class=\"posted-on\"><time class=\"entry-date published\" datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">"...)
	dst = r.Published.UTC().AppendFormat(dst, gazetteDate)
	dst = append(dst, "</time>"...)
	if !r.Modified.Equal(r.Published) {
		dst = append(dst, "<time class=\"updated\" datetime=\""...)
		dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\">"...)
		dst = r.Modified.UTC().AppendFormat(dst, gazetteDate)
		dst = append(dst, "</time>"...)
	}
	dst = append(dst, "</span>\n<span class=\"time-ago\">Updated "...)
	dst = strconv.AppendInt(dst, int64(bp.updatedMins), 10)
	dst = append(dst, " minutes ago</span>\n<span class=\"post-views\">"...)
	dst = appendThousands(dst, views)
	dst = append(dst, " views</span>\n<span class=\"comments-link\"><a href=\"#comments\">"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " Comments</a></span>\n<span class=\"reading-time\">"...)
	dst = strconv.AppendInt(dst, int64(max(1, wordCount(r)/230)), 10)
	dst = append(dst, " min read</span>\n</div>\n</header>\n"...)

	// Lead image: the caption is the article's, the credit line rotates.
	dst = append(dst, "<figure class=\"wp-block-image size-large post-thumbnail\"><img width=\"1024\" height=\"683\" src=\"/wp-content/uploads/"...)
	dst = r.Published.UTC().AppendFormat(dst, "2006/01")
	dst = append(dst, "/lead-"...)
	dst = strconv.AppendInt(dst, int64(postID), 10)
	dst = append(dst, "-1024x683.jpg\" class=\"attachment-large wp-post-image\" alt=\"\" decoding=\"async\" loading=\"eager\"><figcaption class=\"wp-element-caption\">"...)
	dst = append(dst, gazetteCaptions[p.idx%len(gazetteCaptions)]...)
	dst = append(dst, " <span class=\"credit\">Photo: "...)
	dst = append(dst, gazettePhotographers[rng.IntN(len(gazettePhotographers))]...)
	dst = append(dst, "/"...)
	dst = append(dst, gazetteAgencies[rng.IntN(len(gazetteAgencies))]...)
	dst = append(dst, "</span></figcaption></figure>\n"...)

	dst = appendGazetteContent(dst, p, rng)

	// Footer of the post: tags (stable), Jetpack related (rotating), author box (stable).
	dst = append(dst, "<footer class=\"entry-footer\"><span class=\"tags-links\">Tagged "...)
	for j := range 3 {
		if j > 0 {
			dst = append(dst, ", "...)
		}
		t := gazetteTags[(p.idx+2*j)%len(gazetteTags)]
		dst = append(dst, "<a href=\"/tag/"...)
		dst = append(dst, slugify(t)...)
		dst = append(dst, "/\" rel=\"tag\">"...)
		dst = append(dst, t...)
		dst = append(dst, "</a>"...)
	}
	dst = append(dst, "</span></footer>\n<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\"><em>Related</em></h3>"...)
	for _, l := range p.related[:p.nRelated] {
		dst = append(dst, "<div class=\"jp-relatedposts-post\"><a class=\"jp-relatedposts-post-a\" href=\""...)
		dst = appendHTML(dst, base)
		dst = appendHTML(dst, l.path)
		dst = append(dst, "\">"...)
		dst = appendHTML(dst, l.title)
		dst = append(dst, "</a><p class=\"jp-relatedposts-post-date\">"...)
		dst = strconv.AppendInt(dst, int64(1+rng.IntN(23)), 10)
		dst = append(dst, " hours ago</p></div>"...)
	}
	dst = append(dst, "</div>\n<div class=\"author-bio\"><h2 class=\"author-title\">About "...)
	dst = appendHTML(dst, author)
	dst = append(dst, "</h2><p class=\"author-description\">"...)
	dst = appendHTML(dst, author)
	dst = append(dst, " covers diplomacy and security for "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, ".</p></div>\n</article><!-- #post-"...)
	dst = strconv.AppendInt(dst, int64(postID), 10)
	dst = append(dst, " -->\n"...)

	// Comments, sidebar, footer.
	dst = append(dst, "<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " thoughts on &ldquo;"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "&rdquo;</h2><p class=\"must-log-in\">You must be <a href=\"/wp-login.php\">logged in</a> to post a comment.</p></div>\n</main>\n</div>\n<aside id=\"secondary\" class=\"widget-area\">\n<section id=\"recent-posts-3\" class=\"widget widget_recent_entries\"><h2 class=\"widget-title\">Recent Posts</h2><ul>"...)
	for _, k := range bp.mostRead[4:] {
		dst = append(dst, "<li><a href=\"/?p="...)
		dst = strconv.AppendInt(dst, int64(40000+k), 10)
		dst = append(dst, "\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></section>\n<section id=\"custom_html-2\" class=\"widget_text widget widget_custom_html\"><div class=\"textwidget custom-html-widget\"><div id=\"div-gpt-ad-sidebar-"...)
	dst = strconv.AppendUint(dst, rng.Uint64()%1e10, 10)
	dst = append(dst, "\"><p>"...)
	dst = append(dst, adCopyHTML[bp.sideAd]...)
	dst = append(dst, "</p></div></div></section>\n</aside>\n</div><!-- #content -->\n<footer id=\"colophon\" class=\"site-footer\"><div class=\"site-info\">&copy; 2025 "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, " &middot; <a href=\"/privacy-policy/\">Privacy Policy</a> &middot; Proudly powered by WordPress</div></footer>\n</div><!-- #page -->\n<script src=\"/wp-includes/js/wp-embed.min.js?ver=6.5.2\" id=\"wp-embed-js\"></script>\n</body>\n</html>\n<!-- Dynamic page generated in 0."...)
	dst = strconv.AppendInt(dst, int64(100+rng.IntN(900)), 10)
	dst = append(dst, " seconds. -->\n<!-- Cached page generated by WP-Super-Cache on "...)
	dst = built.AppendFormat(dst, "2006-01-02 15:04:05")
	return append(dst, " -->\n"...)
}

// appendGazetteContent renders <div class="entry-content">: the key points,
// then the paragraphs in sections of drawn sizes with the ads, the read-more
// line and the newsletter pitch at drawn places among them.
func appendGazetteContent(dst []byte, p *pageSnap, rng *rand.Rand) []byte {
	r := &p.rev
	n := len(r.Paragraphs)
	dst = append(dst, "<div class=\"entry-content\">\n"...)
	if n >= 3 {
		dst = append(dst, "<div class=\"wp-block-group key-points\"><h2 class=\"wp-block-heading\">Key points</h2>\n<ul class=\"wp-block-list\">\n"...)
		for _, para := range r.Paragraphs[:3] {
			dst = append(dst, "<li>"...)
			dst = appendHTML(dst, firstSentence(para))
			dst = append(dst, "</li>\n"...)
		}
		dst = append(dst, "</ul></div>\n"...)
	}
	// Insert positions: after paragraph k (0-based), never after the last.
	last := max(n-1, 1)
	readMoreAt := rng.IntN(last)
	pitchAt := rng.IntN(last)
	adEvery := 3 + rng.IntN(2)
	adFirst := 1 + rng.IntN(adEvery)
	sectionLeft := 0
	for i := range n {
		if sectionLeft == 0 {
			if i > 0 {
				dst = append(dst, "</section>\n"...)
			}
			sectionLeft = gazetteSectionMin + rng.IntN(gazetteSectionMax-gazetteSectionMin+1)
			dst = append(dst, "<section class=\"wp-block-group\">\n"...)
		}
		sectionLeft--
		dst = append(dst, "<p>"...)
		dst = appendHTMLF(dst, r.Paragraphs[i], p.flags.para(i))
		dst = append(dst, "</p>\n"...)
		if i == n-1 {
			break
		}
		if i == readMoreAt && p.nRelated > 0 {
			l := p.related[rng.IntN(p.nRelated)]
			dst = append(dst, "<p><strong>"...)
			dst = append(dst, gazetteReadMore[rng.IntN(len(gazetteReadMore))]...)
			dst = append(dst, "</strong> <a href=\""...)
			dst = appendHTML(dst, l.path)
			dst = append(dst, "\">"...)
			dst = appendHTML(dst, l.title)
			dst = append(dst, "</a></p>\n"...)
		}
		if i == pitchAt {
			dst = append(dst, "<p><em>"...)
			dst = append(dst, gazettePitches[rng.IntN(len(gazettePitches))]...)
			dst = append(dst, " <a href=\"/newsletters/\">Sign up here</a>.</em></p>\n"...)
		}
		if i+1 >= adFirst && (i+1-adFirst)%adEvery == 0 {
			dst = append(dst, "<div id=\"div-gpt-ad-"...)
			dst = strconv.AppendUint(dst, rng.Uint64()%1e13, 10)
			dst = append(dst, "-"...)
			dst = strconv.AppendInt(dst, int64(i), 10)
			dst = append(dst, "\" class=\"code-block code-block-"...)
			dst = strconv.AppendInt(dst, int64(1+rng.IntN(9)), 10)
			dst = append(dst, "\" style=\"margin: 8px auto; text-align: center; clear: both;\"><span>Advertisement</span><p>"...)
			dst = append(dst, adCopyHTML[rng.IntN(len(adCopyHTML))]...)
			dst = append(dst, "</p></div>\n"...)
		}
	}
	if n > 0 {
		dst = append(dst, "</section>\n"...)
	}
	return append(dst, "</div><!-- .entry-content -->\n"...)
}

// appendGazetteLD writes Yoast's schema graph: a WebPage and a NewsArticle
// whose dateModified is when the page cache was built.
func appendGazetteLD(dst []byte, p *pageSnap, canonical, author string, built time.Time, views int) []byte {
	a, r := p.a, &p.rev
	dst = append(dst, `{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":`...)
	dst = appendJSON(dst, canonical+"#article")
	dst = append(dst, `,"isPartOf":{"@id":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `},"author":{"name":`...)
	dst = appendJSON(dst, author)
	dst = append(dst, `},"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, `","dateModified":"`...)
	dst = built.AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, `","wordCount":`...)
	dst = strconv.AppendInt(dst, int64(wordCount(r)), 10)
	dst = append(dst, `,"commentCount":`...)
	dst = strconv.AppendInt(dst, int64(p.bp.commentCount), 10)
	dst = append(dst, `,"interactionStatistic":{"@type":"InteractionCounter","userInteractionCount":`...)
	dst = strconv.AppendInt(dst, int64(views), 10)
	dst = append(dst, `},"articleSection":[`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `],"inLanguage":"en-US"},{"@type":"WebPage","@id":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"url":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"name":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `},{"@type":"Organization","name":`...)
	dst = appendJSON(dst, a.site)
	return append(dst, "}]}"...)
}

// firstSentence is s up to and including its first ". ", or all of s.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// wordCount counts the words of the revision's paragraphs.
func wordCount(r *Revision) int {
	n := 0
	for _, p := range r.Paragraphs {
		inWord := false
		for i := 0; i < len(p); i++ {
			space := p[i] == ' ' || p[i] == '\n' || p[i] == '\t'
			if !space && !inWord {
				n++
			}
			inWord = !space
		}
	}
	return n
}

// appendThousands appends n with comma thousands separators.
func appendThousands(dst []byte, n int) []byte {
	if n < 1000 {
		return strconv.AppendInt(dst, int64(n), 10)
	}
	dst = appendThousands(dst, n/1000)
	dst = append(dst, ',')
	s := strconv.Itoa(n % 1000)
	for range 3 - len(s) {
		dst = append(dst, '0')
	}
	return append(dst, s...)
}
