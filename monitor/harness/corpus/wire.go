package corpus

import (
	"encoding/base64"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The "wire" template family is written as an older news-agency CMS writes
// its story pages (a PHP system from the table-layout years, later given AMP
// components and a JSON state blob), kept as a held-out family: nothing in
// storywatch was tuned on it. Its conventions are ones the other families
// lack:
//
//   - the page is windows-1252, declared by <meta http-equiv> and the
//     Content-Type header: typographic quotes and dashes are the bytes
//     0x91..0x97, mixed per paragraph with named entities (&rsquo;, &mdash;,
//     &nbsp;) and numeric references (&#8217;), and text is escaped as PHP's
//     htmlspecialchars does (&quot;, &#039;);
//   - an HTML 4.01 doctype and a <table> page frame: no <article>, <main>,
//     <header> or <p> anywhere in the story;
//   - the body is text runs separated by <br><br> in one to three <div
//     class="storytext">s, with inline <a>, <b>, <i> and <span>s; the first
//     run opens with a dateline ("KYIV, June 18 (Wire) — ") and is preceded,
//     after a single <br>, by an "Updated N min ago" stamp;
//   - AMP custom elements inside the body: <amp-social-share>, a lead
//     <amp-img> with its caption, an <amp-ad> among the runs;
//   - a pull quote (a <table>) repeating one of the body's sentences;
//   - one article in ten is a live page whose entries are <div>s, each a
//     time and one paragraph, newest first.
//
// Per request, with Options.RotateBoilerplate: the stamp, a "Most read" box
// and sponsored links placed inside the body container at drawn gaps, the
// ad's place and attributes, the comment count, data-* attributes, a CSP
// nonce carried by every inline script, a request id and render time in an
// inline state blob, the navigation and the right column. The JSON-LD
// NewsArticle's articleBody holds the article's text. The text itself (the
// runs, dateline, headline, byline, caption and pull quote) changes only
// when Revise edits the article.

// wireLiveEvery and wireLiveAt make every article whose index is wireLiveAt
// modulo wireLiveEvery a live page.
const (
	wireLiveEvery = 10
	wireLiveAt    = 4
)

// wireAgency is the agency tag of every dateline.
const wireAgency = "Wire"

var (
	wireDatelines = []string{"KYIV", "MOSCOW", "WASHINGTON", "BRUSSELS", "LONDON", "GENEVA", "BERLIN", "PARIS", "ISTANBUL", "WARSAW"}
	wireCaptions  = []string{
		"Delegations take their seats before talks at the conference centre.",
		"A police officer stands guard outside the venue on the eve of the meeting.",
		"Reporters wait outside the government building for a statement.",
		"The leaders’ motorcade passes through the city centre.",
		"Flags fly at half-mast outside the foreign ministry.",
		"Residents walk past a damaged building on the outskirts of the city.",
	}
	wirePhotographers = []string{"Gleb Garanich", "Evelyn Hockstein", "Yves Herman", "Maxim Shemetov", "Kevin Lamarque", "Johanna Geron"}
	wireSponsored     = []string{
		"Doctors stunned: this 30-second morning habit changes everything",
		"The 10 most beautiful villages in Europe – number 7 will surprise you",
		"Homeowners born before 1975 are in for a big surprise",
		"This new gadget is selling out across the country",
		"Retirees are moving to this little-known island",
		"Why everyone is suddenly talking about this savings account",
		"The “forgotten” trick for cheaper car insurance",
	}
	wireSponsors = []string{"HealthyLiving", "TravelDigest", "MoneyWise", "GadgetFlow", "Homes & Gardens", "InsureCompare"}

	// wireNavLinks are the navigation's links, rendered once.
	wireNavLinks = mapStrings(navSections[:], func(s string) string {
		return `<a href="/news/` + slugify(s) + `">` + string(append1252(nil, s, entBytes)) + `</a>`
	})
)

// wireR holds one request's draw while a wire page renders.
type wireR struct {
	p     *pageSnap
	rng   *rand.Rand
	nonce []byte // base64 of 16 drawn bytes
	rid   []byte // request id, hex
}

// wireLive reports whether article idx renders as a live page.
func wireLive(idx int) bool { return idx%wireLiveEvery == wireLiveAt }

// appendWireDateline appends the dateline opening article p's first
// paragraph, "CITY, Month D (Wire)", from the article's index and first
// publication. It is plain ASCII with nothing to escape, in HTML or JSON.
func appendWireDateline(dst []byte, p *pageSnap) []byte {
	dst = append(dst, wireDatelines[p.idx%len(wireDatelines)]...)
	dst = append(dst, ", "...)
	dst = p.rev.Published.UTC().AppendFormat(dst, "January 2")
	return append(dst, " ("+wireAgency+")"...)
}

// wireMode is how paragraph i of article idx has its typography written.
func wireMode(idx, i int) int { return (idx + i) % entModes }

// appendWirePage renders page p in the wire family.
func appendWirePage(dst []byte, p *pageSnap, base string) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	rng := rand.New(rand.NewPCG(p.draw, 0x3172e))
	w := &wireR{p: p, rng: rng}
	var raw [16]byte
	for k := range raw {
		raw[k] = byte(rng.Uint32())
	}
	w.nonce = base64.StdEncoding.AppendEncode(nil, raw[:])
	w.rid = strconv.AppendUint(nil, rng.Uint64(), 16)
	live := wireLive(p.idx)
	canonical := base + a.path
	storyID := 1_400_000 + 13*p.idx

	dst = append(dst, "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">\n<html lang=\"en\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'nonce-"...)
	dst = append(dst, w.nonce...)
	dst = append(dst, "' 'strict-dynamic' https://cdn.ampproject.org; object-src 'none'\">\n<title>"...)
	dst = append1252(dst, r.Title, entBytes)
	dst = append(dst, " \x96 "...)
	dst = append1252(dst, a.site, entBytes)
	dst = append(dst, "</title>\n<meta name=\"description\" content=\""...)
	dst = append1252(dst, summary(*r), entBytes)
	dst = append(dst, "\">\n<meta name=\"keywords\" content=\""...)
	dst = append1252(dst, a.section, entBytes)
	dst = append(dst, ", News, "...)
	dst = append1252(dst, a.site, entBytes)
	dst = append(dst, "\">\n<meta name=\"DC.date.issued\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02")
	dst = append(dst, "\">\n<link rel=\"canonical\" href=\""...)
	dst = append1252(dst, canonical, entBytes)
	dst = append(dst, "\">\n<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\""...)
	dst = append1252(dst, r.Title, entBytes)
	dst = append(dst, "\">\n<meta property=\"og:url\" content=\""...)
	dst = append1252(dst, canonical, entBytes)
	dst = append(dst, "\">\n<meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, "\">\n<meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, "\">\n<script type=\"application/ld+json\" nonce=\""...)
	dst = append(dst, w.nonce...)
	dst = append(dst, "\">"...)
	dst = appendWireLD(dst, p, canonical, base, live)
	dst = append(dst, "</script>\n<script async src=\"https://cdn.ampproject.org/v0.js\"></script>\n<script async custom-element=\"amp-ad\" src=\"https://cdn.ampproject.org/v0/amp-ad-0.1.js\"></script>\n<script async custom-element=\"amp-social-share\" src=\"https://cdn.ampproject.org/v0/amp-social-share-0.1.js\"></script>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"/css/story.css?v=2014.3\">\n<script type=\"text/javascript\" nonce=\""...)
	dst = append(dst, w.nonce...)
	dst = append(dst, "\">var wireq=wireq||[];wireq.push([\"rid\",\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\"]);</script>\n</head>\n<body class=\"story"...)
	if live {
		dst = append(dst, " live"...)
	}
	dst = append(dst, "\" data-rid=\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\" data-story-id=\""...)
	dst = strconv.AppendInt(dst, int64(storyID), 10)
	dst = append(dst, "\">\n<table id=\"wrapper\" width=\"980\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n<tr><td colspan=\"2\" id=\"masthead\"><a href=\""...)
	dst = append1252(dst, base, entBytes)
	dst = append(dst, "/\"><img src=\"/img/logo.gif\" alt=\""...)
	dst = append1252(dst, a.site, entBytes)
	dst = append(dst, "\" border=\"0\"></a> <amp-ad width=\"728\" height=\"90\" type=\"doubleclick\" data-slot=\"/4119/wire/top\" data-vars-rid=\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\"><div placeholder>"...)
	dst = append1252(dst, adCopy[bp.topAd], entBytes)
	dst = append(dst, "</div></amp-ad></td></tr>\n<tr><td colspan=\"2\" id=\"nav\">"...)
	for i, k := range bp.nav {
		if i > 0 {
			dst = append(dst, " | "...)
		}
		dst = append(dst, wireNavLinks[k]...)
	}
	dst = append(dst, "</td></tr>\n<tr><td colspan=\"2\" id=\"ticker\"><b>LATEST:</b>&nbsp;"...)
	dst = append1252(dst, tickerPool[bp.ticker], entBytes)
	dst = append(dst, "</td></tr>\n<tr>\n<td id=\"maincol\" valign=\"top\">\n<div class=\"crumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/news/"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "\">"...)
	dst = append1252(dst, a.section, entBytes)
	dst = append(dst, "</a></div>\n<div class=\"storyhead\">\n"...)
	if live {
		dst = append(dst, "<span class=\"livebadge\">LIVE</span>\n"...)
	}
	dst = append(dst, "<h1 class=\"headline\">"...)
	dst = append1252(dst, r.Title, entBytes)
	dst = append(dst, "</h1>\n"...)
	if r.Byline != "" {
		dst = append(dst, "<div class=\"byline\">"...)
		dst = append1252(dst, r.Byline, entBytes)
		dst = append(dst, "</div>\n"...)
	}
	dst = append(dst, "<div class=\"dates\">Published:&nbsp;"...)
	dst = r.Published.UTC().AppendFormat(dst, "Mon Jan 2, 2006 3:04pm MST")
	if !r.Modified.Equal(r.Published) {
		dst = append(dst, " &nbsp;|&nbsp; Last Updated:&nbsp;"...)
		dst = r.Modified.UTC().AppendFormat(dst, "Mon Jan 2, 2006 3:04pm MST")
	}
	dst = append(dst, "</div>\n<div class=\"tools\"><a href=\"#comments\" class=\"cmtcount\" data-count=\""...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, "\"><b>"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, "</b> Comments</a> | <a href=\"javascript:window.print()\">Print</a> | <a href=\"/email?id="...)
	dst = strconv.AppendInt(dst, int64(storyID), 10)
	dst = append(dst, "\">Email</a></div>\n</div>\n"...)

	// The body container: shares, an inline script, then the story.
	dst = append(dst, "<div id=\"storybody\" class=\"storybody\" data-rid=\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\" data-ab=\""...)
	dst = append(dst, "AB"[rng.IntN(2)])
	dst = append(dst, "\" data-slot-seed=\""...)
	dst = strconv.AppendUint(dst, rng.Uint64()%1e9, 10)
	dst = append(dst, "\">\n<div class=\"share\">"...)
	for _, kind := range [...]string{"twitter", "facebook", "email"} {
		dst = append(dst, "<amp-social-share type=\""...)
		dst = append(dst, kind...)
		dst = append(dst, "\" width=\"28\" height=\"28\" data-param-url=\""...)
		dst = append1252(dst, canonical, entBytes)
		dst = append(dst, "\" data-param-text=\""...)
		dst = append1252(dst, r.Title, entBytes)
		dst = append(dst, "\"></amp-social-share>"...)
	}
	dst = append(dst, "</div>\n<script type=\"text/javascript\" nonce=\""...)
	dst = append(dst, w.nonce...)
	dst = append(dst, "\">wireStats.push({\"rid\":\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\",\"pos\":\"body\",\"t\":"...)
	dst = strconv.AppendInt(dst, int64(rng.IntN(900)), 10)
	dst = append(dst, "});</script>\n"...)
	if live {
		dst = appendWireLive(dst, w)
	} else {
		dst = appendWireBody(dst, w)
	}
	dst = append(dst, "</div>\n<div id=\"comments\" class=\"comments\"><div class=\"hd\">Comments ("...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, ")</div><a href=\"/login?ret="...)
	dst = strconv.AppendInt(dst, int64(storyID), 10)
	dst = append(dst, "\">Log in to post a comment</a></div>\n</td>\n"...)

	// Right column: an ad, most popular, related stories.
	dst = append(dst, "<td id=\"rightcol\" width=\"300\" valign=\"top\">\n<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\" data-slot=\"/4119/wire/right\"><div placeholder>"...)
	dst = append1252(dst, adCopy[bp.sideAd], entBytes)
	dst = append(dst, "</div></amp-ad>\n<div class=\"box\"><div class=\"hd\">Most Popular</div><ol>"...)
	for _, k := range bp.mostRead[1:] {
		dst = append(dst, "<li><a href=\"/popular/"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\">"...)
		dst = append1252(dst, mostReadPool[k], entBytes)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ol></div>\n<div class=\"box\"><div class=\"hd\">Related Stories</div><ul>"...)
	for _, l := range p.related[:p.nRelated] {
		dst = append(dst, "<li><a href=\""...)
		dst = append1252(dst, base, entBytes)
		dst = append1252(dst, l.path, entBytes)
		dst = append(dst, "\">"...)
		dst = append1252(dst, l.title, entBytes)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></div>\n</td>\n</tr>\n<tr><td colspan=\"2\" id=\"footer\">Copyright \xa9 "...)
	dst = r.Published.UTC().AppendFormat(dst, "2006")
	dst = append(dst, ' ')
	dst = append1252(dst, a.site, entBytes)
	dst = append(dst, ". All rights reserved. | <a href=\"/terms\">Terms</a> | <a href=\"/privacy\">Privacy</a></td></tr>\n</table>\n"...)

	// The front end's state: the story again, with the request's id.
	dst = append(dst, "<script id=\"__WIRE_STATE__\" type=\"application/json\" nonce=\""...)
	dst = append(dst, w.nonce...)
	dst = append(dst, "\">{\"props\":{\"pageProps\":{\"story\":{\"id\":"...)
	dst = strconv.AppendInt(dst, int64(storyID), 10)
	dst = append(dst, ",\"headline\":"...)
	dst = appendPHPJSON(dst, r.Title)
	dst = append(dst, ",\"paragraphs\":["...)
	for i, para := range r.Paragraphs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendPHPJSON(dst, para)
	}
	dst = append(dst, "]},\"requestId\":\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\",\"renderedAt\":"...)
	dst = strconv.AppendInt(dst, r.Modified.Add(time.Duration(rng.IntN(86400))*time.Second).Unix(), 10)
	dst = append(dst, "}},\"buildId\":\"wire-2014.3."...)
	dst = strconv.AppendInt(dst, int64(rng.IntN(400)), 10)
	return append(dst, "\",\"page\":\"\\/story\"}</script>\n</body>\n</html>\n"...)
}

