package corpus

import (
	"math/rand/v2"
	"net/url"
	"strconv"
	"time"
)

// The "blox" template family is written as a US local daily on TownNews'
// BLOX CMS serves its story assets (the Lee Enterprises, BH Media and
// independent dailies' sites). It is a held-out family: it was written
// without reading storywatch's extraction or learning code. Its
// conventions:
//
//   - <article class="asset story ..." id="article_UUID"> around an
//     "asset-header" (section label, <h1 class="headline"> with the
//     tnt-asset-title span, author cards, a "Posted <time>" line and, once
//     the story is edited, "Updated <time>", share buttons with the
//     Viafoura comment count drawn per request), an "asset-photo" lead
//     figure, and the "asset-body";
//   - the text in <div id="article-body" class="asset-content
//     subscriber-premium" itemprop="articleBody">, split over several
//     containers of one to three <p>s: a "subscriber-preview" first, then
//     "subscriber-only" ones (on Lee sites each holding a "lee-article-text"
//     div), their sizes fixed by the article; some <p>s hold a linked name
//     (a site search link), and an inline photo <figure> with its caption
//     and credit, fixed by the article, sits after a fixed paragraph;
//   - drawn per request after paragraphs, inside a container or between
//     two: "tnt-ads-container" ad slots with drawn ids, a "Get local news
//     delivered to your inbox!" newsletter block, "Related to this story"
//     and "Most Popular" headline lists, a "Support local journalism"
//     subscription prompt; their widget instance ids (tncms-block-N) and
//     data-* attributes are drawn too;
//   - per request as well: the request id and page view id in the __tnt
//     script, the ads' slot list, the "?_dc=" cache-busters on the
//     theme's assets, the header's weather, the comment count;
//   - in the head, a JSON-LD NewsArticle whose articleBody is the text,
//     the paragraphs joined by spaces, and the __tnt.asset JSON (asset
//     uuid, type, headline, byline, dates, keywords, its "summary", the
//     first paragraph);
//   - after the body, the keyword tags (article:tag too) and the comments
//     area: a Viafoura <vf-conversations> shell with its container id;
//   - one article in fourteen (bloxLive) is a live story: server-rendered
//     "tnt-live-update" entries in the body, newest first, each with its
//     <time>, author and text, ads after every third, and a JSON-LD
//     LiveBlogPosting whose updates carry the text.
//
// Times are the paper's local time (Central, CDT). Everything a reader
// sees of the article (headline, byline, dates, paragraphs and their
// markup, captions, tags) changes only when Revise edits it.

// Articles whose index is bloxLiveAt modulo bloxLiveEvery are live stories.
const (
	bloxLiveEvery = 14
	bloxLiveAt    = 3
)

// bloxLive reports whether article idx renders as a live story.
func bloxLive(idx int) bool { return idx%bloxLiveEvery == bloxLiveAt }

// bloxZone is the paper's time zone: Central Daylight Time.
var bloxZone = time.FixedZone("CDT", -5*60*60)

const (
	bloxDay   = "Jan 2, 2006"
	bloxClock = "3:04 pm"
	bloxISO   = "2006-01-02T15:04:05-07:00"
	bloxCDN   = "https://bloximages.chicago2.vip.townnews.com"
	bloxTheme = "/shared-content/art/tncms/templates/libraries/flex/components"
)

var (
	bloxCaptions = [...]string{
		"Delegates arrive at the convention center on Tuesday morning.",
		"A sheriff’s deputy directs traffic near the venue.",
		"Officials speak to reporters after the first session.",
		"Residents line up outside the county building.",
		"Flags fly at half-staff outside City Hall.",
		"Supporters gather on the courthouse steps.",
	}
	bloxCredits = [...]string{"Staff photo", "AP Photo", "Lee Enterprises file photo", "Provided", "Journal Star file"}
	bloxTitles  = [...]string{"Reporter", "Staff writer", "Government and politics reporter", "Enterprise reporter"}
	bloxTags    = [...]string{"Diplomacy", "Politics", "Government", "Europe", "Peace Talks", "Security", "National", "International"}
	// bloxLetters are the newsletter block's lists: id, name, pitch.
	bloxLetters = [...][3]string{
		{"daily-headlines", "Daily Headlines", "The day’s top local stories, sent every morning."},
		{"breaking", "Breaking News", "Be the first to know when news breaks."},
		{"prep-sports", "Prep Sports", "Scores and stories from high school sports, weekly."},
	}
	bloxSupport = [...]string{
		"Subscribe today for just 99¢ and get unlimited access to local news.",
		"Your subscription supports the reporters who cover your community.",
		"Local news matters. Start your digital subscription for $1 for 6 months.",
	}
	bloxWeather = [...]string{"Sunny", "Partly cloudy", "Mostly cloudy", "Thunderstorms", "Clear"}
)

