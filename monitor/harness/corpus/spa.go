package corpus

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The "spa" template family is written as a modern JavaScript-framework
// news site serves its pages after server-side rendering (a React front end
// on Next.js's pages router, styled with Emotion, fed by a headless CMS),
// kept as a held-out family: it was written without reading storywatch's
// extraction or learning code. Its conventions:
//
//   - the page is React's renderToString output: no whitespace between
//     elements, self-closing void tags, "<!-- -->" between adjacent text
//     nodes ("Updated <!-- -->12<!-- --> minutes ago"), text escaped as
//     React does (&quot;, &#x27;);
//   - every class name is an Emotion hash ("css-1q2w3e"), stable for a
//     site's build, except those of components whose style depends on
//     per-request props (the "Updated" stamp's colour, an ad slot's
//     height); Emotion writes each class's <style data-emotion> element
//     right before the first element that uses it, inside the body too;
//   - the article body is many sibling blocks, as the CMS stores it: the
//     byline block, the image block, then text blocks; each
//     <div data-component="text-block"> wraps an inner <div> holding one
//     or two paragraphs; a paragraph is a <p>, or a <div> of <span>s per
//     sentence, or a <p> with an inline link, emphasis or two text nodes;
//     subheadline blocks (<h2>) stand between the text blocks;
//   - a hydration state, <script id="__NEXT_DATA__" type="application/json">,
//     repeats the article as blocks beside per-request values: a request
//     id, the render time, a/b flags, related links and recommendations;
//     the JSON-LD NewsArticle (LiveBlogPosting on live pages) carries the
//     text as articleBody;
//   - lazy images with srcset and a <noscript> fallback, a <template> paywall
//     offer in the body, a tracking pixel in a <noscript>;
//   - one article in eight is a live blog: key events, a pinned post, then
//     entries as <article>s with their time, newest first.
//
// Per request, with Options.RotateBoilerplate: the request id and render
// time (in data-* attributes and the state), the a/b variant, and inside
// the body container: the byline block's "Updated N minutes ago" stamp
// (and its class) and live entries' "N min ago", computed from the render
// time, the comment count, "More on this story" cards and a "Read more"
// promo with drawn headlines, ad slots with random ids and sizes at drawn
// places, a newsletter sign-up at a drawn place (at the end in variant B);
// outside it, the navigation order, the breaking-news line and "Most
// read". The article text (headline,
// byline, paragraphs, subheadlines, caption, key events) and the stable
// class names change only when Revise edits the article.

// spaLiveEvery and spaLiveAt make every article whose index is spaLiveAt
// modulo spaLiveEvery a live blog.
const (
	spaLiveEvery = 8
	spaLiveAt    = 3
)

// spaWordsPerMinute sets the "N min read" figure.
const spaWordsPerMinute = 230

// Components whose class names Emotion generates. The values index
// spaStyles and spaSite.class; a render marks each as styled once.
const (
	scRoot = iota
	scSkip
	scHeader
	scLogo
	scNav
	scNavLink
	scSubscribe
	scBreaking
	scMain
	scArticle
	scHead
	scKicker
	scLiveBadge
	scHeadline
	scMeta
	scByline
	scTime
	scStampFresh // the "Updated" stamp within ten minutes of an update
	scStampStale
	scComments
	scBody
	scFigure
	scImgWrap
	scImg
	scCaption
	scCredit
	scTextBlock
	scTextInner
	scPara
	scParaDiv
	scSpan
	scLink
	scSubhead
	scAd250 // an ad slot's class follows its drawn height
	scAd600
	scAd90
	scAdLabel
	scLinks
	scLinksHead
	scCard
	scCardTitle
	scCardTime
	scPromo
	scNewsletter
	scInput
	scButton
	scPaywall
	scKeyEvents
	scPinned
	scEntry
	scEntryHead
	scEntryTime
	scEntryAgo
	scNewUpdates
	scTags
	scCommentBox
	scAside
	scFooter
	scCount
)

// spaR.styled is a 64-bit set of components.
var _ [64 - scCount]struct{}

// spaStyles are the rules behind each component's class, in scRoot order.
var spaStyles = [scCount]string{
	"display:flex;flex-direction:column;min-height:100vh;",
	"position:absolute;left:-9999px;",
	"display:flex;align-items:center;justify-content:space-between;padding:0 16px;border-bottom:1px solid #dcdcdc;",
	"display:block;width:160px;height:32px;",
	"display:flex;gap:12px;list-style:none;margin:0;padding:0;overflow-x:auto;",
	"color:#121212;font-weight:700;text-decoration:none;",
	"background:#052962;color:#fff;border-radius:20px;padding:6px 14px;",
	"background:#c70000;color:#fff;padding:4px 16px;font-size:14px;",
	"max-width:1300px;margin:0 auto;display:grid;grid-template-columns:1fr 300px;gap:24px;",
	"grid-column:1;",
	"margin-bottom:16px;",
	"color:#c70000;font-weight:700;text-decoration:none;",
	"background:#c70000;color:#fff;padding:2px 6px;margin-right:8px;text-transform:uppercase;",
	"font-family:Georgia,serif;font-size:2.25rem;line-height:1.15;margin:8px 0;",
	"display:flex;flex-wrap:wrap;gap:8px;color:#707070;font-size:14px;",
	"font-weight:700;color:#121212;",
	"color:#707070;",
	"color:#c70000;font-weight:700;",
	"color:#707070;",
	"margin-left:auto;color:#121212;",
	"font-family:Georgia,serif;font-size:1.125rem;line-height:1.6;",
	"margin:0 0 24px;",
	"position:relative;padding-bottom:56.25%;",
	"position:absolute;height:100%;width:100%;object-fit:cover;color:transparent;",
	"font-size:14px;color:#707070;padding-top:8px;",
	"text-transform:uppercase;font-size:12px;margin-left:6px;",
	"margin:0;",
	"max-width:640px;",
	"margin:0 0 1rem;",
	"margin:0 0 1rem;display:block;",
	"display:inline;",
	"color:#052962;text-decoration:underline;text-underline-offset:3px;",
	"font-size:1.375rem;font-weight:700;margin:32px 0 12px;",
	"min-height:250px;background:#f6f6f6;margin:24px 0;text-align:center;",
	"min-height:600px;background:#f6f6f6;margin:24px 0;text-align:center;",
	"min-height:90px;background:#f6f6f6;margin:24px 0;text-align:center;",
	"font-size:11px;text-transform:uppercase;color:#707070;",
	"border-top:2px solid #121212;margin:32px 0;padding-top:8px;",
	"font-size:1rem;font-weight:700;margin:0 0 12px;",
	"display:grid;grid-template-columns:120px 1fr;gap:12px;text-decoration:none;color:inherit;",
	"font-weight:700;font-size:1rem;",
	"display:block;color:#707070;font-size:12px;",
	"border-left:4px solid #c70000;padding-left:12px;font-weight:700;",
	"background:#fef9e6;padding:16px;margin:24px 0;border-radius:4px;",
	"padding:8px;border:1px solid #707070;width:100%;",
	"background:#121212;color:#fff;padding:8px 16px;border:0;",
	"background:#052962;color:#fff;padding:24px;",
	"background:#f6f6f6;padding:16px;margin-bottom:24px;",
	"border:2px solid #c70000;padding:12px;margin-bottom:24px;",
	"border-top:1px solid #c70000;padding:12px 0;",
	"display:flex;gap:8px;align-items:baseline;",
	"font-weight:700;",
	"color:#707070;font-size:13px;",
	"position:sticky;top:8px;background:#c70000;color:#fff;border:0;padding:6px 12px;",
	"display:flex;gap:8px;flex-wrap:wrap;list-style:none;padding:0;",
	"border-top:1px solid #dcdcdc;padding:16px 0;",
	"grid-column:2;",
	"background:#121212;color:#fff;padding:32px 16px;",
}

