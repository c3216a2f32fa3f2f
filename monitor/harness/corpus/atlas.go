package corpus

import (
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The "atlas" template family is written as a news site on Arc XP (with
// some Brightspot habits) serves its story pages: a React front end
// (Fusion) rendering the CMS's story document, whose body is a flat list
// of typed "content elements". It is a held-out family: it was written
// without reading storywatch's extraction or learning code. Its
// conventions:
//
//   - every content element is a <div class="c-article-body-element__xxxxx
//     article-body__element" data-type="...">: text, header, quote, image,
//     interstitial_link, list or raw_html; a text element holds its
//     paragraph in a <p>, as bare text, as a <p> with a linked name, or
//     (the lead) with a drop cap in a <span> of its own;
//   - the body is split over two or three sibling containers (<div
//     class="b-article-body__xxxxx article-body">): a "subscriber-only"
//     boundary marker after the first (the later ones are the paywalled
//     part JSON-LD names by its cssSelector), a full-width ad after the
//     second;
//   - per request, at drawn places: an ad slot nested inside a text
//     element after its paragraph, a "Read more:" interstitial link shaped
//     as a paragraph (same <p> class as the text), a newsletter sign-up
//     (raw_html) and a "Related coverage" list of links (list);
//   - stable inserts: a subheading (header), a pull quote repeating a
//     quotation of the text, an inline image with its caption;
//   - class names carry the front end's build hash (b-headline__k3x9q),
//     which changes on every request with Options.RotateBoilerplate: one
//     deploy per request (without it each page keeps the build it was
//     cached with);
//   - a header with the section, headline, linked byline and "Published
//     Aug. 19, 2025 at 6:12 a.m. UTC | Updated N min ago", the figure
//     rotating; a "Listen to this article" audio widget and the lead art;
//   - after the body, inside the <article>: a comment count, an author
//     bio card per author and a "Corrections policy" / "Report an error"
//     block;
//   - a <script id="fusion-metadata"> whose Fusion.globalContent is the
//     story document: the text elements' HTML (links included) with
//     stable ids, beside the inserts' per-request ids, a request id and a
//     render time; JSON-LD NewsArticle (LiveBlogPosting on live pages)
//     whose articleBody is the paragraphs joined by newlines;
//   - one article in eleven (atlasLive) is a live page: a pinned "Key
//     events" block (first sentences of some updates, linked to them) and
//     a "live-updates" list of <article class="live-update"> entries,
//     newest first, each with its time and a rotating "N min ago".
//
// Everything a reader sees of the article (headline, byline, paragraphs,
// subheading, pull quote, captions) changes only when Revise edits it;
// its markup changes per request only by the build hash of its classes
// and the ad slot nested in a drawn text element.

// Articles whose index is atlasLiveAt modulo atlasLiveEvery are live pages.
const (
	atlasLiveEvery = 11
	atlasLiveAt    = 7
)

// atlasLive reports whether article idx renders as a live page.
func atlasLive(idx int) bool { return idx%atlasLiveEvery == atlasLiveAt }

// Class names the front end hashes with its build.
const (
	acHeaderNav = iota
	acBreaking
	acAd
	acArticle
	acHeader
	acOverline
	acHeadline
	acByline
	acDate
	acListen
	acLeadArt
	acShare
	acBody
	acElement
	acParagraph
	acDropcap
	acHeading
	acQuote
	acImage
	acCaption
	acList
	acPaywall
	acNewsletter
	acBio
	acCorrections
	acComments
	acKeyEvents
	acLiveList
	acLiveUpdate
	acRail
	acMostRead
	acFooter
	acCount
)

var atlasClassNames = [acCount]string{
	"b-header-nav-chain", "b-breaking-news", "b-ad-block", "b-article", "b-article-header", "c-overline",
	"b-headline", "b-byline", "b-date", "b-listen", "b-lead-art", "b-share-bar", "b-article-body",
	"c-article-body-element", "c-paragraph", "c-dropcap", "c-heading", "c-pullquote", "c-image", "c-caption",
	"c-list", "b-paywall-boundary", "b-newsletter-signup", "b-author-bio", "b-corrections", "b-comments",
	"b-key-events", "b-live-updates", "b-live-update", "b-right-rail", "b-most-read", "b-footer",
}

// atlasClassHash is each class name's FNV-1a hash, mixed with the build.
var atlasClassHash = func() (h [acCount]uint32) {
	for c, n := range atlasClassNames {
		h[c] = fnv32a(2166136261, n)
	}
	return h
}()

var (
	atlasSubheads = [...]string{"The talks", "What each side wants", "Reaction at home", "The stakes", "What happens next", "A long road"}
	atlasPaywall  = [...]string{
		"This article is for subscribers. Thanks for your support — keep reading.",
		"You’re reading subscriber-only journalism. Thank you for subscribing.",
		"Subscriber exclusive: the rest of this story is available to members.",
	}
	atlasLetters = [...][3]string{
		{"morning-brief", "The Morning Brief", "The news you need to start your day, in your inbox by 7 a.m."},
		{"europe-today", "Europe Today", "Our correspondents’ pick of the day’s stories, every weekday."},
		{"breaking", "Breaking News", "Get an alert as soon as a big story breaks."},
		{"week-in-diplomacy", "The Week in Diplomacy", "Analysis from our foreign desk, every Friday."},
	}
	atlasCaptions = [...]string{
		"Delegates arrive for the first session of the talks.",
		"Security forces outside the venue on the morning of the meeting.",
		"Officials speak to reporters after the closed-door session.",
		"A convoy crosses the border checkpoint at dawn.",
		"Flags outside the conference hall where the talks are held.",
	}
	// atlasBios are the author bio lines: NAME + [0] + SITE + [1].
	atlasBios = [...][2]string{
		{" covers diplomacy and security for ", "."},
		{" is a foreign correspondent for ", ", based in Brussels."},
		{" reports on European politics for ", "."},
		{" is a senior reporter for ", ", covering Russia and Ukraine."},
	}
	apMonths = [...]string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
)

// Kinds of body items.
const (
	aiText = iota
	aiHeader
	aiQuote
	aiImage
	aiReadMore
	aiNewsletter
	aiRelated
	aiBreak // the end of a body container
)

// atlasItem is one item of a body in page order.
type atlasItem struct {
	kind int
	i    int    // the paragraph (text, header), or the container that ends (break)
	id   uint64 // the insert's drawn id
}

// atlasR holds one request's draw while an atlas page renders.
type atlasR struct {
	p     *pageSnap
	rng   *rand.Rand
	base  string
	live  bool
	build uint64
	sfx   [acCount][5]byte
	rid   []byte    // request id, a UUID
	now   time.Time // render time
	items []atlasItem
	parts int      // body containers
	ids   []uint64 // the paragraphs' ids (atlasTextID), hashed once per render
	quote string   // the pull quote (folioQuote)
	ads   [2]int   // the paragraphs whose text element holds an ad slot, or -1
	// the draws of the inserts
	paywall, letter, readMore int
	related                   [3]int
	nRelated                  int
	liveLetter, liveRelated   int // live pages: after which entry
}

// class appends class c with the build's suffix.
func (w *atlasR) class(dst []byte, c int) []byte {
	dst = append(dst, atlasClassNames[c]...)
	dst = append(dst, "__"...)
	return append(dst, w.sfx[c][:]...)
}

// open appends `<tag class="C__hash` leaving the attribute open.
func (w *atlasR) open(dst []byte, tag string, c int) []byte {
	dst = append(dst, '<')
	dst = append(dst, tag...)
	dst = append(dst, " class=\""...)
	return w.class(dst, c)
}

// atlasTextID is the story document's id of a paragraph of article idx:
// a hash of its text, so that it changes only with the text.
func atlasTextID(idx int, text string) uint64 {
	return spaMix(uint64(idx)<<32 ^ uint64(fnv32a(2166136261, text)))
}

// appendANSID appends the 26-character base32 id the CMS gives documents
// and elements, derived from v.
func appendANSID(dst []byte, v uint64) []byte {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	a, b := spaMix(v), spaMix(^v)
	for k := range 13 {
		dst = append(dst, digits[a>>(5*k)&31])
	}
	for k := range 13 {
		dst = append(dst, digits[b>>(5*k)&31])
	}
	return dst
}

// Shapes of a text element, fixed by the article and the place.
const (
	atlasP      = iota // <p class>
	atlasBare          // the text right in the element
	atlasLinked        // <p class> with a linked name
	atlasP2
	atlasShapes
)

func atlasShape(idx, i int) int { return int(spaMix(uint64(idx)*977+uint64(i)) % atlasShapes) }

// atlasDropcap reports whether paragraph i of article idx opens with a
// drop cap: the lead of every other ordinary article, when it opens with
// an ASCII capital.
func atlasDropcap(p *pageSnap, i int) bool {
	s := p.rev.Paragraphs[i]
	return i == 0 && p.idx%2 == 0 && !atlasLive(p.idx) && len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z'
}

// atlasParts is how many body containers an article of n paragraphs is
// split into.
func atlasParts(idx, n int) int {
	switch {
	case n >= 6:
		return 2 + idx%2
	case n >= 2:
		return 2
	}
	return 1
}

// appendAtlasPage renders page p in the atlas family.
func appendAtlasPage(dst []byte, p *pageSnap, base string, feeds []feedLink) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	w := atlasDraw(p, base)
	canonical := base + a.path

	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " – "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n<meta name=\"description\" content=\""...)
	dst = appendHTMLF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, "\"/>\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\"/>\n"...)
	dst = appendOGArticle(dst, p, canonical, "\"/>\n")
	dst = append(dst, "<meta name=\"twitter:card\" content=\"summary_large_image\"/>\n"...)
	dst = appendFeedLinks(dst, feeds, base, "\"/>\n")
	dst = append(dst, "<link rel=\"stylesheet\" href=\"/pf/resources/dist/atlas/css/style.css?d="...)
	dst = w.appendDeploy(dst)
	dst = append(dst, "&amp;mxId=00000000\"/>\n<script type=\"application/ld+json\">"...)
	dst = appendAtlasLD(dst, w, canonical)
	dst = append(dst, "</script>\n<script id=\"fusion-engine-script\" type=\"application/javascript\" src=\"/pf/dist/engine/react.js?d="...)
	dst = w.appendDeploy(dst)
	dst = append(dst, "&amp;mxId=00000000\" defer=\"\"></script>\n<script id=\"fusion-metadata\" type=\"application/javascript\">"...)
	dst = appendAtlasFusion(dst, w)
	dst = append(dst, "</script>\n<script async src=\"https://securepubads.g.doubleclick.net/tag/js/gpt.js\"></script>\n</head>\n<body class=\"article-page\">\n<div id=\"fusion-app\" class=\"layout-section\">\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"...)
	dst = w.open(dst, "header", acHeaderNav)
	dst = append(dst, "\"><a class=\"logo\" href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a><nav aria-label=\"Sections\"><ul>"...)
	for _, k := range bp.nav {
		dst = append(dst, navItems[k]...)
	}
	dst = append(dst, "</ul></nav>"...)
	dst = w.open(dst, "div", acBreaking)
	dst = append(dst, "\"><span>Breaking</span> <a href=\"/breaking/"...)
	dst = strconv.AppendInt(dst, int64(bp.ticker), 10)
	dst = append(dst, "/\">"...)
	dst = append(dst, tickerHTML[bp.ticker]...)
	dst = append(dst, "</a></div></header>\n"...)
	dst = w.appendAd(dst, "top", "970x250")
	dst = append(dst, "\n<main id=\"main\">\n"...)
	dst = w.open(dst, "article", acArticle)
	if w.live {
		dst = append(dst, " b-article--live"...)
	}
	dst = append(dst, "\" data-content-id=\""...)
	dst = appendANSID(dst, uint64(p.idx))
	dst = append(dst, "\">\n"...)
	dst = appendAtlasHeader(dst, w)
	if w.live {
		dst = appendAtlasShare(dst, w, canonical)
		dst = appendAtlasLive(dst, w)
	} else {
		dst = appendAtlasListen(dst, w)
		dst = appendAtlasLeadArt(dst, w)
		dst = appendAtlasShare(dst, w, canonical)
		dst = appendAtlasBody(dst, w)
	}
	dst = w.open(dst, "div", acComments)
	dst = append(dst, "\"><button type=\"button\" data-comments-url=\""...)
	dst = appendHTML(dst, a.path)
	dst = append(dst, "\">Comments ("...)
	dst = appendThousands(dst, bp.commentCount)
	dst = append(dst, ")</button></div>\n"...)
	dst = appendAtlasBios(dst, w)
	dst = appendAtlasCorrections(dst, w, canonical)
	dst = append(dst, "</article>\n"...)
	dst = w.open(dst, "aside", acRail)
	dst = append(dst, "\">"...)
	dst = w.open(dst, "div", acMostRead)
	dst = append(dst, "\"><h2>Most read</h2><ol>"...)
	for i, k := range bp.mostRead {
		dst = append(dst, "<li><a href=\"/most-read/"...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "/?itid=mr_"...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ol></div>"...)
	dst = w.appendAd(dst, "right-rail", "300x600")
	dst = append(dst, "</aside>\n</main>\n"...)
	dst = w.open(dst, "footer", acFooter)
	dst = append(dst, "\"><nav><a href=\"/about/\">About us</a> <a href=\"/contact/\">Contact</a> <a href=\"/terms-of-use/\">Terms of Use</a> <a href=\"/privacy-policy/\">Privacy Policy</a></nav><p>© "...)
	dst = r.Published.UTC().AppendFormat(dst, "2006")
	dst = append(dst, ' ')
	dst = appendHTML(dst, a.site)
	dst = append(dst, ". All rights reserved.</p><p class=\"build\">"...)
	dst = w.appendDeploy(dst)
	return append(dst, "</p></footer>\n</div>\n</body>\n</html>\n"...)
}

// atlasDraw draws one request's build, ids and the places of the inserts.
// Everything rotating is drawn here, before the page renders, so that the
// head's story document and the body agree.
func atlasDraw(p *pageSnap, base string) *atlasR {
	r := &p.rev
	rng := rand.New(rand.NewPCG(p.draw, 0xa71a5))
	w := &atlasR{p: p, rng: rng, base: base, live: atlasLive(p.idx)}
	w.build = rng.Uint64()
	for c := range w.sfx {
		v := spaMix(w.build ^ uint64(atlasClassHash[c]))
		for k := range w.sfx[c] {
			w.sfx[c][k] = "0123456789abcdefghijklmnopqrstuvwxyz"[v%36]
			v /= 36
		}
	}
	w.rid = appendUUID(nil, rng)
	w.now = r.Modified.Add(time.Duration(p.bp.updatedMins) * time.Minute)
	n := len(r.Paragraphs)
	w.ids = make([]uint64, n)
	for i, s := range r.Paragraphs {
		w.ids[i] = atlasTextID(p.idx, s)
	}
	w.ads = [2]int{-1, -1}
	if n > 0 {
		w.ads[0] = rng.IntN(max(n/2, 1))
	}
	if n >= 4 {
		w.ads[1] = n/2 + rng.IntN(n-n/2)
	}
	w.paywall = rng.IntN(len(atlasPaywall))
	w.letter = rng.IntN(len(atlasLetters))
	if p.nRelated > 0 {
		w.readMore = rng.IntN(p.nRelated)
		start := rng.IntN(p.nRelated)
		w.nRelated = min(p.nRelated, 2+rng.IntN(2))
		for k := range w.nRelated {
			w.related[k] = (start + k) % p.nRelated
		}
	}
	if w.live {
		w.liveLetter = rng.IntN(max(n, 1))
		w.liveRelated = rng.IntN(max(n, 1))
		return w
	}
	// The stable inserts' places, fixed by the article.
	subhead, quote, image := -1, -1, -1
	if n >= 8 && p.idx%3 != 1 {
		subhead = n / 2
	}
	if w.quote = folioQuote(r); n >= 5 && w.quote != "" {
		quote = 1 + p.idx%(n-3)
	}
	if n >= 10 {
		image = n * 3 / 4
	}
	readMore, letter, related := -1, rng.IntN(max(n, 1)), -1
	if p.nRelated > 0 {
		readMore = rng.IntN(max(n, 1))
		related = rng.IntN(max(n, 1))
	}
	parts := atlasParts(p.idx, n)
	w.parts = parts
	w.items = make([]atlasItem, 0, n+8)
	for g := range parts {
		for i := g * n / parts; i < (g+1)*n/parts; i++ {
			if i == subhead {
				w.items = append(w.items, atlasItem{kind: aiHeader, i: i})
			}
			w.items = append(w.items, atlasItem{kind: aiText, i: i})
			if i == quote {
				w.items = append(w.items, atlasItem{kind: aiQuote, i: i})
			}
			if i == image {
				w.items = append(w.items, atlasItem{kind: aiImage, i: i})
			}
			if i == readMore {
				w.items = append(w.items, atlasItem{kind: aiReadMore, i: i, id: rng.Uint64()})
			}
			if i == letter {
				w.items = append(w.items, atlasItem{kind: aiNewsletter, i: i, id: rng.Uint64()})
			}
			if i == related {
				w.items = append(w.items, atlasItem{kind: aiRelated, i: i, id: rng.Uint64()})
			}
		}
		w.items = append(w.items, atlasItem{kind: aiBreak, i: g})
	}
	return w
}

// appendDeploy appends the deployment number the build's assets carry.
func (w *atlasR) appendDeploy(dst []byte) []byte {
	return strconv.AppendUint(dst, 1000+w.build%9000, 10)
}

// appendAd appends an ad slot: a drawn id, a label, nothing else (its
// creative is loaded by script).
func (w *atlasR) appendAd(dst []byte, name, size string) []byte {
	dst = w.open(dst, "div", acAd)
	dst = append(dst, " arcad\" id=\"arcad_"...)
	dst = append(dst, name...)
	dst = append(dst, '-')
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e9, 36)
	dst = append(dst, "\" data-ad-size=\""...)
	dst = append(dst, size...)
	return append(dst, "\"><span class=\"arcad__label\">Advertisement</span></div>"...)
}

