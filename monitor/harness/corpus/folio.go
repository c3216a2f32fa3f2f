package corpus

import (
	"math/rand/v2"
	"net/url"
	"strconv"
	"time"
)

// The "folio" template family is written as a modern Drupal site serves
// its pages: a Drupal 10 back end whose article body is built from
// "paragraphs" entities, themed with Lit web components rendered on the
// server (Declarative Shadow DOM), with an AMP "lite" theme for some
// articles. It is a held-out family: it was written without reading
// storywatch's extraction or learning code. Its conventions:
//
//   - the <article> node holds a <story-body> custom element whose
//     declarative shadow root (<template shadowrootmode="open">) holds its
//     styles and <slot>s; the headline, byline, published date and a
//     rotating "Updated N hours ago" stamp are slotted into it, inside the
//     body container;
//   - the body is a Drupal entity-reference field, <div class="field
//     field--name-field-content ... field__items">, of <div
//     class="field__item">s, each one "paragraphs" entity: text entities
//     (<div class="paragraph paragraph--type--text">, one to three
//     paragraphs in a nested field--name-field-body) interleaved with a
//     pull quote entity (paragraph--type--quote) repeating a quotation of
//     the text, and with inserts the site adds per request;
//   - every paragraph carries id="p-xxxxxx" (a hash of its text: the
//     front end's anchor) and its entity a data-paragraph-id; a paragraph
//     is a <p>, a <p> with a linked name, or a <story-paragraph> element
//     holding its own declarative shadow root (Lit's SSR output, with its
//     "<!--lit-part-->" markers) around a <slot> for the text;
//   - inserts look like the text: a "Related:" line and a series note
//     injected as <p id="p-..."> among a text entity's paragraphs, a
//     sponsored paragraph as a text entity in the "promo" view mode, an
//     audio bar ("Listen to this article · 6 min"), an inline poll, a
//     "Most popular" recirculation entity, a video playlist in an
//     <x-embed> whose content sits in its shadow root, ad blocks and
//     BigPipe placeholders with per-request tokens; their texts, places
//     and ids are drawn per request;
//   - the lead image is a <picture> with AVIF and WebP <source>s, a lazy
//     <img> and a <noscript> fallback holding the image and its caption;
//     the caption's photo credit is drawn per request;
//   - JSON-LD in schema_metatag's "@graph" form whose NewsArticle (or
//     LiveBlogPosting) carries the text as articleBody, paragraphs joined
//     by blank lines, and <script type="application/json"
//     id="__APP_STATE__"> repeating the body's paragraphs with their ids
//     beside a request id, render time, cache tags and ad slots;
//   - one article in seven (folioLite) is served in the AMP "lite" theme:
//     <html ⚡>, <amp-img>, <amp-ad>, <amp-iframe>, the same text in the
//     same field wrappers, the state in an <amp-state>;
//   - one article in nine (folioLive) is a live page: a rotating "N new
//     updates" banner, then each paragraph as a live-update <article>
//     with its own <time> and share links, newest first.
//
// Everything a reader sees of the article (headline, byline, the
// paragraphs and their markup, the pull quote, the caption without its
// credit) changes only when Revise edits it.

// Articles whose index is folioLiveAt modulo folioLiveEvery are live pages;
// those at folioLiteAt modulo folioLiteEvery, when not live, are AMP pages.
const (
	folioLiveEvery = 9
	folioLiveAt    = 4
	folioLiteEvery = 7
	folioLiteAt    = 5
)

// folioLive reports whether article idx renders as a live page.
func folioLive(idx int) bool { return idx%folioLiveEvery == folioLiveAt }

// folioLite reports whether article idx is served in the AMP lite theme.
func folioLite(idx int) bool { return idx%folioLiteEvery == folioLiteAt && !folioLive(idx) }

var (
	// folioSeries are the series notes, drawn per request.
	folioSeries = [...]string{
		`This article is part of <a href="/series/europes-next-decade">Europe’s Next Decade</a>, our series on the choices facing the continent.`,
		`This article is part of <a href="/series/the-negotiators">The Negotiators</a>, a series on the people behind the talks.`,
		`This story is part of our coverage of <a href="/topics/war-in-ukraine">the war in Ukraine</a>. Follow our live page for the latest.`,
		`This article is part of <a href="/series/power-shift">Power Shift</a>, a series on how diplomacy is changing.`,
	}
	// folioListen are the audio bar's wordings; %d is its length in minutes.
	folioListen = [...][2]string{
		{"Listen to this article · ", " min"},
		{"Listen · ", " min · Voiced by artificial intelligence"},
		{"Audio version: ", " minutes, read aloud"},
		{"Hear this story · ", " min · Learn more about audio"},
	}
	folioPolls = [...][4]string{
		{"Do you think the talks will lead to a ceasefire this year?", "Yes", "No", "Not sure"},
		{"Should Europe have a seat at the negotiating table?", "Yes, always", "Only as an observer", "No"},
		{"How closely are you following the negotiations?", "Every day", "Now and then", "Not at all"},
	}
	folioSponsors = [...]string{"Northwind Energy", "Harbor Bank", "Alpine Rail", "Meridian Health", "Lumen Telecom"}
	folioVideos   = [...]string{
		"Watch: what happened at the summit, in three minutes",
		"Video: the road to the negotiating table",
		"Explained: what a ceasefire line would look like",
		"Watch: leaders arrive for the talks",
		"Video: reaction from Kyiv and Moscow",
	}
	folioPhotographers = [...]string{"Alex Brandon", "Sergei Supinsky", "Evan Vucci", "Ludovic Marin", "Gleb Garanich", "Kay Nietfeld"}
	// folioRelatedLead is what the injected related line opens with.
	folioRelatedLead = [...]string{"Related: ", "Read more: ", "Related coverage: "}
)

// folioR holds one request's draw while a folio page renders.
type folioR struct {
	p    *pageSnap
	rng  *rand.Rand
	base string
	nid  int       // the node id, derived from the article index
	rid  []byte    // request id, a UUID
	now  time.Time // render time
	lite bool
	pids []uint64 // the paragraphs' anchors (folioPID), hashed once per render
}

// folioPID is the front end's anchor of a paragraph of node nid: six hex
// digits of a hash of its text, so that it changes only with the text.
func folioPID(nid int, text string) uint64 {
	return uint64(fnv32a(fnv32a(2166136261, string([]byte{byte(nid), byte(nid >> 8), byte(nid >> 16)})), text) & 0xffffff)
}

