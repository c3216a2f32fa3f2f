package bolt

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// payloadCases are versions whose binary payloads must round-trip exactly.
func payloadCases() []struct {
	name string
	v    store.Version
} {
	text := "Zürich — “Putin agreed”, said Ünal: €90 billion on August 29.\n\nSecond paragraph."
	at := func(s string) int { return strings.Index(text, s) }
	span := func(k facts.Kind, s, value string) facts.Fact {
		return facts.Fact{Kind: k, Text: s, Start: at(s), End: at(s) + len(s), Value: value}
	}
	loc := time.FixedZone("CEST", 2*3600)
	return []struct {
		name string
		v    store.Version
	}{
		{"empty", store.Version{}},
		{"metadata", store.Version{
			Hash: "d5b8b093b946908e82002cdb8b6abeabb6197a8c035c731d711c151cde12762c", Source: "page",
			Title: "Hopes rise — “talks”", Byline: "By Jane Doe", Text: text,
			Published: time.Date(2025, 8, 19, 18, 31, 0, 0, loc), Modified: time.Date(2025, 8, 19, 20, 0, 0, 123456789, time.UTC),
		}},
		{"odd hash and source", store.Version{Hash: "ABC", Source: "feed-summary", Text: "x"}},
		{"odd-length hex hash", store.Version{Hash: "abc", Source: "feed", Text: "x"}},
		{"modified only, before 1970", store.Version{Modified: time.Date(1960, 1, 2, 3, 4, 5, 6, time.UTC), Text: "old"}},
		{"facts", store.Version{Text: text, Facts: []facts.Fact{
			span(facts.KindQuote, "“Putin agreed”", "putin agreed"),
			{Kind: facts.KindQuote, Text: "“Putin agreed”", Start: at("“Putin agreed”"), End: at("“Putin agreed”") + len("“Putin agreed”"), Value: "putin agreed", Subject: "Ünal"},
			span(facts.KindNumber, "€90 billion", "90000000000 EUR"),
			{Kind: facts.KindDate, Text: "August 29", Start: at("August 29"), End: at("August 29") + 9, Value: "2025-08-29", Type: "DATE", Subject: "Ünal"},
			span(facts.KindLocation, "Zürich", "Zürich"), // value is the words
			{Kind: facts.KindLocation, Text: "Zürich", Start: 0, End: len("Zürich"), Value: "", Type: "city"},
			span(facts.KindPosition, "agreed", "accept: to meet"),
			span(facts.KindTitle, "Second", "Second"),
		}}},
		{"odd spans", store.Version{Text: text, Facts: []facts.Fact{
			{Kind: facts.KindNumber, Text: "not in the text", Start: 0, End: 3, Value: "x"},
			{Kind: facts.KindNumber, Text: "beyond", Start: 50, End: 5000, Value: "beyond"},
			{Kind: facts.KindDate, Text: "negative", Start: -7, End: -1, Value: ""},
			{Kind: facts.KindDate, Text: "reversed", Start: 20, End: 10, Value: "r", Type: "SET"},
			{Kind: facts.KindQuote, Text: "", Start: 4, End: 4, Value: ""}, // empty span
			{Kind: facts.KindQuote, Text: text[1:2], Start: 1, End: 2, Value: "half a rune"},
			{Kind: "future-kind", Text: "Second", Start: at("Second"), End: at("Second") + 6, Value: "Second", Type: "future-kind"},
			{Kind: "", Text: "", Start: 0, End: 0, Value: "kindless"},
			{Kind: "future-kind", Text: "z", Start: 1 << 30, End: 1<<30 + 1, Value: "far"},
			{Kind: facts.KindNumber, Text: "extremes", Start: math.MinInt, End: math.MaxInt, Value: "wraps"},
			{Kind: facts.KindNumber, Text: "extremes", Start: math.MaxInt, End: math.MinInt, Value: "wraps"},
		}}},
	}
}