// spaSite is one site's build: its Next.js build id, its chunk hash and
// the class names Emotion hashed from the site's styles.
type spaSite struct {
	build string
	chunk string
	class [scCount]string // "css-1q2w3e"
	style [scCount]string // the <style data-emotion> element defining class
}

// spaSites caches the build of each site name: pages of one site share it.
var spaSites sync.Map // site name -> *spaSite

// spaSiteOf returns site's build, computing it on first use.
func spaSiteOf(site string) *spaSite {
	if v, ok := spaSites.Load(site); ok {
		return v.(*spaSite)
	}
	s := &spaSite{build: spaID(site, "build", 21), chunk: spaID(site, "chunk", 16)}
	for c := range s.class {
		h := fnv.New32a()
		h.Write([]byte(s.build))
		h.Write([]byte(spaStyles[c]))
		h.Write([]byte{byte(c)})
		hash := strconv.FormatUint(uint64(h.Sum32()), 36)
		s.class[c] = "css-" + hash
		s.style[c] = `<style data-emotion="css ` + hash + `">.css-` + hash + `{` + spaStyles[c] + `}</style>`
	}
	v, _ := spaSites.LoadOrStore(site, s)
	return v.(*spaSite)
}

// spaID derives an n-character id in the alphabet of Next.js build ids
// from site and purpose.
func spaID(site, purpose string, n int) string {
	const digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
	h := fnv.New64a()
	h.Write([]byte(site))
	h.Write([]byte{0})
	h.Write([]byte(purpose))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5fa))
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[rng.IntN(len(digits))]
	}
	return string(b)
}

var (
	spaSubheads = []string{"What happened", "What we know so far", "What comes next", "How we got here", "The reaction", "Why it matters", "The background", "What they said"}
	spaPitches  = []string{
		"Get our Morning Briefing: the day’s essential news, in your inbox at 7am.",
		"The Europe Desk: what matters across the continent, every weekday.",
		"Breaking news alerts: be the first to know when a story breaks.",
		"The Sunday Long Read: our best journalism of the week, hand-picked.",
	}
	spaCaptions = []string{
		"Delegations arrive for the talks on Tuesday morning",
		"Security was tight around the venue ahead of the meeting",
		"Officials briefed reporters after the first session",
		"The talks were the first of their kind in more than three years",
		"Crowds gathered outside the conference hall",
	}
	spaCredits = []string{"Getty Images", "EPA", "Reuters", "AFP via Getty Images", "PA Media"}
	spaTopics  = []string{"Peace talks", "Diplomacy", "Europe", "Security"}

	// Slugs of the pools, made once rather than per request.
	spaNavSlugs     = mapStrings(navSections[:], slugify)
	spaSubheadSlugs = mapStrings(spaSubheads, slugify)
	spaTopicSlugs   = mapStrings(spaTopics, slugify)
	spaAds          = [...]struct {
		comp   int
		height string
	}{{scAd250, "250"}, {scAd600, "600"}, {scAd90, "90"}}
)

// spaWords counts words as the front end does, text.split(" ").length per
// paragraph: cheaper per request than a scan for runs of spaces.
func spaWords(r *Revision) int {
	n := 0
	for _, p := range r.Paragraphs {
		n += strings.Count(p, " ") + 1
	}
	return n
}

// spaR holds one request's draw while a spa page renders.
type spaR struct {
	p      *pageSnap
	rng    *rand.Rand
	site   *spaSite
	base   string
	rid    []byte    // request id, a UUID
	now    time.Time // render time
	varB   bool      // a/b variant
	words  int       // the article's word count
	styled uint64    // components whose <style> was written
}

// spaLive reports whether article idx renders as a live blog.
func spaLive(idx int) bool { return idx%spaLiveEvery == spaLiveAt }

// open appends the <style> of component c if this render has not written
// it yet, then "<tag class="...""; the caller adds attributes and '>'.
func (w *spaR) open(dst []byte, tag string, c int) []byte {
	if w.styled&(1<<c) == 0 {
		w.styled |= 1 << c
		dst = append(dst, w.site.style[c]...)
	}
	dst = append(dst, '<')
	dst = append(dst, tag...)
	dst = append(dst, ` class="`...)
	dst = append(dst, w.site.class[c]...)
	return append(dst, '"')
}

// appendUUID appends a version-4 UUID drawn from rng.
func appendUUID(dst []byte, rng *rand.Rand) []byte {
	return appendUUIDOf(dst, rng.Uint64(), rng.Uint64())
}

// appendUUIDOf appends the version-4 UUID of the 128 bits a, b.
func appendUUIDOf(dst []byte, a, b uint64) []byte {
	a = a&^(0xf<<12) | 4<<12
	dst = appendHex(dst, a>>32, 8)
	dst = append(dst, '-')
	dst = appendHex(dst, a>>16, 4)
	dst = append(dst, '-')
	dst = appendHex(dst, a, 4)
	dst = append(dst, '-')
	dst = appendHex(dst, b>>48, 4)
	dst = append(dst, '-')
	return appendHex(dst, b, 12)
}