// fnv32a continues the FNV-1a hash h over s; 2166136261 starts one. It is
// hash/fnv's without its allocations, as it runs per paragraph per request.
func fnv32a(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// folioEntityID is the Drupal id of the entity whose first paragraph's (or
// quote's) anchor is pid: stable while that text is.
func folioEntityID(pid uint64) int64 {
	return 100000 + int64(spaMix(pid)%800000)
}

// folioStarts reports whether paragraph i of article idx opens a new text
// entity: entities hold one to three paragraphs, as editors split them.
func folioStarts(idx, i, run int) bool {
	return i == 0 || run == 3 || spaMix(uint64(idx)<<16|uint64(i))%3 == 0
}

// Shapes of an article paragraph, fixed by the article and the place.
const (
	folioPlain     = iota // <p id>
	folioComponent        // <story-paragraph> with a declarative shadow root
	folioLinked           // <p id> with a linked name
	folioPlain2
	folioShapes
)

func folioShape(idx, i int) int { return int(spaMix(uint64(idx)*131+uint64(i)) % folioShapes) }

// appendFolioPage renders page p in the folio family.
func appendFolioPage(dst []byte, p *pageSnap, base string) []byte {
	r, bp := &p.rev, &p.bp
	rng := rand.New(rand.NewPCG(p.draw, 0xf011))
	w := &folioR{p: p, rng: rng, base: base, nid: 2000 + p.idx, lite: folioLite(p.idx)}
	w.rid = appendUUID(nil, rng)
	w.now = r.Modified.Add(time.Duration(bp.updatedMins)*time.Minute + time.Duration(rng.IntN(30))*time.Hour)
	w.pids = make([]uint64, len(r.Paragraphs))
	for i, s := range r.Paragraphs {
		w.pids[i] = folioPID(w.nid, s)
	}
	if w.lite {
		return appendFolioLite(dst, w)
	}
	a := p.a
	live := folioLive(p.idx)
	canonical := base + a.path

	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\" prefix=\"og: https://ogp.me/ns#\">\n  <head>\n    <meta charset=\"utf-8\" />\n<meta name=\"description\" content=\""...)
	dst = appendHTMLF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, "\" />\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\" />\n"...)
	if !live {
		dst = append(dst, "<link rel=\"amphtml\" href=\""...)
		dst = appendHTML(dst, canonical)
		dst = append(dst, "?amp\" />\n"...)
	}
	dst = append(dst, "<meta property=\"og:site_name\" content=\""...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "\" />\n<meta property=\"og:type\" content=\"article\" />\n<meta property=\"og:title\" content=\""...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "\" />\n<meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-0700")
	dst = append(dst, "\" />\n<meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05-0700")
	dst = append(dst, "\" />\n<meta name=\"Generator\" content=\"Drupal 10 (https://www.drupal.org)\" />\n<meta name=\"MobileOptimized\" content=\"width\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\" />\n<script type=\"application/ld+json\">"...)
	dst = appendFolioLD(dst, w, canonical, live)
	dst = append(dst, "</script>\n    <title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " | "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n    <link rel=\"stylesheet\" media=\"all\" href=\"/sites/default/files/css/css_"...)
	dst = appendFolioToken(dst, w.nid, "css", 43)
	dst = append(dst, ".css?delta=0&amp;language=en&amp;theme=folio&amp;include=eJxVjEEOwjAMBD9E8hv\" />\n    <script type=\"module\" src=\"/themes/custom/folio/dist/components.js?v=10.3.6\"></script>\n  </head>\n  <body class=\"path-node page-node-type-"...)
	if live {
		dst = append(dst, "live-update-stream"...)
	} else {
		dst = append(dst, "article"...)
	}
	dst = append(dst, "\">\n        <a href=\"#main-content\" class=\"visually-hidden focusable skip-link\">\n      Skip to main content\n    </a>\n    \n      <div class=\"dialog-off-canvas-main-canvas\" data-off-canvas-main-canvas>\n    <folio-header sticky>\n  <a href=\"/\" rel=\"home\" class=\"site-logo\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a>\n  <nav role=\"navigation\" aria-labelledby=\"block-folio-main-menu-menu\" id=\"block-folio-main-menu\">\n    <h2 class=\"visually-hidden\" id=\"block-folio-main-menu-menu\">Main navigation</h2>\n    <ul class=\"menu\">\n"...)
	for _, k := range bp.nav {
		dst = append(dst, "      <li class=\"menu-item\"><a href=\"/"...)
		dst = append(dst, spaNavSlugs[k]...)
		dst = append(dst, "\">"...)
		dst = append(dst, navSections[k]...)
		dst = append(dst, "</a></li>\n"...)
	}
	dst = append(dst, "    </ul>\n  </nav>\n  <div class=\"block block-folio-breaking\"><span class=\"label\">Breaking</span> <a href=\"/breaking/"...)
	dst = strconv.AppendInt(dst, int64(bp.ticker), 10)
	dst = append(dst, "\">"...)
	dst = append(dst, tickerHTML[bp.ticker]...)
	dst = append(dst, "</a></div>\n</folio-header>\n"...)
	dst = appendFolioPlaceholder(dst, w, "folio_leaderboard")
	dst = append(dst, "\n    <main role=\"main\">\n      <a id=\"main-content\" tabindex=\"-1\"></a>\n      <div class=\"region region-content\">\n        <div data-drupal-messages-fallback class=\"hidden\"></div>\n<article data-history-node-id=\""...)
	dst = strconv.AppendInt(dst, int64(w.nid), 10)
	if live {
		dst = append(dst, "\" class=\"node node--type-live-update-stream node--promoted node--view-mode-full\">\n"...)
	} else {
		dst = append(dst, "\" class=\"node node--type-article node--promoted node--view-mode-full\">\n"...)
	}
	dst = append(dst, "  <story-body story-id=\""...)
	dst = appendSPAArticleID(dst, p.idx)
	dst = append(dst, "\" render-id=\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\" layout=\""...)
	if live {
		dst = append(dst, "live"...)
	} else {
		dst = append(dst, "standard"...)
	}
	dst = append(dst, "\"><template shadowrootmode=\"open\"><style>:host{display:block;max-width:680px;margin:0 auto}::slotted(header){margin-bottom:24px}</style><!--lit-part cH8mYpQx2Ds=--><slot name=\"header\"></slot><div part=\"content\"><slot></slot></div><slot name=\"footer\"></slot><!--/lit-part--></template>\n"...)
	dst = appendFolioHeader(dst, w, live)
	if live {
		dst = appendFolioLive(dst, w)
	} else {
		dst = appendFolioAudio(dst, w)
		dst = appendFolioFigure(dst, w)
		dst = appendFolioBody(dst, w)
	}
	dst = append(dst, "    <footer slot=\"footer\" class=\"node__footer\">\n      <div class=\"field field--name-field-tags field--type-entity-reference field--label-inline clearfix\">\n        <div class=\"field__label\">Topics</div>\n        <div class=\"field__items\">\n          <div class=\"field__item\"><a href=\"/"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "\" hreflang=\"en\">"...)
	dst = appendHTML(dst, a.section)
	dst = append(dst, "</a></div>\n        </div>\n      </div>\n      <a href=\"#comments\" class=\"comment-count\">"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " comments</a>\n    </footer>\n  </story-body>\n</article>\n"...)
	dst = appendFolioMostPopular(dst, w, "block block-views block-views-blockmost-popular-block-1")
	dst = append(dst, "      </div>\n    </main>\n    <footer role=\"contentinfo\" class=\"site-footer\">\n      <nav><a href=\"/about\">About</a> <a href=\"/contact\">Contact</a> <a href=\"/terms\">Terms of use</a> <a href=\"/privacy\">Privacy</a></nav>\n      <p>© "...)
	dst = r.Published.UTC().AppendFormat(dst, "2006")
	dst = append(dst, ' ')
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</p>\n    </footer>\n  </div>\n\n    <script type=\"application/json\" id=\"__APP_STATE__\">"...)
	dst = appendFolioState(dst, w, live)
	dst = append(dst, "</script>\n    <script type=\"application/json\" data-drupal-selector=\"drupal-settings-json\">{\"path\":{\"baseUrl\":\"\\/\",\"currentPath\":\"node\\/"...)
	dst = strconv.AppendInt(dst, int64(w.nid), 10)
	dst = append(dst, "\",\"currentLanguage\":\"en\"},\"ajaxPageState\":{\"theme\":\"folio\",\"theme_token\":\""...)
	dst = appendFolioToken(dst, w.rng.Uint64(), "theme", 43)
	dst = append(dst, "\"},\"bigPipePlaceholderIds\":{\"callback=folio_ads\":true},\"user\":{\"uid\":0,\"permissionsHash\":\"8f6a3b\"}}</script>\n<script src=\"/core/misc/drupal.js?v=10.3.6\"></script>\n  </body>\n</html>\n"...)
	return dst
}

