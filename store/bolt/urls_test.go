package bolt

import (
	"errors"
	"testing"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

func TestURLLookup(t *testing.T) {
	const (
		canon = "https://example.com/world/summit"
		alias = "https://example.com/rss/item/1"
		other = "https://example.com/other"
	)
	id := store.ArticleID(canon)
	tests := []struct {
		name  string
		setup func(tx *bbolt.Tx) error // runs after the article is stored
		ref   string
		want  string // article id, "" for ErrNotFound
	}{
		{"canonical URL", nil, canon, id},
		{"alias URL", nil, alias, id},
		{"unknown URL", nil, other, ""},
		{"schema 2 entry in aliases", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketAliases).Put([]byte(other), []byte(id))
		}, other, id},
		{"hashed entry for a URL its article does not list", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketURLs).Put(urlKey(other), []byte(id))
		}, other, ""},
		{"collision falls back to the schema 2 entry", func(tx *bbolt.Tx) error {
			if err := tx.Bucket(bucketURLs).Put(urlKey(other), []byte("feedfacecafe")); err != nil {
				return err
			}
			return tx.Bucket(bucketAliases).Put([]byte(other), []byte(id))
		}, other, id},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			u := articleUpdate(canon, "Summit", summit(t), t0)
			u.Article.Aliases = []string{alias}
			mustApply(t, s, nil, u)
			if tt.setup != nil {
				if err := s.db.Update(tt.setup); err != nil {
					t.Fatal(err)
				}
			}
			a, err := s.Article(tt.ref)
			switch {
			case tt.want == "" && !errors.Is(err, store.ErrNotFound):
				t.Errorf("Article(%q) = %s, %v; want ErrNotFound", tt.ref, a.ID, err)
			case tt.want != "" && (err != nil || a.ID != tt.want):
				t.Errorf("Article(%q) = %s, %v; want %s", tt.ref, a.ID, err, tt.want)
			}
		})
	}
}

// TestURLsWrittenHashed: new URL entries go to the hashed bucket only.
func TestURLsWrittenHashed(t *testing.T) {
	s := mustOpen(t)
	u := articleUpdate("https://example.com/a", "A", summit(t), t0)
	u.Article.Aliases = []string{"https://example.com/a?utm_source=rss"}
	mustApply(t, s, nil, u)
	if err := s.db.View(func(tx *bbolt.Tx) error {
		if n := tx.Bucket(bucketAliases).Stats().KeyN; n != 0 {
			t.Errorf("aliases bucket holds %d entries, want none", n)
		}
		b := tx.Bucket(bucketURLs)
		for _, url := range []string{u.Article.URL, u.Article.Aliases[0]} {
			if got := string(b.Get(urlKey(url))); got != store.ArticleID(u.Article.URL) {
				t.Errorf("urls entry for %s = %q", url, got)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