// appendAPTime appends t as the site's dates read, in AP style: "Aug. 19,
// 2025 at 6:12 a.m. UTC".
func appendAPTime(dst []byte, t time.Time) []byte {
	t = t.UTC()
	dst = append(dst, apMonths[t.Month()-1]...)
	dst = append(dst, ' ')
	dst = strconv.AppendInt(dst, int64(t.Day()), 10)
	dst = append(dst, ", "...)
	dst = strconv.AppendInt(dst, int64(t.Year()), 10)
	dst = append(dst, " at "...)
	return appendAPClock(dst, t)
}

// appendAPClock appends t's time of day in AP style: "6 a.m.", "6:12 p.m.".
func appendAPClock(dst []byte, t time.Time) []byte {
	t = t.UTC()
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	dst = strconv.AppendInt(dst, int64(h), 10)
	if t.Minute() != 0 {
		dst = append(dst, ':')
		dst = append(dst, byte('0'+t.Minute()/10), byte('0'+t.Minute()%10))
	}
	if t.Hour() < 12 {
		dst = append(dst, " a.m. UTC"...)
	} else {
		dst = append(dst, " p.m. UTC"...)
	}
	return dst
}

// appendAtlasAgo appends d as the front end words it: "N min ago", "N hr
// ago", "N days ago".
func appendAtlasAgo(dst []byte, d time.Duration) []byte {
	switch {
	case d < time.Hour:
		dst = strconv.AppendInt(dst, int64(d/time.Minute), 10)
		return append(dst, " min ago"...)
	case d < 48*time.Hour:
		dst = strconv.AppendInt(dst, int64(d/time.Hour), 10)
		return append(dst, " hr ago"...)
	}
	dst = strconv.AppendInt(dst, int64(d/(24*time.Hour)), 10)
	return append(dst, " days ago"...)
}