// appendFolioToken appends an n-character Drupal-style token (base64url)
// derived from seed and purpose.
func appendFolioToken[T int | uint64](dst []byte, seed T, purpose string, n int) []byte {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	v := uint64(seed) ^ uint64(fnv32a(2166136261, purpose))<<32
	for range n {
		v = spaMix(v)
		dst = append(dst, digits[v&63])
	}
	return dst
}

// appendFolioPlaceholder appends a BigPipe placeholder for a block the
// server streams later: its token is drawn per request.
func appendFolioPlaceholder(dst []byte, w *folioR, block string) []byte {
	dst = append(dst, "<span data-big-pipe-placeholder-id=\"callback=Drupal%5Cblock%5CBlockViewBuilder%3A%3AlazyBuilder&amp;args%5B0%5D="...)
	dst = append(dst, block...)
	dst = append(dst, "&amp;args%5B1%5D=full&amp;token="...)
	dst = appendFolioToken(dst, w.rng.Uint64(), "bigpipe", 43)
	return append(dst, "\"></span>"...)
}

// appendFolioHeader renders the node header, slotted into <story-body>:
// the section, the headline, the byline, the published date and the
// "Updated" stamp, whose figure follows the render time.
func appendFolioHeader(dst []byte, w *folioR, live bool) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, "    <header"...)
	if !w.lite {
		dst = append(dst, " slot=\"header\""...) // slotted into <story-body>
	}
	dst = append(dst, " class=\"node__header\">\n      <a class=\"node__section\" href=\"/"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "\">"...)
	dst = appendHTML(dst, a.section)
	dst = append(dst, "</a>\n"...)
	if live {
		dst = append(dst, "      <span class=\"live-badge\" aria-label=\"Live coverage\">Live</span>\n"...)
	}
	dst = append(dst, "      <h1 class=\"page-title\"><span class=\"field field--name-title field--type-string field--label-hidden\">"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</span></h1>\n      <div class=\"node__meta\">\n"...)
	if name := bylineName(r.Byline); name != "" {
		dst = append(dst, "        <div class=\"field field--name-field-byline field--type-entity-reference field--label-hidden field__item\">By <a href=\"/author/"...)
		dst = append(dst, slugify(name)...)
		dst = append(dst, "\" hreflang=\"en\">"...)
		dst = appendHTML(dst, name)
		dst = append(dst, "</a></div>\n"...)
	}
	dst = append(dst, "        <span class=\"field field--name-created field--type-created field--label-hidden\"><time datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\" title=\""...)
	dst = r.Published.UTC().AppendFormat(dst, "Monday, January 2, 2006 - 15:04")
	dst = append(dst, "\">"...)
	dst = r.Published.UTC().AppendFormat(dst, "Mon, 01/02/2006 - 15:04")
	// The AMP theme has no custom elements: its stamp is a <time>.
	tag := "folio-relative-time"
	if w.lite {
		tag = "time"
	}
	dst = append(dst, "</time></span>\n        <"...)
	dst = append(dst, tag...)
	dst = append(dst, " datetime=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\" class=\"node__updated\">Updated "...)
	dst = appendFolioAgo(dst, w.now.Sub(r.Modified))
	dst = append(dst, "</"...)
	dst = append(dst, tag...)
	return append(dst, ">\n      </div>\n    </header>\n"...)
}

// appendFolioAgo appends d as the theme words it: "N minutes ago" up to an
// hour, then "N hours ago", then "N days ago".
func appendFolioAgo(dst []byte, d time.Duration) []byte {
	n, unit := int64(d/time.Minute), " minute"
	switch {
	case d >= 48*time.Hour:
		n, unit = int64(d/(24*time.Hour)), " day"
	case d >= time.Hour:
		n, unit = int64(d/time.Hour), " hour"
	}
	dst = strconv.AppendInt(dst, n, 10)
	dst = append(dst, unit...)
	if n != 1 {
		dst = append(dst, 's')
	}
	return append(dst, " ago"...)
}

// appendFolioAudio renders the audio bar: a drawn wording of the reading
// time at 150 words a minute.
func appendFolioAudio(dst []byte, w *folioR) []byte {
	v := folioListen[w.rng.IntN(len(folioListen))]
	mins := max(1, (wordCount(&w.p.rev)+75)/150)
	tag := "story-audio"
	if w.lite {
		tag = "div"
	}
	dst = append(dst, "    <"...)
	dst = append(dst, tag...)
	dst = append(dst, " class=\"paragraph paragraph--type--audio\">"...)
	if w.lite {
		dst = append(dst, "<amp-audio width=\"auto\" height=\"50\" src=\"/audio/node/"...)
	} else {
		dst = append(dst, "<template shadowrootmode=\"open\"><style>:host{display:flex;gap:8px;align-items:center}</style><button part=\"play\" aria-label=\"Play\"></button><slot></slot></template><audio preload=\"none\" src=\"/audio/node/"...)
	}
	dst = strconv.AppendInt(dst, int64(w.nid), 10)
	dst = append(dst, ".mp3?v="...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e6, 36)
	if w.lite {
		dst = append(dst, "\"><div fallback>Your browser does not support audio.</div></amp-audio><p>"...)
	} else {
		dst = append(dst, "\"></audio><p>"...)
	}
	dst = append(dst, v[0]...)
	dst = strconv.AppendInt(dst, int64(mins), 10)
	dst = append(dst, v[1]...)
	dst = append(dst, "</p></"...)
	dst = append(dst, tag...)
	return append(dst, ">\n"...)
}

