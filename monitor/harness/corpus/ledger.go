package corpus

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"time"
)

// The "ledger" template family is written as another CMS vendor would: a
// React front end with CSS-module class names (Component_part__hash, the
// hash differing per site), so no class says "ad" or "newsletter"; the
// article body split over several containers; and boilerplate that rotates
// on every request nested inside the body: an ad slot at a random place
// inside a body part, a "Read more" box, a newsletter sign-up and a paywall
// meter between the parts, and a share bar with live counts. One article in
// ten is a live blog: entries newest first, each with its clock time and a
// rotating "N minutes ago". Nothing in it was written to suit storywatch's
// extractor; monitor/extract was not tuned on it.

// ledgerBodyPart is how many paragraphs one body container holds.
const ledgerBodyPart = 3

// ledgerLiveEvery makes every Nth article (by index) a live blog.
const ledgerLiveEvery = 10

var (
	ledgerPitches = []string{
		"Get the Morning Ledger: the five stories you need, in your inbox before 7am.",
		"Our diplomacy editor's weekly briefing, free every Friday.",
		"Sign up for breaking news alerts and never miss a development.",
		"The Weekend Read: long-form journalism, hand-picked for you.",
	}
	ledgerMeters = []string{
		"You have %d free articles left this month.",
		"This is one of your %d free stories this month.",
		"Only %d articles left before the paywall. Subscribe for full access.",
	}
)

// ledgerClass is a CSS-module class name: stable for a site's build,
// meaningless to a reader of the markup.
func ledgerClass(site, component string) string {
	h := fnv.New32a()
	h.Write([]byte(site))
	h.Write([]byte{0})
	h.Write([]byte(component))
	const digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	v := h.Sum32()
	b := []byte(component + "__")
	for range 5 {
		b = append(b, digits[v%uint32(len(digits))])
		v /= uint32(len(digits))
	}
	return string(b)
}

