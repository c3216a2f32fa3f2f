package corpus

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"
)

// inlineAdEvery places an "Advertisement" box after every Nth paragraph. The
// boxes sit inside <article> but hold only a constant label: their copy is
// loaded by script on real sites, so the article's text stays stable.
const inlineAdEvery = 4

// pageParts are the cacheable parts of a page: they change only on Revise.
type pageParts struct {
	head    string // <head> element
	article string // <article> element
}

func esc(s string) string { return html.EscapeString(s) }

func humanTime(t time.Time) string { return t.UTC().Format("2 January 2006, 15:04 UTC") }

type jsonLD struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	Headline         string    `json:"headline"`
	URL              string    `json:"url"`
	MainEntityOfPage string    `json:"mainEntityOfPage"`
	DatePublished    string    `json:"datePublished"`
	DateModified     string    `json:"dateModified"`
	ArticleSection   string    `json:"articleSection,omitempty"`
	Author           []ldThing `json:"author,omitempty"`
	Publisher        ldThing   `json:"publisher"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// renderParts renders the head and the article element of a.
func renderParts(a *article, canonical string, feedLinks []feedLink) (pageParts, error) {
	r := a.cur
	pub := r.Published.UTC().Format(time.RFC3339)
	mod := r.Modified.UTC().Format(time.RFC3339)
	ld := jsonLD{
		Context: "https://schema.org", Type: "NewsArticle", Headline: r.Title,
		URL: canonical, MainEntityOfPage: canonical, DatePublished: pub, DateModified: mod,
		ArticleSection: a.section, Publisher: ldThing{Type: "Organization", Name: a.site},
	}
	if n := bylineName(r.Byline); n != "" {
		for _, p := range strings.Split(n, " and ") {
			ld.Author = append(ld.Author, ldThing{Type: "Person", Name: p})
		}
	}
	// json.Marshal escapes <, > and &, so the script element cannot be closed early.
	ldJSON, err := json.Marshal(ld)
	if err != nil {
		return pageParts{}, fmt.Errorf("encode json-ld: %w", err)
	}

	var h strings.Builder
	h.WriteString("<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&h, "<title>%s | %s</title>\n", esc(r.Title), esc(a.site))
	fmt.Fprintf(&h, "<link rel=\"canonical\" href=\"%s\">\n", esc(canonical))
	fmt.Fprintf(&h, "<meta name=\"description\" content=\"%s\">\n", esc(summary(r)))
	h.WriteString("<meta property=\"og:type\" content=\"article\">\n")
	fmt.Fprintf(&h, "<meta property=\"og:url\" content=\"%s\">\n", esc(canonical))
	fmt.Fprintf(&h, "<meta property=\"og:title\" content=\"%s\">\n", esc(r.Title))
	fmt.Fprintf(&h, "<meta property=\"og:site_name\" content=\"%s\">\n", esc(a.site))
	fmt.Fprintf(&h, "<meta property=\"article:published_time\" content=\"%s\">\n", pub)
	fmt.Fprintf(&h, "<meta property=\"article:modified_time\" content=\"%s\">\n", mod)
	if a.section != "" {
		fmt.Fprintf(&h, "<meta property=\"article:section\" content=\"%s\">\n", esc(a.section))
	}
	for _, fl := range feedLinks {
		fmt.Fprintf(&h, "<link rel=\"alternate\" type=\"%s\" title=\"%s\" href=\"%s\">\n", fl.mime, esc(fl.title), esc(fl.url))
	}
	h.WriteString("<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
	fmt.Fprintf(&h, "<script type=\"application/ld+json\">%s</script>\n", ldJSON)
	h.WriteString("<script async src=\"/static/ads.js\"></script>\n</head>\n")

	var b strings.Builder
	b.WriteString("<article class=\"story\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n")
	b.WriteString("<header class=\"story-header\">\n")
	fmt.Fprintf(&b, "<h1 itemprop=\"headline\">%s</h1>\n", esc(r.Title))
	if r.Byline != "" {
		fmt.Fprintf(&b, "<p class=\"byline\" itemprop=\"author\">%s</p>\n", esc(r.Byline))
	}
	fmt.Fprintf(&b, "<p class=\"dateline\">Published <time datetime=\"%s\" itemprop=\"datePublished\">%s</time>", pub, humanTime(r.Published))
	if !r.Modified.Equal(r.Published) {
		fmt.Fprintf(&b, " · Updated <time datetime=\"%s\" itemprop=\"dateModified\">%s</time>", mod, humanTime(r.Modified))
	}
	b.WriteString("</p>\n</header>\n")
	q := url.QueryEscape(canonical)
	fmt.Fprintf(&b, "<div class=\"share-bar\" aria-label=\"Share\"><a href=\"https://twitter.com/intent/tweet?url=%s\">Share on X</a> <a href=\"https://www.facebook.com/sharer/sharer.php?u=%s\">Facebook</a> <a href=\"mailto:?subject=%s&amp;body=%s\">Email</a></div>\n",
		esc(q), esc(q), esc(url.QueryEscape(r.Title)), esc(q))
	b.WriteString("<div class=\"story-body\" itemprop=\"articleBody\">\n")
	for i, p := range r.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
		if (i+1)%inlineAdEvery == 0 && i+1 < len(r.Paragraphs) {
			fmt.Fprintf(&b, "<aside class=\"ad ad-inline\" data-slot=\"inline-%d\"><span class=\"ad-label\">Advertisement</span></aside>\n", (i+1)/inlineAdEvery)
		}
	}
	b.WriteString("</div>\n</article>\n")
	return pageParts{head: h.String(), article: b.String()}, nil
}

// assemblePage wraps the cached parts in one draw of boilerplate.
func assemblePage(parts pageParts, a *article, base string, bp boilerplate, related []relatedLink) []byte {
	var b strings.Builder
	b.Grow(len(parts.head) + len(parts.article) + 4096)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n")
	b.WriteString(parts.head)
	fmt.Fprintf(&b, "<body class=\"article-page section-%s\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n", slugify(a.section))
	fmt.Fprintf(&b, "<div class=\"ad ad-leaderboard\" data-slot=\"top\"><span class=\"ad-label\">Advertisement</span><p>%s</p></div>\n", esc(bp.topAd))
	fmt.Fprintf(&b, "<header class=\"site-header\">\n<div class=\"masthead\"><a href=\"%s/\">%s</a></div>\n", esc(base), esc(a.site))
	writeNav(&b, bp)
	fmt.Fprintf(&b, "<div class=\"ticker\"><strong>Latest</strong> %s · <span class=\"updated\">Updated %d minutes ago</span></div>\n</header>\n", esc(bp.ticker), bp.updatedMins)
	fmt.Fprintf(&b, "<main id=\"main\">\n<div class=\"breadcrumbs\"><a href=\"%s/\">Home</a> › <a href=\"%s/%s/\">%s</a></div>\n", esc(base), esc(base), slugify(a.section), esc(a.section))
	b.WriteString(parts.article)
	fmt.Fprintf(&b, "<section class=\"comments\" id=\"comments\"><h2>Comments</h2><p><a href=\"#comments\">%d comments</a> · <a href=\"#\">Join the conversation</a></p></section>\n</main>\n", bp.commentCount)
	b.WriteString("<aside class=\"sidebar\">\n<section class=\"most-read\"><h2>Most read</h2><ol>")
	for i, t := range bp.mostRead {
		fmt.Fprintf(&b, "<li><a href=\"%s/most-read/%d\">%s</a></li>", esc(base), i+1, esc(t))
	}
	b.WriteString("</ol></section>\n")
	fmt.Fprintf(&b, "<div class=\"ad ad-sidebar\" data-slot=\"side\"><span class=\"ad-label\">Advertisement</span><p>%s</p></div>\n", esc(bp.sideAd))
	b.WriteString("<section class=\"related\"><h2>Related</h2><ul>")
	for _, r := range related {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", esc(r.url), esc(r.title))
	}
	b.WriteString("</ul></section>\n</aside>\n")
	fmt.Fprintf(&b, "<footer class=\"site-footer\"><nav><a href=\"%s/about\">About</a> · <a href=\"%s/contact\">Contact</a> · <a href=\"%s/terms\">Terms</a> · <a href=\"%s/privacy\">Privacy</a></nav><p>© 2025 %s. All rights reserved.</p></footer>\n",
		esc(base), esc(base), esc(base), esc(base), esc(a.site))
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

type relatedLink struct {
	url   string
	title string
}