// Kinds of body items.
const (
	biText = iota
	biPhoto
	biAd
	biLetter
	biRelated
	biPopular
	biSupport
	biEntry
)

// bloxItem is one item of the body in page order.
type bloxItem struct {
	kind int
	i    int // the paragraph (text, entry) or the ad's number
}

// bloxR holds one request's draw while a blox page renders.
type bloxR struct {
	p         *pageSnap
	rng       *rand.Rand
	base      string
	canonical string
	live      bool
	lee       bool // a Lee Enterprises site: lee-article-text wrappers
	uuid      []byte
	rid       uint64 // the request id
	pvid      uint64 // the page view id
	dc        uint64 // the cache-buster
	comments  int
	temp      int
	weather   int
	letter    int
	support   int
	ads       []uint64 // the ad slots' drawn ids, in page order
	items     []bloxItem
	groupEnd  []bool // paragraph i closes its container
}

// bloxDraw draws one request's ids and the places of the inserts; the
// containers and the photo's place depend on the article alone.
func bloxDraw(p *pageSnap, base string) *bloxR {
	r := &p.rev
	rng := rand.New(rand.NewPCG(p.draw, 0xb10c))
	w := &bloxR{p: p, rng: rng, base: base, canonical: base + p.a.path, live: bloxLive(p.idx),
		lee: fnv32a(2166136261, p.a.site)%3 == 2}
	w.uuid = appendUUIDOf(nil, spaMix(uint64(p.idx)^0xb10c), spaMix(^uint64(p.idx)))
	w.rid, w.pvid = rng.Uint64(), rng.Uint64()
	w.dc = 1754000000 + rng.Uint64()%9000000
	w.comments = p.bp.commentCount % 240
	w.temp = 61 + rng.IntN(30)
	w.weather = rng.IntN(len(bloxWeather))
	w.letter = rng.IntN(len(bloxLetters))
	w.support = rng.IntN(len(bloxSupport))
	n := len(r.Paragraphs)
	w.items = make([]bloxItem, 0, n+12)
	if w.live {
		letter := rng.IntN(max(n, 1))
		for k, j := n-1, 0; k >= 0; k, j = k-1, j+1 {
			w.items = append(w.items, bloxItem{kind: biEntry, i: k})
			if j%3 == 2 && k > 0 {
				w.items = append(w.items, bloxItem{kind: biAd, i: j/3 + 1})
			}
			if j == letter && k > 0 {
				w.items = append(w.items, bloxItem{kind: biLetter})
			}
		}
		return w
	}
	// The containers: one to three paragraphs each, by the article.
	w.groupEnd = make([]bool, n)
	for i, left := 0, 0; i < n; i++ {
		if left == 0 {
			left = 1 + int(spaMix(uint64(p.idx)*977+uint64(i))%3)
		}
		left--
		w.groupEnd[i] = left == 0 || i == n-1
	}
	photo := -1
	if n >= 6 {
		photo = n / 3
	}
	// The drawn inserts' places: after a paragraph, never the last.
	ad1, ad2, ad3, letter, related, popular, support := -1, -1, -1, -1, -1, -1, -1
	if n >= 2 {
		ad1 = rng.IntN(max(n/3, 1))
		letter = rng.IntN(n - 1)
		related = rng.IntN(n - 1)
		if rng.IntN(2) == 0 {
			popular = rng.IntN(n - 1)
		}
		support = n/2 + rng.IntN(n-1-n/2)
	}
	if n >= 6 {
		ad2 = n/3 + rng.IntN(n/3)
		if rng.IntN(3) > 0 {
			ad3 = 2*n/3 + rng.IntN(n-1-2*n/3)
		}
	}
	for i := range n {
		w.items = append(w.items, bloxItem{kind: biText, i: i})
		for _, x := range [...]struct{ at, kind, i int }{
			{photo, biPhoto, 0}, {ad1, biAd, 1}, {letter, biLetter, 0}, {ad2, biAd, 2},
			{related, biRelated, 0}, {popular, biPopular, 0}, {support, biSupport, 0}, {ad3, biAd, 3},
		} {
			if x.at == i {
				w.items = append(w.items, bloxItem{kind: x.kind, i: x.i})
			}
		}
	}
	return w
}

// appendDC appends the request's "?_dc=" cache-buster.
func (w *bloxR) appendDC(dst []byte) []byte {
	dst = append(dst, "?_dc="...)
	return strconv.AppendUint(dst, w.dc, 10)
}