// appendFolioFigure renders the lead image field: a <picture> with AVIF
// and WebP sources and a lazy <img>, a <noscript> fallback with the image
// and its caption, and the caption with a credit drawn per request.
func appendFolioFigure(dst []byte, w *folioR) []byte {
	idx := w.p.idx
	caption := spaCaptions[idx%len(spaCaptions)]
	credit := folioCredit(w)
	dst = append(dst, "    <div class=\"field field--name-field-media-image field--type-entity-reference field--label-hidden field__item\">\n      <figure class=\"media media--type-image media--view-mode-lead\">\n        <picture>\n"...)
	for _, f := range [...]string{"avif", "webp"} {
		dst = append(dst, "          <source srcset=\"/sites/default/files/styles/lead_640/public/lead-"...)
		dst = strconv.AppendInt(dst, int64(idx), 10)
		dst = append(dst, ".jpg."...)
		dst = append(dst, f...)
		dst = append(dst, " 640w, /sites/default/files/styles/lead_1280/public/lead-"...)
		dst = strconv.AppendInt(dst, int64(idx), 10)
		dst = append(dst, ".jpg."...)
		dst = append(dst, f...)
		dst = append(dst, " 1280w\" type=\"image/"...)
		dst = append(dst, f...)
		dst = append(dst, "\" sizes=\"(min-width: 720px) 680px, 100vw\"/>\n"...)
	}
	dst = append(dst, "          <img loading=\"lazy\" width=\"1280\" height=\"720\" src=\"/sites/default/files/styles/lead_1280/public/lead-"...)
	dst = strconv.AppendInt(dst, int64(idx), 10)
	dst = append(dst, ".jpg?itok="...)
	dst = appendFolioToken(dst, idx, "itok", 8)
	dst = append(dst, "\" alt=\""...)
	dst = appendHTML(dst, caption)
	dst = append(dst, "\" />\n        </picture>\n        <noscript><img src=\"/sites/default/files/lead-"...)
	dst = strconv.AppendInt(dst, int64(idx), 10)
	dst = append(dst, ".jpg\" alt=\""...)
	dst = appendHTML(dst, caption)
	dst = append(dst, "\" /><p class=\"caption\">"...)
	dst = appendHTML(dst, caption)
	dst = append(dst, "</p></noscript>\n        <figcaption>"...)
	dst = appendHTML(dst, caption)
	dst = append(dst, " <span class=\"media__credit\">"...)
	dst = append(dst, credit...)
	return append(dst, "</span></figcaption>\n      </figure>\n    </div>\n"...)
}

// folioCredit draws a photo credit: "Photo: NAME/AGENCY".
func folioCredit(w *folioR) string {
	return "Photo: " + folioPhotographers[w.rng.IntN(len(folioPhotographers))] + "/" + spaCredits[w.rng.IntN(len(spaCredits))]
}

// folioPlan is where one request places the body's inserts: each is the
// index of the text entity it follows (-1: not on this page), or, for
// those injected among a text entity's paragraphs, of the paragraph.
type folioPlan struct {
	ad1, ad2, sponsor, poll, popular, video, relatedEnt int // after text entity k
	relatedPara, seriesPara                             int // after paragraph i
	quote                                               int // the pull quote follows entity k (stable)
}

// folioPlanFor draws the plan of a body of ne text entities and n
// paragraphs. The pull quote's place is fixed by the article.
func folioPlanFor(w *folioR, ne, n int) folioPlan {
	rng := w.rng
	pl := folioPlan{
		ad1:         rng.IntN(max(ne/2, 1)),
		ad2:         ne/2 + rng.IntN(max(ne-ne/2, 1)),
		sponsor:     rng.IntN(max(ne, 1)),
		poll:        -1,
		popular:     rng.IntN(max(ne, 1)),
		video:       -1,
		relatedEnt:  rng.IntN(max(ne, 1)),
		relatedPara: rng.IntN(max(n-1, 1)),
		seriesPara:  -1,
		quote:       -1,
	}
	if rng.IntN(2) == 0 {
		pl.poll = rng.IntN(max(ne, 1))
	}
	if rng.IntN(3) > 0 {
		pl.video = rng.IntN(max(ne, 1))
	}
	if rng.IntN(2) == 0 {
		pl.seriesPara = 0
	} else {
		pl.seriesPara = max(n-1, 0)
	}
	if ne >= 4 {
		pl.quote = 1 + w.p.idx%(ne-2)
	}
	return pl
}

// folioEntities counts the text entities of article idx of n paragraphs.
func folioEntities(idx, n int) int {
	ne, run := 0, 0
	for i := range n {
		if folioStarts(idx, i, run) {
			ne++
			run = 0
		}
		run++
	}
	return ne
}

// appendFolioBody renders the paragraphs field: text entities, the pull
// quote, and the inserts where this request's plan puts them.
func appendFolioBody(dst []byte, w *folioR) []byte {
	p := w.p
	r := &p.rev
	n := len(r.Paragraphs)
	ne := folioEntities(p.idx, n)
	pl := folioPlanFor(w, ne, n)
	quote := folioQuote(r)
	dst = append(dst, "    <div class=\"field field--name-field-content field--type-entity-reference-revisions field--label-hidden field__items\">\n"...)
	for i, k, run := 0, 0, 0; i < n; k++ {
		dst = appendFolioTextOpen(dst, w, folioEntityID(w.pids[i]), "default")
		for run = 0; i < n && (run == 0 || !folioStarts(p.idx, i, run)); i, run = i+1, run+1 {
			dst = appendFolioPara(dst, w, i)
			if i == pl.relatedPara && p.nRelated > 0 {
				dst = appendFolioRelatedLine(dst, w)
			}
			if i == pl.seriesPara {
				dst = appendFolioSeries(dst, w)
			}
		}
		dst = append(dst, "</div>\n        </div>\n      </div>\n"...)
		if k == pl.quote && quote != "" {
			dst = appendFolioQuote(dst, w, quote)
		}
		if k == pl.ad1 {
			dst = appendFolioAd(dst, w, 1)
		}
		if k == pl.relatedEnt {
			dst = appendFolioRelatedEntity(dst, w)
		}
		if k == pl.sponsor {
			dst = appendFolioSponsored(dst, w)
		}
		if k == pl.poll {
			dst = appendFolioPoll(dst, w)
		}
		if k == pl.video {
			dst = appendFolioVideo(dst, w)
		}
		if k == pl.popular {
			dst = append(dst, "      <div class=\"field__item\">"...)
			dst = appendFolioMostPopular(dst, w, "paragraph paragraph--type--recirculation paragraph--view-mode--default")
			dst = append(dst, "</div>\n"...)
		}
		if k == pl.ad2 && pl.ad2 != pl.ad1 {
			dst = appendFolioAd(dst, w, 2)
		}
	}
	return append(dst, "    </div>\n"...)
}