// appendWireLD writes the NewsArticle JSON-LD as PHP's json_encode does;
// articleBody is the text a reader sees, dateline included, paragraphs
// separated by blank lines.
func appendWireLD(dst []byte, p *pageSnap, canonical, base string, live bool) []byte {
	a, r := p.a, &p.rev
	dst = append(dst, `{"@context":"http:\/\/schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"WebPage","@id":`...)
	dst = appendPHPJSON(dst, canonical)
	dst = append(dst, `},"headline":`...)
	dst = appendPHPJSON(dst, r.Title)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, "2006-01-02T15:04:05-07:00")
	dst = append(dst, `","author":{"@type":"Person","name":`...)
	dst = appendPHPJSON(dst, bylineName(r.Byline))
	dst = append(dst, `},"publisher":{"@type":"Organization","name":`...)
	dst = appendPHPJSON(dst, a.site)
	dst = append(dst, `,"logo":{"@type":"ImageObject","url":`...)
	dst = append(dst, '"')
	dst = appendPHPJSONChars(dst, base)
	dst = append(dst, `\/img\/logo.gif"}},"articleSection":`...)
	dst = appendPHPJSON(dst, a.section)
	// articleBody is the text as the CMS stores it: the dateline opens the
	// first paragraph (not on live pages), a blank line separates paragraphs.
	dst = append(dst, `,"articleBody":"`...)
	if !live && len(r.Paragraphs) > 0 {
		dst = appendWireDateline(dst, p)
		dst = append(dst, ` \u2014 `...)
	}
	for i, para := range r.Paragraphs {
		if i > 0 {
			dst = append(dst, `\n\n`...)
		}
		dst = appendPHPJSONChars(dst, para)
	}
	return append(dst, `"}`...)
}

