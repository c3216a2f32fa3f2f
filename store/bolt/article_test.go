package bolt

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

// collidingURLs returns two URLs whose ids share their first n hex digits.
func collidingURLs(t *testing.T, n int) (string, string) {
	t.Helper()
	seen := map[string]string{}
	for i := 0; i < 1_000_000; i++ {
		u := fmt.Sprintf("https://example.com/story/%d", i)
		p := store.ArticleID(u)[:n]
		if other, ok := seen[p]; ok {
			return other, u
		}
		seen[p] = u
	}
	t.Fatal("no id collision found")
	return "", ""
}

func TestArticleLookup(t *testing.T) {
	s := mustOpen(t)
	u1, u2 := collidingURLs(t, store.MinPrefix)
	alias := "https://feeds.example.com/~r/world/1234"
	up1 := articleUpdate(u1, "One", "text one", t0)
	up1.Article.Aliases = []string{alias, "http://example.com/amp/1"}
	mustApply(t, s, nil, up1, articleUpdate(u2, "Two", "text two", t0.Add(time.Minute)))
	id1, id2 := store.ArticleID(u1), store.ArticleID(u2)
	// the longest prefix the two ids share
	shared := 0
	for shared < len(id1) && id1[shared] == id2[shared] {
		shared++
	}

	tests := []struct {
		name, ref, wantID string
		wantErr           error
	}{
		{"id", id1, id1, nil},
		{"canonical URL", u2, id2, nil},
		{"alias", alias, id1, nil},
		{"second alias", "http://example.com/amp/1", id1, nil},
		{"unique prefix", id2[:shared+1], id2, nil},
		{"upper-case prefix", strings.ToUpper(id1[:shared+1]), id1, nil},
		{"padded", "  " + id1 + "\n", id1, nil},
		{"ambiguous prefix", id1[:store.MinPrefix], "", store.ErrAmbiguous},
		{"short prefix", id1[:store.MinPrefix-1], "", store.ErrShortPrefix}, // also ErrNotFound
		{"unknown URL", "https://example.com/none", "", store.ErrNotFound},
		{"unknown prefix", "zzzz", "", store.ErrNotFound},
		{"empty", "", "", store.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := s.Article(tt.ref)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Article(%q) err = %v, want %v", tt.ref, err, tt.wantErr)
				}
				if tt.wantErr == store.ErrAmbiguous && (!strings.Contains(err.Error(), id1) || !strings.Contains(err.Error(), id2)) {
					t.Errorf("ambiguity error %q should list both ids", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Article(%q): %v", tt.ref, err)
			}
			if a.ID != tt.wantID {
				t.Errorf("Article(%q).ID = %s, want %s", tt.ref, a.ID, tt.wantID)
			}
		})
	}
}

func TestArticleID(t *testing.T) {
	id := store.ArticleID("https://example.com/a")
	if len(id) != 12 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Errorf("ArticleID = %q, want 12 lower-case hex digits", id)
	}
	if id == store.ArticleID("https://example.com/b") {
		t.Error("different URLs gave the same id")
	}
}

func TestArticlesOrder(t *testing.T) {
	s := mustOpen(t)
	mustApply(t, s, nil,
		articleUpdate("https://example.com/c", "C", "c", t0.Add(time.Hour)),
		articleUpdate("https://example.com/b", "B", "b", t0),
		articleUpdate("https://example.com/a", "A", "a", t0.Add(time.Hour)),
	)
	arts, err := s.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.Title)
	}
	if strings.Join(got, "") != "BAC" {
		t.Errorf("order = %v, want B A C (FirstSeen, then URL)", got)
	}
}

func TestAliasNeverStealsCanonical(t *testing.T) {
	s := mustOpen(t)
	a, b := "https://example.com/a", "https://example.com/b"
	ub := articleUpdate(b, "B", "b", t0)
	ub.Article.Aliases = []string{a, "https://example.com/shared"}
	mustApply(t, s, nil, articleUpdate(a, "A", "a", t0), ub)
	if got, _ := s.Article(a); got.ID != store.ArticleID(a) {
		t.Errorf("canonical URL of A resolves to %s", got.URL)
	}
	if got, _ := s.Article("https://example.com/shared"); got.ID != store.ArticleID(b) {
		t.Errorf("alias resolves to %s, want B", got.URL)
	}
}

func TestMergeCanonicalChange(t *testing.T) {
	s := mustOpen(t)
	old := "https://example.com/old"
	u := articleUpdate(old, "A", "a", t0)
	mustApply(t, s, nil, u)
	// The same article (same id) now reports a new canonical URL.
	moved := articleUpdate("https://example.com/new", "A", "a2", t0.Add(time.Hour))
	moved.Article.ID = store.ArticleID(old)
	mustApply(t, s, nil, moved)
	a, err := s.Article(old)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://example.com/new" || len(a.Aliases) != 1 || a.Aliases[0] != old {
		t.Errorf("article = %s", dump(a))
	}
	if got, err := s.Article("https://example.com/new"); err != nil || got.ID != a.ID {
		t.Errorf("new URL resolves to %v, %v", got.ID, err)
	}
}
