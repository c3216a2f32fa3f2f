package corpus

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// The "bulletin" template family is written as a headless news CMS writes
// its article pages (an Arc XP-style content API rendered by a React front
// end styled with CSS-in-JS), kept as a held-out family: nothing in
// storywatch was tuned on it. Its hazards are ones real news pages have and
// the other families lack, all drawn anew on every request with
// Options.RotateBoilerplate:
//
//   - every class name is a CSS-in-JS hash (css-xxxxxxx) that changes on
//     every request, so no class, and no path of classes, is the same twice;
//   - the headline block (kicker, h1, byline, dates, share counts) sits in
//     <main> outside the <article>, which holds only the body;
//   - <main> holds other <article> elements too: a "Breaking" banner before
//     the headline on about half of the requests, a "Most popular" list whose
//     teasers are <article>s, and comments, each an <article> of a sentence
//     or two of prose;
//   - the body is a sequence of <div data-type="text"> blocks, each a <p>
//     whose text sits in a <span>, mixed with other block types: a stable
//     "In this article" jump list and subheads, a gallery whose captions are
//     the article's but which shows a sponsored slide on some requests,
//     inline story cards (an <aside> with another article's headline and
//     first sentence, related stories often sharing this one's sentences),
//     a registration interrupt with rotating copy and ad slots, all at
//     positions drawn per request;
//   - the body ends with two blocks shaped exactly like its paragraphs: a
//     rotating "Follow us on ..." line and a live "Last updated HH:MM" line;
//   - the article's text is repeated in a script (the renderer's
//     globalContent) next to a rotating deployment id.
//
// The article's own parts never rotate: the headline, byline, dates, the
// jump list and subheads, the gallery's captions and credits and the
// paragraphs. They change only when Revise edits the title or the paragraphs.

var (
	bulletinKickers    = []string{"Related", "Read more", "Don't miss", "Recommended for you", "More on this story"}
	bulletinInterrupts = []string{
		"Create a free account to keep reading and get unlimited access to our journalism.",
		"You're reading as a guest. Register now to save articles and follow the topics you care about.",
		"Enjoying this story? Subscribe for $1 a week for your first year.",
		"Support independent journalism: become a member today and read without limits.",
		"Already a subscriber? Sign in to keep reading without interruptions.",
	}
	bulletinCTAs   = []string{"Register for free", "Subscribe now", "Sign in", "See offers"}
	bulletinFollow = []string{
		"Follow us on WhatsApp for the latest updates.",
		"Follow us on X, Instagram and Threads.",
		"Join our Telegram channel for breaking news as it happens.",
		"Follow us on Google News to get our stories in your feed.",
		"Get alerts: download our app for iOS and Android.",
	}
	bulletinSubheads = []string{"What was agreed", "How it unfolded", "The reaction", "What happens next", "Why it matters", "The background", "What they said", "The sticking points"}
	bulletinCaptions = []string{
		"Delegates pose for a group photograph before the first session.",
		"Security officers stand guard outside the conference hall.",
		"Journalists wait for a statement in the press centre.",
		"A motorcade arrives at the venue on Tuesday morning.",
		"Officials confer during a break in the negotiations.",
		"Demonstrators hold banners near the police cordon.",
		"The foreign ministers shake hands after the meeting.",
	}
	bulletinCredits    = []string{"Sergei Ilnitsky/EPA", "Evan Vucci/AP", "Kevin Lamarque/Reuters", "Sarah Meyssonnier/AFP", "Bulletin staff", "Ludovic Marin/Pool"}
	bulletinCommenters = []string{"northern_lights", "Pavel K.", "jdm1979", "Realist", "Margaret T.", "oldhack", "B. Okafor", "sceptic_in_leeds", "Ines", "Frank W."}
	bulletinComments   = []string{
		"I will believe it when I see both of them at the same table. We have heard promises of talks like this many times before.",
		"Good reporting, but the article does not say what the European governments actually want out of this.",
		"The timing is no accident. Everyone is trying to look like a peacemaker before the autumn.",
		"Any agreement that ignores the people living near the front line will not last a year.",
		"Does anyone know whether parliament has to ratify something like this, or can it be signed off directly?",
		"Interesting that the markets barely moved. Traders clearly think nothing will come of it.",
		"My family lives near the border and nobody there trusts either side any more.",
		"Sanctions relief seems to be the real story here, and it is buried halfway down.",
		"This is the third summit announced this year. The first two never happened.",
		"Whatever you think of the leaders, talking is better than the alternative.",
		"The photo caption says Tuesday but the story says Monday. Which is it?",
		"Thanks for keeping this free to read. Subscribed today.",
	}
)

