package corpus

import (
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// inlineAdEvery places an "Advertisement" box after every Nth paragraph. The
// boxes sit inside <article> but hold only a constant label: their copy is
// loaded by script on real sites, so the article's text stays stable.
const inlineAdEvery = 4

// humanLayout is how datelines print times.
const humanLayout = "2 January 2006, 15:04 UTC"

// relatedLink is one entry of a page's "Related" list.
type relatedLink struct {
	path  string // canonical path; the link is base + path
	title string
	lead  string // its first paragraph, for story cards
}

// pageSnap is everything a page's bytes depend on besides the link base and
// the boilerplate draw, copied under Server.mu so rendering runs unlocked.
type pageSnap struct {
	a        *article // only its immutable fields are read
	rev      Revision // Paragraphs are never mutated after setRevision
	flags    textFlags
	gen      int    // the article's gen plus its related articles': the bytes change only with it
	tag      string // the article's tag, for weak ETags
	bp       boilerplate
	related  [maxRelated]relatedLink
	nRelated int
	idx      int    // the article's index
	draw     uint64 // seeds the rotating parts of the other template families
}

// pageSnapshot draws the boilerplate request reqNo sees on page i and copies
// the article state it shows.
func (s *Server) pageSnapshot(i int, reqNo int64) pageSnap {
	var rng *rand.Rand
	if s.opts.RotateBoilerplate {
		rng = rand.New(rand.NewPCG(uint64(s.opts.Seed), uint64(reqNo)))
	} else {
		rng = rand.New(rand.NewPCG(uint64(s.opts.Seed), uint64(i)))
	}
	p := pageSnap{a: s.arts[i], bp: newBoilerplate(rng, i, len(s.arts)), idx: i}
	// Drawn after the classic boilerplate so that its bytes stay the same.
	p.draw = rng.Uint64()
	s.mu.RLock()
	p.rev, p.gen, p.tag, p.flags = p.a.cur, p.a.gen, p.a.tag, p.a.flags
	for k, j := range p.bp.related[:p.bp.nRelated] {
		p.related[k] = relatedLink{path: s.arts[j].path, title: s.arts[j].cur.Title, lead: summary(s.arts[j].cur)}
		p.gen += s.arts[j].gen
	}
	p.nRelated = p.bp.nRelated
	s.mu.RUnlock()
	return p
}

// feedLink is a <link rel="alternate"> to a feed in a page head.
type feedLink struct{ path, title, mime string }

// headFeedLinks names the first two feeds, as sites advertise a couple of
// feeds per page.
func headFeedLinks(feeds []*feed) []feedLink {
	out := make([]feedLink, 0, 2)
	for _, f := range feeds {
		if len(out) == cap(out) {
			break
		}
		mime, _, _ := strings.Cut(feedContentType(f.format), ";")
		out = append(out, feedLink{path: f.path, title: f.title, mime: mime})
	}
	return out
}

// renderPage renders page p in the server's template family.
func (s *Server) renderPage(dst []byte, p *pageSnap, base string) []byte {
	switch s.opts.Template {
	case TemplateLedger:
		return appendLedgerPage(dst, p, base)
	case TemplatePressroom:
		return appendPressroomPage(dst, p, base)
	case TemplateGazette:
		return appendGazettePage(dst, p, base)
	case TemplateBulletin:
		return appendBulletinPage(dst, p, base)
	case TemplateWire:
		return appendWirePage(dst, p, base)
	case TemplateSPA:
		return appendSPAPage(dst, p, base)
	case TemplateFolio:
		return appendFolioPage(dst, p, base)
	case TemplateAtlas:
		return appendAtlasPage(dst, p, base, s.headFeeds)
	case TemplatePress:
		return appendPressPage(dst, p, base, s.headFeeds)
	case TemplateBlox:
		return appendBloxPage(dst, p, base, s.headFeeds)
	}
	return appendPage(dst, p, base, s.headFeeds)
}

// appendPage renders the whole page p as seen with link base base.
func appendPage(dst []byte, p *pageSnap, base string, feeds []feedLink) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	canonical := base + a.path
	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en\">\n"...)
	dst = appendHead(dst, p, canonical, base, feeds)
	dst = append(dst, "<body class=\"article-page section-"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"...)
	dst = append(dst, "<div class=\"ad ad-leaderboard\" data-slot=\"top\"><span class=\"ad-label\">Advertisement</span><p>"...)
	dst = append(dst, adCopyHTML[bp.topAd]...)
	dst = append(dst, "</p></div>\n<header class=\"site-header\">\n<div class=\"masthead\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a></div>\n<nav class=\"site-nav\" aria-label=\"Sections\"><ul>"...)
	for _, k := range bp.nav {
		dst = append(dst, navItems[k]...)
	}
	dst = append(dst, "</ul></nav>\n<div class=\"ticker\"><strong>Latest</strong> "...)
	dst = append(dst, tickerHTML[bp.ticker]...)
	dst = append(dst, " · <span class=\"updated\">Updated "...)
	dst = strconv.AppendInt(dst, int64(bp.updatedMins), 10)
	dst = append(dst, " minutes ago</span></div>\n</header>\n<main id=\"main\">\n<div class=\"breadcrumbs\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\">Home</a> › <a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, '/')
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, a.section)
	dst = append(dst, "</a></div>\n"...)
	dst = appendArticle(dst, r, p.flags, canonical)
	dst = append(dst, "<section class=\"comments\" id=\"comments\"><h2>Comments</h2><p><a href=\"#comments\">"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " comments</a> · <a href=\"#\">Join the conversation</a></p></section>\n</main>\n"...)
	dst = append(dst, "<aside class=\"sidebar\">\n<section class=\"most-read\"><h2>Most read</h2><ol>"...)
	for i, k := range bp.mostRead {
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, "/most-read/"...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "\">"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ol></section>\n<div class=\"ad ad-sidebar\" data-slot=\"side\"><span class=\"ad-label\">Advertisement</span><p>"...)
	dst = append(dst, adCopyHTML[bp.sideAd]...)
	dst = append(dst, "</p></div>\n<section class=\"related\"><h2>Related</h2><ul>"...)
	for _, l := range p.related[:p.nRelated] {
		dst = append(dst, "<li><a href=\""...)
		dst = appendHTML(dst, base)
		dst = appendHTML(dst, l.path)
		dst = append(dst, "\">"...)
		dst = appendHTML(dst, l.title)
		dst = append(dst, "</a></li>"...)
	}
	dst = append(dst, "</ul></section>\n</aside>\n<footer class=\"site-footer\"><nav>"...)
	for i, f := range [...]string{"/about\">About</a>", "/contact\">Contact</a>", "/terms\">Terms</a>", "/privacy\">Privacy</a>"} {
		if i > 0 {
			dst = append(dst, " · "...)
		}
		dst = append(dst, "<a href=\""...)
		dst = appendHTML(dst, base)
		dst = append(dst, f...)
	}
	dst = append(dst, "</nav><p>© 2025 "...)
	dst = appendHTML(dst, a.site)
	return append(dst, ". All rights reserved.</p></footer>\n</body>\n</html>\n"...)
}

