package bolt

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// TestNewArticlesSharePages: new articles' versions go to the flat record
// bucket, packed several to a page, not one nested bucket (and at least
// one page) per article as schema 2 stored them.
func TestNewArticlesSharePages(t *testing.T) {
	s := mustOpen(t)
	gen := newTextGen(summit(t), 3)
	const n = 200
	var ups []store.Update
	for i := range n {
		title, text := gen.article()
		ups = append(ups, articleUpdate(fmt.Sprintf("https://example.com/story/%d", i), title, text, t0.Add(time.Duration(i)*time.Second)))
		if len(ups) == 25 {
			mustApply(t, s, nil, ups...)
			ups = ups[:0]
		}
	}
	err := s.db.View(func(tx *bbolt.Tx) error {
		if st := tx.Bucket(bucketVersions).Stats(); st.BucketN != 1 {
			t.Errorf("versions bucket holds %d nested buckets, want none", st.BucketN-1)
		}
		st := tx.Bucket(bucketRecords).Stats()
		if st.KeyN != n {
			t.Errorf("record bucket holds %d records, want %d", st.KeyN, n)
		}
		if pages := st.LeafPageN + st.LeafOverflowN; pages*2 > n {
			t.Errorf("%d records take %d leaf pages, want at least two records a page", n, pages)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestVersionSetIDPrefixes: an id that starts with another id must not
// see the other's versions, in either direction.
func TestVersionSetIDPrefixes(t *testing.T) {
	s := mustOpen(t)
	texts := summitEdits(t, 3)
	ids := []string{"abcd", "abcd\x00\x00\x00\x00\x00\x00\x00\x01", "abcdabcdabcd", "abc"}
	for i, id := range ids {
		var ups []store.Update
		for j := 0; j <= i; j++ {
			u := articleUpdate("https://example.com/"+fmt.Sprint(i), "T", texts[j], t0.Add(time.Duration(j)*time.Hour))
			u.Article.ID = id
			ups = append(ups, u)
		}
		mustApply(t, s, nil, ups...)
	}
	for i, id := range ids {
		t.Run(fmt.Sprintf("%q", id), func(t *testing.T) {
			vs, err := s.Versions(id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range vs {
				got = append(got, v.Text)
			}
			if want := texts[:i+1]; !reflect.DeepEqual(got, want) {
				t.Errorf("Versions(%q) = %d texts, want %d", id, len(got), len(want))
			}
			latest, err := s.LatestVersion(id)
			if err != nil || latest.Seq != i+1 || latest.Text != texts[i] {
				t.Errorf("LatestVersion(%q) = seq %d, %v; want seq %d", id, latest.Seq, err, i+1)
			}
		})
	}
	var seen []string
	if err := s.db.View(func(tx *bbolt.Tx) error {
		return eachArticleVersions(tx, func(id []byte, _ versionSet) error {
			seen = append(seen, string(id))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(ids) {
		t.Errorf("eachArticleVersions saw %q, want the %d ids", seen, len(ids))
	}
}

// TestVersionSetBothLayouts: an article stored in a schema 2 nested bucket
// and one in the flat buckets are read, counted, appended to and compacted
// alike, and each keeps its layout.
func TestVersionSetBothLayouts(t *testing.T) {
	s := mustOpen(t)
	texts := summitEdits(t, 5)
	oldURL, newURL := "https://example.com/old", "https://example.com/new"
	oldID := store.ArticleID(oldURL)
	// The nested bucket exists before the first version, as schema 2
	// created it.
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		_, err := tx.Bucket(bucketVersions).CreateBucket([]byte(oldID))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		at := t0.Add(time.Duration(i) * time.Hour)
		mustApply(t, s, nil, articleUpdate(oldURL, "Old", texts[i], at), articleUpdate(newURL, "New", texts[i], at))
	}
	layout := func() (nested, indexed int) {
		if err := s.db.View(func(tx *bbolt.Tx) error {
			nested = tx.Bucket(bucketVersions).Bucket([]byte(oldID)).Stats().KeyN
			indexed = tx.Bucket(bucketIndex).Stats().KeyN
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return nested, indexed
	}
	if n, x := layout(); n != 3 || x != 3 {
		t.Fatalf("nested bucket holds %d, index %d; want 3 each", n, x)
	}
	st, err := s.Stats()
	if err != nil || st.Versions != 6 {
		t.Fatalf("Stats = %+v, %v; want 6 versions", st, err)
	}
	removed, err := s.Compact(1, 0, t0.Add(24*time.Hour))
	if err != nil || removed != 2 {
		t.Fatalf("Compact = %d, %v; want 2 removed", removed, err)
	}
	if n, x := layout(); n != 2 || x != 2 {
		t.Errorf("after Compact nested bucket holds %d, index %d; want 2 each", n, x)
	}
	for _, url := range []string{oldURL, newURL} {
		seqs := mustApply(t, s, nil, articleUpdate(url, "X", texts[4], t0.Add(48*time.Hour)))
		if seqs[0] != 4 {
			t.Errorf("%s: new version got seq %d, want 4", url, seqs[0])
		}
		vs, err := s.Versions(store.ArticleID(url))
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, v := range vs {
			got = append(got, v.Seq)
		}
		if want := []int{1, 3, 4}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: seqs %v, want %v", url, got, want)
		}
		if v, err := s.Version(store.ArticleID(url), 3); err != nil || v.Text != texts[2] {
			t.Errorf("%s: Version 3 = %q, %v", url, v.Text, err)
		}
		if _, err := s.Version(store.ArticleID(url), 2); err == nil {
			t.Errorf("%s: compacted version 2 still readable", url)
		}
	}
}