// wireParts is how many <div class="storytext">s an article of n
// paragraphs is split into: one for short ones, else one to three by index.
func wireParts(idx, n int) int {
	if n < 6 {
		return 1
	}
	return 1 + idx%3
}

// appendWireBody renders a story's body: the lead photo, the text divs with
// the pull quote after the first and, at gaps drawn per request, the "Most
// read" box and the sponsored links; the ad goes before a drawn paragraph.
func appendWireBody(dst []byte, w *wireR) []byte {
	p, rng := w.p, w.rng
	r := &p.rev
	n := len(r.Paragraphs)
	parts := wireParts(p.idx, n)
	mostReadGap := rng.IntN(parts + 1)
	sponsoredGap := rng.IntN(parts + 1)
	adBefore := -1
	if n >= 2 {
		adBefore = 1 + rng.IntN(n-1)
	}

	caption := wireCaptions[p.idx%len(wireCaptions)]
	dst = append(dst, "<figure class=\"photo\"><amp-img src=\"/media/"...)
	dst = append(dst, p.a.sectionSlug...)
	dst = append(dst, '/')
	dst = strconv.AppendInt(dst, int64(1_400_000+13*p.idx), 10)
	dst = append(dst, ".jpg\" width=\"640\" height=\"360\" layout=\"responsive\" alt=\""...)
	dst = append1252(dst, caption, entBytes)
	dst = append(dst, "\"></amp-img><figcaption>"...)
	dst = append1252(dst, caption, entNamed)
	dst = append(dst, " <span class=\"credit\">"...)
	dst = append1252(dst, wireAgency+"/"+wirePhotographers[p.idx%len(wirePhotographers)], entBytes)
	dst = append(dst, "</span></figcaption></figure>\n"...)

	for g := 0; g <= parts; g++ {
		if g == 1 && n >= 3 {
			dst = appendWirePullQuote(dst, p)
		}
		if g == mostReadGap {
			dst = appendWireMostRead(dst, w)
		}
		if g == sponsoredGap {
			dst = appendWireSponsored(dst, w)
		}
		if g == parts {
			break
		}
		lo, hi := g*n/parts, (g+1)*n/parts
		if adBefore == lo {
			dst = appendWireAd(dst, w, lo)
		}
		dst = append(dst, "<div class=\"storytext\">"...)
		for i := lo; i < hi; i++ {
			if i > lo {
				dst = append(dst, "<br><br>\n"...)
				if i == adBefore {
					dst = appendWireAd(dst, w, i)
					dst = append(dst, '\n')
				}
			}
			mode := wireMode(p.idx, i)
			if i == 0 {
				dst = append(dst, "<font size=\"1\" class=\"timestamp\">Updated "...)
				dst = strconv.AppendInt(dst, int64(p.bp.updatedMins), 10)
				dst = append(dst, " min ago</font><br>\n<span class=\"dateline\">"...)
				dst = appendWireDateline(dst, p)
				if mode == entNamed {
					dst = append(dst, "</span>&nbsp;&mdash; "...)
				} else {
					dst = append(dst, "</span> \x97 "...)
				}
			}
			dst = appendWireText(dst, r.Paragraphs[i], i, mode)
		}
		dst = append(dst, "</div>\n"...)
	}
	return dst
}

