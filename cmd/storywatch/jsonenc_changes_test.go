package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// writeJSONListReference is writeJSONList as it was before the append
// encoders: the output the new one must reproduce byte for byte.
func writeJSONListReference[T any](w io.Writer, key string, items []T) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	fmt.Fprintf(&buf, "{%q: [", key)
	for i := range items {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n  ")
		if err := enc.Encode(items[i]); err != nil {
			return err
		}
	}
	buf.WriteString("]}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

func randomChanges(t *testing.T, seed uint64, n int) []changeJSON {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]changeJSON, n)
	for i := range out {
		fillRandom(t, r, reflect.ValueOf(&out[i]).Elem())
	}
	return out
}

func TestChangeJSONMatchesEncodingJSON(t *testing.T) {
	when := time.Date(2025, 8, 23, 9, 0, 0, 998_000_000, time.UTC)
	fact := facts.Change{Kind: facts.KindNumber, Before: "$75 billion", After: "$100 billion", Subject: "aid"}
	detailed := fact
	detailed.Detail = "refinement"
	tests := map[string]changeJSON{
		"zero":           {},
		"no facts":       {Article: "http://x/a", ArticleID: "a1", Title: "T", Version: 2, DetectedAt: &when, Facts: []facts.Change{}},
		"facts":          {Version: 3, DetectedAt: &when, Facts: []facts.Change{fact, detailed}, Changed: 1},
		"since first":    {Facts: []facts.Change{fact}, SinceFirst: []facts.Change{detailed}},
		"empty since":    {Facts: []facts.Change{}, SinceFirst: []facts.Change{}},
		"escapes":        {Title: "<b>\"Leit\"</b> & \u2028co\xff", Facts: []facts.Change{{Before: "\t\x00", After: "a\\b"}}},
		"negative count": {Inserted: -1, Deleted: 1 << 40, Moved: -5},
	}
	for name, c := range tests {
		t.Run(name, func(t *testing.T) { checkChangeJSON(t, &c) })
	}
	t.Run("random", func(t *testing.T) {
		for i, c := range randomChanges(t, 1, 5000) {
			if !checkChangeJSON(t, &c) {
				t.Fatalf("record %d differs", i)
			}
		}
	})
}

func checkChangeJSON(t *testing.T, c *changeJSON) bool {
	t.Helper()
	want, wantErr := stdJSON(t, c)
	got, err := c.appendJSON(nil)
	if (err != nil) != (wantErr != nil) {
		t.Errorf("error %v, encoding/json's %v", err, wantErr)
		return false
	}
	if err == nil && !bytes.Equal(got, want) {
		t.Errorf("appendJSON:\n got %s\nwant %s", got, want)
		return false
	}
	return true
}

// plainRecord has no append encoder: writeJSONList must fall back to
// encoding/json for it.
type plainRecord struct {
	Name string     `json:"name"`
	At   *time.Time `json:"at,omitempty"`
}

func TestWriteJSONListMatchesReference(t *testing.T) {
	when := time.Date(2025, 8, 23, 9, 0, 0, 0, time.UTC)
	t.Run("changes", func(t *testing.T) {
		for _, n := range []int{0, 1, 2, 3000} { // 3000 crosses the flush size
			compareLists(t, "changes", randomChanges(t, uint64(n), n))
		}
	})
	t.Run("fallback", func(t *testing.T) {
		compareLists(t, "things", []plainRecord{})
		compareLists(t, "things", []plainRecord{{Name: "<a>&\u2028"}, {Name: "b", At: &when}})
	})
}

func compareLists[T any](t *testing.T, key string, items []T) {
	t.Helper()
	var want, got bytes.Buffer
	if err := writeJSONListReference(&want, key, items); err != nil {
		t.Fatal(err)
	}
	if err := writeJSONList(&got, key, items); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		i := firstDiff(got.Bytes(), want.Bytes())
		t.Errorf("%d items: output differs at byte %d:\n got %q\nwant %q", len(items), i,
			window(got.Bytes(), i), window(want.Bytes(), i))
	}
	if !json.Valid(got.Bytes()) {
		t.Errorf("%d items: output is not valid JSON", len(items))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func window(b []byte, i int) []byte {
	return b[max(0, i-40):min(len(b), i+40)]
}

func TestWriteJSONListReportsErrors(t *testing.T) {
	bad := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	items := []changeJSON{{Title: "ok"}, {DetectedAt: &bad}}
	if err := writeJSONList(io.Discard, "changes", items); err == nil {
		t.Error("a year RFC 3339 cannot express encoded without error")
	}
	boom := errors.New("disk full")
	if err := writeJSONList(failingWriter{boom}, "changes", randomChanges(t, 3, 10)); !errors.Is(err, boom) {
		t.Errorf("write error = %v, want %v", err, boom)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// BenchmarkWriteChangesJSON compares the append encoder with the
// encoding/json path it replaced, on 1000 random change records.
func BenchmarkWriteChangesJSON(b *testing.B) {
	items := randomChanges(&testing.T{}, 9, 1000)
	b.Run("append", func(b *testing.B) {
		for b.Loop() {
			if err := writeJSONList(io.Discard, "changes", items); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		for b.Loop() {
			if err := writeJSONListReference(io.Discard, "changes", items); err != nil {
				b.Fatal(err)
			}
		}
	})
}
