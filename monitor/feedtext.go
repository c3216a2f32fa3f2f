package monitor

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/storywatch/storywatch/monitor/feed"
)

// blockTags end a paragraph when feed HTML is turned into text.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "section": true, "article": true,
}

// itemText is the plain text of a feed item's own content (or summary), in
// paragraphs separated by blank lines: the fallback when the page cannot be
// fetched, and what the story filter sees before any page is fetched.
func itemText(it feed.Item) string {
	src := it.Content()
	if strings.TrimSpace(src) == "" {
		src = it.Summary
	}
	return htmlToText(src)
}

func htmlToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	skip := 0 // inside script/style
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style":
				skip++
			case blockTags[tag]:
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style":
				skip = max(0, skip-1)
			case blockTags[tag]:
				flush()
			}
		}
	}
}
