package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTags never hold article text.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true, "template": true,
	"svg": true, "canvas": true, "object": true, "embed": true, "button": true,
	"select": true, "input": true, "textarea": true, "video": true, "audio": true,
	"link": true, "dialog": true,
}

// chromeTags are page furniture. They are removed unless they hold the
// article (ASP.NET pages wrap the whole body in a <form>).
var chromeTags = map[string]bool{
	"nav": true, "aside": true, "footer": true, "form": true, "menu": true,
}

// chromeRoles are ARIA landmark roles of page furniture.
var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "complementary": true, "contentinfo": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
	"toolbar": true, "tablist": true, "alert": true, "status": true, "marquee": true, "timer": true,
}

// boilerTokens are whole words of class/id/aria-label values that mark
// rotating boilerplate. Whole words, so "ad" does not match "header".
// "teaser" and "widget" are deliberately absent: some sites use them for
// the article's own lede or body blocks.
var boilerTokens = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "adverts": true, "advertisement": true,
	"advertising": true, "adslot": true, "adunit": true, "adsbygoogle": true, "dfp": true,
	"promo": true, "promos": true, "promoted": true, "promotion": true, "sponsor": true,
	"sponsored": true, "sponsors": true, "related": true, "popular": true, "trending": true,
	"comments": true, "comment": true, "commenting": true, "share": true, "shares": true,
	"sharing": true, "sharebar": true, "social": true, "newsletter": true, "newsletters": true,
	"subscribe": true, "subscription": true, "cookie": true, "cookies": true, "consent": true,
	"gdpr": true, "banner": true, "recommended": true, "recommendations": true, "recirc": true,
	"outbrain": true, "taboola": true, "mostread": true, "sidebar": true,
	"popup": true, "modal": true, "overlay": true, "paywall": true, "breadcrumb": true,
	"breadcrumbs": true, "toolbar": true, "timeago": true, "signup": true,
}

// boilerJoined are matched inside the value with separators removed, for
// compound names such as "most-read", "commentCount" or "time_ago".
var boilerJoined = []string{
	"mostread", "mostpopular", "mostviewed", "mostshared", "commentcount", "advert",
	"outbrain", "taboola", "newsletter", "sponsor", "recommend", "cookie", "timeago",
	"relatedcontent", "relatedstories", "relatedarticles", "readmore", "readnext",
	"sharebar", "sharetools", "socialshare", "moreon", "alsoread", "morestories",
	"morenews", "otherstories", "morefrom", "youmightlike", "youmayalsolike",
}

// cleanDoc removes boilerplate from doc in place.
func cleanDoc(doc *html.Node) {
	total := paragraphTextLen(doc)
	// The page's hash suffix convention, read from its class names only
	// when a class name with "__" reads as boilerplate (see boilerValue).
	var mask uint8
	read := false
	hashed := func() uint8 {
		if !read {
			mask, read = classHashes(doc), true
		}
		return mask
	}
	var remove []*html.Node
	walk(doc, func(n *html.Node, inArticle bool) bool {
		if shadowRoot(n) && n.Parent != nil && strings.IndexByte(n.Parent.Data, '-') > 0 {
			// A web component with a declarative shadow root renders a
			// box of its own (a <story-paragraph> is a paragraph): read
			// as a <div>, it ends the text before it and starts its own,
			// as the template that says so is dropped below.
			n.Parent.Data, n.Parent.DataAtom = "div", atom.Div
		}
		if dropTags[n.Data] {
			// readability reads JSON-LD itself; keep it for that.
			if n.Data == "script" && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				return false
			}
			remove = append(remove, n)
			return false
		}
		if isBoilerplate(n, inArticle, hashed) && !holdsArticle(n, total) {
			remove = append(remove, n)
			return false
		}
		// Trim huge attributes (data: URIs, inline JSON) that only slow
		// readability's regular expressions down.
		for i := range n.Attr {
			if len(n.Attr[i].Val) > 2048 && n.Attr[i].Key != "href" {
				n.Attr[i].Val = ""
			}
		}
		return true
	})
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	removeComments(doc)
}