// atlasAuthors are the byline's names.
func atlasAuthors(r *Revision) []string {
	n := bylineName(r.Byline)
	if n == "" {
		return nil
	}
	return strings.Split(n, " and ")
}

// appendAtlasHeader renders the story header: section (and a live badge),
// headline, byline and the dates with the rotating "Updated N min ago".
func appendAtlasHeader(dst []byte, w *atlasR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = w.open(dst, "header", acHeader)
	dst = append(dst, "\">"...)
	dst = w.open(dst, "div", acOverline)
	dst = append(dst, "\">"...)
	if w.live {
		dst = append(dst, "<span class=\"live-badge\">Live updates</span> "...)
	}
	if a.sectionSlug != "" {
		dst = append(dst, "<a href=\"/"...)
		dst = append(dst, a.sectionSlug...)
		dst = append(dst, "/\">"...)
		dst = appendHTML(dst, a.section)
		dst = append(dst, "</a>"...)
	}
	dst = append(dst, "</div>\n"...)
	dst = w.open(dst, "h1", acHeadline)
	dst = append(dst, "\">"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</h1>\n"...)
	if names := atlasAuthors(r); len(names) > 0 {
		dst = w.open(dst, "div", acByline)
		dst = append(dst, "\">By "...)
		for k, name := range names {
			if k > 0 {
				dst = append(dst, " and "...)
			}
			dst = append(dst, "<a href=\"/people/"...)
			dst = append(dst, slugify(name)...)
			dst = append(dst, "/\" rel=\"author\">"...)
			dst = appendHTML(dst, name)
			dst = append(dst, "</a>"...)
		}
		dst = append(dst, "</div>\n"...)
	}
	dst = w.open(dst, "div", acDate)
	dst = append(dst, "\"><span>Published <time datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">"...)
	dst = appendAPTime(dst, r.Published)
	dst = append(dst, "</time></span><span class=\"b-date__updated\"> | Updated <time datetime=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">"...)
	dst = strconv.AppendInt(dst, int64(p.bp.updatedMins), 10)
	return append(dst, " min ago</time></span></div>\n</header>\n"...)
}

// appendAtlasListen renders the "Listen to this article" widget: its
// length at 160 words a minute.
func appendAtlasListen(dst []byte, w *atlasR) []byte {
	p := w.p
	secs := max(1, spaWords(&p.rev)*60/160)
	dst = w.open(dst, "div", acListen)
	dst = append(dst, "\" data-type=\"audio\"><button type=\"button\" aria-label=\"Play\"></button><span>Listen to this article</span> <span class=\"duration\">"...)
	dst = strconv.AppendInt(dst, int64(secs/60), 10)
	dst = append(dst, ':')
	dst = append(dst, byte('0'+secs%60/10), byte('0'+secs%10))
	dst = append(dst, "</span><audio preload=\"none\" src=\"/pf/api/v3/audio/"...)
	dst = appendANSID(dst, uint64(p.idx))
	dst = append(dst, ".mp3?d="...)
	dst = w.appendDeploy(dst)
	return append(dst, "\"></audio></div>\n"...)
}

// appendAtlasResizer appends a resizer URL of image k of article idx at
// width px: the token and auth hash are the image's.
func appendAtlasResizer(dst []byte, idx, k, width int) []byte {
	dst = append(dst, "/resizer/v2/"...)
	dst = appendANSID(dst, uint64(idx)<<8|uint64(k))
	dst = append(dst, ".jpg?auth="...)
	dst = appendHex(dst, spaMix(uint64(idx)<<8|uint64(k)|1<<40), 16)
	dst = append(dst, "&amp;width="...)
	return strconv.AppendInt(dst, int64(width), 10)
}

// appendAtlasFigure renders image k of the article with its caption and
// credit, all fixed by the article.
func appendAtlasFigure(dst []byte, w *atlasR, k int, lazy bool) []byte {
	idx := w.p.idx
	caption := atlasCaptions[(idx+k)%len(atlasCaptions)]
	dst = append(dst, "<figure>"...)
	dst = w.open(dst, "img", acImage)
	dst = append(dst, "\" src=\""...)
	dst = appendAtlasResizer(dst, idx, k, 800)
	dst = append(dst, "\" srcset=\""...)
	for j, wd := range [...]int{400, 800, 1200} {
		if j > 0 {
			dst = append(dst, ", "...)
		}
		dst = appendAtlasResizer(dst, idx, k, wd)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, int64(wd), 10)
		dst = append(dst, 'w')
	}
	dst = append(dst, "\" alt=\""...)
	dst = append(dst, caption...)
	dst = append(dst, "\" width=\"800\" height=\"533\""...)
	if lazy {
		dst = append(dst, " loading=\"lazy\""...)
	}
	dst = append(dst, "/>"...)
	dst = w.open(dst, "figcaption", acCaption)
	dst = append(dst, "\">"...)
	dst = append(dst, caption...)
	dst = append(dst, " <span class=\"credit\">("...)
	dst = append(dst, folioPhotographers[(idx+k)%len(folioPhotographers)]...)
	dst = append(dst, " / "...)
	dst = append(dst, spaCredits[(idx*3+k)%len(spaCredits)]...)
	return append(dst, ")</span></figcaption></figure>"...)
}

// appendAtlasLeadArt renders the lead image.
func appendAtlasLeadArt(dst []byte, w *atlasR) []byte {
	dst = w.open(dst, "div", acLeadArt)
	dst = append(dst, "\">"...)
	dst = appendAtlasFigure(dst, w, 0, false)
	return append(dst, "</div>\n"...)
}

// appendAtlasShare renders the share bar.
func appendAtlasShare(dst []byte, w *atlasR, canonical string) []byte {
	q := url.QueryEscape(canonical)
	dst = w.open(dst, "div", acShare)
	dst = append(dst, "\" aria-label=\"Share\"><a href=\"https://www.facebook.com/sharer/sharer.php?u="...)
	dst = appendHTML(dst, q)
	dst = append(dst, "\">Facebook</a> <a href=\"https://twitter.com/intent/tweet?url="...)
	dst = appendHTML(dst, q)
	dst = append(dst, "\">X</a> <a href=\"mailto:?body="...)
	dst = appendHTML(dst, q)
	return append(dst, "\">Email</a> <button type=\"button\" class=\"gift\">Gift this article</button></div>\n"...)
}

// appendElementOpen opens a content element of type typ.
func (w *atlasR) appendElementOpen(dst []byte, typ string) []byte {
	dst = w.open(dst, "div", acElement)
	dst = append(dst, " article-body__element\" data-type=\""...)
	dst = append(dst, typ...)
	return append(dst, "\">"...)
}

// appendAtlasBody renders the body containers and their elements, the
// paywall marker after the first and a full-width ad after the second.
func appendAtlasBody(dst []byte, w *atlasR) []byte {
	dst = appendAtlasBodyOpen(dst, w, 0)
	for _, it := range w.items {
		switch it.kind {
		case aiBreak:
			dst = append(dst, "</div>\n"...)
			if it.i == w.parts-1 {
				return dst
			}
			if it.i == 0 {
				dst = w.open(dst, "div", acPaywall)
				dst = append(dst, "\" data-paywall-boundary=\"subscriber-only\" role=\"separator\"><span>Subscriber-only</span> <p>"...)
				dst = append(dst, atlasPaywall[w.paywall]...)
				dst = append(dst, "</p></div>\n"...)
			} else {
				dst = w.appendAd(dst, "inline-box", "300x250")
				dst = append(dst, '\n')
			}
			dst = appendAtlasBodyOpen(dst, w, it.i+1)
		case aiText:
			dst = appendAtlasText(dst, w, it.i)
		case aiHeader:
			dst = w.appendElementOpen(dst, "header")
			dst = w.open(dst, "h2", acHeading)
			dst = append(dst, "\">"...)
			dst = append(dst, atlasSubheads[w.p.idx%len(atlasSubheads)]...)
			dst = append(dst, "</h2></div>\n"...)
		case aiQuote:
			dst = w.appendElementOpen(dst, "quote")
			dst = w.open(dst, "blockquote", acQuote)
			dst = append(dst, "\"><p>"...)
			dst = appendHTML(dst, w.quote)
			dst = append(dst, "</p></blockquote></div>\n"...)
		case aiImage:
			dst = w.appendElementOpen(dst, "image")
			dst = appendAtlasFigure(dst, w, 1, true)
			dst = append(dst, "</div>\n"...)
		case aiReadMore:
			dst = appendAtlasReadMore(dst, w)
		case aiNewsletter:
			dst = appendAtlasNewsletter(dst, w)
		case aiRelated:
			dst = appendAtlasRelated(dst, w)
		}
	}
	return dst
}

// appendAtlasBodyOpen opens a body container; those after the first are
// the paywalled part.
func appendAtlasBodyOpen(dst []byte, w *atlasR, part int) []byte {
	dst = w.open(dst, "div", acBody)
	if part > 0 {
		dst = append(dst, " article-body article-body--subscriber\">\n"...)
	} else {
		dst = append(dst, " article-body\">\n"...)
	}
	return dst
}

// appendAtlasText renders paragraph i's text element in its shape, with
// an ad slot after the text when the request drew one there.
func appendAtlasText(dst []byte, w *atlasR, i int) []byte {
	p := w.p
	s := p.rev.Paragraphs[i]
	f := p.flags.para(i)
	dst = w.appendElementOpen(dst, "text")
	switch shape := atlasShape(p.idx, i); {
	case atlasDropcap(p, i):
		dst = w.open(dst, "p", acParagraph)
		dst = append(dst, "\">"...)
		dst = w.open(dst, "span", acDropcap)
		dst = append(dst, "\" aria-hidden=\"true\">"...)
		dst = append(dst, s[0])
		dst = append(dst, "</span>"...)
		dst = appendHTMLF(dst, s[1:], f)
		dst = append(dst, "</p>"...)
	case shape == atlasBare:
		dst = appendHTMLF(dst, s, f)
	case shape == atlasLinked:
		if a, b := capWord(s); b > a {
			dst = w.open(dst, "p", acParagraph)
			dst = append(dst, "\">"...)
			dst = appendHTMLF(dst, s[:a], f)
			dst = appendAtlasTopicLink(dst, s[a:b])
			dst = appendHTMLF(dst, s[b:], f)
			dst = append(dst, "</p>"...)
			break
		}
		fallthrough
	default:
		dst = w.open(dst, "p", acParagraph)
		dst = append(dst, "\">"...)
		dst = appendHTMLF(dst, s, f)
		dst = append(dst, "</p>"...)
	}
	for k, at := range w.ads {
		if at == i && (k == 0 || w.ads[0] != i) {
			dst = w.appendAd(dst, [...]string{"inline-1", "inline-2"}[k], "300x250")
		}
	}
	return append(dst, "</div>\n"...)
}

// appendAtlasTopicLink appends a linked name (ASCII letters, capWord's) as
// the CMS writes it, in HTML.
func appendAtlasTopicLink(dst []byte, word string) []byte {
	dst = append(dst, "<a href=\"/topics/"...)
	for k := range len(word) {
		dst = append(dst, word[k]|0x20)
	}
	dst = append(dst, "/\">"...)
	dst = append(dst, word...)
	return append(dst, "</a>"...)
}

// appendAtlasReadMore renders the "Read more:" interstitial link, shaped
// as a paragraph.
func appendAtlasReadMore(dst []byte, w *atlasR) []byte {
	l := w.p.related[w.readMore]
	dst = w.appendElementOpen(dst, "interstitial_link")
	dst = w.open(dst, "p", acParagraph)
	dst = append(dst, "\"><b>Read more:</b> <a href=\""...)
	dst = appendHTML(dst, w.base)
	dst = appendHTML(dst, l.path)
	dst = append(dst, "?itid=lk_interstitial_manual\">"...)
	dst = appendHTML(dst, l.title)
	return append(dst, "</a></p></div>\n"...)
}

// appendAtlasNewsletter renders the newsletter sign-up, a raw_html element.
func appendAtlasNewsletter(dst []byte, w *atlasR) []byte {
	l := &atlasLetters[w.letter]
	dst = w.appendElementOpen(dst, "raw_html")
	dst = w.open(dst, "div", acNewsletter)
	dst = append(dst, "\" data-newsletter=\""...)
	dst = append(dst, l[0]...)
	dst = append(dst, "\"><p><strong>Sign up for "...)
	dst = append(dst, l[1]...)
	dst = append(dst, "</strong></p><p>"...)
	dst = append(dst, l[2]...)
	return append(dst, "</p><form action=\"/newsletters/subscribe/\" method=\"post\"><input type=\"email\" name=\"email\" placeholder=\"Enter your email address\" aria-label=\"Email address\"/><button type=\"submit\">Sign up</button></form></div></div>\n"...)
}

// appendAtlasRelated renders the "Related coverage" list of links.
func appendAtlasRelated(dst []byte, w *atlasR) []byte {
	dst = w.appendElementOpen(dst, "list")
	dst = w.open(dst, "h3", acHeading)
	dst = append(dst, "\">Related coverage</h3>"...)
	dst = w.open(dst, "ul", acList)
	dst = append(dst, "\">"...)
	for _, k := range w.related[:w.nRelated] {
		l := w.p.related[k]
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, w.base)
		dst = appendHTML(dst, l.path)
		dst = append(dst, "?itid=lk_inline_related\">"...)
		dst = appendHTML(dst, l.title)
		dst = append(dst, "</a></li>"...)
	}
	return append(dst, "</ul></div>\n"...)
}

// atlasKeyEvent reports whether live update k of article idx is one of
// its key events.
func atlasKeyEvent(idx, k int) bool { return (idx+k)%4 == 0 }

// appendAtlasLive renders a live page: the pinned "Key events" block, then
// the updates newest first, an ad after every third, the newsletter and
// the related list after drawn ones.
func appendAtlasLive(dst []byte, w *atlasR) []byte {
	p := w.p
	r := &p.rev
	n := len(r.Paragraphs)
	dst = w.open(dst, "section", acKeyEvents)
	dst = append(dst, "\" data-pinned=\"true\" aria-label=\"Key events\"><h2>Key events</h2><ul>"...)
	for k, shown := n-1, 0; k >= 0 && shown < 4; k-- {
		if !atlasKeyEvent(p.idx, k) {
			continue
		}
		shown++
		dst = append(dst, "<li><a href=\"#update-"...)
		dst = appendHex(dst, w.ids[k], 8)
		dst = append(dst, "\"><time datetime=\""...)
		at := spaEntryTime(r, k)
		dst = at.AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\">"...)
		dst = appendAPClock(dst, at)
		dst = append(dst, "</time> "...)
		dst = appendHTMLF(dst, firstSentence(r.Paragraphs[k]), p.flags.para(k))
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></section>\n"...)
	dst = w.open(dst, "div", acLiveList)
	dst = append(dst, " live-updates\" data-type=\"live-updates\" aria-live=\"polite\">\n"...)
	for k, j := n-1, 0; k >= 0; k, j = k-1, j+1 {
		at := spaEntryTime(r, k)
		id := w.ids[k]
		dst = append(dst, "<article class=\"live-update "...)
		dst = w.class(dst, acLiveUpdate)
		dst = append(dst, "\" id=\"update-"...)
		dst = appendHex(dst, id, 8)
		dst = append(dst, "\" data-update-id=\""...)
		dst = appendANSID(dst, id)
		dst = append(dst, "\"><header><time datetime=\""...)
		dst = at.AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\">"...)
		dst = appendAPClock(dst, at)
		dst = append(dst, "</time> <span class=\"ago\">"...)
		dst = appendAtlasAgo(dst, w.now.Sub(at))
		dst = append(dst, "</span></header>\n"...)
		dst = appendAtlasText(dst, w, k)
		dst = append(dst, "<footer><a href=\"https://twitter.com/intent/tweet?url="...)
		u := url.QueryEscape(w.base + p.a.path + "#update-")
		dst = appendHTML(dst, u)
		dst = appendHex(dst, id, 8)
		dst = append(dst, "\">Share</a> <a href=\"#update-"...)
		dst = appendHex(dst, id, 8)
		dst = append(dst, "\" class=\"copy-link\">Copy link</a></footer></article>\n"...)
		if j%3 == 2 && k > 0 {
			dst = w.appendAd(dst, "live-"+strconv.Itoa(j/3+1), "300x250")
			dst = append(dst, '\n')
		}
		if j == w.liveLetter {
			dst = appendAtlasNewsletter(dst, w)
		}
		if j == w.liveRelated && w.nRelated > 0 {
			dst = appendAtlasRelated(dst, w)
		}
	}
	return append(dst, "</div>\n"...)
}

