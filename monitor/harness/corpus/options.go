package corpus

import (
	"fmt"
	"net/url"
	"strings"
)

// Feed formats accepted in Options.Formats.
const (
	FormatRSS  = "rss"  // RSS 2.0, served as /feeds/NAME.rss
	FormatAtom = "atom" // Atom 1.0, served as /feeds/NAME.atom
	FormatRDF  = "rdf"  // RSS 1.0 (RDF), served as /feeds/NAME.rdf
	FormatJSON = "json" // JSON Feed 1.1, served as /feeds/NAME.json
)

// Page template families accepted in Options.Template. Each is written as
// a different CMS would write its pages (see page.go, ledger.go, pressroom.go,
// gazette.go, bulletin.go, wire.go, spa.go, folio.go, atlas.go, press.go and blox.go), so that what storywatch learns about one site's
// pages is tested on layouts it was not developed against.
const (
	TemplateClassic   = "classic"   // <article> with header, share bar, inline ad labels
	TemplateLedger    = "ledger"    // CSS-module classes, body in parts, rotating inserts nested in the body, live blogs
	TemplatePressroom = "pressroom" // no <article> or <main>: the whole body is the region (held out: nothing is tuned on it)
	TemplateGazette   = "gazette"   // WordPress with plugins: rotating counters, credits, read-more and newsletter <p>s and ads inside the entry content (held out: nothing is tuned on it)
	TemplateBulletin  = "bulletin"  // headless CMS with CSS-in-JS: per-request class names, headline outside the <article>, teaser and comment <article>s in <main>, story cards, interrupts, "Follow us" and "Last updated" blocks shaped like paragraphs (held out: nothing is tuned on it)
	TemplateWire      = "wire"      // older agency CMS served as windows-1252: table frame, body as <br><br>-separated runs with a dateline, AMP elements, pull quote, rotating "Most read" and sponsored links in the body, live pages of <div> entries (held out: written without reading storywatch's extraction)
	TemplateSPA       = "spa"       // Next.js/React server-rendered pages: Emotion-hashed classes with <style> tags in the body, paragraphs as sibling text blocks of <p>, <div> and <span>s, __NEXT_DATA__ and JSON-LD repeating the text beside per-request ids, rotating cards, ads, newsletter and "Updated N minutes ago" in the body, live blogs with a pinned post (held out: written without reading storywatch's extraction)
	TemplateFolio     = "folio"     // Drupal with "paragraphs" entities and Lit web components: <story-body> and <story-paragraph> with declarative shadow roots, field__item wrappers, paragraphs with hashed anchor ids, inserts shaped like paragraphs (related, series, sponsored, audio bar, poll, most popular) drawn per request, @graph JSON-LD and __APP_STATE__, AMP lite pages, live pages of update <article>s (held out: written without reading storywatch's extraction)
	TemplateAtlas     = "atlas"     // Arc XP/Brightspot-style: the body a flat list of typed content elements (<div class="... article-body__element" data-type="text">, paragraphs in a <p> or bare) over two or three containers split by a subscriber-only marker and an ad, class names with a build hash that changes per request, an ad slot nested in a text element, "Read more:" links shaped as paragraphs, newsletter and "Related coverage" drawn per request, "Listen to this article", author bio and corrections blocks, Fusion.globalContent and JSON-LD repeating the text, live pages of <article class="live-update">s under pinned key events (held out: written without reading storywatch's extraction)
	TemplatePress     = "press"     // WordPress news site with a block theme and Newspack/Jetpack/Yoast: no <article> but readers' comments', Gutenberg blocks with their <!-- wp: --> comments in entry-content (drop cap, linked tag names, heading, [caption] and image figures, a pull quote repeating a sentence, a social embed quoting someone else, a list), an ad inserter's code-blocks, Newspack newsletter and donation prompts drawn per request, Jetpack "Share this:"/"Like this:" and related posts with excerpts inside entry-content, per-request nonces, ?ver= stamps and attachment ids, a Yoast @graph without the text, "Updated" post meta, author box, a comment list that gains a comment on some requests, live blogs of <div class="liveblog-entry">s (held out: written without reading storywatch's extraction)
	TemplateBlox      = "blox"      // US local daily on TownNews BLOX: <article class="asset story"> with the text in asset-content subscriber-premium over subscriber-preview/subscriber-only (lee-article-text) containers, tnt-ads-container slots, "Get local news delivered to your inbox!", "Related to this story", "Most Popular" and "Support local journalism" blocks drawn per request inside or between them, an inline photo with caption and credit, author cards, "Posted"/"Updated" times, keyword tags, a Viafoura shell, per-request widget ids, ad ids, request ids and ?_dc= cache-busters, __tnt.asset and JSON-LD NewsArticle with the text, live stories of tnt-live-update entries (held out: written without reading storywatch's extraction)
)

