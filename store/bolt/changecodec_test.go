package bolt

import (
	"reflect"
	"testing"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

func TestChangeCodecRoundTrip(t *testing.T) {
	tests := []store.Change{
		{},
		{Article: "https://example.com/a", Title: "Summit “set” — for Budapest", Inserted: 1, Deleted: 2, Changed: 300, Moved: 4},
		{Article: "u", Facts: []facts.Change{
			{Kind: facts.KindDate, Before: "next two weeks", After: "next 10 days", BeforeValue: "P2W", AfterValue: "P10D",
				Subject: "Merz", BeforeSentence: "Merz said ... two weeks.", AfterSentence: "Merz said ... 10 days.", Detail: "shift"},
			{Kind: facts.KindQuote, After: "“a major step forward”"},
		}},
	}
	for _, want := range tests {
		t.Run(want.Title, func(t *testing.T) {
			var got store.Change
			if err := decodeChangeValue(encodeChange(&want), &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip:\n%s\nwant\n%s", dump(got), dump(want))
			}
		})
	}
}

// TestChangeCodecCoversFactChange fails when facts.Change gains a field the
// binary change format would silently drop.
func TestChangeCodecCoversFactChange(t *testing.T) {
	if n := reflect.TypeFor[facts.Change]().NumField(); n != changeFactFields {
		t.Fatalf("facts.Change has %d fields, the change format stores %d: extend encodeChange/decodeChangeValue (new format byte)", n, changeFactFields)
	}
}

func TestChangeCodecSinceFirst(t *testing.T) {
	c := store.Change{Article: "https://example.com/a", Title: "t", Facts: []facts.Change{{Kind: facts.KindNumber, Before: "1", After: "2"}},
		SinceFirst: []facts.Change{{Kind: facts.KindDate, Before: "June", After: "July", Detail: "shift"}}}
	var got store.Change
	if err := decodeChangeValue(encodeChange(&c), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.SinceFirst, c.SinceFirst) || !reflect.DeepEqual(got.Facts, c.Facts) {
		t.Errorf("round trip: got %+v, want %+v", got, c)
	}
	// A record without the section decodes without it.
	c.SinceFirst = nil
	var plain store.Change
	if err := decodeChangeValue(encodeChange(&c), &plain); err != nil || plain.SinceFirst != nil {
		t.Errorf("record without since-first: %v %+v", err, plain.SinceFirst)
	}
}

func TestChangeCodecCorrupt(t *testing.T) {
	good := encodeChange(&store.Change{Article: "https://example.com/a", Facts: []facts.Change{{Kind: facts.KindNumber, Before: "1"}}})
	tests := map[string][]byte{
		"empty":          nil,
		"unknown format": {9},
		"truncated":      good[:len(good)-1],
		"trailing bytes": append(append([]byte(nil), good...), 0),
		"huge length":    {changeFormat1, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"bad varint":     {changeFormat1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	}
	for name, v := range tests {
		t.Run(name, func(t *testing.T) {
			var c store.Change
			if err := decodeChangeValue(v, &c); err == nil {
				t.Errorf("decoded corrupt record %x", v)
			}
		})
	}
}

func FuzzChangeCodec(f *testing.F) {
	f.Add(encodeChange(&store.Change{Article: "https://example.com/a", Title: "T", Inserted: 3,
		Facts: []facts.Change{{Kind: facts.KindDate, Before: "Monday", After: "Tuesday"}}}))
	f.Add([]byte{changeFormat1})
	f.Fuzz(func(t *testing.T, v []byte) {
		var c store.Change
		if err := decodeChangeValue(v, &c); err != nil {
			return
		}
		var again store.Change
		if err := decodeChangeValue(encodeChange(&c), &again); err != nil || !reflect.DeepEqual(c, again) {
			t.Errorf("re-encoding a decoded record changed it: %v", err)
		}
	})
}

func TestDeltaRoundTrip(t *testing.T) {
	texts := summitEdits(t, 6)
	tests := []struct{ name, base, target string }{
		{"empty target", texts[0], ""},
		{"empty base", "", texts[1]},
		{"identical", texts[0], texts[0]},
		{"edit", texts[0], texts[1]},
		{"append", texts[1], texts[3]},
		{"unrelated", "abcdefghijklmnopqrstuvwxyz", texts[2]},
		{"short", "hello world, hello world", "hello world"},
		{"repetitive", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := encodeDelta([]byte(tt.base), []byte(tt.target))
			got, err := applyDelta([]byte(tt.base), d, 0)
			if err != nil || string(got) != tt.target {
				t.Fatalf("applyDelta = %q, %v; want %q", got, err, tt.target)
			}
			if tt.name == "edit" && len(d) > 200 {
				t.Errorf("delta of a one-phrase edit is %d bytes", len(d))
			}
		})
	}
}

func FuzzDelta(f *testing.F) {
	texts := summitEdits(f, 2)
	f.Add([]byte(texts[0][:500]), []byte(texts[1][:520]), []byte{})
	f.Add([]byte("base text here!!"), []byte("target"), []byte{3, 1, 2})
	f.Fuzz(func(t *testing.T, base, target, garbage []byte) {
		got, err := applyDelta(base, encodeDelta(base, target), len(target))
		if err != nil || string(got) != string(target) {
			t.Fatalf("round trip failed: %v", err)
		}
		_, _ = applyDelta(base, garbage, 0) // must not panic
	})
}

func FuzzParseHeader(f *testing.F) {
	f.Add(appendHeader(nil, versionHeader{kind: kindDelta, base: 3, raw: 4000, fetchedAt: t0}))
	f.Add(appendHeader(nil, versionHeader{format: versionFormat2, kind: kindKeyframe, dict: 7, raw: 4000, fetchedAt: t0}))
	f.Add(appendHeader(nil, versionHeader{format: versionFormat1, kind: kindDeltaRaw, base: 1, raw: 10}))
	f.Add([]byte{versionFormat1, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, _, err := parseHeader(b)
		if err != nil {
			return
		}
		h2, _, err := parseHeader(appendHeader(nil, h))
		if err != nil || h2 != h {
			t.Errorf("header round trip: %+v -> %+v, %v", h, h2, err)
		}
	})
}