// appendBloxPage renders page p in the blox family.
func appendBloxPage(dst []byte, p *pageSnap, base string, feeds []feedLink) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	w := bloxDraw(p, base)
	canonical := w.canonical

	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	if a.section != "" {
		dst = append(dst, " | "...)
		dst = appendHTML(dst, a.section)
	}
	dst = append(dst, " | "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n<meta name=\"description\" content=\""...)
	dst = appendHTMLF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, "\">\n<meta name=\"author\" content=\""...)
	dst = appendHTML(dst, bylineName(r.Byline))
	dst = append(dst, "\">\n<meta name=\"tncms-access-version\" content=\"2\">\n<meta name=\"tncms-asset-uuid\" content=\""...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\">\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\">\n"...)
	dst = appendOGArticle(dst, p, canonical, "\">\n")
	for k := range 3 {
		dst = append(dst, "<meta property=\"article:tag\" content=\""...)
		dst = append(dst, bloxTags[(p.idx+3*k)%len(bloxTags)]...)
		dst = append(dst, "\">\n"...)
	}
	dst = append(dst, "<meta property=\"og:image\" content=\""...)
	dst = appendBloxImage(dst, w, 0, 1200)
	dst = append(dst, "\">\n<meta name=\"twitter:card\" content=\"summary_large_image\">\n"...)
	dst = appendFeedLinks(dst, feeds, base, "\">\n")
	dst = append(dst, "<link rel=\"stylesheet\" href=\""...)
	dst = append(dst, bloxCDN+bloxTheme+"/bootstrap/resources/styles/bootstrap.min.css"...)
	dst = w.appendDC(dst)
	dst = append(dst, "\">\n<link rel=\"stylesheet\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/shared-content/art/tncms/templates/theme.css"...)
	dst = w.appendDC(dst)
	dst = append(dst, "\">\n<script type=\"application/ld+json\">"...)
	dst = appendBloxLD(dst, w)
	dst = append(dst, "</script>\n<script>\nvar __tnt = window.__tnt || {};\n__tnt.requestId = \""...)
	dst = appendHex(dst, w.rid, 16)
	dst = append(dst, "\";\n__tnt.pageviewId = \""...)
	dst = appendHex(dst, w.pvid, 16)
	dst = append(dst, "\";\n__tnt.asset = "...)
	dst = appendBloxAsset(dst, w)
	dst = append(dst, ";\n__tnt.user = {\"loggedIn\":false,\"subscriber\":false};\n</script>\n<script>\nwindow.dataLayer = window.dataLayer || [];\ndataLayer.push({\"townnews.product.software\":\"BLOX\",\"townnews.document.assetUuid\":\""...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\",\"townnews.document.assetType\":\"article\",\"townnews.document.wordCount\":"...)
	dst = strconv.AppendInt(dst, int64(spaWords(r)), 10)
	dst = append(dst, ",\"townnews.request.id\":\""...)
	dst = appendHex(dst, w.rid, 16)
	dst = append(dst, "\"});\n</script>\n<script src=\""...)
	dst = append(dst, bloxCDN+bloxTheme+"/ads/resources/scripts/tnt.ads.core.min.js"...)
	dst = w.appendDC(dst)
	dst = append(dst, "\" async></script>\n</head>\n<body id=\"app\" class=\"fixed-nav-enabled asset-page story-page"...)
	if a.sectionSlug != "" {
		dst = append(dst, " section-news-"...)
		dst = append(dst, a.sectionSlug...)
	}
	if w.live {
		dst = append(dst, " asset-live"...)
	}
	dst = append(dst, "\" data-tncms-pvid=\""...)
	dst = appendHex(dst, w.pvid, 16)
	dst = append(dst, "\">\n<div id=\"site-container\">\n<a class=\"sr-only\" href=\"#main-page-container\">Skip to main content</a>\n"...)
	dst = appendBloxAd(dst, w, "fixed-big-ad-top", "tnt-ads-leaderboard")
	dst = append(dst, "<header id=\"site-header\" class=\"hidden-print\">\n<div class=\"tnt-logo\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\" aria-label=\"Home\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a></div>\n<div class=\"tnt-weather\" id=\"tncms-block-"...)
	dst = strconv.AppendInt(dst, int64(100000+w.rng.IntN(900000)), 10)
	dst = append(dst, "\"><span class=\"tnt-weather-temp\">"...)
	dst = strconv.AppendInt(dst, int64(w.temp), 10)
	dst = append(dst, "°</span> <span class=\"tnt-weather-condition\">"...)
	dst = append(dst, bloxWeather[w.weather]...)
	dst = append(dst, "</span></div>\n<nav id=\"main-navigation\" class=\"navbar\"><ul class=\"nav navbar-nav\">"...)
	for _, k := range bp.nav {
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, "/news/"...)
		dst = append(dst, slugify(navSections[k])...)
		dst = append(dst, "/\">"...)
		dst = append(dst, navSections[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul><a class=\"btn btn-primary tnt-subscribe\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/subscribe/\">Subscribe</a> <a class=\"tnt-signin\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/users/login/?referer_url="...)
	dst = appendHTML(dst, url.QueryEscape(a.path))
	dst = append(dst, "\">Log In</a></nav>\n</header>\n<div id=\"main-page-container\">\n<section id=\"main-body-container\">\n<div class=\"container\">\n<div class=\"row\">\n<div class=\"col-md-8 col-sm-12 main-content\">\n"...)
	dst = appendBloxArticle(dst, w)
	dst = append(dst, "</div>\n<aside class=\"col-md-4 col-sm-12 sidebar hidden-print\">\n"...)
	dst = appendBloxAd(dst, w, "fixed-big-ad-right", "tnt-ads-sidebar")
	dst = append(dst, "<div class=\"card tnt-latest\" id=\"tncms-block-"...)
	dst = strconv.AppendInt(dst, int64(100000+w.rng.IntN(900000)), 10)
	dst = append(dst, "\"><h3 class=\"block-title\"><span class=\"block-title-inner\">Latest News</span></h3><ul class=\"list-unstyled\">"...)
	for i, k := range bp.mostRead[:4] {
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, "/news/latest/article_"...)
		dst = appendHex(dst, spaMix(uint64(k)), 8)
		dst = append(dst, ".html?pos="...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></div>\n</aside>\n</div>\n</div>\n</section>\n</div>\n<footer id=\"site-footer\" class=\"hidden-print\">\n<ul class=\"list-inline\">"...)
	for _, l := range [...]string{"/site/about.html\">About Us", "/site/contact.html\">Contact Us", "/site/terms.html\">Terms of Use", "/site/privacy.html\">Privacy Policy"} {
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, l...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul>\n<p class=\"copyright\">© "...)
	dst = r.Published.In(bloxZone).AppendFormat(dst, "2006")
	dst = append(dst, ' ')
	dst = appendHTML(dst, a.site)
	dst = append(dst, ", a BH Media Group publication. Powered by BLOX Content Management System from TownNews.com.</p>\n</footer>\n</div>\n<script>\n__tnt.ads = __tnt.ads || {};\n__tnt.ads.slots = ["...)
	for k, id := range w.ads {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, "\"tncms-ad-"...)
		dst = appendHex(dst, id, 12)
		dst = append(dst, '"')
	}
	dst = append(dst, "];\n</script>\n<script src=\"https://cdn.viafoura.com/entry/index.js\" async></script>\n</body>\n</html>\n"...)
	return dst
}

