// Package benchtext builds article pairs for the tests and benchmarks of
// the diff packages from the seed article.
package benchtext

import (
	_ "embed"
	"fmt"
	"strings"
)

// Seed is the text of the seed article (one paragraph a line).
//
//go:embed summit-article.txt
var Seed string

// Pair returns two versions of an article of at least words words, built
// from copies of the seed article's paragraphs. Every copy gets its own
// dateline so that no sentence repeats, and the new version carries the
// edits a live story sees: changed figures and dates, a reworded sentence,
// a deleted and an inserted paragraph, and a paragraph moved up.
func Pair(words int) (old, new string) {
	paras := strings.Split(strings.TrimSpace(Seed), "\n")
	var o, n []string
	for part := 0; countWords(o) < words; part++ {
		city := fmt.Sprintf("(Part %d)", part+1)
		for k, p := range paras {
			p = city + " " + p
			o = append(o, p)
			switch k {
			case 3:
				p = strings.Replace(p, "within the next two weeks", "on August 29", 1)
			case 6:
				p = strings.Replace(p, "$90 billion", "$100 billion", 1)
			case 7:
				p = strings.Replace(p, "on Monday", "on Tuesday", 1)
			case 8:
				continue // deleted
			case 9:
				p = strings.Replace(p, "ruled out", "said it could accept", 1)
				n = append(n, p, city+" Officials in Kyiv said a draft of the guarantees would be sent to Washington within days.")
				continue
			}
			n = append(n, p)
		}
		// Move the last paragraph of this part to the top of it.
		last := len(n) - 1
		moved := n[last]
		start := len(n) - len(paras) // one deleted and one inserted paragraph: still len(paras)
		copy(n[start+1:], n[start:last])
		n[start] = moved
	}
	return strings.Join(o, "\n\n"), strings.Join(n, "\n\n")
}

func countWords(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(strings.Fields(p))
	}
	return n
}