// appendAtlasBios renders an author bio card per author.
func appendAtlasBios(dst []byte, w *atlasR) []byte {
	site := w.p.a.site
	for _, name := range atlasAuthors(&w.p.rev) {
		bio := atlasBios[fnv32a(2166136261, name)%uint32(len(atlasBios))]
		slug := slugify(name)
		dst = w.open(dst, "div", acBio)
		dst = append(dst, "\"><img src=\"/resizer/v2/authors/"...)
		dst = append(dst, slug...)
		dst = append(dst, ".png?width=120\" alt=\"\" width=\"60\" height=\"60\" loading=\"lazy\"/><div><p><a href=\"/people/"...)
		dst = append(dst, slug...)
		dst = append(dst, "/\">"...)
		dst = appendHTML(dst, name)
		dst = append(dst, "</a></p><p>"...)
		dst = appendHTML(dst, name)
		dst = append(dst, bio[0]...)
		dst = appendHTML(dst, site)
		dst = append(dst, bio[1]...)
		dst = append(dst, "</p><a class=\"follow\" href=\"/people/"...)
		dst = append(dst, slug...)
		dst = append(dst, "/?follow=1\">Follow "...)
		dst = appendHTML(dst, name)
		dst = append(dst, "</a></div></div>\n"...)
	}
	return dst
}