// appendBloxAd renders an ad slot: the tnt-ads-container and its drawn
// position id, with no creative (it loads by script).
func appendBloxAd(dst []byte, w *bloxR, pos, class string) []byte {
	id := w.rng.Uint64()
	w.ads = append(w.ads, id)
	dst = append(dst, "<div class=\"tnt-ads-container "...)
	dst = append(dst, class...)
	dst = append(dst, " hidden-print\" data-ad-pos=\""...)
	dst = append(dst, pos...)
	dst = append(dst, "\"><div id=\"tncms-ad-"...)
	dst = appendHex(dst, id, 12)
	dst = append(dst, "\" class=\"tnt-ads dfp-ad\" data-ad-sizes=\"[[300,250],[728,90]]\" data-ad-refresh=\""...)
	dst = strconv.AppendInt(dst, int64(30+w.rng.IntN(60)), 10)
	return append(dst, "\"><span class=\"tnt-ads-label\">Advertisement</span></div></div>\n"...)
}

// appendBloxImage appends the URL of image k of the article on the
// TownNews image server, resized to width px.
func appendBloxImage(dst []byte, w *bloxR, k, width int) []byte {
	h := spaMix(uint64(w.p.idx)<<4 | uint64(k))
	dst = append(dst, bloxCDN+"/"...)
	dst = append(dst, slugify(w.p.a.site)...)
	dst = append(dst, ".com/content/tncms/assets/v3/editorial/"...)
	dst = appendHex(dst, h>>60, 1)
	dst = append(dst, '/')
	dst = appendHex(dst, h>>52, 2)
	dst = append(dst, '/')
	dst = appendUUIDOf(dst, h, spaMix(h))
	dst = append(dst, "/image.jpg?resize="...)
	dst = strconv.AppendInt(dst, int64(width), 10)
	dst = append(dst, "%2C"...)
	return strconv.AppendInt(dst, int64(width*2/3), 10)
}