// appendSPAPage renders page p in the spa family.
func appendSPAPage(dst []byte, p *pageSnap, base string) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	rng := rand.New(rand.NewPCG(p.draw, 0x5fa))
	w := &spaR{p: p, rng: rng, site: spaSiteOf(a.site), base: base, words: spaWords(r)}
	w.rid = appendUUID(nil, rng)
	w.now = r.Modified.Add(time.Duration(bp.updatedMins)*time.Minute + time.Duration(rng.IntN(60))*time.Second)
	w.varB = rng.IntN(2) == 1
	live := spaLive(p.idx)
	canonical := base + a.path

	dst = append(dst, `<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>`...)
	dst = appendReactF(dst, r.Title, p.flags.title)
	dst = append(dst, " | "...)
	dst = appendReact(dst, a.site)
	dst = append(dst, `</title><meta name="description" content="`...)
	dst = appendReactF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, `"/><link rel="canonical" href="`...)
	dst = appendReact(dst, canonical)
	dst = append(dst, `"/><meta property="og:type" content="article"/><meta property="og:title" content="`...)
	dst = appendReactF(dst, r.Title, p.flags.title)
	dst = append(dst, `"/><meta property="og:url" content="`...)
	dst = appendReact(dst, canonical)
	dst = append(dst, `"/><meta property="og:image" content="`...)
	dst = appendReact(dst, base)
	dst = append(dst, `/_next/image?url=%2Fmedia%2F`...)
	dst = strconv.AppendInt(dst, int64(p.idx), 10)
	dst = append(dst, `.jpg&amp;w=1200&amp;q=75"/><meta property="article:published_time" content="`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `"/><meta property="article:modified_time" content="`...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `"/><meta name="next-head-count" content="11"/><link rel="preload" href="/_next/static/media/`...)
	dst = append(dst, w.site.chunk...)
	dst = append(dst, `.p.woff2" as="font" type="font/woff2" crossorigin="anonymous" data-next-font="size-adjust"/><link rel="preload" href="/_next/static/css/`...)
	dst = append(dst, w.site.chunk...)
	dst = append(dst, `.css" as="style"/><link rel="stylesheet" href="/_next/static/css/`...)
	dst = append(dst, w.site.chunk...)
	dst = append(dst, `.css" data-n-g=""/><noscript data-n-css=""></noscript><script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script>`...)
	for _, chunk := range [...]string{"webpack", "framework", "main", "pages/_app", "pages/%5Bsection%5D/%5B...slug%5D"} {
		dst = append(dst, `<script src="/_next/static/chunks/`...)
		dst = append(dst, chunk...)
		dst = append(dst, '-')
		dst = append(dst, w.site.chunk...)
		dst = append(dst, `.js" defer=""></script>`...)
	}
	for _, m := range [...]string{"_buildManifest", "_ssgManifest"} {
		dst = append(dst, `<script src="/_next/static/`...)
		dst = append(dst, w.site.build...)
		dst = append(dst, '/')
		dst = append(dst, m...)
		dst = append(dst, `.js" defer=""></script>`...)
	}
	dst = append(dst, `<style data-emotion="css-global 1prdv0a">html{-webkit-text-size-adjust:100%;}body{margin:0;font-family:"Helvetica Neue",Arial,sans-serif;color:#121212;}</style><script type="application/ld+json">`...)
	dst = appendSPALD(dst, w, canonical, live)
	dst = append(dst, `</script></head><body><div id="__next">`...)

	dst = w.open(dst, "div", scRoot)
	dst = append(dst, ` data-rid="`...)
	dst = append(dst, w.rid...)
	dst = append(dst, `" data-ab="`...)
	dst = append(dst, "AB"[b2i(w.varB)])
	dst = append(dst, `">`...)
	dst = w.open(dst, "a", scSkip)
	dst = append(dst, ` href="#main-content">Skip to content</a>`...)
	dst = appendSPAMasthead(dst, w)
	dst = appendSPAAd(dst, w, "top", 2)

	dst = w.open(dst, "main", scMain)
	dst = append(dst, ` id="main-content">`...)
	dst = w.open(dst, "article", scArticle)
	dst = append(dst, ` data-article-id="`...)
	dst = appendSPAArticleID(dst, p.idx)
	dst = append(dst, `">`...)
	dst = appendSPAHeader(dst, w, live)

	dst = w.open(dst, "div", scBody)
	dst = append(dst, ` data-component="article-body" data-rid="`...)
	dst = append(dst, w.rid...)
	dst = append(dst, `" data-render-ts="`...)
	dst = strconv.AppendInt(dst, w.now.UnixMilli(), 10)
	dst = append(dst, `">`...)
	dst = appendSPAByline(dst, w, live)
	if live {
		dst = appendSPALive(dst, w)
	} else {
		dst = appendSPABody(dst, w)
	}
	dst = append(dst, `<template id="paywall-offer" data-variant="`...)
	dst = append(dst, "AB"[b2i(w.varB)])
	dst = append(dst, `">`...)
	dst = w.open(dst, "div", scPaywall)
	dst = append(dst, `><h2>Support independent journalism</h2><p>Subscribe from €1 a week to keep reading.</p><a href="/subscribe?ref=paywall">Subscribe</a></div></template></div>`...)

	dst = w.open(dst, "ul", scTags)
	dst = append(dst, ` data-component="tag-list">`...)
	for k := 0; k < 3; k++ {
		t, slug := a.section, a.sectionSlug
		if k > 0 {
			j := (p.idx + k) % len(spaTopics)
			if spaTopics[j] == a.section {
				j = (j + 2) % len(spaTopics)
			}
			t, slug = spaTopics[j], spaTopicSlugs[j]
		}
		dst = append(dst, `<li><a href="/topics/`...)
		dst = append(dst, slug...)
		dst = append(dst, `">`...)
		dst = appendReact(dst, t)
		dst = append(dst, `</a></li>`...)
	}
	dst = append(dst, `</ul>`...)
	dst = w.open(dst, "section", scCommentBox)
	dst = append(dst, ` id="comments" data-count="`...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, `"><h2>Comments (<!-- -->`...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, `<!-- -->)</h2><noscript><p>Please enable JavaScript to view the comments.</p></noscript><button type="button">View comments</button></section></article>`...)

	dst = w.open(dst, "aside", scAside)
	dst = append(dst, ` data-component="most-read"><h2>Most read</h2><ol>`...)
	for i, k := range bp.mostRead {
		dst = append(dst, `<li><a href="/most-read/`...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, `?rid=`...)
		dst = append(dst, w.rid[:8]...)
		dst = append(dst, `">`...)
		dst = appendReact(dst, mostReadPool[k])
		dst = append(dst, `</a></li>`...)
	}
	dst = append(dst, `</ol>`...)
	dst = appendSPAAd(dst, w, "side", 0)
	dst = append(dst, `</aside></main>`...)
	dst = w.open(dst, "footer", scFooter)
	dst = append(dst, `><nav><a href="/about">About us</a><a href="/contact">Contact</a><a href="/terms">Terms</a><a href="/privacy">Privacy policy</a><a href="/cookies">Cookie settings</a></nav><p>© <!-- -->`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006")
	dst = append(dst, `<!-- --> `...)
	dst = appendReact(dst, a.site)
	dst = append(dst, `</p></footer></div></div><script id="__NEXT_DATA__" type="application/json">`...)
	dst = appendSPAState(dst, w, live)
	dst = append(dst, `</script><noscript><img height="1" width="1" style="display:none" alt="" src="https://px.example.net/p?rid=`...)
	dst = append(dst, w.rid...)
	dst = append(dst, `&amp;t=`...)
	dst = strconv.AppendInt(dst, w.now.UnixMilli(), 10)
	return append(dst, `"/></noscript></body></html>`...)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// appendSPAArticleID appends the CMS's id of article idx, a UUID derived
// from the index.
func appendSPAArticleID(dst []byte, idx int) []byte {
	return appendUUIDOf(dst, spaMix(uint64(idx)), spaMix(^uint64(idx)))
}

// spaMix is the SplitMix64 finaliser: ids derived from indices look drawn.
func spaMix(v uint64) uint64 {
	v += 0x9e3779b97f4a7c15
	v = (v ^ v>>30) * 0xbf58476d1ce4e5b9
	v = (v ^ v>>27) * 0x94d049bb133111eb
	return v ^ v>>31
}

// appendHex appends the n low hex digits of v, most significant first.
func appendHex(dst []byte, v uint64, n int) []byte {
	const digits = "0123456789abcdef"
	for k := n - 1; k >= 0; k-- {
		dst = append(dst, digits[v>>(4*k)&0xf])
	}
	return dst
}

// appendSPAMasthead renders the header, navigation and breaking-news line.
func appendSPAMasthead(dst []byte, w *spaR) []byte {
	bp := &w.p.bp
	dst = w.open(dst, "header", scHeader)
	dst = append(dst, ` data-component="masthead">`...)
	dst = w.open(dst, "a", scLogo)
	dst = append(dst, ` href="/" aria-label="`...)
	dst = appendReact(dst, w.p.a.site)
	dst = append(dst, ` home"><svg viewBox="0 0 160 32" aria-hidden="true"><use href="#logo"></use></svg></a><nav aria-label="Sections">`...)
	dst = w.open(dst, "ul", scNav)
	dst = append(dst, `>`...)
	for _, k := range bp.nav {
		dst = append(dst, `<li>`...)
		dst = w.open(dst, "a", scNavLink)
		dst = append(dst, ` href="/`...)
		dst = append(dst, spaNavSlugs[k]...)
		dst = append(dst, `">`...)
		dst = append(dst, navSections[k]...)
		dst = append(dst, `</a></li>`...)
	}
	dst = append(dst, `</ul></nav>`...)
	dst = w.open(dst, "a", scSubscribe)
	dst = append(dst, ` href="/subscribe?ref=header&amp;ab=`...)
	dst = append(dst, "AB"[b2i(w.varB)])
	dst = append(dst, `">`...)
	if w.varB {
		dst = append(dst, `Support us`...)
	} else {
		dst = append(dst, `Subscribe`...)
	}
	dst = append(dst, `</a></header>`...)
	dst = w.open(dst, "div", scBreaking)
	dst = append(dst, ` data-component="breaking" role="status"><strong>Breaking</strong><!-- --> <!-- --><a href="/live/`...)
	dst = strconv.AppendInt(dst, int64(bp.ticker), 10)
	dst = append(dst, `">`...)
	dst = appendReact(dst, tickerPool[bp.ticker])
	return append(dst, `</a></div>`...)
}

// appendSPAHeader renders the article's header: kicker and headline.
func appendSPAHeader(dst []byte, w *spaR, live bool) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = w.open(dst, "header", scHead)
	dst = append(dst, `>`...)
	dst = w.open(dst, "a", scKicker)
	dst = append(dst, ` href="/`...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, `">`...)
	dst = appendReact(dst, a.section)
	dst = append(dst, `</a>`...)
	dst = w.open(dst, "h1", scHeadline)
	dst = append(dst, ` id="main-heading">`...)
	if live {
		dst = w.open(dst, "span", scLiveBadge)
		dst = append(dst, `>Live</span>`...)
	}
	dst = appendReactF(dst, r.Title, p.flags.title)
	return append(dst, `</h1></header>`...)
}