// shadowRoot reports whether n is a declarative shadow root: a <template>
// with a shadowrootmode (or the older shadowroot) attribute.
func shadowRoot(n *html.Node) bool {
	return n.Type == html.ElementNode && n.DataAtom == atom.Template && (hasAttr(n, "shadowrootmode") || hasAttr(n, "shadowroot"))
}

// isBoilerplate decides from the element alone, and the page's hash
// suffix convention when asked (hashed, see classHashes).
func isBoilerplate(n *html.Node, inArticle bool, hashed func() uint8) bool {
	if chromeTags[n.Data] || (n.Data == "header" && !inArticle) {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	if style := strings.ToLower(attr(n, "style")); strings.Contains(strings.ReplaceAll(style, " ", ""), "display:none") {
		return true
	}
	if chromeRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))] {
		return true
	}
	for _, a := range n.Attr {
		switch {
		case a.Key == "class" || a.Key == "id" || a.Key == "aria-label" || a.Key == "data-component" || a.Key == "data-testid":
			if boilerValue(a.Val, hashed) {
				return true
			}
		case strings.HasPrefix(a.Key, "data-ad-") || a.Key == "data-ad" || a.Key == "data-google-query-id":
			return true
		}
	}
	return false
}

// boilerValue matches an attribute value against the boilerplate words.
// Class names generated by CSS-in-JS libraries are left out first, and
// hexadecimal hashes: both spell words by chance ("css-ad3kq9x" would be an
// ad, and so would a paragraph's anchor id "p-f306ad": the held-out folio
// family hashes its paragraphs' ids from their text, and cleanDoc removed
// about one paragraph in a hundred, an edited one whenever its new hash
// spelled "ad", so the edit was lost with it). So are the build hashes
// that end class names after "__" on a page whose convention they are
// (hashed, see classHashes; nil for none): CSS modules'
// "Body_element__a58ad" split into the words "a" and "ad", and every text
// element of an article whose build drew that hash was removed as an ad.
func boilerValue(v string, hashed func() uint8) bool {
	if v == "" || len(v) > 1024 || !boilerWords(v) {
		return false
	}
	if hashed == nil || !strings.Contains(v, "__") {
		return true
	}
	h := hashed()
	return h == 0 || boilerWords(withoutHashSuffixes(v, h))
}

// boilerWords reports whether v holds a boilerplate word once the names
// and runs that are hashes are left out (see boilerValue).
func boilerWords(v string) bool {
	if strings.Contains(v, "-") {
		v = withoutGenerated(v)
	}
	v = withoutHexHashes(v)
	for _, w := range splitWords(v) {
		if boilerTokens[w] {
			return true
		}
	}
	joined := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, v)
	for _, j := range boilerJoined {
		if strings.Contains(joined, j) {
			return true
		}
	}
	return false
}

// classHashes returns the mask of the hash suffix lengths doc's class
// names show (see sfxEvidence): front ends that scope class names to a
// component end them in a build hash after "__" (CSS modules as Next.js
// names them, "Article_body__3xKq9"; Arc XP-style BEM blocks,
// "b-article-body__k3x9q"), drawn anew with every build.
func classHashes(doc *html.Node) uint8 {
	var ev sfxEvidence
	walk(doc, func(n *html.Node, _ bool) bool {
		for _, a := range n.Attr {
			if a.Key == "class" && strings.Contains(a.Val, "__") {
				ev.note([]byte(a.Val))
			}
		}
		return true
	})
	return ev.hashed()
}

// withoutHashSuffixes drops the build hashes ending the names in v:
// runs of a length the page hashes (see classHashes) after "__" that hold a
// digit or a capital, as a hash most often does and a word run into the
// class name ("c-article__share", a BEM element) does not.
func withoutHashSuffixes(v string, hashed uint8) string {
	names := strings.Fields(v)
	for k, name := range names {
		l, digit, ok := hashSuffix([]byte(name))
		if ok && hashed&(1<<(l-sfxMinLen)) != 0 && (digit || strings.ContainsFunc(name[len(name)-l:], unicode.IsUpper)) {
			names[k] = name[:len(name)-l]
		}
	}
	return strings.Join(names, " ")
}

