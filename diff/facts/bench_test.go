package facts

import (
	"strings"
	"testing"
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
	for b.Loop() {
		Extract(text, pub)
	}
}

func BenchmarkCompare(b *testing.B) {
	o, n := benchPair(b)
	b.ReportMetric(float64(len(strings.Fields(o))), "words")
	b.ReportAllocs()
	for b.Loop() {
		Compare(o, n, pub)
	}
}
