package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

// benchPair builds two versions of a long article (just over 5,000 words)
// from the seed: every third copy in the new one has two changed facts.
func benchPair(b *testing.B) (string, string) {
	seed := seedText(b)
	per := len(strings.Fields(seed))
	var o, n strings.Builder
	for i := 0; i*per < 5000; i++ {
		o.WriteString(seed)
		s := seed
		if i%3 == 0 {
			s = strings.Replace(s, "$90 billion", "$100 billion", 1)
			s = strings.Replace(s, "in Turkey", "in Istanbul", 1)
		}
		n.WriteString(s)
	}
	return o.String(), n.String()
}

func BenchmarkExtract(b *testing.B) {
	text, _ := benchPair(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	benchtext.ReportCPU(b, func() {
		Extract(text, pub)
	})
}

func BenchmarkCompare(b *testing.B) {
	o, n := benchPair(b)
	b.ReportMetric(float64(len(strings.Fields(o))), "words")
	b.ReportAllocs()
	benchtext.ReportCPU(b, func() {
		Compare(o, n, pub)
	})
}

// BenchmarkExtractArticles runs Extract over each article of the demo
// story and the dev set's base texts, one call per article, the way the
// pipeline calls it (a few kilobytes each, not one long text).
func BenchmarkExtractArticles(b *testing.B) {
	paths, err := filepath.Glob("testdata/story/*/*.txt")
	if err != nil {
		b.Fatal(err)
	}
	base, err := filepath.Glob("../eval/testdata/devset/base/*.txt")
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, p := range append(paths, base...) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	if len(texts) < 10 {
		b.Fatalf("found %d articles, want >= 10", len(texts))
	}
	b.SetBytes(int64(size))
	b.ReportMetric(float64(len(texts)), "articles")
	b.ReportAllocs()
	benchtext.ReportCPU(b, func() {
		for _, t := range texts {
			Extract(t, pub)
		}
	})
}