// appendFolioTextOpen opens a text entity in view mode mode: the
// field__item, the paragraph entity and its body field, left open for
// the paragraphs.
func appendFolioTextOpen(dst []byte, w *folioR, id int64, mode string) []byte {
	dst = append(dst, "      <div class=\"field__item\">\n        <div class=\"paragraph paragraph--type--text paragraph--view-mode--"...)
	dst = append(dst, mode...)
	dst = append(dst, "\" data-paragraph-id=\""...)
	dst = strconv.AppendInt(dst, id, 10)
	dst = append(dst, "\">\n          <div class=\"clearfix text-formatted field field--name-field-body field--type-text-long field--label-hidden field__item\">"...)
	return dst
}

// appendFolioPara renders article paragraph i in its shape, with its
// anchor id.
func appendFolioPara(dst []byte, w *folioR, i int) []byte {
	p := w.p
	s := p.rev.Paragraphs[i]
	f := p.flags.para(i)
	shape := folioShape(p.idx, i)
	if w.lite && shape == folioComponent {
		shape = folioPlain // the AMP theme has no custom elements
	}
	switch shape {
	case folioComponent:
		dst = append(dst, "<story-paragraph id=\"p-"...)
		dst = appendHex(dst, w.pids[i], 6)
		dst = append(dst, "\"><template shadowrootmode=\"open\"><style>:host{display:block;margin:0 0 1.25em}::slotted(a){color:var(--folio-link,#0b5394)}</style><!--lit-part 3Yd0mLx1sWc=--><p part=\"text\"><slot></slot></p><!--/lit-part--></template>"...)
		dst = appendHTMLF(dst, s, f)
		return append(dst, "</story-paragraph>"...)
	case folioLinked:
		if a, b := capWord(s); b > a {
			dst = append(dst, "<p id=\"p-"...)
			dst = appendHex(dst, w.pids[i], 6)
			dst = append(dst, "\">"...)
			dst = appendHTMLF(dst, s[:a], f)
			dst = append(dst, "<a href=\"/taxonomy/term/"...)
			dst = strconv.AppendUint(dst, 100+folioPID(0, s[a:b])%900, 10)
			dst = append(dst, "\" hreflang=\"en\" data-entity-type=\"taxonomy_term\">"...)
			dst = append(dst, s[a:b]...)
			dst = append(dst, "</a>"...)
			dst = appendHTMLF(dst, s[b:], f)
			return append(dst, "</p>"...)
		}
	}
	dst = append(dst, "<p id=\"p-"...)
	dst = appendHex(dst, w.pids[i], 6)
	dst = append(dst, "\">"...)
	dst = appendHTMLF(dst, s, f)
	return append(dst, "</p>"...)
}

// appendFolioInsertOpen opens an injected <p>, shaped as an article
// paragraph: a random anchor id.
func appendFolioInsertOpen(dst []byte, w *folioR) []byte {
	dst = append(dst, "<p id=\"p-"...)
	dst = appendHex(dst, w.rng.Uint64(), 6)
	return append(dst, "\">"...)
}

// appendFolioRelatedLine injects a "Related:" line linking a drawn
// related article among the paragraphs.
func appendFolioRelatedLine(dst []byte, w *folioR) []byte {
	l := w.p.related[w.rng.IntN(w.p.nRelated)]
	dst = appendFolioInsertOpen(dst, w)
	dst = append(dst, "<strong>"...)
	dst = append(dst, folioRelatedLead[w.rng.IntN(len(folioRelatedLead))]...)
	dst = append(dst, "</strong><a href=\""...)
	dst = appendHTML(dst, w.base)
	dst = appendHTML(dst, l.path)
	dst = append(dst, "?itm_source=inline_related\">"...)
	dst = appendHTML(dst, l.title)
	return append(dst, "</a></p>"...)
}

// appendFolioSeries injects a drawn series note among the paragraphs.
func appendFolioSeries(dst []byte, w *folioR) []byte {
	dst = appendFolioInsertOpen(dst, w)
	dst = append(dst, "<em>"...)
	dst = append(dst, folioSeries[w.rng.IntN(len(folioSeries))]...)
	return append(dst, "</em></p>"...)
}

// folioQuote is the pull quote of r: the first quotation of its text
// that is long enough to stand alone, or "".
func folioQuote(r *Revision) string {
	for _, s := range r.Paragraphs {
		if a, b := quotation(s); b-a > 40 {
			return s[a:b]
		}
	}
	return ""
}

// appendFolioQuote renders the pull quote entity.
func appendFolioQuote(dst []byte, w *folioR, quote string) []byte {
	dst = append(dst, "      <div class=\"field__item\">\n        <div class=\"paragraph paragraph--type--quote paragraph--view-mode--default\" data-paragraph-id=\""...)
	dst = strconv.AppendInt(dst, folioEntityID(folioPID(w.nid, quote))+1, 10)
	dst = append(dst, "\">\n          <blockquote class=\"field field--name-field-quote field__item\"><p>"...)
	dst = appendHTML(dst, quote)
	return append(dst, "</p></blockquote>\n        </div>\n      </div>\n"...)
}

