package corpus

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// The "pressroom" template family is an older PHP CMS, kept as a held-out
// family: the extractor and the site learner are not tuned on it. Its pages
// have no <article> or <main> element (the whole <body> is the article
// region), the title is an <h2>, the text sits in two "storytext" divs split
// by a rotating poll, with a "Related:" line and a table-based ad inside
// the text, a left menu and a right column that rotate, and a
// visitor counter in the footer.

// appendPressroomPage renders page p in the pressroom family.
func appendPressroomPage(dst []byte, p *pageSnap, base string) []byte {
	a, r := p.a, &p.rev
	rng := rand.New(rand.NewPCG(p.draw, 0x9e55))
	canonical := base + a.path
	dst = append(dst, "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html><head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n<title>"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, " :: "...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</title>\n<meta name=\"date\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">\n<meta property=\"og:title\" content=\""...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "\">\n<meta property=\"og:url\" content=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\">\n<meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">\n<meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">\n</head>\n<body bgcolor=\"#ffffff\">\n<div id=\"wrap\">\n<div id=\"top\"><img src=\"/img/logo.gif\" alt=\""...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "\"> <span class=\"date\">"...)
	dst = strconv.AppendInt(dst, int64(p.bp.updatedMins), 10)
	dst = append(dst, " visitors online</span></div>\n<div id=\"menu\">"...)
	for _, k := range p.bp.nav[:8] {
		dst = append(dst, navItems[k]...)
	}
	dst = append(dst, "</div>\n<div id=\"content\">\n<div class=\"storytitle\"><h2>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</h2></div>\n<div class=\"storyinfo\">"...)
	dst = appendHTML(dst, r.Byline)
	dst = append(dst, " | "...)
	dst = r.Published.UTC().AppendFormat(dst, "02.01.2006 15:04")
	dst = append(dst, "</div>\n"...)
	n := len(r.Paragraphs)
	split := (n + 1) / 2
	quoteAt := min(2, n-1)
	dst = append(dst, "<div class=\"storytext\">\n"...)
	for i := range n {
		if i == split {
			dst = append(dst, "</div>\n<div class=\"poll\"><b>Reader poll:</b> "...)
			dst = append(dst, tickerHTML[rng.IntN(len(tickerHTML))]...)
			dst = append(dst, "? <a href=\"/poll/yes\">Yes</a> / <a href=\"/poll/no\">No</a> ("...)
			dst = strconv.AppendInt(dst, int64(100+rng.IntN(5000)), 10)
			dst = append(dst, " votes)</div>\n<div class=\"storytext\">\n"...)
		}
		dst = append(dst, "<p>"...)
		dst = appendHTMLF(dst, r.Paragraphs[i], p.flags.para(i))
		dst = append(dst, "</p>\n"...)
		if i == quoteAt && p.nRelated > 0 {
			l := p.related[rng.IntN(p.nRelated)]
			dst = append(dst, "<div class=\"inline\">Related: <a href=\""...)
			dst = appendHTML(dst, l.path)
			dst = append(dst, "\">"...)
			dst = appendHTML(dst, l.title)
			dst = append(dst, "</a></div>\n"...)
		}
		if i == split+1 {
			dst = append(dst, "<table class=\"box\" width=\"300\"><tr><td><small>Anzeige</small><br>"...)
			dst = append(dst, adCopyHTML[p.bp.sideAd]...)
			dst = append(dst, "</td></tr></table>\n"...)
		}
	}
	dst = append(dst, "</div>\n<div class=\"storytools\"><a href=\"javascript:print()\">Print</a> | <a href=\"mailto:?subject=x\">E-mail</a> | "...)
	dst = strconv.AppendInt(dst, int64(p.bp.commentCount), 10)
	dst = append(dst, " reads</div>\n</div>\n<div id=\"right\"><b>Headlines</b><br>\n"...)
	for _, k := range p.bp.mostRead[:5] {
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "<br>\n"...)
	}
	dst = append(dst, "<b>Weather</b><br>"...)
	dst = strconv.AppendInt(dst, int64(5+rng.IntN(25)), 10)
	dst = append(dst, "°C, "...)
	dst = append(dst, tickerHTML[p.bp.ticker]...)
	dst = append(dst, "\n</div>\n<div id=\"foot\">&copy; "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, " | Page generated in 0."...)
	dst = strconv.AppendInt(dst, int64(10+rng.IntN(89)), 10)
	return append(dst, " s</div>\n</div>\n</body></html>\n"...)
}