// Components of the bulletin family: each gets a CSS-in-JS class name drawn
// per request (see appendCSSClass).
const (
	bcLayout = iota
	bcNav
	bcMain
	bcBanner
	bcHeadline
	bcKicker
	bcTitle
	bcByline
	bcShare
	bcBody
	bcTOC
	bcBlock
	bcPara
	bcSpan
	bcSubhead
	bcGallery
	bcSlide
	bcCaption
	bcCredit
	bcCard
	bcCardLabel
	bcCardTitle
	bcCardTeaser
	bcInterrupt
	bcAd
	bcPopular
	bcPromo
	bcComments
	bcComment
	bcFooter
)

// bulletinSlides is how many of the article's own pictures the gallery shows.
const bulletinSlides = 3

// appendCSSClass appends the class name component comp gets under salt,
// emotion-style: "css-" and seven base-36 digits.
func appendCSSClass(dst []byte, salt uint64, comp int) []byte {
	return appendCSSHash(append(dst, "css-"...), salt, comp)
}

// appendCSSHash appends the seven base-36 digits of comp's class under salt.
func appendCSSHash(dst []byte, salt uint64, comp int) []byte {
	v := salt ^ (uint64(comp)+1)*0x9e3779b97f4a7c15
	v ^= v >> 30
	v *= 0xbf58476d1ce4e5b9
	v ^= v >> 27
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	for range 7 {
		dst = append(dst, digits[v%36])
		v /= 36
	}
	return dst
}

// bulletinR holds one request's draw while a bulletin page renders.
type bulletinR struct {
	p    *pageSnap
	rng  *rand.Rand
	salt uint64
	base string
}

// open appends `<tag class="css-…"` without closing the start tag.
func (b *bulletinR) open(dst []byte, tag string, comp int) []byte {
	dst = append(dst, '<')
	dst = append(dst, tag...)
	dst = append(dst, " class=\""...)
	dst = appendCSSClass(dst, b.salt, comp)
	return append(dst, '"')
}

// bulletinSubheadAt returns the paragraph indices the two subheads precede
// and their texts, all fixed per article; ok is false for short articles.
func bulletinSubheadAt(idx, n int) (at [2]int, text [2]string, ok bool) {
	if n < 6 {
		return at, text, false
	}
	k := idx % len(bulletinSubheads)
	return [2]int{n / 3, 2 * n / 3}, [2]string{bulletinSubheads[k], bulletinSubheads[(k+3)%len(bulletinSubheads)]}, true
}