// appendSPAByline renders the byline block, the body's first block as the
// CMS stores it: byline, date, the rotating "Updated" stamp, the reading
// time and the comment count.
func appendSPAByline(dst []byte, w *spaR, live bool) []byte {
	p := w.p
	r := &p.rev
	dst = w.open(dst, "div", scMeta)
	dst = append(dst, ` data-component="byline-block">`...)
	if name := bylineName(r.Byline); name != "" {
		dst = w.open(dst, "div", scByline)
		dst = append(dst, `><span>By<!-- --> </span><a href="/profile/`...)
		dst = append(dst, slugify(name)...)
		dst = append(dst, `">`...)
		dst = appendReact(dst, name)
		dst = append(dst, `</a></div>`...)
	}
	dst = w.open(dst, "time", scTime)
	dst = append(dst, ` dateTime="`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `">`...)
	dst = r.Published.UTC().AppendFormat(dst, "Mon 2 January 2006 15.04 MST")
	dst = append(dst, `</time>`...)
	mins := int(w.now.Sub(r.Modified) / time.Minute)
	stamp := scStampStale
	if mins < 10 {
		stamp = scStampFresh
	}
	dst = w.open(dst, "span", stamp)
	dst = append(dst, ` data-updated="`...)
	dst = strconv.AppendInt(dst, r.Modified.UnixMilli(), 10)
	dst = append(dst, `">Updated <!-- -->`...)
	dst = appendAgo(dst, w.now.Sub(r.Modified), true)
	dst = append(dst, `</span>`...)
	if !live {
		dst = w.open(dst, "span", scTime)
		dst = append(dst, `>`...)
		dst = strconv.AppendInt(dst, int64((w.words+spaWordsPerMinute-1)/spaWordsPerMinute), 10)
		dst = append(dst, `<!-- --> min read</span>`...)
	}
	dst = w.open(dst, "a", scComments)
	dst = append(dst, ` href="#comments" aria-label="Comments"><svg aria-hidden="true" viewBox="0 0 16 16"><use href="#comment"></use></svg><span>`...)
	dst = strconv.AppendInt(dst, int64(p.bp.commentCount), 10)
	return append(dst, `</span></a></div>`...)
}

