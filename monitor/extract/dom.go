package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// walk visits element nodes depth first, iteratively (hostile pages may nest
// deeply). fn returns false to skip the node's children. inArticle reports
// whether the node is inside an <article> or articleBody element.
func walk(root *html.Node, fn func(n *html.Node, inArticle bool) bool) {
	type frame struct {
		n         *html.Node
		inArticle bool
	}
	stack := []frame{{root, false}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		in := f.inArticle
		if n.Type == html.ElementNode {
			if !fn(n, in) {
				continue
			}
			in = in || isArticleRoot(n)
		}
		// Push children in reverse so they are visited in document order.
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode || c.Type == html.DocumentNode {
				stack = append(stack, frame{c, in})
			}
		}
	}
}

func isArticleRoot(n *html.Node) bool {
	return n.Data == "article" || strings.EqualFold(attr(n, "itemprop"), "articleBody")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// firstAttr returns the value of the first of keys that n has.
func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}

// hasToken reports whether the space-separated list s contains tok.
func hasToken(s, tok string) bool {
	for f := range strings.FieldsSeq(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// paragraphTextLen counts the non-space bytes of text inside n's prose-sized
// <p> elements. Short ones are skipped so that a list of a thousand one-line
// teasers does not outweigh the article.
func paragraphTextLen(n *html.Node) int {
	total := 0
	walk(n, func(e *html.Node, _ bool) bool {
		if e.Data == "p" {
			if l := textLen(e); l >= minProse {
				total += l
			}
			return false
		}
		return true
	})
	return total
}

// textLen counts non-space bytes of all text under n, iteratively.
func textLen(n *html.Node) int {
	total := 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			for i := 0; i < len(x.Data); i++ {
				if c := x.Data[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
					total++
				}
			}
			continue
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return total
}