// appendBulletinPage renders page p in the bulletin family.
func appendBulletinPage(dst []byte, p *pageSnap, base string) []byte {
	a, r, bp := p.a, &p.rev, &p.bp
	rng := rand.New(rand.NewPCG(p.draw, 0xb011e7))
	b := &bulletinR{p: p, rng: rng, salt: rng.Uint64(), base: base}
	canonical := base + a.path
	storyID := strconv.FormatUint(uint64(p.idx)*0x9e3779b1%(1<<40)+1<<40, 36)

	dst = append(dst, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"/><title>"...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, " - "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</title><link rel=\"canonical\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\"/><link rel=\"amphtml\" href=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "?outputType=amp\"/><meta name=\"description\" content=\""...)
	dst = appendHTMLF(dst, summary(*r), p.flags.para(0))
	dst = append(dst, "\"/><meta property=\"og:type\" content=\"article\"/><meta property=\"og:title\" content=\""...)
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "\"/><meta property=\"og:url\" content=\""...)
	dst = appendHTML(dst, canonical)
	dst = append(dst, "\"/><meta property=\"article:published_time\" content=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\"/><meta property=\"article:modified_time\" content=\""...)
	dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\"/><script type=\"application/ld+json\">"...)
	dst = appendJSONLD(dst, p, canonical)
	dst = append(dst, "</script><style data-emotion=\"css "...)
	for c := range bcFooter + 1 {
		if c > 0 {
			dst = append(dst, ' ')
		}
		dst = appendCSSHash(dst, b.salt, c)
	}
	dst = append(dst, "\"></style></head><body><div id=\"fusion-app\">"...)

	// Site header: rotating nav order, a top ad and a date line.
	dst = b.open(dst, "div", bcLayout)
	dst = append(dst, "><div id=\"arcad-top-"...)
	dst = strconv.AppendUint(dst, rng.Uint64()%1e9, 36)
	dst = append(dst, "\" data-ad-slot=\"leaderboard\"><span>ADVERTISEMENT</span><p>"...)
	dst = append(dst, adCopyHTML[bp.topAd]...)
	dst = append(dst, "</p></div><header>"...)
	dst = b.open(dst, "nav", bcNav)
	dst = append(dst, " aria-label=\"Sections\"><a href=\""...)
	dst = appendHTML(dst, base)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, "</a><ul>"...)
	for _, k := range bp.nav[:8] {
		dst = append(dst, navItems[k]...)
	}
	dst = append(dst, "</ul><a href=\"/subscribe/\">Subscribe</a> <a href=\"/account/login/\">Sign in</a></nav></header>"...)

	// <main>: a banner on some requests, the headline block, the body
	// <article>, then more <article>s.
	dst = b.open(dst, "main", bcMain)
	dst = append(dst, " id=\"main-content\">"...)
	if rng.IntN(2) == 0 {
		dst = b.open(dst, "article", bcBanner)
		dst = append(dst, " data-type=\"alert\"><a href=\"/live/\"><strong>Breaking</strong> "...)
		dst = append(dst, tickerHTML[bp.ticker]...)
		dst = append(dst, "</a></article>"...)
	}
	dst = b.open(dst, "header", bcHeadline)
	dst = append(dst, " data-type=\"headline-block\">"...)
	dst = b.open(dst, "a", bcKicker)
	dst = append(dst, " href=\"/"...)
	dst = append(dst, a.sectionSlug...)
	dst = append(dst, "/\">"...)
	dst = appendHTML(dst, a.section)
	dst = append(dst, "</a>"...)
	dst = b.open(dst, "h1", bcTitle)
	dst = append(dst, '>')
	dst = appendHTMLF(dst, r.Title, p.flags.title)
	dst = append(dst, "</h1>"...)
	dst = b.open(dst, "div", bcByline)
	dst = append(dst, "><span>"...)
	dst = appendHTML(dst, r.Byline)
	dst = append(dst, "</span> <time datetime=\""...)
	dst = r.Published.UTC().AppendFormat(dst, time.RFC3339)
	dst = append(dst, "\">Published "...)
	dst = r.Published.UTC().AppendFormat(dst, "January 2, 2006 at 3:04 p.m. MST")
	dst = append(dst, "</time>"...)
	if !r.Modified.Equal(r.Published) {
		dst = append(dst, " <time datetime=\""...)
		dst = r.Modified.UTC().AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\">Updated "...)
		dst = r.Modified.UTC().AppendFormat(dst, "January 2, 2006 at 3:04 p.m. MST")
		dst = append(dst, "</time>"...)
	}
	dst = append(dst, "</div>"...)
	dst = b.open(dst, "div", bcShare)
	dst = append(dst, "><button>Share</button> <span>"...)
	dst = appendThousands(dst, bp.commentCount*7+rng.IntN(100))
	dst = append(dst, " shares</span> <a href=\"#comments\">"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " comments</a></div></header>"...)

	dst = b.open(dst, "article", bcBody)
	dst = append(dst, " data-type=\"article-body\" id=\"story-"...)
	dst = append(dst, storyID...)
	dst = append(dst, "\">"...)
	dst = appendBulletinBody(dst, b)
	dst = append(dst, "</article>"...)

	// Most popular: each teaser is an <article>.
	dst = b.open(dst, "section", bcPopular)
	dst = append(dst, " aria-label=\"Most popular\"><h2>Most popular</h2>"...)
	for i, k := range bp.mostRead[:5] {
		dst = b.open(dst, "article", bcPromo)
		dst = append(dst, "><span>"...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, "</span><a href=\"/popular/"...)
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, "/\"><h3>"...)
		dst = append(dst, mostReadHTML[k]...)
		dst = append(dst, "</h3></a><time>"...)
		dst = strconv.AppendInt(dst, int64(1+rng.IntN(23)), 10)
		dst = append(dst, " hours ago</time></article>"...)
	}
	dst = append(dst, "</section>"...)

	// Comments: each an <article> with a sentence or two of prose.
	dst = b.open(dst, "section", bcComments)
	dst = append(dst, " id=\"comments\"><h2>"...)
	dst = strconv.AppendInt(dst, int64(bp.commentCount), 10)
	dst = append(dst, " Comments</h2>"...)
	nc := 3 + rng.IntN(4)
	first := rng.IntN(len(bulletinComments))
	for j := range nc {
		dst = b.open(dst, "article", bcComment)
		dst = append(dst, " id=\"comment-"...)
		dst = strconv.AppendUint(dst, rng.Uint64()%1e10, 10)
		dst = append(dst, "\"><header><b>"...)
		dst = appendHTML(dst, bulletinCommenters[rng.IntN(len(bulletinCommenters))])
		dst = append(dst, "</b> <time>"...)
		dst = strconv.AppendInt(dst, int64(1+rng.IntN(47)), 10)
		dst = append(dst, " hours ago</time></header><p>"...)
		dst = appendHTML(dst, bulletinComments[(first+j)%len(bulletinComments)])
		dst = append(dst, "</p><footer>"...)
		dst = strconv.AppendInt(dst, int64(rng.IntN(300)), 10)
		dst = append(dst, " likes · <button>Reply</button></footer></article>"...)
	}
	dst = append(dst, "<a href=\"/account/login/\">Sign in to join the conversation</a></section></main>"...)

	// Footer and the renderer's state: the story again, as JSON.
	dst = b.open(dst, "footer", bcFooter)
	dst = append(dst, "><p>© 2025 "...)
	dst = appendHTML(dst, a.site)
	dst = append(dst, ". All rights reserved.</p><a href=\"/privacy/\">Privacy</a> <a href=\"/terms/\">Terms of Use</a></footer></div></div><script id=\"fusion-metadata\" type=\"application/javascript\">window.Fusion=window.Fusion||{};Fusion.arcSite=\"bulletin\";Fusion.deployment=\""...)
	dst = strconv.AppendInt(dst, int64(100+rng.IntN(9900)), 10)
	dst = append(dst, "\";Fusion.lastModified="...)
	dst = strconv.AppendInt(dst, r.Modified.Add(time.Duration(rng.IntN(3600))*time.Second).UnixMilli(), 10)
	dst = append(dst, ";Fusion.globalContent={\"_id\":\""...)
	dst = append(dst, storyID...)
	dst = append(dst, "\",\"type\":\"story\",\"headlines\":{\"basic\":"...)
	dst = appendJSONF(dst, r.Title, p.flags.title)
	dst = append(dst, "},\"content_elements\":["...)
	for i, para := range r.Paragraphs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, "{\"type\":\"text\",\"content\":"...)
		dst = appendJSONF(dst, para, p.flags.para(i))
		dst = append(dst, '}')
	}
	return append(dst, "]};</script></body></html>\n"...)
}