// appendLedgerPage renders page p in the ledger family.
func appendLedgerPage(dst []byte, p *pageSnap, base string) []byte {
	a, r := p.a, &p.rev
	rng := rand.New(rand.NewPCG(p.draw, 0x1ed9e7))
	cls := func(c string) string { return ledgerClass(a.site, c) }
	canonical := base + a.path
	live := p.idx%ledgerLiveEvery == ledgerLiveEvery-1
	dst = append(dst, "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"/><title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " – "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title><link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\"/><meta property=\"og:title\" content=\""...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "\"/><meta property=\"og:site_name\" content=\""...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "\"/><meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\"/><meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\"/><script type=\"application/ld+json\">"...)
	dst = appendJSONLD(dst, p, canonical)
	dst = append(dst, "</script><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"buildId\":\""...)
	dst = strconv.AppendUint(dst, rng.Uint64(), 36)
	dst = append(dst, "\"}</script></head><body><div id=\"__next\"><div class=\""...)
	dst = append(dst, cls("Layout_root")...)
	dst = append(dst, "\"><div class=\""...)
	dst = append(dst, cls("Masthead_bar")...)
	dst = append(dst, "\"><a href=\"/\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a><ul>"...)
	for _, k := range p.bp.nav[:6] {
		dst = append(dst, navItems[k]...)
	}
	dst = append(dst, "</ul></div><div class=\""...)
	dst = append(dst, cls("Strip_promo")...)
	dst = append(dst, "\"><p>"...)
	dst = append(dst, adCopyHTML[p.bp.topAd]...)
	dst = append(dst, "</p></div><article class=\""...)
	dst = append(dst, cls("Story_root")...)
	dst = append(dst, "\" data-render=\""...)
	dst = strconv.AppendUint(dst, rng.Uint64()%1e9, 10)
	dst = append(dst, "\"><div class=\""...)
	dst = append(dst, cls("Story_head")...)
	dst = append(dst, "\">"...)
	if live {
		dst = append(dst, "<span class=\""...)
		dst = append(dst, cls("Live_badge")...)
		dst = append(dst, "\">Live</span>"...)
	}
	dst = append(dst, "<h1>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</h1><div class=\""...)
	dst = append(dst, cls("Byline_root")...)
	dst = append(dst, "\"><span>"...)
	dst = appendHTML(dst, r.Byline)
	dst = append(dst, "</span> <time datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">"...)
	dst = r.Published.UTC().AppendFormat(dst, "Mon 2 Jan 2006 15.04 MST")
	dst = append(dst, "</time></div></div><div class=\""...)
	dst = append(dst, cls("Share_bar")...)
	dst = append(dst, "\"><a href=\"#\">Share</a><span>"...)
	dst = strconv.AppendInt(dst, int64(p.bp.commentCount*3), 10)
	dst = append(dst, " shares</span></div>"...)
	if live {
		dst = appendLedgerLive(dst, p, rng, cls)
	} else {
		dst = appendLedgerBody(dst, p, rng, cls)
	}
	dst = append(dst, "<div class=\""...)
	dst = append(dst, cls("Story_topics")...)
	dst = append(dst, "\"><span>Topics</span> <a href=\"/topic/diplomacy\">Diplomacy</a> <a href=\"/topic/"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "\">"...)
	dst = appendHTML(dst, a.section)
	dst = append(dst, "</a></div></article><div class=\""...)
	dst = append(dst, cls("Comments_teaser")...)
	dst = append(dst, "\"><button>"...)
	dst = strconv.AppendInt(dst, int64(p.bp.commentCount), 10)
	dst = append(dst, " comments</button></div><div class=\""...)
	dst = append(dst, cls("Rail_list")...)
	dst = append(dst, "\"><h2>Most viewed</h2><ol>"...)
	for _, k := range p.bp.mostRead[:4] {
		dst = append(dst, "<li>"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</li>"...)
	}
	dst = append(dst, "</ol></div><div class=\""...)
	dst = append(dst, cls("Footer_base")...)
	dst = append(dst, "\"><p>© "...)
	dst = appendHTML(dst, a.site)
	return append(dst, " Media Group</p></div></div></div></body></html>\n"...)
}

// appendLedgerBody renders the body parts with the rotating inserts between
// and inside them.
func appendLedgerBody(dst []byte, p *pageSnap, rng *rand.Rand, cls func(string) string) []byte {
	r := &p.rev
	n := len(r.Paragraphs)
	adAt := rng.IntN(max(n, 1)) // the ad lands inside the part holding this paragraph, before it
	insert := 0
	for start := 0; start < n; start += ledgerBodyPart {
		if start > 0 {
			dst = appendLedgerInsert(dst, p, rng, cls, insert)
			insert++
		}
		dst = append(dst, "<div class=\""...)
		dst = append(dst, cls("Body_part")...)
		dst = append(dst, "\" data-key=\""...)
		dst = strconv.AppendUint(dst, rng.Uint64()%1e6, 36)
		dst = append(dst, "\">"...)
		for i := start; i < min(n, start+ledgerBodyPart); i++ {
			if i == adAt && i > 0 {
				dst = appendLedgerAd(dst, p, rng, cls)
			}
			dst = append(dst, "<p>"...)
			dst = appendHTMLF(dst, r.Paragraphs[i], p.flags.para(i))
			dst = append(dst, "</p>"...)
		}
		dst = append(dst, "</div>"...)
	}
	return dst
}

// appendLedgerInsert renders the k-th insert between two body parts: read
// more, newsletter, paywall meter, then more read-more boxes.
func appendLedgerInsert(dst []byte, p *pageSnap, rng *rand.Rand, cls func(string) string, k int) []byte {
	switch k {
	case 1:
		dst = append(dst, "<div class=\""...)
		dst = append(dst, cls("Inline_brief")...)
		dst = append(dst, "\"><p>"...)
		dst = appendHTML(dst, ledgerPitches[rng.IntN(len(ledgerPitches))])
		dst = append(dst, "</p><form><input type=\"email\" placeholder=\"Your email\"/><button>Sign up</button></form></div>"...)
	case 2:
		dst = append(dst, "<div class=\""...)
		dst = append(dst, cls("Inline_meter")...)
		dst = append(dst, "\"><p>"...)
		dst = fmt.Appendf(dst, ledgerMeters[rng.IntN(len(ledgerMeters))], 1+rng.IntN(9))
		dst = append(dst, "</p><a href=\"/subscribe\">Subscribe from £1 a week</a></div>"...)
	default:
		dst = append(dst, "<div class=\""...)
		dst = append(dst, cls("Inline_more")...)
		dst = append(dst, "\"><h3>Read more</h3>"...)
		for j := range min(p.nRelated, 2) {
			l := p.related[(j+rng.IntN(4))%max(p.nRelated, 1)]
			dst = append(dst, "<a href=\""...)
			dst = appendHTML(dst, l.path)
			dst = append(dst, "\">"...)
			dst = appendHTML(dst, l.title)
			dst = append(dst, "</a>"...)
		}
		dst = append(dst, "</div>"...)
	}
	return dst
}

func appendLedgerAd(dst []byte, p *pageSnap, rng *rand.Rand, cls func(string) string) []byte {
	dst = append(dst, "<div class=\""...)
	dst = append(dst, cls("Slot_box")...)
	dst = append(dst, "\" id=\"gpt-"...)
	dst = strconv.AppendUint(dst, rng.Uint64()%1e8, 36)
	dst = append(dst, "\"><span>Advertisement</span><p>"...)
	dst = append(dst, adCopyHTML[p.bp.sideAd]...)
	return append(dst, "</p></div>"...)
}

// appendLedgerLive renders the paragraphs as live-blog entries, newest
// first, ten minutes apart, with an ad after the second entry.
func appendLedgerLive(dst []byte, p *pageSnap, rng *rand.Rand, cls func(string) string) []byte {
	r := &p.rev
	n := len(r.Paragraphs)
	dst = append(dst, "<div class=\""...)
	dst = append(dst, cls("Live_feed")...)
	dst = append(dst, "\">"...)
	for k := n - 1; k >= 0; k-- {
		at := r.Published.Add(time.Duration(k*10) * time.Minute).UTC()
		dst = append(dst, "<div class=\""...)
		dst = append(dst, cls("Live_entry")...)
		dst = append(dst, "\" id=\"e"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "\"><div class=\""...)
		dst = append(dst, cls("Live_meta")...)
		dst = append(dst, "\"><time datetime=\""...)
		dst = at.AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\">"...)
		dst = at.AppendFormat(dst, "15.04 MST")
		dst = append(dst, "</time><div class=\""...)
		dst = append(dst, cls("Live_ago")...)
		dst = append(dst, "\">"...)
		dst = strconv.AppendInt(dst, int64(1+rng.IntN(50)), 10)
		dst = append(dst, " minutes ago</div></div><div class=\""...)
		dst = append(dst, cls("Live_body")...)
		dst = append(dst, "\"><p>"...)
		dst = appendHTMLF(dst, r.Paragraphs[k], p.flags.para(k))
		dst = append(dst, "</p></div></div>"...)
		if k == n-2 {
			dst = appendLedgerAd(dst, p, rng, cls)
		}
	}
	return append(dst, "</div>"...)
}