// appendFolioAd renders an ad block between entities: an <amp-ad> in the
// lite theme, else a DFP slot with a drawn id and size and a BigPipe
// placeholder for its lazily built markup.
func appendFolioAd(dst []byte, w *folioR, k int) []byte {
	sizes := [...]string{"300x250", "728x90", "300x600", "320x50"}
	size := sizes[w.rng.IntN(len(sizes))]
	if w.lite {
		dst = append(dst, "      <div class=\"field__item\"><amp-ad width=\"300\" height=\"250\" layout=\"responsive\" type=\"doubleclick\" data-slot=\"/2241/folio/article/inline"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\" rtc-config='{\"vendors\":{\"aps\":{\"PUB_ID\":\"600\",\"PARAMS\":{\"amp\":\"1\"}}},\"timeoutMillis\":750}' data-multi-size=\""...)
		dst = append(dst, size...)
		dst = append(dst, "\" data-loading-strategy=\"1.25\" json='{\"targeting\":{\"rid\":\""...)
		dst = append(dst, w.rid[:8]...)
		return append(dst, "\"}}'><div placeholder>Advertisement</div></amp-ad></div>\n"...)
	}
	dst = append(dst, "      <div class=\"field__item\"><div class=\"block block-dfp\" id=\"dfp-ad-inline"...)
	dst = strconv.AppendInt(dst, int64(k), 10)
	dst = append(dst, "-"...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e6, 36)
	dst = append(dst, "\" data-size=\""...)
	dst = append(dst, size...)
	dst = append(dst, "\"><span class=\"visually-hidden\">Advertisement</span>"...)
	dst = appendFolioPlaceholder(dst, w, "dfp_inline_"+strconv.Itoa(k))
	return append(dst, "</div></div>\n"...)
}

// appendFolioRelatedEntity renders a "related content" entity: a
// one-line "Related:" paragraph with the link of a drawn related article.
func appendFolioRelatedEntity(dst []byte, w *folioR) []byte {
	p := w.p
	if p.nRelated == 0 {
		return dst
	}
	l := p.related[w.rng.IntN(p.nRelated)]
	dst = append(dst, "      <div class=\"field__item\">\n        <div class=\"paragraph paragraph--type--related-content paragraph--view-mode--default\" data-paragraph-id=\""...)
	dst = strconv.AppendUint(dst, 100000+w.rng.Uint64()%800000, 10)
	dst = append(dst, "\">\n          <div class=\"field field--name-field-related field__item\"><p>Related: <a href=\""...)
	dst = appendHTML(dst, w.base)
	dst = appendHTML(dst, l.path)
	dst = append(dst, "\" hreflang=\"en\">"...)
	dst = appendHTML(dst, l.title)
	return append(dst, "</a></p></div>\n        </div>\n      </div>\n"...)
}

// appendFolioSponsored renders a sponsored paragraph: a text entity in
// the promo view mode, its text an ad's copy.
func appendFolioSponsored(dst []byte, w *folioR) []byte {
	sponsor := folioSponsors[w.rng.IntN(len(folioSponsors))]
	dst = appendFolioTextOpen(dst, w, int64(100000+w.rng.Uint64()%800000), "promo")
	dst = appendFolioInsertOpen(dst, w)
	dst = append(dst, "<strong>Sponsored content from "...)
	dst = append(dst, sponsor...)
	dst = append(dst, "</strong> · "...)
	dst = append(dst, adCopyHTML[w.rng.IntN(len(adCopyHTML))]...)
	dst = append(dst, " <a href=\"/sponsored/"...)
	dst = append(dst, slugify(sponsor)...)
	dst = append(dst, "?cid="...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e8, 10)
	dst = append(dst, "\" rel=\"sponsored\">Learn more</a></p>"...)
	return append(dst, "</div>\n        </div>\n      </div>\n"...)
}

// appendFolioPoll renders an inline poll with a drawn question and vote
// count; the lite theme has none (it would need amp-form).
func appendFolioPoll(dst []byte, w *folioR) []byte {
	if w.lite {
		return dst
	}
	q := folioPolls[w.rng.IntN(len(folioPolls))]
	id := w.rng.Uint64() % 1e5
	dst = append(dst, "      <div class=\"field__item\">\n        <div class=\"paragraph paragraph--type--poll paragraph--view-mode--default\" data-paragraph-id=\""...)
	dst = strconv.AppendUint(dst, 100000+id, 10)
	dst = append(dst, "\">\n          <form class=\"poll-view-form\" action=\"/poll/"...)
	dst = strconv.AppendUint(dst, id, 10)
	dst = append(dst, "/vote\" method=\"post\"><p class=\"poll__question\">"...)
	dst = append(dst, q[0]...)
	dst = append(dst, "</p>"...)
	for k, o := range q[1:] {
		dst = append(dst, "<label><input type=\"radio\" name=\"choice\" value=\""...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\"> "...)
		dst = append(dst, o...)
		dst = append(dst, "</label>"...)
	}
	dst = append(dst, "<button type=\"submit\">Vote</button><p class=\"poll__total\">"...)
	dst = appendThousands(dst, 200+w.rng.IntN(20000))
	return append(dst, " votes</p></form>\n        </div>\n      </div>\n"...)
}

// appendFolioVideo renders the video playlist: an <x-embed> whose player
// and drawn title sit in its declarative shadow root, or an <amp-iframe>
// in the lite theme.
func appendFolioVideo(dst []byte, w *folioR) []byte {
	title := folioVideos[w.rng.IntN(len(folioVideos))]
	id := w.rng.Uint64() % 1e9
	dst = append(dst, "      <div class=\"field__item\">\n        <div class=\"paragraph paragraph--type--video-playlist paragraph--view-mode--default\">"...)
	if w.lite {
		dst = append(dst, "<amp-iframe width=\"16\" height=\"9\" layout=\"responsive\" sandbox=\"allow-scripts allow-same-origin\" title=\""...)
		dst = append(dst, title...)
		dst = append(dst, "\" src=\"https://players.example.net/embed/"...)
		dst = strconv.AppendUint(dst, id, 10)
		dst = append(dst, "\"><amp-img layout=\"fill\" src=\"/media/video-"...)
		dst = strconv.AppendUint(dst, id%40, 10)
		return append(dst, ".jpg\" placeholder></amp-img></amp-iframe></div>\n      </div>\n"...)
	}
	dst = append(dst, "<x-embed type=\"video-playlist\" playlist=\""...)
	dst = strconv.AppendUint(dst, id, 10)
	dst = append(dst, "\"><template shadowrootmode=\"open\"><style>:host{display:block;aspect-ratio:16/9;background:#000}</style><div part=\"label\">Featured video</div><p part=\"title\">"...)
	dst = append(dst, title...)
	dst = append(dst, "</p><iframe loading=\"lazy\" src=\"https://players.example.net/embed/"...)
	dst = strconv.AppendUint(dst, id, 10)
	dst = append(dst, "?autoplay=muted\" title=\"Video player\" allow=\"autoplay; fullscreen\"></iframe></template><a href=\"/video/"...)
	dst = strconv.AppendUint(dst, id, 10)
	dst = append(dst, "\">Watch the video</a></x-embed></div>\n      </div>\n"...)
	return dst
}