// Templates lists the template families storywatch is held to: the tests
// run each, and bench runs each unless told otherwise. TemplateBulletin is
// accepted but not listed: written after gazette's findings were fixed, it
// found more at first sight. Pages whose body a CSS-in-JS class name took
// for an ad are fixed (bench: exactly the edited articles); open are that
// its fingerprints never hold across fetches (class names drawn per request
// defeat learned element kinds, so every page is extracted) and that a
// lede other pages' story cards quote is dropped from the stored text as
// boilerplate (see the README). bench --templates bulletin runs it.
// TemplateWire is accepted but not listed either: it is new, not yet run
// by the lead; nor is TemplateSPA, newer still (bench --templates spa),
// nor TemplateFolio (bench --templates folio), nor TemplateAtlas (bench
// --templates atlas), nor TemplatePress (bench --templates press), nor
// TemplateBlox, the newest (bench --templates blox).
func Templates() []string {
	return []string{TemplateClassic, TemplateLedger, TemplatePressroom, TemplateGazette}
}

// AllFormats lists every supported feed format in round-robin order.
func AllFormats() []string { return []string{FormatRSS, FormatAtom, FormatRDF, FormatJSON} }

// Options configures a Server. The zero value is a valid demo configuration.
type Options struct {
	// Feeds is the number of feeds in synthetic mode; it must be at least 1 there.
	// Ignored by NewDemo, whose feeds are fixed by the story.
	Feeds int
	// ArticlesPerFeed is the number of distinct articles per feed in synthetic mode;
	// it must be at least 1 there. Ignored by NewDemo.
	ArticlesPerFeed int
	// EditFraction is the fraction (0..1) of all synthetic articles that get one real
	// edit on each Revise, rounded to the nearest whole article. Zero: Revise edits
	// nothing. Ignored by NewDemo, which follows its story.
	EditFraction float64
	// Seed makes every generated name, number, edit and boilerplate choice
	// deterministic. Zero is a valid seed.
	Seed int64
	// RotateBoilerplate makes every page request return different navigation, ads,
	// "most read" and related lists, comment counts and an "updated N minutes ago"
	// line, while the <article> element only changes on Revise. False: a page is
	// byte-identical between requests until its article is revised.
	RotateBoilerplate bool
	// Template is the page template family: TemplateClassic (the default),
	// TemplateLedger, TemplatePressroom, TemplateGazette, TemplateBulletin,
	// TemplateWire, TemplateSPA, TemplateFolio, TemplateAtlas, TemplatePress
	// or TemplateBlox.
	// Ignored by NewDemo.
	Template string
	// Formats are the feed formats assigned to feeds round-robin, from FormatRSS,
	// FormatAtom, FormatRDF and FormatJSON. Empty: all four, in that order.
	Formats []string
	// BaseURL, when set (for example "http://127.0.0.1:8080"), is the absolute
	// prefix of every link in feeds and pages and the base WriteStatic uses.
	// Empty: links are built from the request's Host, and WriteStatic uses URL().
	BaseURL string
}

func (o Options) formats() ([]string, error) {
	if len(o.Formats) == 0 {
		return AllFormats(), nil
	}
	out := make([]string, 0, len(o.Formats))
	for _, f := range o.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case FormatRSS, FormatAtom, FormatRDF, FormatJSON:
			out = append(out, f)
		default:
			return nil, fmt.Errorf("check formats: unknown format %q: %w", f, ErrOptions)
		}
	}
	return out, nil
}

func (o Options) validateTemplate() error {
	switch o.Template {
	case "", TemplateClassic, TemplateLedger, TemplatePressroom, TemplateGazette, TemplateBulletin, TemplateWire, TemplateSPA, TemplateFolio, TemplateAtlas, TemplatePress, TemplateBlox:
		return nil
	}
	return fmt.Errorf("check template: unknown family %q: %w", o.Template, ErrOptions)
}

func (o Options) validateBase() error {
	if o.BaseURL == "" {
		return nil
	}
	u, err := url.Parse(o.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("check base url %q: want http(s)://host[:port]: %w", o.BaseURL, ErrOptions)
	}
	return nil
}

func (o Options) validateSynthetic() error {
	if o.Feeds < 1 {
		return fmt.Errorf("check feeds: %d < 1: %w", o.Feeds, ErrOptions)
	}
	if o.ArticlesPerFeed < 1 {
		return fmt.Errorf("check articles per feed: %d < 1: %w", o.ArticlesPerFeed, ErrOptions)
	}
	if o.EditFraction < 0 || o.EditFraction > 1 || o.EditFraction != o.EditFraction {
		return fmt.Errorf("check edit fraction: %v not in [0,1]: %w", o.EditFraction, ErrOptions)
	}
	return nil
}