// appendBloxArticle renders the <article>: the asset header, the lead
// photo, the body with its inserts, the tags and the comments area.
func appendBloxArticle(dst []byte, w *bloxR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, "<article class=\"asset story"...)
	if !w.live {
		dst = append(dst, " has-photo"...)
	}
	dst = append(dst, "\" id=\"article_"...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\" itemscope itemtype=\"http://schema.org/NewsArticle\" data-asset-uuid=\""...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\">\n<div class=\"asset-header\">\n<div class=\"meta\">"...)
	if w.live {
		dst = append(dst, "<span class=\"label label-danger tnt-live\">Live</span> "...)
	}
	if a.sectionSlug != "" {
		dst = append(dst, "<span class=\"asset-label\"><a href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/news/"...)
		dst = append(dst, a.sectionSlug...)
		dst = append(dst, "/\">"...)
		dst = appendHTML(dst, a.section)
		dst = append(dst, "</a></span>"...)
	}
	dst = append(dst, "</div>\n<h1 class=\"headline\"><span class=\"tnt-asset-title\" itemprop=\"headline\">"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</span></h1>\n<div class=\"asset-byline\">"...)
	for _, name := range atlasAuthors(r) {
		slug := slugify(name)
		dst = append(dst, "<div class=\"tnt-byline-author card\" itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\"><a href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/users/profile/"...)
		dst = append(dst, slug...)
		dst = append(dst, "\"><img class=\"tnt-user-avatar\" src=\""...)
		dst = append(dst, bloxCDN+"/users/"...)
		dst = appendPressGravatar(dst, name)
		dst = append(dst, "/avatar.jpg?resize=100%2C100\" width=\"50\" height=\"50\" alt=\"\"></a><div class=\"author-details\"><span class=\"tnt-byline\">By <a href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/users/profile/"...)
		dst = append(dst, slug...)
		dst = append(dst, "\" rel=\"author\"><span itemprop=\"name\">"...)
		dst = appendHTML(dst, name)
		dst = append(dst, "</span></a></span> <span class=\"tnt-user-title\">"...)
		dst = append(dst, bloxTitles[fnv32a(2166136261, name)%uint32(len(bloxTitles))]...)
		dst = append(dst, "</span> <a class=\"tnt-user-email\" href=\"mailto:"...)
		dst = append(dst, slug...)
		dst = append(dst, "@newsroom.example\">Email</a></div></div>"...)
	}
	dst = append(dst, "</div>\n<ul class=\"list-inline asset-dates\"><li class=\"asset-date-posted\">Posted <time class=\"tnt-date asset-date text-muted\" datetime=\""...)
	pub := r.Published.In(bloxZone)
	dst = pub.AppendFormat(dst, bloxISO)
	dst = append(dst, "\" itemprop=\"datePublished\">"...)
	dst = pub.AppendFormat(dst, bloxDay)
	dst = append(dst, "</time></li>"...)
	if !r.Modified.Equal(r.Published) {
		mod := r.Modified.In(bloxZone)
		dst = append(dst, "<li class=\"asset-date-updated\">Updated <time class=\"tnt-date asset-date text-muted updated\" datetime=\""...)
		dst = mod.AppendFormat(dst, bloxISO)
		dst = append(dst, "\" itemprop=\"dateModified\">"...)
		dst = mod.AppendFormat(dst, bloxDay+" "+bloxClock)
		dst = append(dst, "</time></li>"...)
	}
	q := appendHTML(nil, url.QueryEscape(w.canonical))
	dst = append(dst, "</ul>\n<div class=\"share-container hidden-print\"><ul class=\"list-inline\"><li><a class=\"tnt-share-facebook\" href=\"https://www.facebook.com/sharer/sharer.php?u="...)
	dst = append(dst, q...)
	dst = append(dst, "\" aria-label=\"Share on Facebook\">Facebook</a></li><li><a class=\"tnt-share-twitter\" href=\"https://twitter.com/intent/tweet?url="...)
	dst = append(dst, q...)
	dst = append(dst, "\" aria-label=\"Share on X\">X</a></li><li><a class=\"tnt-share-email\" href=\"mailto:?body="...)
	dst = append(dst, q...)
	dst = append(dst, "\" aria-label=\"Email\">Email</a></li><li><a class=\"tnt-comment-count\" href=\"#comments\"><span class=\"vf-comments-count\" data-vf-container-id=\""...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\">"...)
	dst = strconv.AppendInt(dst, int64(w.comments), 10)
	dst = append(dst, "</span> comments</a></li></ul></div>\n</div>\n"...)
	if !w.live {
		dst = append(dst, "<div class=\"asset-photo\">"...)
		dst = appendBloxFigure(dst, w, 0)
		dst = append(dst, "</div>\n"...)
	}
	dst = append(dst, "<div class=\"asset-body\">\n<div id=\"article-body\" class=\"asset-content subscriber-premium\" itemprop=\"articleBody\" data-load-type=\"article\">\n"...)
	if w.live {
		dst = appendBloxLive(dst, w)
	} else {
		dst = appendBloxBody(dst, w)
	}
	dst = append(dst, "</div>\n</div>\n<div class=\"asset-tags\"><ul class=\"list-inline\"><li class=\"tnt-tags-label\">Tags</li>"...)
	for k := range 3 {
		t := bloxTags[(p.idx+3*k)%len(bloxTags)]
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/search/?f=html&amp;t=article&amp;k=%23"...)
		dst = append(dst, slugify(t)...)
		dst = append(dst, "\" class=\"tnt-tag\" rel=\"tag\">"...)
		dst = append(dst, t...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></div>\n<div id=\"comments\" class=\"asset-comments tnt-comments-container hidden-print\">\n<h3 class=\"block-title\"><span class=\"block-title-inner\">Comments</span></h3>\n<div class=\"viafoura\"><vf-conversations vf-container-id=\""...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\" vf-container-url=\""...)
	dst = appendHTML(dst, w.canonical)
	return append(dst, "\" limit=\"5\" data-vf-lazy=\"true\"></vf-conversations></div>\n</div>\n</article>\n"...)
}