// appendHead renders the <head> element.
func appendHead(dst []byte, p *pageSnap, canonical, base string, feeds []feedLink) []byte {
	a, r := p.a, &p.rev
	dst = append(dst, "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " | "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title>\n<link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\">\n<meta name=\"description\" content=\""...)
	dst = appendHTMLF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, "\">\n"...)
	dst = appendOGArticle(dst, p, canonical, "\">\n")
	dst = appendFeedLinks(dst, feeds, base, "\">\n")
	dst = append(dst, "<link rel=\"stylesheet\" href=\"/static/site.css\">\n<script type=\"application/ld+json\">"...)
	dst = appendJSONLD(dst, p, canonical)
	return append(dst, "</script>\n<script async src=\"/static/ads.js\"></script>\n</head>\n"...)
}

// appendOGArticle appends the Open Graph and article: meta tags of page p
// (type, URL, title, site, dates, section), each closed by end ("\">\n",
// or XHTML's "\"/>\n").
func appendOGArticle(dst []byte, p *pageSnap, canonical, end string) []byte {
	a, r := p.a, &p.rev
	dst = append(dst, "<meta property=\"og:type\" content=\"article"...)
	dst = append(dst, end...)
	dst = append(dst, "<meta property=\"og:url\" content=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, end...)
	dst = append(dst, "<meta property=\"og:title\" content=\""...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, end...)
	dst = append(dst, "<meta property=\"og:site_name\" content=\""...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, end...)
	dst = append(dst, "<meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, end...)
	dst = append(dst, "<meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, end...)
	if a.section != "" {
		dst = append(dst, "<meta property=\"article:section\" content=\""...)
		dst = appendHTML(dst, a.section)
		dst = append(dst, end...)
	}
	return dst
}

// appendFeedLinks appends a <link rel="alternate"> per feed, each closed
// by end (the page's way of ending a void element and a newline).
func appendFeedLinks(dst []byte, feeds []feedLink, base, end string) []byte {
	for _, fl := range feeds {
		dst = append(dst, "<link rel=\"alternate\" type=\""...)
		dst = append(dst, fl.mime...)
		dst = append(dst, "\" title=\""...)
		dst = appendHTML(dst, fl.title)
		dst = append(dst, "\" href=\""...)
		dst = appendHTML(dst, base)
		dst = appendHTML(dst, fl.path)
		dst = append(dst, end...)
	}
	return dst
}

// appendJSONLD writes the schema.org NewsArticle object as json.Marshal
// wrote the struct it replaces; JSON escaping of <, > and & keeps the script
// element from being closed early.
func appendJSONLD(dst []byte, p *pageSnap, canonical string) []byte {
	a, r := p.a, &p.rev
	dst = append(dst, `{"@context":"https://schema.org","@type":"NewsArticle","headline":`...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, `,"url":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"mainEntityOfPage":`...)
	dst = appendJSON(dst, canonical)
	dst = append(dst, `,"datePublished":"`...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","dateModified":"`...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, '"')
	if a.section != "" {
		dst = append(dst, `,"articleSection":`...)
		dst = appendJSON(dst, a.section)
	}
	if n := bylineName(r.Byline); n != "" {
		dst = append(dst, `,"author":[`...)
		for i, name := range strings.Split(n, " and ") {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"@type":"Person","name":`...)
			dst = appendJSON(dst, name)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"publisher":{"@type":"Organization","name":`...)
	dst = appendJSON(dst, a.site)
	return append(dst, "}}"...)
}

// appendArticle renders the <article> element: the part of the page that
// changes only when the article is revised.
func appendArticle(dst []byte, r *Revision, f textFlags, canonical string) []byte {
	dst = append(dst, "<article class=\"story\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n<header class=\"story-header\">\n<h1 itemprop=\"headline\">"...)
	dst = appendHTMLF(dst, r.Title, f.title)
	dst = append(dst, "</h1>\n"...)
	if r.Byline != "" {
		dst = append(dst, "<p class=\"byline\" itemprop=\"author\">"...)
		dst = appendHTML(dst, r.Byline)
		dst = append(dst, "</p>\n"...)
	}
	dst = append(dst, "<p class=\"dateline\">Published <time datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\" itemprop=\"datePublished\">"...)
	dst = r.Published.UTC().AppendFormat(dst, humanLayout)
	dst = append(dst, "</time>"...)
	if !r.Modified.Equal(r.Published) {
		dst = append(dst, " · Updated <time datetime=\""...)
		dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\" itemprop=\"dateModified\">"...)
		dst = r.Modified.UTC().AppendFormat(dst, humanLayout)
		dst = append(dst, "</time>"...)
	}
	dst = append(dst, "</p>\n</header>\n"...)
	q := url.QueryEscape(canonical)
	dst = append(dst, "<div class=\"share-bar\" aria-label=\"Share\"><a href=\"https://twitter.com/intent/tweet?url="...)
	dst = appendHTML(dst, q)
	dst = append(dst, "\">Share on X</a> <a href=\"https://www.facebook.com/sharer/sharer.php?u="...)
	dst = appendHTML(dst, q)
	dst = append(dst, "\">Facebook</a> <a href=\"mailto:?subject="...)
	dst = appendHTML(dst, url.QueryEscape(r.Title))
	dst = append(dst, "&amp;body="...)
	dst = appendHTML(dst, q)
	dst = append(dst, "\">Email</a></div>\n<div class=\"story-body\" itemprop=\"articleBody\">\n"...)
	for i, p := range r.Paragraphs {
		dst = append(dst, "<p>"...)
		dst = appendHTMLF(dst, p, f.para(i))
		dst = append(dst, "</p>\n"...)
		if (i+1)%inlineAdEvery == 0 && i+1 < len(r.Paragraphs) {
			dst = append(dst, "<aside class=\"ad ad-inline\" data-slot=\"inline-"...)
			dst = strconv.AppendInt(dst, int64((i+1)/inlineAdEvery), 10)
			dst = append(dst, "\"><span class=\"ad-label\">Advertisement</span></aside>\n"...)
		}
	}
	return append(dst, "</div>\n</article>\n"...)
}