// appendAtlasCorrections renders the corrections policy and "Report an
// error" block.
func appendAtlasCorrections(dst []byte, w *atlasR, canonical string) []byte {
	dst = w.open(dst, "div", acCorrections)
	dst = append(dst, "\"><h2>Corrections policy</h2><p>"...)
	dst = appendHTML(dst, w.p.a.site)
	dst = append(dst, " is committed to accuracy. If you spot an error in this story, tell us and we will correct it promptly.</p><p><a href=\"/report-an-error/?url="...)
	dst = appendHTML(dst, url.QueryEscape(canonical))
	return append(dst, "\">Report an error</a> · <a href=\"/corrections-policy/\">Corrections policy</a> · <a href=\"/standards/\">Editorial standards</a></p></div>\n"...)
}

// appendAtlasLD writes the JSON-LD NewsArticle (LiveBlogPosting on live
// pages, its updates newest first) with the paywall's cssSelector;
// articleBody is the paragraphs joined by newlines.
func appendAtlasLD(dst []byte, w *atlasR, canonical string) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, `{"@context":"https://schema.org","@type":`...)
	if w.live {
		dst = append(dst, `"LiveBlogPosting"`...)
	} else {
		dst = append(dst, `"NewsArticle"`...)
	}
	dst = append(dst, `,"mainEntityOfPage":{"@type":"WebPage","@id":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `},"url":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","author":[`...)
	for k, name := range atlasAuthors(r) {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"@type":"Person","name":`...)
		dst = appendJSON(dst, name)
		dst = append(dst, `,"url":`...)
		dst = appendJSON(dst, w.base+"/people/"+slugify(name)+"/")
		dst = append(dst, '}')
	}
	dst = append(dst, `],"publisher":{"@type":"NewsMediaOrganization","name":`...)
	dst = appendJSON(dst, a.site)
	dst = append(dst, `},"articleSection":`...)
	dst = appendJSON(dst, a.section)
	if !w.live {
		dst = append(dst, `,"isAccessibleForFree":false,"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".article-body--subscriber"}`...)
	}
	dst = append(dst, `,"articleBody":`...)
	dst = appendJSONJoined(dst, p, `\n`)
	if w.live {
		dst = append(dst, `,"coverageStartTime":"`...)
		dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
		dst = append(dst, `","liveBlogUpdate":[`...)
		for k := len(r.Paragraphs) - 1; k >= 0; k-- {
			if k < len(r.Paragraphs)-1 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"@type":"BlogPosting","url":`...)
			dst = appendJSON(dst, canonical)
			dst = dst[:len(dst)-1]
			dst = append(dst, `#update-`...)
			dst = appendHex(dst, w.ids[k], 8)
			dst = append(dst, `","datePublished":"`...)
			dst = spaEntryTime(r, k).AppendFormat(dst, time.RFC3339)
			dst = append(dst, `","articleBody":`...)
			dst = appendJSONF(dst, r.Paragraphs[k], p.flags.para(k))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// appendANSDate appends t as the story document writes dates.
func appendANSDate(dst []byte, t time.Time) []byte {
	dst = append(dst, '"')
	dst = t.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	return append(dst, '"')
}

// appendAtlasFusion writes the fusion-metadata script's statements: the
// site, deployment and request id, and Fusion.globalContent, the story
// document, whose content_elements are the body's elements in page order
// (text elements' content is their HTML, links included), the inserts
// with their per-request ids; on live pages the paragraphs in story order.
func appendAtlasFusion(dst []byte, w *atlasR) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, `window.Fusion=window.Fusion||{};Fusion.arcSite="`...)
	dst = append(dst, slugify(a.site)...)
	dst = append(dst, `";Fusion.contextPath="/pf";Fusion.mxId="00000000";Fusion.deployment="`...)
	dst = w.appendDeploy(dst)
	dst = append(dst, `";Fusion.globalContent={"_id":"`...)
	dst = appendANSID(dst, uint64(p.idx))
	dst = append(dst, `","type":"story","version":"0.10.9","subtype":`...)
	if w.live {
		dst = append(dst, `"live-story"`...)
	} else {
		dst = append(dst, `"standard"`...)
	}
	dst = append(dst, `,"canonical_url":`...)
	dst = appendJSON(dst, a.path)
	dst = append(dst, `,"headlines":{"basic":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `},"description":{"basic":`...)
	dst = appendJSONF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, `},"credits":{"by":[`...)
	for k, name := range atlasAuthors(r) {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"_id":"`...)
		dst = append(dst, slugify(name)...)
		dst = append(dst, `","type":"author","name":`...)
		dst = appendJSON(dst, name)
		dst = append(dst, '}')
	}
	dst = append(dst, `]},"taxonomy":{"primary_section":{"_id":"/`...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, `","name":`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `}},"first_publish_date":`...)
	dst = appendANSDate(dst, r.Published)
	dst = append(dst, `,"display_date":`...)
	dst = appendANSDate(dst, r.Published)
	dst = append(dst, `,"last_updated_date":`...)
	dst = appendANSDate(dst, r.Modified)
	dst = append(dst, `,"content_elements":[`...)
	first := true
	sep := func(dst []byte) []byte {
		if !first {
			dst = append(dst, ',')
		}
		first = false
		return dst
	}
	if w.live {
		for k := range r.Paragraphs {
			dst = appendAtlasTextJSON(sep(dst), w, k)
		}
	}
	for _, it := range w.items {
		switch it.kind {
		case aiText:
			dst = appendAtlasTextJSON(sep(dst), w, it.i)
		case aiHeader:
			dst = append(sep(dst), `{"_id":"`...)
			dst = appendANSID(dst, uint64(p.idx)<<16|0xea)
			dst = append(dst, `","type":"header","level":2,"content":"`...)
			dst = append(dst, atlasSubheads[p.idx%len(atlasSubheads)]...)
			dst = append(dst, `"}`...)
		case aiQuote:
			q := w.quote
			dst = append(sep(dst), `{"_id":"`...)
			dst = appendANSID(dst, atlasTextID(p.idx, q)+1)
			dst = append(dst, `","type":"quote","subtype":"pullquote","content_elements":[{"type":"text","content":"`...)
			dst = appendJSONHTMLChars(dst, q)
			dst = append(dst, `"}]}`...)
		case aiImage:
			dst = append(sep(dst), `{"_id":"`...)
			dst = appendANSID(dst, uint64(p.idx)<<8|1)
			dst = append(dst, `","type":"image","caption":`...)
			dst = appendJSON(dst, atlasCaptions[(p.idx+1)%len(atlasCaptions)])
			dst = append(dst, '}')
		case aiReadMore:
			l := p.related[w.readMore]
			dst = append(sep(dst), `{"_id":"`...)
			dst = appendANSID(dst, it.id)
			dst = append(dst, `","type":"interstitial_link","content":`...)
			dst = appendJSON(dst, l.title)
			dst = append(dst, `,"url":`...)
			dst = appendJSON(dst, l.path)
			dst = append(dst, '}')
		case aiNewsletter:
			dst = append(sep(dst), `{"_id":"`...)
			dst = appendANSID(dst, it.id)
			dst = append(dst, `","type":"raw_html","content":"\u003cdiv data-newsletter=\"`...)
			dst = append(dst, atlasLetters[w.letter][0]...)
			dst = append(dst, `\"\u003e\u003c/div\u003e"}`...)
		case aiRelated:
			dst = append(sep(dst), `{"_id":"`...)
			dst = appendANSID(dst, it.id)
			dst = append(dst, `","type":"list","list_type":"unordered","items":[`...)
			for j, k := range w.related[:w.nRelated] {
				if j > 0 {
					dst = append(dst, ',')
				}
				dst = append(dst, `{"type":"interstitial_link","content":`...)
				dst = appendJSON(dst, p.related[k].title)
				dst = append(dst, `,"url":`...)
				dst = appendJSON(dst, p.related[k].path)
				dst = append(dst, '}')
			}
			dst = append(dst, `]}`...)
		}
	}
	dst = append(dst, `],"additional_properties":{"request_id":"`...)
	dst = append(dst, w.rid...)
	dst = append(dst, `","rendered_at":`...)
	dst = strconv.AppendInt(dst, w.now.UnixMilli(), 10)
	dst = append(dst, `}};Fusion.globalContentConfig={"source":"content-api","query":{"website_url":`...)
	dst = appendJSON(dst, a.path)
	dst = append(dst, `}};Fusion.lastModified=`...)
	dst = strconv.AppendInt(dst, w.now.UnixMilli(), 10)
	dst = append(dst, `;Fusion.contentCache={};Fusion.layout="article-right-rail";Fusion.outputType="default";Fusion.template="template/`...)
	if w.live {
		dst = append(dst, "live-story"...)
	} else {
		dst = append(dst, "article"...)
	}
	return append(dst, `";Fusion.spa=false;Fusion.spaEnabled=false;`...)
}

// appendAtlasTextJSON writes paragraph i's text element: its stable id
// and its HTML as the CMS stores it, the linked name as a link.
func appendAtlasTextJSON(dst []byte, w *atlasR, i int) []byte {
	p := w.p
	s := p.rev.Paragraphs[i]
	f := p.flags.para(i)
	dst = append(dst, `{"_id":"`...)
	dst = appendANSID(dst, w.ids[i])
	dst = append(dst, `","type":"text","content":"`...)
	if atlasShape(p.idx, i) == atlasLinked && !atlasDropcap(p, i) {
		if a, b := capWord(s); b > a {
			dst = appendJSONHTMLCharsF(dst, s[:a], f)
			dst = append(dst, `\u003ca href=\"/topics/`...)
			for k := range b - a {
				dst = append(dst, s[a+k]|0x20)
			}
			dst = append(dst, `/\"\u003e`...)
			dst = append(dst, s[a:b]...)
			dst = append(dst, `\u003c/a\u003e`...)
			dst = appendJSONHTMLCharsF(dst, s[b:], f)
			return append(dst, `"}`...)
		}
	}
	dst = appendJSONHTMLCharsF(dst, s, f)
	return append(dst, `"}`...)
}
