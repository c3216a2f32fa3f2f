package corpus

import (
	"os"
	"testing"
)

func TestPeekTmp(t *testing.T) {
	s := startDemo(t, Options{RotateBoilerplate: true})
	s.Revise()
	_, b := get(t, s.ArticleURLs()[0])
	os.WriteFile("/tmp/g/peek/page.html", b, 0o644)
	for i, u := range s.FeedURLs() {
		_, b := get(t, u)
		os.WriteFile("/tmp/g/peek/feed"+string(rune('0'+i)), b, 0o644)
	}
	s2 := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 2, Seed: 1})
	_, b = get(t, s2.ArticleURLs()[0])
	os.WriteFile("/tmp/g/peek/synth.html", b, 0o644)
}
