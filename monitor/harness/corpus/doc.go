// Package corpus serves news on loopback for the storywatch demo, the
// end-to-end tests and benchmarks: feeds in four formats and realistic
// article pages that change when the caller says so.
//
// Two corpora exist. NewDemo serves an embedded story (story/*/NN.txt): the
// wire article that opens from the seed text and is revised four times (its
// dates, numbers, quotes, a position and a location change, a paragraph moves,
// a typo and a spelling are fixed, the headline changes once), two shorter
// articles on the same story from other outlets, and an unrelated weather
// article that a story filter must drop. story/CHANGES.md lists every edit and
// the fact changes a perfect tool reports. NewSynthetic generates any number
// of feeds and ~800-word articles from the seed's sentences, deterministically
// from Options.Seed, and Revise makes real, recorded edits (LastEdits).
//
// Both serve:
//
//	/                      an index of feeds and articles
//	/feeds/NAME.EXT        RSS 2.0 (.rss), Atom (.atom), RSS 1.0 (.rdf), JSON Feed (.json)
//	/SITE/SECTION/Y/M/D/SLUG.html   article pages
//
// Demo feed names are wire, world, europe and latest (with all formats:
// /feeds/wire.rss, /feeds/world.atom, /feeds/europe.rdf, /feeds/latest.json);
// synthetic ones are feed-000, feed-001 and so on. Some feed links carry
// ?utm_source=rss&utm_medium=feed, and one article is listed in more than one
// feed under the same canonical URL.
//
// Pages are news-site HTML: head with canonical link, Open Graph and
// article:published_time/modified_time metadata and JSON-LD NewsArticle, then
// navigation, ads, the <article> element (h1, byline, <time>, paragraphs,
// share bar, "Advertisement" slots with constant text), comments, a "Most
// read" and a "Related" aside, and a footer. With Options.RotateBoilerplate
// everything outside <article> changes on every request; the <article> element
// changes only on Revise.
//
// Options.Template picks the page template family of a synthetic corpus:
// the pages above (classic), "ledger" (CSS-module class names, the body
// split over several containers with rotating ads, "Read more" boxes,
// newsletter and paywall inserts nested in it, live blogs), "pressroom"
// (no <article> or <main>), "gazette" (a WordPress theme with plugins:
// inside the <article>, an "Updated N minutes ago" line, view and comment
// counters, a rotating photo credit, body sections of varying size, ads and
// "READ MORE:" and newsletter lines as plain <p>s among the paragraphs, and
// Jetpack related posts; JSON-LD dateModified is the cache's build time) or
// "bulletin" (a headless CMS styled with CSS-in-JS: every class name changes
// per request; the headline block sits in <main> outside the <article>,
// which holds only the body, next to a "Breaking" banner, "Most popular"
// teasers and comments that are <article>s too; the body's <div
// data-type="text"> blocks are mixed with a jump list, a gallery with a
// sponsored slide on some requests, inline story cards quoting other
// articles' first sentences, a registration interrupt and ads at drawn
// places, and end with "Follow us on ..." and "Last updated HH:MM" blocks
// shaped like paragraphs) or "wire" (an older agency CMS: windows-1252 in
// the header and a <meta http-equiv>, typography as 1252 bytes mixed with
// &rsquo;, &mdash;, &nbsp; and &#8217;; an HTML 4.01 table frame with no
// <article>, <main> or <p>; the body as <br><br>-separated text runs with
// inline links and emphasis in one to three <div>s, the first run opening
// with an "Updated N min ago" stamp and a "KYIV, June 18 (Wire) — "
// dateline; <amp-social-share>, an <amp-img> with its caption and an
// <amp-ad> inside the body with a pull quote repeating a sentence and, at
// drawn places, a "Most read" box and sponsored links; per-request data-*
// attributes, CSP nonce and request id in inline scripts; JSON-LD whose
// articleBody is the text; one article in ten a live page of <div>
// entries with times) or "spa" (a Next.js site rendered by React on the
// server, written without reading storywatch's extraction: one line of
// markup with "<!-- -->" between text nodes and React's escaping; Emotion
// class names (css-1q2w3e) fixed per site build, but hashed from per-request
// props for the "Updated N minutes ago" stamp and ad slots, with each
// class's <style> element written before its first use, inside paragraphs
// too; the body as sibling text blocks of one or two paragraphs, each a <p>,
// a <p> with a link, emphasis or two text nodes, or a <div> of <span>s, with
// subheadline blocks, after a byline block holding the rotating "Updated"
// stamp and comment count; lazy images with srcset and <noscript> fallbacks, a
// <template> paywall offer; in the body container at drawn places ad slots
// with random ids, "More on this story" cards, a "Read more" promo and a
// newsletter form, all rotating, beside data-* request ids; a
// __NEXT_DATA__ script repeating the text as blocks with a request id,
// render time, a/b flags and recommendations, and JSON-LD whose
// articleBody is the text; one article in eight a live blog with key
// events, a pinned post and <article> entries newest first, each with a
// rotating "N min ago") or "folio" (a Drupal site built from "paragraphs"
// entities and themed with Lit web components, written without reading
// storywatch's extraction: the headline, byline and a rotating "Updated N
// hours ago" inside a <story-body> element with a declarative shadow root;
// the body as field__item wrappers of text entities holding <p id="p-…">s
// and <story-paragraph>s with their own shadow roots, a pull quote entity,
// and inserts drawn per request that look like the text: "Related:" and
// series lines injected as <p id="p-…">, a sponsored text entity, an audio
// bar, a poll, "Most popular", an <x-embed> video playlist, ads and BigPipe
// placeholders; a <picture> lead image with a <noscript> fallback and a
// rotating credit; "@graph" JSON-LD and an __APP_STATE__ repeating the
// paragraphs beside per-request ids; one article in seven an AMP "lite"
// page, one in nine a live page of update <article>s newest first under a
// rotating "N new updates" banner) or "atlas" (an Arc XP/Brightspot-style
// site, written without reading storywatch's extraction: the body a flat
// list of typed content elements, <div class="c-article-body-element__…
// article-body__element" data-type="text|header|quote|image|
// interstitial_link|list|raw_html">, paragraphs in a <p>, bare in the
// element, with a linked name or a drop cap, over two or three sibling
// containers split by a "subscriber-only" marker and an ad; class names
// carrying a build hash that changes per request; at drawn places an ad
// slot nested in a text element, a "Read more:" link shaped as a
// paragraph, a newsletter sign-up and a "Related coverage" list; a
// "Listen to this article" widget, "Published … | Updated N min ago",
// author bio cards and a "Corrections policy"/"Report an error" block in
// the <article>; Fusion.globalContent repeating the text elements' HTML
// beside per-request ids, JSON-LD whose articleBody is the text; one
// article in eleven a live page of <article class="live-update"> entries
// newest first under a pinned "Key events" block) or "press" (a WordPress
// news site with a block theme and Newspack, Jetpack and Yoast, written
// without reading storywatch's extraction: no <article> but the readers'
// comments'; the text as Gutenberg blocks with their "<!-- wp:… -->"
// comments in <div class="entry-content wp-block-post-content">: <p>s (a
// drop cap, linked tag names), a heading, a [caption] figure and an image
// block, a pull quote repeating a sentence, a social embed quoting someone
// else, a list; drawn per request among them an ad inserter's code-blocks,
// a newsletter sign-up and a donation prompt; Jetpack's "Share this:",
// "Like this:" and related posts with excerpts inside the entry content;
// nonces, "?ver=" stamps and the figures' attachment ids drawn per
// request; Yoast's @graph without the text; "Updated" post meta, author
// boxes, "N thoughts on “Title”" over a comment list that gains a comment
// on some requests; one article in thirteen a live blog of <div
// class="liveblog-entry"> entries newest first) or "blox" (a US local
// daily on TownNews' BLOX CMS, written without reading storywatch's
// extraction: an <article class="asset story"> with an asset header of
// headline, author cards, "Posted" and, once edited, "Updated" times and a
// rotating comment count; the text in <div class="asset-content
// subscriber-premium" itemprop="articleBody"> over containers of one to
// three <p>s, a "subscriber-preview" then "subscriber-only" ones (with
// "lee-article-text" wrappers on Lee sites), some <p>s with a linked name,
// an inline photo figure with caption and credit; drawn per request after
// paragraphs, inside a container or between two, tnt-ads-container slots
// with drawn ids, a "Get local news delivered to your inbox!" sign-up,
// "Related to this story" and "Most Popular" lists and a "Support local
// journalism" prompt, with drawn tncms-block ids; request ids and "?_dc="
// cache-busters; __tnt.asset with the lede and JSON-LD whose articleBody
// is the text; keyword tags and a Viafoura comments shell; times in the
// paper's Central time; one article in fourteen a live story of
// tnt-live-update entries newest first). Pages of every other family are
// UTF-8. Pressroom, gazette, bulletin, wire, spa, folio, atlas, press and
// blox are held out: nothing in storywatch is tuned on them.
// They exist so that what storywatch learns per site is measured on layouts
// it was not developed against.
//
// Caching: feeds carry a strong ETag (hash of the body) and Last-Modified (the
// newest item's revision time) and answer 304 to If-None-Match or
// If-Modified-Since. Pages carry Last-Modified (their revision time) and an
// ETag that is strong (hash of the body) without RotateBoilerplate and weak,
// W/"hash of article text and revision", with it, because the bytes then
// differ on every request while the article does not; both validators yield
// 304 on pages too.
//
// Links are absolute, built from Options.BaseURL or else the request's Host,
// so a Handler wrapped in another server stays self-consistent.
//
// Cost: the benchmark runs the server in the process that measures the
// pipeline, on the same two cores, so its CPU per request is kept small.
// Pages and feeds are rendered per request into pooled buffers by
// hand-written appenders whose bytes equal those of the encoding/xml,
// encoding/json and html.EscapeString code they replace (testdata/
// served-*.golden pins every served byte and header; FuzzEscapers and
// FuzzFeedRender compare with the standard library). Escaping is decided once
// per revision: paragraphs with nothing to escape, nearly all, are copied.
// No bodies are cached, only strong ETags per feed or fixed page and state,
// so memory stays small at 100k articles, and a matching conditional GET
// renders nothing. Start serves with a minimal HTTP/1.1 server (one read,
// one write per request) instead of net/http.Server.
package corpus