// appendAgo appends d as the front end words it: "N minutes ago" up to
// two hours, then hours up to two days, then days (long), or "Nm ago",
// "Nh ago", "Nd ago" (short).
func appendAgo(dst []byte, d time.Duration, long bool) []byte {
	n, unit := int64(d/time.Minute), " minute"
	if long && d >= 2*time.Hour || !long && d >= time.Hour {
		n, unit = int64(d/time.Hour), " hour"
	}
	if d >= 48*time.Hour {
		n, unit = int64(d/(24*time.Hour)), " day"
	}
	dst = strconv.AppendInt(dst, n, 10)
	if !long {
		dst = append(dst, unit[1])
		return append(dst, " ago"...)
	}
	dst = append(dst, "<!-- -->"...)
	dst = append(dst, unit...)
	if n != 1 {
		dst = append(dst, 's')
	}
	return append(dst, " ago"...)
}

// spaJoins reports whether paragraph i of article idx shares the text
// block of paragraph i-1, as the CMS stores some pairs of paragraphs.
func spaJoins(idx, i int) bool { return i > 0 && (idx+i)%4 == 3 }

// spaBlocks counts the text blocks of an article of n paragraphs.
func spaBlocks(idx, n int) int {
	b := 0
	for i := range n {
		if !spaJoins(idx, i) {
			b++
		}
	}
	return b
}

// appendSPABody renders an article's body: the lead image, then its text
// blocks with subheadlines at fixed places and, after drawn blocks, ad
// slots, the "More on this story" cards, a "Read more" promo and the
// newsletter sign-up (after the last block in variant B).
func appendSPABody(dst []byte, w *spaR) []byte {
	p, rng := w.p, w.rng
	r := &p.rev
	n := len(r.Paragraphs)
	nb := spaBlocks(p.idx, n)
	// Gaps are numbered by the block they follow; draws stay inside the body.
	last := max(nb-1, 0)
	ad1 := rng.IntN(max(nb/2, 1))
	ad2 := nb/2 + rng.IntN(max(nb-nb/2, 1))
	cards := 1 + rng.IntN(max(nb-1, 1))
	promo := rng.IntN(max(nb, 1))
	letter := last
	if !w.varB {
		letter = rng.IntN(max(nb, 1))
	}
	sub1, sub2 := -1, -1
	if nb >= 5 {
		sub1 = nb / 2
	}
	if nb >= 9 {
		sub2 = 3 * nb / 4
	}

	dst = appendSPAFigure(dst, w)
	for i, b := 0, 0; i < n; b++ {
		if b == sub1 || b == sub2 {
			dst = append(dst, `<div data-component="subheadline-block">`...)
			dst = w.open(dst, "h2", scSubhead)
			dst = append(dst, ` id="`...)
			h := (p.idx + b) % len(spaSubheads)
			dst = append(dst, spaSubheadSlugs[h]...)
			dst = append(dst, `">`...)
			dst = append(dst, spaSubheads[h]...)
			dst = append(dst, `</h2></div>`...)
		}
		dst = w.open(dst, "div", scTextBlock)
		dst = append(dst, ` data-component="text-block">`...)
		dst = w.open(dst, "div", scTextInner)
		dst = append(dst, `>`...)
		dst = appendSPAPara(dst, w, i)
		for i++; i < n && spaJoins(p.idx, i); i++ {
			dst = appendSPAPara(dst, w, i)
		}
		dst = append(dst, `</div></div>`...)
		if b == ad1 {
			dst = appendSPAAd(dst, w, "inline1", 1)
		}
		if b == promo {
			dst = appendSPAPromo(dst, w)
		}
		if b == cards {
			dst = appendSPACards(dst, w)
		}
		if b == ad2 && b != ad1 {
			dst = appendSPAAd(dst, w, "inline2", 1)
		}
		if b == letter {
			dst = appendSPANewsletter(dst, w)
		}
	}
	return dst
}

// appendSPAFigure renders the lead image: a lazy <img> with srcset, its
// <noscript> fallback and the caption with its credit.
func appendSPAFigure(dst []byte, w *spaR) []byte {
	idx := w.p.idx
	caption := spaCaptions[idx%len(spaCaptions)]
	dst = w.open(dst, "figure", scFigure)
	dst = append(dst, ` data-component="image-block">`...)
	dst = w.open(dst, "div", scImgWrap)
	dst = append(dst, `>`...)
	dst = appendSPAImg(dst, w, "lead-", idx, caption)
	dst = append(dst, `<noscript><img alt="`...)
	dst = appendReact(dst, caption)
	dst = append(dst, `" src="/media/lead-`...)
	dst = strconv.AppendInt(dst, int64(idx), 10)
	dst = append(dst, `.jpg"/></noscript></div>`...)
	dst = w.open(dst, "figcaption", scCaption)
	dst = append(dst, `>`...)
	dst = appendReact(dst, caption)
	dst = w.open(dst, "span", scCredit)
	dst = append(dst, ` role="text"><span class="visually-hidden">Image source, </span>`...)
	dst = appendReact(dst, spaCredits[idx%len(spaCredits)])
	return append(dst, `</span></figcaption></figure>`...)
}

// appendSPAImg renders a Next.js lazy image of /media/PREFIXK.jpg.
func appendSPAImg(dst []byte, w *spaR, prefix string, k int, alt string) []byte {
	dst = w.open(dst, "img", scImg)
	dst = append(dst, ` alt="`...)
	dst = appendReact(dst, alt)
	dst = append(dst, `" loading="lazy" decoding="async" data-nimg="fill" sizes="(min-width: 1300px) 640px, 100vw" srcSet="`...)
	for j, width := range [...]string{"640", "750", "1080", "1920"} {
		if j > 0 {
			dst = append(dst, ", "...)
		}
		dst = append(dst, `/_next/image?url=%2Fmedia%2F`...)
		dst = append(dst, prefix...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, `.jpg&amp;w=`...)
		dst = append(dst, width...)
		dst = append(dst, `&amp;q=75 `...)
		dst = append(dst, width...)
		dst = append(dst, 'w')
	}
	dst = append(dst, `" src="/_next/image?url=%2Fmedia%2F`...)
	dst = append(dst, prefix...)
	dst = strconv.AppendInt(dst, int64(k), 10)
	return append(dst, `.jpg&amp;w=1920&amp;q=75"/>`...)
}

// Shapes of a body paragraph, fixed by the article's index and the
// paragraph's place, so that the markup changes only with the text.
const (
	spaPlain  = iota // <p>
	spaLinked        // <p> with a capitalised name linked to its topic
	spaNodes         // <p> of two text nodes, "first.<!-- --> <!-- -->rest"
	spaSpans         // <div> of one <span> per sentence
	spaMarked        // <p> with a quotation in <em> and a figure in <strong>
	spaPlain2
	spaShapes
)