// appendFolioMostPopular renders a "Most popular" list of five drawn
// headlines in a wrapper of class class.
func appendFolioMostPopular(dst []byte, w *folioR, class string) []byte {
	bp := &w.p.bp
	dst = append(dst, "<div class=\""...)
	dst = append(dst, class...)
	dst = append(dst, "\"><h2>Most popular</h2><ol>"...)
	for i, k := range bp.mostRead[:5] {
		dst = append(dst, "<li><a href=\"/popular/"...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "?itm_campaign=mostpop\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	return append(dst, "</ol></div>\n"...)
}

// appendFolioLive renders a live page's stream: a "N new updates" banner
// (N drawn), then every paragraph as a live-update <article>, newest
// first, with inserts after drawn updates.
func appendFolioLive(dst []byte, w *folioR) []byte {
	p, rng := w.p, w.rng
	r := &p.rev
	n := len(r.Paragraphs)
	sponsor := rng.IntN(max(n, 1))
	popular := rng.IntN(max(n, 1))
	count := 1 + rng.IntN(9)
	dst = append(dst, "    <folio-live-banner class=\"live-banner\" role=\"status\" data-since=\""...)
	dst = strconv.AppendInt(dst, w.now.Unix(), 10)
	dst = append(dst, "\"><button type=\"button\">"...)
	dst = strconv.AppendInt(dst, int64(count), 10)
	if count == 1 {
		dst = append(dst, " new update"...)
	} else {
		dst = append(dst, " new updates"...)
	}
	dst = append(dst, "</button></folio-live-banner>\n    <div class=\"field field--name-field-updates field--type-entity-reference field--label-hidden field__items\">\n"...)
	for k, j := n-1, 0; k >= 0; k, j = k-1, j+1 {
		dst = appendFolioUpdate(dst, w, k)
		if j%4 == 3 {
			dst = appendFolioAd(dst, w, j/4+1)
		}
		if j == sponsor {
			dst = appendFolioSponsored(dst, w)
		}
		if j == popular {
			dst = append(dst, "      <div class=\"field__item\">"...)
			dst = appendFolioMostPopular(dst, w, "paragraph paragraph--type--recirculation paragraph--view-mode--default")
			dst = append(dst, "</div>\n"...)
		}
	}
	return append(dst, "    </div>\n"...)
}

// appendFolioUpdate renders live update k: its <time>, the paragraph and
// share links to its anchor.
func appendFolioUpdate(dst []byte, w *folioR, k int) []byte {
	p := w.p
	r := &p.rev
	at := spaEntryTime(r, k)
	anchor := w.pids[k]
	dst = append(dst, "      <div class=\"field__item\">\n        <article class=\"node node--type-live-update node--view-mode-teaser\" id=\"update-"...)
	dst = appendHex(dst, anchor, 6)
	dst = append(dst, "\" data-paragraph-id=\""...)
	dst = strconv.AppendInt(dst, folioEntityID(anchor), 10)
	dst = append(dst, "\">\n          <header><time datetime=\""...)
	dst = at.AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">"...)
	dst = at.AppendFormat(dst, "15:04 MST")
	dst = append(dst, "</time></header>\n          <div class=\"clearfix text-formatted field field--name-body field--type-text-long field--label-hidden field__item\">"...)
	dst = appendFolioPara(dst, w, k)
	dst = append(dst, "</div>\n          <footer class=\"share\"><a href=\"https://twitter.com/intent/tweet?url="...)
	u := url.QueryEscape(w.base + p.a.path + "#update-")
	dst = appendHTML(dst, u)
	dst = appendHex(dst, anchor, 6)
	dst = append(dst, "\">Share on X</a> <a href=\"https://www.facebook.com/sharer/sharer.php?u="...)
	dst = appendHTML(dst, u)
	dst = appendHex(dst, anchor, 6)
	dst = append(dst, "\">Facebook</a> <a href=\"#update-"...)
	dst = appendHex(dst, anchor, 6)
	return append(dst, "\" class=\"copy-link\">Copy link</a></footer>\n        </article>\n      </div>\n"...)
}

// appendFolioLD writes the JSON-LD as schema_metatag writes it: an
// "@graph" whose first node is the NewsArticle (LiveBlogPosting on live
// pages, with its updates newest first); articleBody is the paragraphs
// joined by blank lines.
func appendFolioLD(dst []byte, w *folioR, canonical string, live bool) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, `{"@context":"https://schema.org","@graph":[{"@type":`...)
	if live {
		dst = append(dst, `"LiveBlogPosting"`...)
	} else {
		dst = append(dst, `"NewsArticle"`...)
	}
	dst = append(dst, `,"@id":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-0700")
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05-0700")
	dst = append(dst, `","author":{"@type":"Person","name":`...)
	dst = appendJSON(dst, bylineName(r.Byline))
	dst = append(dst, `},"publisher":{"@type":"Organization","@id":"`...)
	dst = append(dst, jsonURL(w.base)...)
	dst = append(dst, `/#organization","name":`...)
	dst = appendJSON(dst, a.site)
	dst = append(dst, `},"articleBody":`...)
	dst = appendJSONJoined(dst, p, `\n\n`)
	if live {
		dst = append(dst, `,"liveBlogUpdate":[`...)
		for k := len(r.Paragraphs) - 1; k >= 0; k-- {
			if k < len(r.Paragraphs)-1 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"@type":"BlogPosting","datePublished":"`...)
			dst = spaEntryTime(r, k).AppendFormat(dst, "2006-01-02T15:04:05-0700")
			dst = append(dst, `","articleBody":`...)
			dst = appendJSONF(dst, r.Paragraphs[k], p.flags.para(k))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `},{"@type":"WebSite","@id":"`...)
	dst = append(dst, jsonURL(w.base)...)
	dst = append(dst, `/#website","name":`...)
	dst = appendJSON(dst, a.site)
	return append(dst, "}]}"...)
}

// appendJSONJoined appends, as one JSON string, page p's paragraphs joined
// by sep (already JSON-escaped).
func appendJSONJoined(dst []byte, p *pageSnap, sep string) []byte {
	dst = append(dst, '"')
	for i, para := range p.rev.Paragraphs {
		if i > 0 {
			dst = append(dst, sep...)
		}
		if p.flags.para(i)&cleanJSON != 0 {
			dst = append(dst, para...)
		} else {
			dst = appendJSONChars(dst, para, &jsonEsc, &jsonPlain)
		}
	}
	return append(dst, '"')
}

// jsonURL is a URL inside a JSON string: the base has nothing to escape
// but its slashes, which Drupal's encoder keeps.
func jsonURL(s string) []byte {
	b := appendJSON(nil, s)
	return b[1 : len(b)-1]
}

// appendFolioState writes __APP_STATE__: the node with its body as the
// front end hydrates it (each paragraph's anchor id, entity id and text),
// beside per-request values: request id, render time, cache tags, ad
// slots and an experiment arm.
func appendFolioState(dst []byte, w *folioR, live bool) []byte {
	p, rng := w.p, w.rng
	a, r := p.a, &p.rev
	dst = append(dst, `{"route":"entity.node.canonical","node":{"nid":`...)
	dst = strconv.AppendInt(dst, int64(w.nid), 10)
	dst = append(dst, `,"uuid":"`...)
	dst = appendSPAArticleID(dst, p.idx)
	dst = append(dst, `","type":`...)
	if live {
		dst = append(dst, `"live_update_stream"`...)
	} else {
		dst = append(dst, `"article"`...)
	}
	dst = append(dst, `,"title":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"section":`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `,"byline":`...)
	dst = appendJSON(dst, r.Byline)
	dst = append(dst, `,"created":`...)
	dst = strconv.AppendInt(dst, r.Published.Unix(), 10)
	dst = append(dst, `,"changed":`...)
	dst = strconv.AppendInt(dst, r.Modified.Unix(), 10)
	dst = append(dst, `,"body":[`...)
	for i, s := range r.Paragraphs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":"p-`...)
		dst = appendHex(dst, w.pids[i], 6)
		dst = append(dst, `","type":"text","value":`...)
		dst = appendJSONF(dst, s, p.flags.para(i))
		dst = append(dst, '}')
	}
	dst = append(dst, `]},"request":{"id":"`...)
	dst = append(dst, w.rid...)
	dst = append(dst, `","renderedAt":`...)
	dst = strconv.AppendInt(dst, w.now.UnixMilli(), 10)
	dst = append(dst, `,"cacheTags":["node:`...)
	dst = strconv.AppendInt(dst, int64(w.nid), 10)
	dst = append(dst, `","node_list","config:system.site"],"edge":"`...)
	dst = append(dst, [...]string{"AMS", "FRA", "LHR", "CDG", "WAW"}[rng.IntN(5)]...)
	dst = append(dst, `"},"ads":{"slots":[`...)
	for k := range 3 {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `"div-gpt-`...)
		dst = strconv.AppendUint(dst, rng.Uint64()%1e10, 36)
		dst = append(dst, '"')
	}
	dst = append(dst, `]},"experiments":{"audioPlayer":"`...)
	dst = append(dst, "AB"[rng.IntN(2)])
	return append(dst, `"}}`...)
}

