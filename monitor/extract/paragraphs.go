package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags end one paragraph and start the next.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "td": true, "th": true,
	"figure": true, "figcaption": true, "header": true, "footer": true, "aside": true,
	"br": true, "hr": true, "address": true, "details": true, "summary": true, "body": true,
}

// paragraphs returns the plain-text paragraphs under root, skipping UI lines
// and inline "Read more: <link>" teasers.
func paragraphs(root *html.Node) []string {
	var out []string
	var buf strings.Builder
	linkBytes := 0 // bytes of buf that came from inside <a>
	inLink := 0
	flush := func() {
		raw := buf.String()
		if p := normalizeSpace(raw); p != "" && !isUILine(p) && !isLinkTeaser(p, linkBytes, len(raw)) {
			out = append(out, p)
		}
		buf.Reset()
		linkBytes = 0
	}
	// Iterative walk; an entry with end set marks where an element closes.
	type item struct {
		n   *html.Node
		end bool
	}
	stack := []item{{n: root}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if it.end {
			if n.Data == "a" {
				inLink--
			}
			if blockTags[n.Data] {
				flush()
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			if inLink > 0 {
				linkBytes += len(n.Data)
			}
			continue
		case html.ElementNode:
			if dropTags[n.Data] {
				continue
			}
			if blockTags[n.Data] {
				flush()
			}
			if n.Data == "a" {
				inLink++
			}
			if blockTags[n.Data] || n.Data == "a" {
				stack = append(stack, item{n: n, end: true})
			}
		case html.DocumentNode:
		default:
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{n: c})
		}
	}
	flush()
	return out
}

// teaserPrefix matches the lead-in of inline links to other stories.
var teaserPrefix = regexp.MustCompile(`(?i)^(read more|read also|also read|related|see also|more on this( story)?|more|watch|listen|recommended|don't miss|trending|latest|further reading)\s*[:|›»\-–—]`)

// isLinkTeaser reports whether p is a short "Read more: <headline>" line
// made mostly of link text. Such lines point at other stories and rotate.
func isLinkTeaser(p string, linkBytes, rawBytes int) bool {
	return len(p) <= 200 && rawBytes > 0 && linkBytes*2 >= rawBytes && teaserPrefix.MatchString(p)
}

// normalizeSpace collapses every run of white space (no-break spaces and
// zero-width characters too) to one space and trims the ends.
func normalizeSpace(s string) string {
	if isNormalASCII(s) {
		return s // most text blocks of a page: nothing to change or copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII, most of any page: the same rules without decoding.
			if c > ' ' && c < 0x7f {
				// A run of printable ASCII other than the space goes in whole.
				j := i + 1
				for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
					j++
				}
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteString(s[i:j])
				i = j
				continue
			}
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = b.Len() > 0
			}
			// else a control character, dropped
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f':
			space = b.Len() > 0
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isNormalASCII reports whether normalizeSpace would return s unchanged
// without looking past ASCII: printable characters and single spaces
// between them.
func isNormalASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0x7f {
			continue
		}
		if c != ' ' || s[i+1] == ' ' { // s[i+1] exists: s does not end with a space
			return false
		}
	}
	return true
}

// uiLines are whole lines, lower-cased without trailing punctuation, that
// are interface text rather than article text.
var uiLines = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "ads": true, "sponsored": true,
	"sponsored content": true, "paid content": true, "paid post": true, "promoted": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"share on facebook": true, "share on twitter": true, "share on x": true, "tweet": true,
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "reddit": true,
	"email": true, "print": true, "copy link": true, "link copied": true, "save": true, "save article": true,
	"read more": true, "continue reading": true, "read full article": true, "read next": true,
	"see more": true, "show more": true, "load more": true, "more": true, "click here": true,
	"comments": true, "comment": true, "show comments": true, "view comments": true, "join the conversation": true,
	"sign up": true, "sign in": true, "log in": true, "subscribe": true, "subscribe now": true,
	"follow us": true, "related": true, "related articles": true, "related stories": true,
	"related content": true, "more on this story": true, "more from": true, "you may also like": true,
	"most read": true, "most popular": true, "most viewed": true, "trending": true, "trending now": true,
	"recommended": true, "recommended for you": true, "skip to content": true, "skip to main content": true,
	"skip advertisement": true, "story continues below advertisement": true, "article continues below advertisement": true,
	"scroll to continue with content": true, "advertisement - scroll to continue": true,
	"loading": true, "listen": true, "listen to this article": true, "play": true, "pause": true,
	"close": true, "menu": true, "search": true, "back to top": true, "top": true,
}

var (
	// "12 comments", "1.2k shares"
	countLine = regexp.MustCompile(`^[\d.,]+[km]?\s+(comments?|replies|shares?|reactions?|likes?|views?)$`)
	// "updated 3 minutes ago", "published: 2 hrs ago", "just now"
	relativeTime = regexp.MustCompile(`^((last\s+)?(updated|published|posted|modified)\s*:?\s*)?((\d+|an?|one)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|m|days?|d|weeks?)\s+ago|just\s+now|moments?\s+ago)$`)
	// a time stamp before a relative age: a live update's header "6:53
	// p.m. UTC 50 min ago", a page's "Published Aug. 19, 2025 at 6:53
	// p.m. UTC | Updated 50 min ago": the age rotates on every request
	stampAgo = regexp.MustCompile(`^((published|updated|posted|last updated)\s*:?\s*)?(on\s+)?([a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\s*(at\s+)?)?\d{1,2}[:.]\d{2}\s*([ap]\.?\s?m\.?)?\s*[a-z]{0,4}\s*[|·•—–-]?\s*((last\s+)?updated\s*:?\s*)?(\d+|an?|one)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|hr|h|m|days?|d)\s+ago$`)
)

// isUILine reports whether a paragraph is interface text: a known UI
// phrase, a counter, a relative timestamp, or no letters or digits at all.
func isUILine(p string) bool {
	if len(p) > 80 {
		return false
	}
	if !strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true
	}
	l := strings.ToLower(strings.TrimRightFunc(p, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || r == '›' || r == '»' || r == '→'
	}))
	l = strings.TrimLeftFunc(l, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return uiLines[l] || countLine.MatchString(l) || relativeTime.MatchString(l) || stampAgo.MatchString(l)
}