// spaShape is the shape of paragraph i of article idx: a multiplicative
// hash of the two, so that every shape occurs in every article.
func spaShape(idx, i int) int {
	return int((uint32(idx)*2654435761 + uint32(i)*40503) >> 7 % spaShapes)
}

// spaMark is an inline element over s[a:b] of a paragraph s.
type spaMark struct {
	tag  string
	a, b int
}

// appendSPAPara renders paragraph i in its shape.
func appendSPAPara(dst []byte, w *spaR, i int) []byte {
	p := w.p
	s := p.rev.Paragraphs[i]
	// A part of a paragraph with nothing to escape has nothing either.
	f := p.flags.para(i)
	switch spaShape(p.idx, i) {
	case spaLinked:
		if a, b := capWord(s); b > a {
			dst = w.open(dst, "p", scPara)
			dst = append(dst, '>')
			dst = appendReactF(dst, s[:a], f)
			dst = w.open(dst, "a", scLink)
			dst = append(dst, ` href="/topics/`...)
			for k := range b - a {
				dst = append(dst, s[a+k]|0x20) // ASCII letters: lower case
			}
			dst = append(dst, `">`...)
			dst = append(dst, s[a:b]...)
			dst = append(dst, `</a>`...)
			dst = appendReactF(dst, s[b:], f)
			return append(dst, `</p>`...)
		}
	case spaNodes:
		if k := strings.Index(s, ". "); k > 0 {
			dst = w.open(dst, "p", scPara)
			dst = append(dst, '>')
			dst = appendReactF(dst, s[:k+1], f)
			dst = append(dst, `<!-- --> <!-- -->`...)
			dst = appendReactF(dst, s[k+2:], f)
			return append(dst, `</p>`...)
		}
	case spaSpans:
		dst = w.open(dst, "div", scParaDiv)
		dst = append(dst, ` data-block-type="paragraph">`...)
		for rest := s; rest != ""; {
			sentence := rest
			if k := strings.Index(rest, ". "); k >= 0 {
				sentence, rest = rest[:k+1], rest[k+2:]
			} else {
				rest = ""
			}
			dst = w.open(dst, "span", scSpan)
			dst = append(dst, '>')
			dst = appendReactF(dst, sentence, f)
			dst = append(dst, `</span>`...)
			if rest != "" {
				dst = append(dst, ' ')
			}
		}
		return append(dst, `</div>`...)
	case spaMarked:
		// A quotation in <em>, the first figure in <strong>, in text order;
		// a figure inside the quotation stays plain.
		marks := [2]spaMark{{"em", 0, 0}, {"strong", 0, 0}}
		marks[0].a, marks[0].b = quotation(s)
		marks[1].a, marks[1].b = figure(s)
		if marks[1].a < marks[0].a {
			marks[0], marks[1] = marks[1], marks[0]
		}
		if marks[0].b > marks[0].a || marks[1].b > marks[1].a {
			dst = w.open(dst, "p", scPara)
			dst = append(dst, '>')
			last := 0
			for _, m := range marks {
				if m.b <= m.a || m.a < last {
					continue
				}
				dst = appendReactF(dst, s[last:m.a], f)
				dst = append(dst, '<')
				dst = append(dst, m.tag...)
				dst = append(dst, '>')
				dst = appendReactF(dst, s[m.a:m.b], f)
				dst = append(dst, "</"...)
				dst = append(dst, m.tag...)
				dst = append(dst, '>')
				last = m.b
			}
			dst = appendReactF(dst, s[last:], f)
			return append(dst, `</p>`...)
		}
	}
	dst = w.open(dst, "p", scPara)
	dst = append(dst, '>')
	dst = appendReactF(dst, s, f)
	return append(dst, `</p>`...)
}

// appendSPAAd renders an empty ad slot, filled by script on a real site:
// a random id, a drawn size (whose class Emotion hashes from the height)
// unless size is fixed (0: 250, 2: 90), and a refresh interval.
func appendSPAAd(dst []byte, w *spaR, slot string, size int) []byte {
	if size == 1 {
		size = w.rng.IntN(2)
	}
	ad := spaAds[size]
	dst = w.open(dst, "div", ad.comp)
	dst = append(dst, ` id="div-gpt-ad-`...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e13, 10)
	dst = append(dst, `-0" data-ad-slot="`...)
	dst = append(dst, slot...)
	dst = append(dst, `" data-ad-height="`...)
	dst = append(dst, ad.height...)
	dst = append(dst, `" data-refresh="`...)
	dst = strconv.AppendInt(dst, int64(30+w.rng.IntN(4)*15), 10)
	dst = append(dst, `" aria-hidden="true">`...)
	dst = w.open(dst, "span", scAdLabel)
	return append(dst, `>Advertisement</span></div>`...)
}

// appendSPACards renders "More on this story": up to three drawn related
// articles as cards with lazy images.
func appendSPACards(dst []byte, w *spaR) []byte {
	p := w.p
	if p.nRelated == 0 {
		return dst
	}
	dst = w.open(dst, "section", scLinks)
	dst = append(dst, ` data-component="links-block" data-impression-id="`...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e12, 36)
	dst = append(dst, `">`...)
	dst = w.open(dst, "h2", scLinksHead)
	dst = append(dst, `>More on this story</h2><ul>`...)
	for k, l := range p.related[:min(p.nRelated, 3)] {
		dst = append(dst, `<li>`...)
		dst = w.open(dst, "a", scCard)
		dst = append(dst, ` href="`...)
		dst = appendReact(dst, w.base)
		dst = appendReact(dst, l.path)
		dst = append(dst, `" data-link-name="card-`...)
		dst = strconv.AppendInt(dst, int64(k+1), 10)
		dst = append(dst, `"><div>`...)
		dst = appendSPAImg(dst, w, "card-", w.rng.IntN(40), "")
		dst = append(dst, `</div><div>`...)
		dst = w.open(dst, "span", scCardTitle)
		dst = append(dst, '>')
		dst = appendReact(dst, l.title)
		dst = append(dst, `</span>`...)
		dst = w.open(dst, "span", scCardTime)
		dst = append(dst, '>')
		dst = appendAgo(dst, time.Duration(5+w.rng.IntN(600))*time.Minute, false)
		dst = append(dst, `</span></div></a></li>`...)
	}
	return append(dst, `</ul></section>`...)
}