// appendBloxFigure renders photo k (0 the lead, 1 the inline one): the
// image and its caption and credit, all fixed by the article.
func appendBloxFigure(dst []byte, w *bloxR, k int) []byte {
	idx := w.p.idx
	dst = append(dst, "<figure class=\"photo layout-horizontal\" id=\"image_"...)
	dst = appendUUIDOf(dst, spaMix(uint64(idx)<<4|uint64(k)), spaMix(uint64(k)))
	dst = append(dst, "\" itemprop=\"image\" itemscope itemtype=\"http://schema.org/ImageObject\"><div class=\"image\"><img src=\""...)
	dst = appendBloxImage(dst, w, k, 750)
	dst = append(dst, "\" srcset=\""...)
	for m, wd := range [...]int{300, 640, 1200} {
		if m > 0 {
			dst = append(dst, ", "...)
		}
		dst = appendBloxImage(dst, w, k, wd)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, int64(wd), 10)
		dst = append(dst, 'w')
	}
	dst = append(dst, "\" width=\"750\" height=\"500\" alt=\"\""...)
	if k > 0 {
		dst = append(dst, " loading=\"lazy\""...)
	}
	dst = append(dst, "></div><figcaption class=\"caption\"><div class=\"caption-text\"><p>"...)
	dst = append(dst, bloxCaptions[(idx+3*k)%len(bloxCaptions)]...)
	dst = append(dst, "</p></div><span class=\"tnt-byline\">"...)
	dst = append(dst, bloxCredits[(idx+k)%len(bloxCredits)]...)
	return append(dst, "</span></figcaption></figure>"...)
}

// bloxShapes: a paragraph is plain or holds a linked name, by the article
// and the place.
func bloxLinked(idx, i int) bool { return spaMix(uint64(idx)*389+uint64(i))%4 == 1 }