// appendWireLive renders a live page: an "Updated" stamp, then one <div> per
// paragraph, newest first, twelve minutes apart, with the ad after the
// second entry and the "Most read" box and sponsored links after drawn ones.
func appendWireLive(dst []byte, w *wireR) []byte {
	p, rng := w.p, w.rng
	r := &p.rev
	n := len(r.Paragraphs)
	mostReadAfter := rng.IntN(max(n, 1))
	sponsoredAfter := rng.IntN(max(n, 1))
	dst = append(dst, "<div class=\"liveblog\" data-poll=\"30\" data-since=\""...)
	dst = strconv.AppendInt(dst, r.Modified.Unix()+int64(rng.IntN(3600)), 10)
	dst = append(dst, "\">\n<div class=\"livestamp\">Updated "...)
	dst = strconv.AppendInt(dst, int64(p.bp.updatedMins), 10)
	dst = append(dst, " min ago</div>\n"...)
	for k := n - 1; k >= 0; k-- {
		at := r.Published.Add(time.Duration(k*12) * time.Minute).UTC()
		dst = append(dst, "<div class=\"entry\" id=\"entry-"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\" data-entry-ts=\""...)
		dst = strconv.AppendInt(dst, at.Unix(), 10)
		dst = append(dst, "\"><div class=\"entry-time\">"...)
		dst = at.AppendFormat(dst, "15:04 MST")
		dst = append(dst, "</div><div class=\"entry-body\">"...)
		dst = appendWireText(dst, r.Paragraphs[k], k, wireMode(p.idx, k))
		dst = append(dst, "</div></div>\n"...)
		if k == n-2 {
			dst = appendWireAd(dst, w, n-1-k)
			dst = append(dst, '\n')
		}
		if n-1-k == mostReadAfter {
			dst = appendWireMostRead(dst, w)
		}
		if n-1-k == sponsoredAfter {
			dst = appendWireSponsored(dst, w)
		}
	}
	return append(dst, "</div>\n"...)
}