func TestPayloadRoundTrip(t *testing.T) {
	for _, tt := range payloadCases() {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.v
			want.Seq, want.FetchedAt = 7, t0
			want.Published, want.Modified = store.UTC(want.Published), store.UTC(want.Modified)
			p := marshalPayload(&tt.v)
			got, err := unmarshalPayload(7, t0, p)
			if err != nil {
				t.Fatalf("unmarshalPayload: %v", err)
			}
			if dump(got) != dump(want) || !got.Published.Equal(want.Published) || !got.Modified.Equal(want.Modified) {
				t.Errorf("round trip changed the version:\n got %s\nwant %s", dump(got), dump(want))
			}
		})
	}
}

// TestPayloadIsCompact: the binary payload spends few bytes beyond the
// title and text, and packs a hex hash to half its length.
func TestPayloadIsCompact(t *testing.T) {
	for _, tt := range payloadCases() {
		t.Run(tt.name, func(t *testing.T) {
			p := marshalPayload(&tt.v)
			budget := len(tt.v.Title) + len(tt.v.Byline) + len(tt.v.Text) + len(tt.v.Source) + len(tt.v.Hash)/2 + 4 + 20
			for _, f := range tt.v.Facts {
				budget += 3 + 2*3 + len(f.Kind) + len(f.Type) + len(f.Subject)
				if f.Value != f.Text {
					budget += len(f.Value)
				}
				if f.Start < 0 || f.End > len(tt.v.Text) || f.Start > f.End || tt.v.Text[f.Start:f.End] != f.Text {
					budget += len(f.Text)
				}
			}
			if len(p) > budget {
				t.Errorf("payload of %d bytes, want at most %d", len(p), budget)
			}
		})
	}
}

func TestPayloadCorrupt(t *testing.T) {
	good := marshalPayload(&payloadCases()[5].v)
	tests := []struct {
		name    string
		payload []byte
		want    string // in the error
	}{
		{"nothing", nil, "flags"},
		{"unknown flag", append([]byte{0x80}, good[1:]...), "flags"},
		{"unknown source", []byte{0, 0, 9}, "source"},
		{"hash longer than payload", []byte{0, 40, 1, 2}, "hash"},
		{"fact beyond text", []byte{0, 0, 1, 0, 0, 1, 'a', 1, 2, 0, 4}, "fact span"},
		{"unknown reference", []byte{0, 0, 1, 0, 0, 1, 'a', 1, byte(2 | factType), 0, 2, 5}, "fact type reference"},
		{"too many facts", []byte{0, 0, 1, 0, 0, 0, 200}, "fact count"},
		{"trailing bytes", append(append([]byte(nil), good...), 1, 2, 3), "after the facts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := unmarshalPayload(3, t0, tt.payload)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "version 3") {
				t.Errorf("err = %v, want one naming version 3 and %q", err, tt.want)
			}
		})
	}
	t.Run("every truncation", func(t *testing.T) {
		for n := range len(good) {
			if _, err := unmarshalPayload(1, t0, good[:n]); err == nil {
				t.Fatalf("payload cut to %d of %d bytes decoded without error", n, len(good))
			}
		}
	})
}

func FuzzUnmarshalPayload(f *testing.F) {
	for _, tt := range payloadCases() {
		f.Add(marshalPayload(&tt.v))
	}
	f.Add([]byte{0, 0, 1, 0, 0, 1, 'a', 1, 2, 0, 4})
	f.Fuzz(func(t *testing.T, p []byte) {
		v, err := unmarshalPayload(1, t0, p)
		if err != nil {
			if !strings.Contains(err.Error(), "corrupt payload: ") {
				t.Fatalf("error %q does not say what is corrupt", err)
			}
			return
		}
		// Whatever decodes must encode to a payload that decodes the same.
		again, err := unmarshalPayload(1, t0, marshalPayload(&v))
		if err != nil || !reflect.DeepEqual(again, v) {
			t.Fatalf("re-encoded payload differs: %v\n got %+v\nwant %+v", err, again, v)
		}
	})
}