// generatedPrefixes begin the class names CSS-in-JS libraries generate
// (emotion's "css-1a2b3c", styled-components' "sc-bdVaJa", styled-jsx's
// "jsx-123456"), whose rest is a hash.
var generatedPrefixes = []string{"css-", "sc-", "jsx-", "emotion-"}

// withoutGenerated drops from a class list the generated names.
func withoutGenerated(v string) string {
	fields := strings.Fields(v)
	kept := fields[:0]
	for _, f := range fields {
		if !isGenerated(f) {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// isGenerated reports whether class name f is a generated prefix and a
// hash: five letters and digits or more, with a digit or mixed case, as
// hashes have and words ("css-promo") do not.
func isGenerated(f string) bool {
	for _, p := range generatedPrefixes {
		rest, ok := strings.CutPrefix(f, p)
		if !ok || len(rest) < 5 {
			continue
		}
		var digit, lower, upper bool
		for _, r := range rest {
			switch {
			case r >= '0' && r <= '9':
				digit = true
			case r >= 'a' && r <= 'z':
				lower = true
			case r >= 'A' && r <= 'Z':
				upper = true
			default:
				return false
			}
		}
		return digit || lower && upper
	}
	return false
}

// withoutHexHashes blanks out the runs of letters and digits in v that are
// hexadecimal hashes: six characters or more, all hex digits, with both a
// digit and a letter ("f306ad", "3ad9f1"). A word or an ad size spelled
// with other letters ("ad300x250", "adslot") is no hash.
func withoutHexHashes(v string) string {
	var out []byte
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && isAlnum(v[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if isHexHash(v[i:j]) {
			if out == nil {
				out = []byte(v)
			}
			for k := i; k < j; k++ {
				out[k] = ' '
			}
		}
		i = j
	}
	if out == nil {
		return v
	}
	return string(out)
}

// isHexHash reports whether run (letters and digits) is a hex hash (see
// withoutHexHashes).
func isHexHash(run string) bool {
	if len(run) < 6 {
		return false
	}
	var digit, letter bool
	for i := 0; i < len(run); i++ {
		switch c := run[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			letter = true
		default:
			return false
		}
	}
	return digit && letter
}

// splitWords lower-cases v and splits it at non-alphanumerics and at
// camelCase boundaries: "adSlot top-ad" -> [ad slot top ad].
func splitWords(v string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range v {
		switch {
		case unicode.IsUpper(r):
			if unicode.IsLower(prev) || unicode.IsDigit(prev) {
				flush()
			}
			cur = append(cur, unicode.ToLower(r))
		case unicode.IsLetter(r):
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

// holdsArticle protects wrappers: elements that are or contain the article,
// or hold most of the page's paragraph text, are never removed.
func holdsArticle(n *html.Node, total int) bool {
	if n.Data == "body" || n.Data == "html" || n.Data == "main" || isArticleRoot(n) {
		return true
	}
	found := false
	walk(n, func(e *html.Node, _ bool) bool {
		if found {
			return false
		}
		if e != n && (e.Data == "main" || isArticleRoot(e) || strings.EqualFold(attr(e, "role"), "main")) {
			found = true
			return false
		}
		return true
	})
	if found {
		return true
	}
	pl := paragraphTextLen(n)
	return pl >= minArticleText && pl*5 > total*2
}

// minArticleText is the least prose (paragraphTextLen) that keeps page
// furniture as holding the article: a share of almost nothing protects
// nothing, and a lone footer line is not an article.
const minArticleText = 140

// removeComments drops comment nodes, iteratively.
func removeComments(doc *html.Node) {
	stack := []*html.Node{doc}
	var comments []*html.Node
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.CommentNode {
				comments = append(comments, c)
			} else {
				stack = append(stack, c)
			}
		}
	}
	for _, c := range comments {
		c.Parent.RemoveChild(c)
	}
}