// appendWireAd renders an <amp-ad> slot; its targeting rotates.
func appendWireAd(dst []byte, w *wireR, pos int) []byte {
	dst = append(dst, "<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\" data-slot=\"/4119/wire/"...)
	dst = append(dst, w.p.a.sectionSlug...)
	dst = append(dst, "/story\" data-multi-size=\"300x600\" data-vars-rid=\""...)
	dst = append(dst, w.rid...)
	dst = append(dst, "\" json='{\"targeting\":{\"pos\":\"inline"...)
	dst = strconv.AppendInt(dst, int64(pos), 10)
	dst = append(dst, "\",\"rnd\":\""...)
	dst = strconv.AppendUint(dst, w.rng.Uint64()%1e8, 10)
	return append(dst, "\"}}'><div placeholder>Advertisement</div><div fallback></div></amp-ad>"...)
}

// appendWirePullQuote repeats the first sentence of the middle paragraph in
// a floated table, as the CMS's pull-quote widget does.
func appendWirePullQuote(dst []byte, p *pageSnap) []byte {
	s := firstSentence(p.rev.Paragraphs[len(p.rev.Paragraphs)/2])
	dst = append(dst, "<table class=\"pullquote\" align=\"right\" width=\"220\"><tr><td>"...)
	if !strings.HasPrefix(s, "“") {
		dst = append(dst, 0x93)
	}
	dst = append1252(dst, s, entBytes)
	if !strings.HasPrefix(s, "“") {
		dst = append(dst, 0x94)
	}
	return append(dst, "</td></tr></table>\n"...)
}