// appendBloxP appends paragraph i's <p>: a name in it linked to the
// site's search on some.
func appendBloxP(dst []byte, w *bloxR, i int) []byte {
	p := w.p
	s := p.rev.Paragraphs[i]
	f := p.flags.para(i)
	if bloxLinked(p.idx, i) {
		if a, b := capWord(s); b > a {
			dst = append(dst, "<p>"...)
			dst = appendHTMLF(dst, s[:a], f)
			dst = append(dst, "<a href=\""...)
			dst = appendHTML(dst, w.base)
			dst = append(dst, "/search/?l=25&amp;s=start_time&amp;sd=desc&amp;f=html&amp;t=article&amp;q="...)
			dst = append(dst, s[a:b]...)
			dst = append(dst, "\" target=\"_blank\">"...)
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

// appendBloxBody renders an ordinary story's body: the paragraphs in
// their containers, the inserts after the paragraphs they were drawn for.
func appendBloxBody(dst []byte, w *bloxR) []byte {
	open := true // the next paragraph opens a container
	first := true
	for _, it := range w.items {
		switch it.kind {
		case biText:
			if open {
				if first {
					dst = append(dst, "<div class=\"subscriber-preview\">"...)
				} else {
					dst = append(dst, "<div class=\"subscriber-only\">"...)
				}
				if w.lee {
					dst = append(dst, "<div class=\"lee-article-text\">"...)
				}
				dst = append(dst, '\n')
				open, first = false, false
			}
			dst = appendBloxP(dst, w, it.i)
			dst = append(dst, '\n')
			if w.groupEnd[it.i] {
				if w.lee {
					dst = append(dst, "</div>"...)
				}
				dst = append(dst, "</div>\n"...)
				open = true
			}
		case biPhoto:
			dst = appendBloxFigure(dst, w, 1)
			dst = append(dst, '\n')
		case biAd:
			dst = appendBloxAd(dst, w, "instory-"+strconv.Itoa(it.i), "tnt-ads-instory")
		default:
			dst = appendBloxInsert(dst, w, it.kind)
		}
	}
	return dst
}

// appendBloxInsert renders a drawn inline block: the newsletter sign-up,
// the related or most popular headlines, the subscription prompt.
func appendBloxInsert(dst []byte, w *bloxR, kind int) []byte {
	p := w.p
	block := 100000 + w.rng.IntN(900000)
	switch kind {
	case biLetter:
		l := &bloxLetters[w.letter]
		dst = append(dst, "<div class=\"tnt-newsletter-signup inline-block hidden-print\" id=\"tncms-block-"...)
		dst = strconv.AppendInt(dst, int64(block), 10)
		dst = append(dst, "\" data-newsletter-id=\""...)
		dst = append(dst, l[0]...)
		dst = append(dst, "\"><h4 class=\"newsletter-heading\">Get local news delivered to your inbox!</h4><div class=\"newsletter-pitch\"><strong>"...)
		dst = append(dst, l[1]...)
		dst = append(dst, "</strong> "...)
		dst = append(dst, l[2]...)
		dst = append(dst, "</div><form method=\"post\" action=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/newsletters/signup/\"><input type=\"hidden\" name=\"token\" value=\""...)
		dst = appendHex(dst, w.rid^w.pvid, 16)
		dst = append(dst, "\"><input type=\"email\" name=\"email\" placeholder=\"Email address\" required> <button type=\"submit\" class=\"btn btn-primary\">Sign up!</button></form></div>\n"...)
	case biRelated:
		dst = append(dst, "<div class=\"related-asset-list inline-block hidden-print\" id=\"tncms-block-"...)
		dst = strconv.AppendInt(dst, int64(block), 10)
		dst = append(dst, "\"><h4 class=\"block-title\">Related to this story</h4><ul class=\"list-unstyled\">"...)
		for _, l := range p.related[:min(p.nRelated, 3)] {
			dst = append(dst, "<li><a href=\""...)
			dst = appendHTML(dst, w.base)
			dst = appendHTML(dst, l.path)
			dst = append(dst, "\">"...)
			dst = appendHTML(dst, l.title)
			dst = append(dst, "</a></li>"...)
		}
		dst = append(dst, "</ul></div>\n"...)
	case biPopular:
		dst = append(dst, "<div class=\"tnt-most-popular inline-block hidden-print\" id=\"tncms-block-"...)
		dst = strconv.AppendInt(dst, int64(block), 10)
		dst = append(dst, "\" data-popular-range=\"1d\"><h4 class=\"block-title\">Most Popular</h4><ol>"...)
		for _, k := range p.bp.mostRead[:5] {
			dst = append(dst, "<li><a href=\""...)
			dst = appendHTML(dst, w.base)
			dst = append(dst, "/news/article_"...)
			dst = appendHex(dst, spaMix(uint64(k)), 8)
			dst = append(dst, ".html\">"...)
			dst = append(dst, mostReadHTML[k]...)
			dst = append(dst, "</a></li>"...)
		}
		dst = append(dst, "</ol></div>\n"...)
	case biSupport:
		dst = append(dst, "<div class=\"tnt-subscription-prompt inline-block hidden-print\" id=\"tncms-block-"...)
		dst = strconv.AppendInt(dst, int64(block), 10)
		dst = append(dst, "\" data-offer=\""...)
		dst = strconv.AppendInt(dst, int64(w.support), 10)
		dst = append(dst, "\"><h4>Support local journalism</h4><span class=\"prompt-text\">"...)
		dst = append(dst, bloxSupport[w.support]...)
		dst = append(dst, "</span> <a class=\"btn btn-success\" href=\""...)
		dst = appendHTML(dst, w.base)
		dst = append(dst, "/subscribe/?offer="...)
		dst = strconv.AppendInt(dst, int64(w.support), 10)
		dst = append(dst, "\">Subscribe</a></div>\n"...)
	}
	return dst
}

// appendBloxLive renders a live story's updates, newest first, with an
// ad after every third and the newsletter block after a drawn one.
func appendBloxLive(dst []byte, w *bloxR) []byte {
	p := w.p
	r := &p.rev
	dst = append(dst, "<div class=\"tnt-live-updates\" id=\"live-updates-"...)
	dst = append(dst, w.uuid...)
	dst = append(dst, "\" data-refresh=\"60\">\n<h3 class=\"live-updates-title\">Live updates</h3>\n"...)
	for _, it := range w.items {
		switch it.kind {
		case biEntry:
			k := it.i
			at := spaEntryTime(r, k).In(bloxZone)
			author := bylineName(r.Byline)
			if names := atlasAuthors(r); len(names) > 0 {
				author = names[k%len(names)]
			}
			if k%3 == 1 || author == "" {
				author = bylines[(p.idx+k)%len(bylines)]
			}
			dst = append(dst, "<div class=\"tnt-live-update card\" id=\"update-"...)
			dst = strconv.AppendInt(dst, int64(900000+64*p.idx+k), 10)
			dst = append(dst, "\" data-update-ts=\""...)
			dst = strconv.AppendInt(dst, at.Unix(), 10)
			dst = append(dst, "\">\n<div class=\"update-meta\"><time class=\"tnt-date\" datetime=\""...)
			dst = at.AppendFormat(dst, bloxISO)
			dst = append(dst, "\">"...)
			dst = at.AppendFormat(dst, bloxClock)
			dst = append(dst, "</time> <span class=\"tnt-byline\">"...)
			dst = appendHTML(dst, author)
			dst = append(dst, "</span></div>\n<div class=\"update-body\">"...)
			dst = appendBloxP(dst, w, k)
			dst = append(dst, "</div>\n</div>\n"...)
		case biAd:
			dst = appendBloxAd(dst, w, "instory-"+strconv.Itoa(it.i), "tnt-ads-instory")
		default:
			dst = appendBloxInsert(dst, w, it.kind)
		}
	}
	return append(dst, "</div>\n"...)
}

// appendBloxLD writes the JSON-LD: a NewsArticle, or on live stories a
// LiveBlogPosting with its updates, whose articleBody is the text.
func appendBloxLD(dst []byte, w *bloxR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	typ := "NewsArticle"
	if w.live {
		typ = "LiveBlogPosting"
	}
	dst = append(dst, `{"@context":"http://schema.org","@type":"`...)
	dst = append(dst, typ...)
	dst = append(dst, `","mainEntityOfPage":{"@type":"WebPage","@id":`...)
	dst = appendJSON(dst, w.canonical)
	dst = append(dst, `},"url":`...)
	dst = appendJSON(dst, w.canonical)
	dst = append(dst, `,"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"description":`...)
	dst = appendJSONF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.In(bloxZone).AppendFormat(dst, bloxISO)
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.In(bloxZone).AppendFormat(dst, bloxISO)
	dst = append(dst, `","author":[`...)
	for k, name := range atlasAuthors(r) {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"@type":"Person","name":`...)
		dst = appendJSON(dst, name)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"image":{"@type":"ImageObject","url":"`...)
	dst = append(dst, jsonURL(string(appendBloxImage(nil, w, 0, 1200)))...)
	dst = append(dst, `"},"articleSection":`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `,"keywords":`...)
	var kw []byte
	for k := range 3 {
		if k > 0 {
			kw = append(kw, ", "...)
		}
		kw = append(kw, bloxTags[(p.idx+3*k)%len(bloxTags)]...)
	}
	dst = appendJSON(dst, string(kw))
	dst = append(dst, `,"articleBody":"`...)
	for i, s := range r.Paragraphs {
		if i > 0 {
			dst = append(dst, ' ')
		}
		if p.flags.para(i)&cleanJSON != 0 {
			dst = append(dst, s...)
		} else {
			dst = appendJSONChars(dst, s, &jsonEsc, &jsonPlain)
		}
	}
	dst = append(dst, '"')
	if w.live {
		dst = append(dst, `,"coverageStartTime":"`...)
		dst = r.Published.In(bloxZone).AppendFormat(dst, bloxISO)
		dst = append(dst, `","liveBlogUpdate":[`...)
		for k := len(r.Paragraphs) - 1; k >= 0; k-- {
			if k < len(r.Paragraphs)-1 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"@type":"BlogPosting","url":`...)
			dst = appendJSON(dst, w.canonical+"#update-"+strconv.Itoa(900000+64*p.idx+k))
			dst = append(dst, `,"datePublished":"`...)
			dst = spaEntryTime(r, k).In(bloxZone).AppendFormat(dst, bloxISO)
			dst = append(dst, `","articleBody":`...)
			dst = appendJSONF(dst, r.Paragraphs[k], p.flags.para(k))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"publisher":{"@type":"Organization","name":`...)
	dst = appendJSON(dst, a.site)
	return append(dst, "}}"...)
}

// appendBloxAsset writes __tnt.asset: the asset's uuid, type, headline,
// byline, dates, keywords and summary, the first paragraph.
func appendBloxAsset(dst []byte, w *bloxR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, `{"uuid":"`...)
	dst = append(dst, w.uuid...)
	dst = append(dst, `","type":"article","subtype":"`...)
	if w.live {
		dst = append(dst, "live"...)
	} else {
		dst = append(dst, "story"...)
	}
	dst = append(dst, `","title":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"byline":`...)
	dst = appendJSON(dst, r.Byline)
	dst = append(dst, `,"section":`...)
	dst = appendJSON(dst, "news/"+a.sectionSlug)
	dst = append(dst, `,"starttime":`...)
	dst = strconv.AppendInt(dst, r.Published.Unix(), 10)
	dst = append(dst, `,"lastupdated":`...)
	dst = strconv.AppendInt(dst, r.Modified.Unix(), 10)
	dst = append(dst, `,"keywords":[`...)
	for k := range 3 {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSON(dst, bloxTags[(p.idx+3*k)%len(bloxTags)])
	}
	dst = append(dst, `],"summary":`...)
	dst = appendJSONF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, `,"paywall":{"type":"metered","premium":true},"url":`...)
	dst = appendJSON(dst, w.canonical)
	return append(dst, '}')
}
