package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func randomThreads(t *testing.T, seed uint64, n int) []timelineJSON {
	r := rand.New(rand.NewPCG(seed, 11))
	out := make([]timelineJSON, n)
	for i := range out {
		fillRandom(t, r, reflect.ValueOf(&out[i]).Elem())
	}
	return out
}

func TestWriteTimelineJSONMatchesWriteJSON(t *testing.T) {
	when := time.Date(2025, 8, 23, 9, 0, 0, 5, time.UTC)
	one := timelineJSON{Key: "date/summit", Kind: "date", Topic: "date of the summit", Articles: 2, Changes: 1,
		Contradicted: true, Values: []timelineValueJSON{
			{Value: "2025-08-29", Text: "August 29", Sentence: "The summit is on \"August 29\" <maybe>.", Version: 1,
				LastVersion: 3, FirstSeen: &when, Current: true},
			{Value: "P2W", Text: "two weeks\u2028", LastSeen: &when},
		}}
	tests := map[string][]timelineJSON{
		"nil":            nil,
		"empty":          {},
		"one":            {one},
		"no values":      {{Key: "k", Values: []timelineValueJSON{}}},
		"nil values":     {{Key: "k"}, one},
		"random":         randomThreads(t, 1, 300),
		"random, larger": randomThreads(t, 2, 2000), // crosses the flush size
	}
	for name, threads := range tests {
		t.Run(name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := writeJSON(&want, map[string]any{"timeline": threads}); err != nil {
				t.Fatal(err)
			}
			if err := writeTimelineJSON(&got, threads); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				i := firstDiff(got.Bytes(), want.Bytes())
				t.Errorf("output differs at byte %d:\n got %q\nwant %q", i, window(got.Bytes(), i), window(want.Bytes(), i))
			}
			if !json.Valid(got.Bytes()) {
				t.Error("output is not valid JSON")
			}
		})
	}
}

func TestWriteTimelineJSONReportsErrors(t *testing.T) {
	bad := time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)
	threads := []timelineJSON{{Values: []timelineValueJSON{{LastSeen: &bad}}}}
	var buf bytes.Buffer
	if err := writeTimelineJSON(&buf, threads); err == nil {
		t.Error("a year RFC 3339 cannot express encoded without error")
	}
}