// appendWireMostRead renders the rotating "Most read" box of the body.
func appendWireMostRead(dst []byte, w *wireR) []byte {
	dst = append(dst, "<div class=\"mostread\" data-refresh=\""...)
	dst = strconv.AppendInt(dst, int64(30+w.rng.IntN(90)), 10)
	dst = append(dst, "\"><div class=\"hd\">Most Read</div><ol>"...)
	for _, k := range w.p.bp.mostRead[:5] {
		dst = append(dst, "<li><a href=\"/popular/"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "?src=inline\">"...)
		dst = append1252(dst, mostReadPool[k], entBytes)
		dst = append(dst, "</a></li>"...)
	}
	return append(dst, "</ol></div>\n"...)
}

// appendWireSponsored renders three drawn sponsored links.
func appendWireSponsored(dst []byte, w *wireR) []byte {
	rng := w.rng
	dst = append(dst, "<div class=\"sponsored\" data-widget=\"AR_"...)
	dst = strconv.AppendInt(dst, int64(1+rng.IntN(9)), 10)
	dst = append(dst, "\"><span class=\"hd\">Sponsored&nbsp;Links</span><ul>"...)
	first := rng.IntN(len(wireSponsored))
	for j := range 3 {
		dst = append(dst, "<li><a href=\"https://paid.example.net/redir?p="...)
		dst = strconv.AppendUint(dst, rng.Uint64()%1e10, 10)
		dst = append(dst, "\" rel=\"nofollow sponsored\" target=\"_blank\">"...)
		dst = append1252(dst, wireSponsored[(first+j)%len(wireSponsored)], entBytes)
		dst = append(dst, "</a> <span class=\"src\">"...)
		dst = append1252(dst, wireSponsors[rng.IntN(len(wireSponsors))], entBytes)
		dst = append(dst, "</span></li>"...)
	}
	return append(dst, "</ul></div>\n"...)
}

