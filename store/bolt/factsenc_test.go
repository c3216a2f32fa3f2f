package bolt

import (
	"reflect"
	"testing"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// TestFactsRoundTripCompactly: facts are stored without the words the
// version's text holds, and come back exactly.
func TestFactsRoundTripCompactly(t *testing.T) {
	text := "Putin agreed to meet Zelensky in Budapest on August 29."
	fs := []facts.Fact{
		{Kind: facts.KindPosition, Text: "agreed", Start: 6, End: 12, Value: "accept: to meet Zelensky", Subject: "Putin"},
		{Kind: facts.KindLocation, Text: "Budapest", Start: 33, End: 41, Value: "Budapest", Type: "city"},
		{Kind: facts.KindDate, Text: "August 29", Start: 45, End: 54, Value: "2025-08-29", Type: "DATE"},
		{Kind: facts.KindQuote, Text: "not in the text", Start: 0, End: 3, Value: ""},
		{Kind: facts.KindNumber, Text: "broken offsets", Start: 50, End: 500, Value: "x"},
	}
	s := mustOpen(t)
	a := store.Article{ID: store.ArticleID("https://example.com/a"), URL: "https://example.com/a"}
	if _, err := s.Apply([]store.Update{{Article: a, Version: &store.Version{Title: "t", Text: text, Source: "page", Facts: fs}}}, nil); err != nil {
		t.Fatal(err)
	}
	v, err := s.LatestVersion(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v.Facts, fs) {
		t.Errorf("facts changed in the store:\n got %+v\nwant %+v", v.Facts, fs)
	}
	// A place whose value is its words stores neither: head byte, two
	// offsets and the interned type.
	one := func(f facts.Fact) int {
		return len(marshalPayload(&store.Version{Text: text, Facts: []facts.Fact{f}})) - len(marshalPayload(&store.Version{Text: text}))
	}
	if n := one(fs[1]); n > 1+1+1+1+len("city")+1 {
		t.Errorf("a place whose value is its words took %d payload bytes", n)
	}
}
