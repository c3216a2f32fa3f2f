package bolt

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

func fullRecord() articleRecord {
	return articleRecord{
		ID: "0123456789ab", URL: "https://example.com/world/summit", Title: "Summit “set”", Outlet: "Example World",
		Feeds:     []string{"https://example.com/rss", "https://other.example/feed"},
		Aliases:   []string{"https://example.com/rss/item/1"},
		FirstSeen: t0, LastChanged: t0.Add(time.Hour + 5*time.Nanosecond), LastChecked: t0.Add(2 * time.Hour),
		Published: time.Date(1960, 1, 2, 3, 4, 5, 0, time.UTC), Versions: 3,
		ETag: `W/"v2"`, LastModified: "Mon, 18 Aug 2025 12:00:00 GMT",
		PageHash:   "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		LatestHash: "0123456789ab", LatestSeq: 3, KeySeq: 1, KeyCount: 2,
	}
}

func TestArticleCodecRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		edit func(*articleRecord)
	}{
		{"all fields", func(*articleRecord) {}},
		{"empty", func(r *articleRecord) { *r = articleRecord{} }},
		{"upper-case hex hash", func(r *articleRecord) { r.PageHash = "ABCDEF" }},
		{"odd-length hex hash", func(r *articleRecord) { r.LatestHash = "abc" }},
		{"non-hex hash", func(r *articleRecord) { r.PageHash = "sha1:xyz" }},
		{"unix epoch", func(r *articleRecord) { r.FirstSeen = time.Unix(0, 0).UTC() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fullRecord()
			tt.edit(&r)
			got, err := decodeArticle(encodeArticle(&r))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, r) {
				t.Errorf("round trip:\n%s\nwant\n%s", dump(got), dump(r))
			}
		})
	}
}

// TestArticleCodecSmaller: the binary record is at most 60% of the JSON one
// it replaces.
func TestArticleCodecSmaller(t *testing.T) {
	r := fullRecord()
	r.LatestHash = r.PageHash
	js, err := json.Marshal(&r)
	if err != nil {
		t.Fatal(err)
	}
	if bin := encodeArticle(&r); len(bin)*10 > len(js)*6 {
		t.Errorf("binary record %d bytes, JSON %d", len(bin), len(js))
	}
}

// TestArticleCodecReadsJSON: a record an older binary wrote as JSON is
// found and, once written again, stored in the binary form.
func TestArticleCodecReadsJSON(t *testing.T) {
	s := mustOpen(t)
	r := fullRecord()
	js, err := json.Marshal(&r)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketArticles).Put([]byte(r.ID), js); err != nil {
			return err
		}
		return tx.Bucket(bucketAliases).Put([]byte(r.URL), []byte(r.ID))
	}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	if want := r.article(); !reflect.DeepEqual(a, want) {
		t.Errorf("Article:\n%s\nwant\n%s", dump(a), dump(want))
	}
	mustApply(t, s, nil, store.Update{Article: store.Article{ID: r.ID, URL: r.URL, LastChecked: t0.Add(3 * time.Hour)}})
	if err := s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket(bucketArticles).Get([]byte(r.ID)); len(v) == 0 || v[0] != articleFormat1 {
			t.Errorf("rewritten record starts %q, want the binary form", v[:min(len(v), 8)])
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(r.ID); err != nil || a.Versions != 3 || !a.LastChecked.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("after rewrite Article = %+v, %v", a, err)
	}
}

func TestArticleCodecStatus(t *testing.T) {
	r := fullRecord()
	plain := encodeArticle(&r)
	r.Status = "removed (410 Gone)"
	withStatus := encodeArticle(&r)
	if len(withStatus) <= len(plain) {
		t.Fatalf("status not encoded: %d <= %d bytes", len(withStatus), len(plain))
	}
	got, err := decodeArticle(withStatus)
	if err != nil || got.Status != r.Status {
		t.Fatalf("decode = %+v, %v; want status %q", got, err, r.Status)
	}
	// a record written before the field existed decodes with no status
	if got, err := decodeArticle(plain); err != nil || got.Status != "" {
		t.Fatalf("decode plain = %+v, %v", got, err)
	}
}

func TestArticleCodecCorrupt(t *testing.T) {
	r := fullRecord()
	good := encodeArticle(&r)
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"unknown format", []byte{9, 0}},
		{"truncated", good[:len(good)/2]},
		{"status past end", append(append([]byte(nil), good...), 5)},
		{"bytes after status", append(appendString(append([]byte(nil), good...), "removed (404 Not Found)"), 0)},
		{"string past end", []byte{articleFormat1, 200}},
		{"huge list", append([]byte{articleFormat1, 0, 0, 0, 0, 0, 0, 0, 0}, 0xff, 0xff, 0xff, 0xff, 0x0f)},
		{"bad JSON", []byte(`{"id":`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r, err := decodeArticle(tt.b); err == nil {
				t.Errorf("decodeArticle = %+v, want an error", r)
			} else if !strings.HasPrefix(err.Error(), "decode article: ") {
				t.Errorf("error %q lacks the decode context", err)
			}
		})
	}
}

func FuzzDecodeArticle(f *testing.F) {
	r := fullRecord()
	f.Add(encodeArticle(&r))
	empty := articleRecord{}
	f.Add(encodeArticle(&empty))
	js, _ := json.Marshal(&r)
	f.Add(js)
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeArticle(b)
		if err != nil || len(b) == 0 || b[0] == '{' {
			return
		}
		// A binary record that decodes encodes back to an equal record.
		again, err := decodeArticle(encodeArticle(r))
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !reflect.DeepEqual(again, r) {
			t.Fatalf("re-encode changed the record:\n%s\n%s", dump(r), dump(again))
		}
	})
}