// appendFolioLite renders page p in the AMP lite theme: the same node,
// header and paragraphs field, with <amp-img>, <amp-ad> and <amp-iframe>
// and the state in an <amp-state>.
func appendFolioLite(dst []byte, w *folioR) []byte {
	p := w.p
	a, r, bp := p.a, &p.rev, &p.bp
	canonical := w.base + a.path
	idx := p.idx
	caption := spaCaptions[idx%len(spaCaptions)]
	dst = append(dst, "<!doctype html>\n<html ⚡ lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<script async src=\"https://cdn.ampproject.org/v0.js\"></script>\n<script async custom-element=\"amp-ad\" src=\"https://cdn.ampproject.org/v0/amp-ad-0.1.js\"></script>\n<script async custom-element=\"amp-iframe\" src=\"https://cdn.ampproject.org/v0/amp-iframe-0.1.js\"></script>\n<script async custom-element=\"amp-bind\" src=\"https://cdn.ampproject.org/v0/amp-bind-0.1.js\"></script>\n<script async custom-element=\"amp-audio\" src=\"https://cdn.ampproject.org/v0/amp-audio-0.1.js\"></script>\n<title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " | "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-0700")
	dst = append(dst, "\">\n<meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05-0700")
	dst = append(dst, "\">\n<script type=\"application/ld+json\">"...)
	dst = appendFolioLD(dst, w, canonical, false)
	dst = append(dst, "</script>\n<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}</style></noscript>\n<style amp-custom>body{font-family:Georgia,serif;margin:0 16px}.node__header h1{font-size:1.75rem}.media__credit{font-size:.75rem;color:#666}blockquote{border-left:4px solid #0b5394;padding-left:12px}</style>\n</head>\n<body class=\"amp path-node page-node-type-article\">\n<header class=\"amp-header\"><a href=\""...)
	dst = appendHTML(dst, w.base)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a> <a href=\"/breaking/"...)
	dst = strconv.AppendInt(dst, int64(bp.ticker), 10)
	dst = append(dst, "\" class=\"amp-breaking\">"...)
	dst = append(dst, tickerHTML[bp.ticker]...)
	dst = append(dst, "</a></header>\n<amp-ad width=\"320\" height=\"50\" type=\"doubleclick\" data-slot=\"/2241/folio/article/top\" json='{\"targeting\":{\"rid\":\""...)
	dst = append(dst, w.rid[:8]...)
	dst = append(dst, "\"}}'></amp-ad>\n<article data-history-node-id=\""...)
	dst = strconv.AppendInt(dst, int64(w.nid), 10)
	dst = append(dst, "\" class=\"node node--type-article node--view-mode-amp\">\n"...)
	dst = appendFolioHeader(dst, w, false)
	dst = appendFolioAudio(dst, w)
	dst = append(dst, "    <figure class=\"media media--type-image media--view-mode-amp\"><amp-img src=\"/sites/default/files/styles/amp_1280/public/lead-"...)
	dst = strconv.AppendInt(dst, int64(idx), 10)
	dst = append(dst, ".jpg\" width=\"1280\" height=\"720\" layout=\"responsive\" alt=\""...)
	dst = appendHTML(dst, caption)
	dst = append(dst, "\"><noscript><img src=\"/sites/default/files/lead-"...)
	dst = strconv.AppendInt(dst, int64(idx), 10)
	dst = append(dst, ".jpg\" width=\"1280\" height=\"720\" alt=\""...)
	dst = appendHTML(dst, caption)
	dst = append(dst, "\"></noscript></amp-img><figcaption>"...)
	dst = appendHTML(dst, caption)
	dst = append(dst, " <span class=\"media__credit\">"...)
	dst = append(dst, folioCredit(w)...)
	dst = append(dst, "</span></figcaption></figure>\n"...)
	dst = appendFolioBody(dst, w)
	dst = append(dst, "</article>\n"...)
	dst = appendFolioMostPopular(dst, w, "amp-most-popular")
	dst = append(dst, "<amp-state id=\"__APP_STATE__\"><script type=\"application/json\">"...)
	dst = appendFolioState(dst, w, false)
	dst = append(dst, "</script></amp-state>\n<footer class=\"amp-footer\"><a href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "?full\">View the full site</a> · "...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " comments · © "...)
	dst = r.Published.UTC().AppendFormat(dst, "2006")
	dst = append(dst, ' ')
	dst = appendHTML(dst, a.site)
	return append(dst, "</footer>\n</body>\n</html>\n"...)
}