// Inline markup the CMS's editors put in a paragraph.
const (
	markLink   = iota // a mid-sentence capitalised word linked to its topic page
	markBold          // the first figure in <b>
	markFigure        // the first figure in <span class="figure">
	markItalic        // the first “quotation” in <i>
)

// wireMark is one inline element over text[start:end].
type wireMark struct{ start, end, kind int }

// wireMarks returns paragraph i's inline elements, in order and not
// overlapping: even paragraphs link a name and bold a figure, odd ones
// italicise a quotation and wrap a figure in a span. They depend only on
// the text, so they change only with it.
func wireMarks(s string, i int) (out [3]wireMark, n int) {
	var cand [2]wireMark
	nc := 0
	if i%2 == 0 {
		if a, b := capWord(s); b > a {
			cand[nc] = wireMark{a, b, markLink}
			nc++
		}
		if a, b := figure(s); b > a {
			cand[nc] = wireMark{a, b, markBold}
			nc++
		}
	} else {
		if a, b := quotation(s); b > a {
			cand[nc] = wireMark{a, b, markItalic}
			nc++
		}
		if a, b := figure(s); b > a {
			cand[nc] = wireMark{a, b, markFigure}
			nc++
		}
	}
	if nc == 2 && cand[1].start < cand[0].start {
		cand[0], cand[1] = cand[1], cand[0]
	}
	end := 0
	for _, m := range cand[:nc] {
		if m.start >= end {
			out[n] = m
			n++
			end = m.end
		}
	}
	return out, n
}

// capWord finds the first word of four or more ASCII letters that starts
// with a capital mid-sentence: after a space that no sentence end precedes.
func capWord(s string) (start, end int) {
	for i := 2; i < len(s); i++ {
		if s[i-1] != ' ' || s[i] < 'A' || s[i] > 'Z' || strings.IndexByte(".!?\"", s[i-2]) >= 0 || s[i-2] >= 0x80 {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		if j-i >= 4 && (j == len(s) || s[j] < 0x80) {
			return i, j
		}
	}
	return 0, 0
}

// figure finds the first number at a word start ("$90", "10,000", "2.5"),
// with its currency sign.
func figure(s string) (start, end int) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		start = i
		if i > 0 && s[i-1] == '$' {
			start = i - 1
		}
		if start > 0 && s[start-1] != ' ' {
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			j++
		}
		return start, j
	}
	return 0, 0
}

// quotation finds the first “…” span, marks included.
func quotation(s string) (start, end int) {
	a := strings.Index(s, "“")
	if a < 0 {
		return 0, 0
	}
	b := strings.Index(s[a:], "”")
	if b < 0 {
		return 0, 0
	}
	return a, a + b + len("”")
}

// appendWireText appends paragraph i's text in windows-1252 with its
// inline elements.
func appendWireText(dst []byte, s string, i, mode int) []byte {
	marks, n := wireMarks(s, i)
	last := 0
	for _, m := range marks[:n] {
		dst = append1252(dst, s[last:m.start], mode)
		word := s[m.start:m.end]
		switch m.kind {
		case markLink:
			dst = append(dst, "<a href=\"/topic/"...)
			for k := range len(word) {
				dst = append(dst, word[k]|0x20) // ASCII letters: lower case
			}
			dst = append(dst, "\" class=\"topic\">"...)
			dst = append1252(dst, word, mode)
			dst = append(dst, "</a>"...)
		case markBold:
			dst = append(dst, "<b>"...)
			dst = append1252(dst, word, mode)
			dst = append(dst, "</b>"...)
		case markFigure:
			dst = append(dst, "<span class=\"figure\">"...)
			dst = append1252(dst, word, mode)
			dst = append(dst, "</span>"...)
		case markItalic:
			dst = append(dst, "<i>"...)
			dst = append1252(dst, word, mode)
			dst = append(dst, "</i>"...)
		}
		last = m.end
	}
	return append1252(dst, s[last:], mode)
}