// appendBulletinBody renders the body blocks: the jump list, the paragraphs
// with subheads and gallery at fixed places and the cards, interrupt and ads
// at drawn ones, then the follow and last-updated lines.
func appendBulletinBody(dst []byte, b *bulletinR) []byte {
	p, rng := b.p, b.rng
	r := &p.rev
	n := len(r.Paragraphs)
	subAt, subText, hasSubs := bulletinSubheadAt(p.idx, n)
	if hasSubs {
		dst = b.open(dst, "div", bcTOC)
		dst = append(dst, " data-type=\"table-of-contents\"><h2>In this article</h2><ul>"...)
		for _, t := range subText {
			dst = append(dst, "<li><a href=\"#"...)
			dst = append(dst, slugify(t)...)
			dst = append(dst, "\">"...)
			dst = append(dst, t...)
			dst = append(dst, "</a></li>"...)
		}
		dst = append(dst, "</ul></div>"...)
	}
	// Drawn places, each "after paragraph k" with 1 <= k <= n-2.
	span := max(n-2, 1)
	var cardAt [2]int
	nCards := min(1+rng.IntN(2), p.nRelated)
	for c := range nCards {
		cardAt[c] = 1 + rng.IntN(span)
	}
	interruptAt := min(2+rng.IntN(max(n-3, 1)), max(n-2, 1))
	adEvery := 3 + rng.IntN(3)
	adFirst := 2 + rng.IntN(adEvery)
	sponsored := rng.IntN(2) == 0
	for i, para := range r.Paragraphs {
		if hasSubs && (i == subAt[0] || i == subAt[1]) {
			t := subText[0]
			if i == subAt[1] {
				t = subText[1]
			}
			dst = b.open(dst, "h2", bcSubhead)
			dst = append(dst, " id=\""...)
			dst = append(dst, slugify(t)...)
			dst = append(dst, "\" data-type=\"header\">"...)
			dst = append(dst, t...)
			dst = append(dst, "</h2>"...)
		}
		dst = appendBulletinText(dst, b, para, p.flags.para(i), false)
		if i == n-1 {
			break
		}
		if i == 1 && n >= 4 {
			dst = appendBulletinGallery(dst, b, sponsored)
		}
		for c := range nCards {
			if cardAt[c] == i {
				dst = appendBulletinCard(dst, b)
			}
		}
		if i == interruptAt && n >= 4 {
			dst = b.open(dst, "div", bcInterrupt)
			dst = append(dst, " data-type=\"interstitial\" role=\"complementary\"><p>"...)
			dst = appendHTML(dst, bulletinInterrupts[rng.IntN(len(bulletinInterrupts))])
			dst = append(dst, "</p><a href=\"/account/register/\">"...)
			dst = append(dst, bulletinCTAs[rng.IntN(len(bulletinCTAs))]...)
			dst = append(dst, "</a></div>"...)
		}
		if i+1 >= adFirst && (i+1-adFirst)%adEvery == 0 {
			dst = b.open(dst, "div", bcAd)
			dst = append(dst, " data-type=\"raw_html\" data-ad-slot=\"article-"...)
			dst = strconv.AppendInt(dst, int64(i), 10)
			dst = append(dst, "\" id=\"arcad-"...)
			dst = strconv.AppendUint(dst, rng.Uint64()%1e12, 36)
			dst = append(dst, "\"><span>ADVERTISEMENT</span></div>"...)
		}
	}
	dst = appendBulletinText(dst, b, bulletinFollow[rng.IntN(len(bulletinFollow))], cleanHTML, true)
	updated := r.Modified.Add(time.Duration(1+rng.IntN(720)) * time.Minute).UTC()
	dst = b.open(dst, "div", bcBlock)
	dst = append(dst, " data-type=\"text\">"...)
	dst = b.open(dst, "p", bcPara)
	dst = append(dst, '>')
	dst = b.open(dst, "span", bcSpan)
	dst = append(dst, "><i>Last updated "...)
	dst = updated.AppendFormat(dst, "15:04 MST")
	return append(dst, "</i></span></p></div>"...)
}

