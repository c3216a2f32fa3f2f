package corpus_test

import (
	"fmt"
	"log"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// The demo story on loopback: poll the feeds, Revise, poll again.
func ExampleNewDemo() {
	s, err := corpus.NewDemo(corpus.Options{RotateBoilerplate: true})
	if err != nil {
		log.Fatal(err)
	}
	if err := s.Start(); err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	fmt.Println(len(s.FeedURLs()), "feeds,", len(s.ArticleURLs()), "articles")
	fmt.Println(len(s.Revise()), "articles changed in revision", s.Revision())
	// Output:
	// 4 feeds, 4 articles
	// 4 articles changed in revision 1
}

// A synthetic corpus for benchmarks: 10% of articles get one recorded edit per Revise.
func ExampleNewSynthetic() {
	s, err := corpus.NewSynthetic(corpus.Options{Feeds: 5, ArticlesPerFeed: 20, EditFraction: 0.1, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	if err := s.Start(); err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	edited := s.Revise()
	fmt.Println(len(edited), "edited;", len(s.LastEdits()), "edits recorded")
	// Output: 10 edited; 10 edits recorded
}