// appendSPAPromo renders a one-line "Read more" promo of a drawn related
// article.
func appendSPAPromo(dst []byte, w *spaR) []byte {
	p := w.p
	if p.nRelated == 0 {
		return dst
	}
	l := p.related[w.rng.IntN(p.nRelated)]
	dst = w.open(dst, "aside", scPromo)
	dst = append(dst, ` data-component="inline-promo"><span>Read more: </span><a href="`...)
	dst = appendReact(dst, w.base)
	dst = appendReact(dst, l.path)
	dst = append(dst, `?ref=inline">`...)
	dst = appendReact(dst, l.title)
	return append(dst, `</a></aside>`...)
}

// appendSPANewsletter renders the sign-up form with a drawn pitch.
func appendSPANewsletter(dst []byte, w *spaR) []byte {
	k := w.rng.IntN(len(spaPitches))
	dst = w.open(dst, "div", scNewsletter)
	dst = append(dst, ` data-component="newsletter-signup" data-newsletter-id="`...)
	dst = strconv.AppendInt(dst, int64(4100+k), 10)
	dst = append(dst, `"><p>`...)
	dst = appendReact(dst, spaPitches[k])
	dst = append(dst, `</p><form action="/api/newsletters/subscribe" method="post"><label for="nl-`...)
	dst = append(dst, w.rid[:8]...)
	dst = append(dst, `">Email address</label>`...)
	dst = w.open(dst, "input", scInput)
	dst = append(dst, ` id="nl-`...)
	dst = append(dst, w.rid[:8]...)
	dst = append(dst, `" type="email" name="email" placeholder="you@example.com" required=""/>`...)
	dst = w.open(dst, "button", scButton)
	return append(dst, ` type="submit">Sign up</button></form><p><small>We use your sign-up to send you newsletters. You can unsubscribe at any time.</small></p></div>`...)
}

// spaEntryTime is when live entry k of revision r was posted: the newest
// entry at publication, each earlier one 11 minutes before it.
func spaEntryTime(r *Revision, k int) time.Time {
	return r.Published.Add(-time.Duration(len(r.Paragraphs)-1-k) * 11 * time.Minute).UTC()
}

// appendSPALive renders a live blog: key events (the first sentences of
// the newest entries), the pinned first paragraph, a "new updates" button,
// then the other paragraphs as entries newest first, with an ad after every
// third, and the cards and sign-up after drawn entries.
func appendSPALive(dst []byte, w *spaR) []byte {
	p, rng := w.p, w.rng
	r := &p.rev
	n := len(r.Paragraphs)
	cards := rng.IntN(max(n-1, 1))
	letter := rng.IntN(max(n-1, 1))

	dst = w.open(dst, "div", scKeyEvents)
	dst = append(dst, ` data-component="key-events"><h2>Key events</h2><ul>`...)
	for k := n - 1; k >= max(n-4, 1); k-- {
		dst = append(dst, `<li><a href="#block-`...)
		dst = appendSPABlockID(dst, p.idx, k)
		dst = append(dst, `"><time dateTime="`...)
		dst = spaEntryTime(r, k).AppendFormat(dst, "2006-01-02T15:04:05.000Z")
		dst = append(dst, `">`...)
		dst = spaEntryTime(r, k).AppendFormat(dst, "15.04 MST")
		dst = append(dst, `</time><span>`...)
		dst = appendReact(dst, firstSentence(r.Paragraphs[k]))
		dst = append(dst, `</span></a></li>`...)
	}
	dst = append(dst, `</ul></div>`...)
	if n > 0 {
		dst = w.open(dst, "div", scPinned)
		dst = append(dst, ` data-pinned="true"><div><svg aria-hidden="true" viewBox="0 0 16 16"><use href="#pin"></use></svg><span>Pinned post</span></div>`...)
		dst = appendSPAEntry(dst, w, 0)
		dst = append(dst, `</div>`...)
	}
	dst = w.open(dst, "button", scNewUpdates)
	dst = append(dst, ` type="button" hidden="" data-count="`...)
	dst = strconv.AppendInt(dst, int64(rng.IntN(4)), 10)
	dst = append(dst, `">Show new updates</button>`...)
	for k, j := n-1, 0; k >= 1; k, j = k-1, j+1 {
		dst = appendSPAEntry(dst, w, k)
		if j%3 == 2 {
			dst = appendSPAAd(dst, w, "liveblog-inline", 1)
		}
		if j == cards {
			dst = appendSPACards(dst, w)
		}
		if j == letter {
			dst = appendSPANewsletter(dst, w)
		}
	}
	return dst
}

// appendSPABlockID appends the CMS id of live entry k of article idx: 24
// hex digits, as the CMS's object ids.
func appendSPABlockID(dst []byte, idx, k int) []byte {
	v := spaMix(uint64(idx)<<20 | uint64(k))
	return appendHex(appendHex(dst, v, 16), spaMix(v), 8)
}

// appendSPAEntry renders live entry k: its time, a rotating "N min ago",
// the paragraph and a share button.
func appendSPAEntry(dst []byte, w *spaR, k int) []byte {
	r := &w.p.rev
	at := spaEntryTime(r, k)
	dst = w.open(dst, "article", scEntry)
	dst = append(dst, ` id="block-`...)
	dst = appendSPABlockID(dst, w.p.idx, k)
	dst = append(dst, `" data-block-ts="`...)
	dst = strconv.AppendInt(dst, at.UnixMilli(), 10)
	dst = append(dst, `">`...)
	dst = w.open(dst, "header", scEntryHead)
	dst = append(dst, '>')
	dst = w.open(dst, "time", scEntryTime)
	dst = append(dst, ` dateTime="`...)
	dst = at.AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `">`...)
	dst = at.AppendFormat(dst, "15.04 MST")
	dst = append(dst, `</time>`...)
	dst = w.open(dst, "span", scEntryAgo)
	dst = append(dst, '>')
	dst = appendAgo(dst, w.now.Sub(at), false)
	dst = append(dst, `</span></header><div>`...)
	dst = appendSPAPara(dst, w, k)
	return append(dst, `</div><footer><button type="button" aria-label="Share this post">Share</button></footer></article>`...)
}