// appendBulletinText renders one text block; follow blocks carry a link.
func appendBulletinText(dst []byte, b *bulletinR, text string, flags uint8, follow bool) []byte {
	dst = b.open(dst, "div", bcBlock)
	dst = append(dst, " data-type=\"text\">"...)
	dst = b.open(dst, "p", bcPara)
	dst = append(dst, '>')
	dst = b.open(dst, "span", bcSpan)
	dst = append(dst, '>')
	if follow {
		dst = append(dst, "<i><a href=\"/follow/\">"...)
		dst = appendHTML(dst, text)
		dst = append(dst, "</a></i>"...)
	} else {
		dst = appendHTMLF(dst, text, flags)
	}
	return append(dst, "</span></p></div>"...)
}

// appendSlideCaption opens a gallery slide's caption with its place in the
// gallery: "<figcaption …><span>2 of 4</span> ".
func appendSlideCaption(dst []byte, b *bulletinR, slide, total int) []byte {
	dst = b.open(dst, "figcaption", bcCaption)
	dst = append(dst, "><span>"...)
	dst = strconv.AppendInt(dst, int64(slide), 10)
	dst = append(dst, " of "...)
	dst = strconv.AppendInt(dst, int64(total), 10)
	return append(dst, "</span> "...)
}

// appendBulletinGallery renders the article's gallery: its own captions and
// credits, a rotating resizer token per image, and a sponsored slide on some
// requests.
func appendBulletinGallery(dst []byte, b *bulletinR, sponsored bool) []byte {
	p, rng := b.p, b.rng
	dst = b.open(dst, "figure", bcGallery)
	dst = append(dst, " data-type=\"gallery\"><div role=\"region\" aria-roledescription=\"carousel\">"...)
	total := bulletinSlides
	if sponsored {
		total++
	}
	slide := 0
	for k := range bulletinSlides {
		if sponsored && k == 2 {
			slide++
			dst = b.open(dst, "figure", bcSlide)
			dst = append(dst, " data-type=\"ad-slide\"><img src=\"/ads/creative-"...)
			dst = strconv.AppendUint(dst, rng.Uint64()%1e6, 10)
			dst = append(dst, ".jpg\" alt=\"\"/>"...)
			dst = appendSlideCaption(dst, b, slide, total)
			dst = append(dst, "Sponsored: "...)
			dst = append(dst, adCopyHTML[rng.IntN(len(adCopyHTML))]...)
			dst = append(dst, "</figcaption></figure>"...)
		}
		slide++
		caption := bulletinCaptions[(p.idx+2*k)%len(bulletinCaptions)]
		dst = b.open(dst, "figure", bcSlide)
		dst = append(dst, " data-type=\"image\"><img src=\"https://cloudfront.example/resizer/v2/"...)
		dst = append(dst, p.a.sectionSlug...)
		dst = append(dst, '-')
		dst = strconv.AppendInt(dst, int64(p.idx*bulletinSlides+k), 10)
		dst = append(dst, ".jpg?auth="...)
		dst = strconv.AppendUint(dst, rng.Uint64(), 16)
		dst = append(dst, "&amp;width=800\" alt=\""...)
		dst = append(dst, caption...)
		dst = append(dst, "\"/>"...)
		dst = appendSlideCaption(dst, b, slide, total)
		dst = append(dst, caption...)
		dst = append(dst, ' ')
		dst = b.open(dst, "span", bcCredit)
		dst = append(dst, ">("...)
		dst = append(dst, bulletinCredits[(p.idx+k)%len(bulletinCredits)]...)
		dst = append(dst, ")</span></figcaption></figure>"...)
	}
	return append(dst, "</div></figure>"...)
}

// appendBulletinCard renders an inline story card for a drawn related
// article: a label, its headline and its first sentence.
func appendBulletinCard(dst []byte, b *bulletinR) []byte {
	p, rng := b.p, b.rng
	l := p.related[rng.IntN(p.nRelated)]
	dst = b.open(dst, "aside", bcCard)
	dst = append(dst, " data-type=\"story-card\">"...)
	dst = b.open(dst, "span", bcCardLabel)
	dst = append(dst, '>')
	dst = append(dst, bulletinKickers[rng.IntN(len(bulletinKickers))]...)
	dst = append(dst, "</span><a href=\""...)
	dst = appendHTML(dst, b.base)
	dst = appendHTML(dst, l.path)
	dst = append(dst, "\">"...)
	dst = b.open(dst, "h3", bcCardTitle)
	dst = append(dst, '>')
	dst = appendHTML(dst, l.title)
	dst = append(dst, "</h3></a>"...)
	dst = b.open(dst, "p", bcCardTeaser)
	dst = append(dst, '>')
	dst = appendHTML(dst, firstSentence(l.lead))
	return append(dst, "</p></aside>"...)
}
