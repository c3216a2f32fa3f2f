package facts

import (
	"strings"
	"testing"
)

// benchPair builds two versions of a long article (about 5,000 words) from
// the seed: the new one has a few changed facts and one moved paragraph.
func benchPair(b *testing.B) (string, string) {
	seed := seedText(b)
	var o, n strings.Builder
	for i := 0; o.Len() < 33000; i++ {
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