// appendSPALD writes the JSON-LD: a NewsArticle, or a LiveBlogPosting with
// its updates, newest first; articleBody is the paragraphs joined by spaces,
// as the front end joins its text blocks.
func appendSPALD(dst []byte, w *spaR, canonical string, live bool) []byte {
	p := w.p
	a, r := p.a, &p.rev
	dst = append(dst, `{"@context":"https://schema.org","@type":`...)
	if live {
		dst = append(dst, `"LiveBlogPosting"`...)
	} else {
		dst = append(dst, `"NewsArticle"`...)
	}
	dst = append(dst, `,"mainEntityOfPage":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `","author":[{"@type":"Person","name":`...)
	dst = appendJSON(dst, bylineName(r.Byline))
	dst = append(dst, `}],"publisher":{"@type":"NewsMediaOrganization","name":`...)
	dst = appendJSON(dst, a.site)
	dst = append(dst, `},"isAccessibleForFree":true,"articleSection":`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `,"wordCount":`...)
	dst = strconv.AppendInt(dst, int64(w.words), 10)
	dst = append(dst, `,"articleBody":`...)
	dst = appendJSONJoined(dst, p, " ")
	if live {
		dst = append(dst, `,"coverageStartTime":"`...)
		dst = spaEntryTime(r, 0).AppendFormat(dst, "2006-01-02T15:04:05.000Z")
		dst = append(dst, `","liveBlogUpdate":[`...)
		for k := len(r.Paragraphs) - 1; k >= 0; k-- {
			if k < len(r.Paragraphs)-1 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"@type":"BlogPosting","url":"`...)
			dst = appendJSONChars(dst, canonical, &jsonEsc, &jsonPlain)
			dst = append(dst, "#block-"...)
			dst = appendSPABlockID(dst, p.idx, k)
			dst = append(dst, `","datePublished":"`...)
			dst = spaEntryTime(r, k).AppendFormat(dst, "2006-01-02T15:04:05.000Z")
			dst = append(dst, `","articleBody":`...)
			dst = appendJSONF(dst, r.Paragraphs[k], p.flags.para(k))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// appendSPAState writes __NEXT_DATA__: the article as the CMS's blocks,
// beside per-request values (request id, render time, a/b flags, related
// links, recommendations, ad slots), escaped as Next.js escapes it (its
// JSON escapes <, > and & as json.Marshal does).
func appendSPAState(dst []byte, w *spaR, live bool) []byte {
	p, rng := w.p, w.rng
	a, r, bp := p.a, &p.rev, &p.bp
	dst = append(dst, `{"props":{"pageProps":{"article":{"id":"`...)
	dst = appendSPAArticleID(dst, p.idx)
	dst = append(dst, `","type":`...)
	if live {
		dst = append(dst, `"liveblog"`...)
	} else {
		dst = append(dst, `"article"`...)
	}
	dst = append(dst, `,"headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"section":{"name":`...)
	dst = appendJSON(dst, a.section)
	dst = append(dst, `,"slug":"`...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, `"},"byline":`...)
	dst = appendJSON(dst, r.Byline)
	dst = append(dst, `,"published":"`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `","updated":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `","blocks":[`...)
	if !live {
		dst = append(dst, `{"type":"image","src":"/media/lead-`...)
		dst = strconv.AppendInt(dst, int64(p.idx), 10)
		dst = append(dst, `.jpg","caption":`...)
		dst = appendJSON(dst, spaCaptions[p.idx%len(spaCaptions)])
		dst = append(dst, `},`...)
	}
	for i, para := range r.Paragraphs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"type":"paragraph","id":"p`...)
		dst = strconv.AppendInt(dst, int64(i), 10)
		if live {
			dst = append(dst, `","postedAt":"`...)
			dst = spaEntryTime(r, i).AppendFormat(dst, "2006-01-02T15:04:05.000Z")
		}
		dst = append(dst, `","text":`...)
		dst = appendJSONF(dst, para, p.flags.para(i))
		dst = append(dst, '}')
	}
	dst = append(dst, `]},"commentCount":`...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, `,"related":[`...)
	for k, l := range p.related[:p.nRelated] {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"url":`...)
		dst = appendJSON(dst, l.path)
		dst = append(dst, `,"headline":`...)
		dst = appendJSON(dst, l.title)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"recommendations":{"model":"cf-v3","items":[`...)
	for k, m := range bp.mostRead {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"headline":`...)
		dst = appendJSON(dst, mostReadPool[m])
		dst = append(dst, `,"score":0.`...)
		dst = strconv.AppendInt(dst, int64(100+rng.IntN(900)), 10)
		dst = append(dst, '}')
	}
	dst = append(dst, `]},"abFlags":{"newsletterPosition":"`...)
	dst = append(dst, "AB"[b2i(w.varB)])
	dst = append(dst, `","stickyVideo":`...)
	dst = strconv.AppendBool(dst, rng.IntN(2) == 0)
	dst = append(dst, `,"relatedCardsV2":`...)
	dst = strconv.AppendBool(dst, rng.IntN(2) == 0)
	dst = append(dst, `}},"__N_SSP":true},"page":"/[section]/[...slug]","query":{"section":"`...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, `","slug":[`...)
	// The route's slug is the path after its site and section:
	// /site/section/Y/M/D/slug.html.
	_, rest, _ := strings.Cut(strings.TrimPrefix(a.path, "/"), "/")
	_, rest, _ = strings.Cut(rest, "/")
	for k := 0; rest != ""; k++ {
		var part string
		part, rest, _ = strings.Cut(rest, "/")
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSON(dst, part)
	}
	dst = append(dst, `]},"buildId":"`...)
	dst = append(dst, w.site.build...)
	dst = append(dst, `","runtimeConfig":{"requestId":"`...)
	dst = append(dst, w.rid...)
	dst = append(dst, `","renderedAt":"`...)
	dst = w.now.UTC().AppendFormat(dst, "2006-01-02T15:04:05.000Z")
	dst = append(dst, `","region":"`...)
	dst = append(dst, [...]string{"fra1", "lhr1", "cdg1", "arn1"}[rng.IntN(4)]...)
	return append(dst, `"},"isFallback":false,"gssp":true,"locale":"en-GB","locales":["en-GB"],"defaultLocale":"en-GB","scriptLoader":[]}`...)
}

// reactEsc is what React's escapeTextForBrowser substitutes, for text and
// attribute values alike.
var reactEsc = [utf8.RuneSelf]string{'&': "&amp;", '\'': "&#x27;", '<': "&lt;", '>': "&gt;", '"': "&quot;"}

var reactPlain = asciiPlain(&reactEsc)

// appendReact appends s escaped as React escapes text: the five markup
// characters only; other runes are kept.
func appendReact(dst []byte, s string) []byte {
	return appendEscaped(dst, s, &reactEsc, &reactPlain, func(rune, int) string { return "" })
}

// appendReactF is appendReact for a string whose cleanFlags are f: React
// escapes the same bytes html.EscapeString does, so cleanHTML tells.
func appendReactF(dst []byte, s string, f uint8) []byte {
	if f&cleanHTML != 0 {
		return append(dst, s...)
	}
	return appendReact(dst, s)
}
