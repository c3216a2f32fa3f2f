package monitor_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store/bolt"
)

// TestEditedFactsPerFamily: on every template family, the fact changes
// stored for the edited articles of a revision pass are those of the
// articles' own texts (the corpus's revisions compared directly), not of
// the rotating boilerplate around them. The first versions are stored
// while each site's boilerplate is learned and hold some of it (bylines
// with their times, ads, polls with vote counts); the comparison must not
// report it as dropped once the new version no longer holds it.
func TestEditedFactsPerFamily(t *testing.T) {
	for _, tmpl := range append(corpus.Templates(), corpus.TemplateBulletin, corpus.TemplateWire, corpus.TemplateSPA) {
		t.Run(tmpl, func(t *testing.T) {
			srv, hs, feeds := familySite(t, tmpl)
			path := filepath.Join(t.TempDir(), "s.db")
			pollOnce(t, path, feeds)
			before := map[string]corpus.Revision{}
			for _, u := range srv.ArticleURLs() {
				before[u], _ = srv.Current(u)
			}
			edited := srv.Revise()
			pollOnce(t, path, feeds)

			st, err := bolt.Open(path, bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			chs, err := st.Changes(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if len(chs) != len(edited) {
				isEdited := map[string]bool{}
				for _, u := range edited {
					isEdited[u] = true
				}
				var spurious []string
				for _, c := range chs {
					if u := strings.TrimPrefix(c.Article, hs.URL); !isEdited[u] {
						old, err := st.Version(c.ArticleID, c.Version-1)
						if err != nil {
							t.Fatal(err)
						}
						now, err := st.Version(c.ArticleID, c.Version)
						if err != nil {
							t.Fatal(err)
						}
						spurious = append(spurious, fmt.Sprintf("%s:\n  was %q\n  now %q", u, old.Text, now.Text))
					}
				}
				t.Fatalf("%d changes stored, want one per edited article (%d); unedited:\n%s", len(chs), len(edited), strings.Join(spurious, "\n"))
			}
			var wrong []string
			for _, c := range chs {
				u := strings.TrimPrefix(c.Article, hs.URL)
				old, now := before[u], current(t, srv, u)
				want := diff.Compare(
					diff.Document{Title: old.Title, Text: strings.Join(old.Paragraphs, "\n\n"), Published: old.Published},
					diff.Document{Title: now.Title, Text: strings.Join(now.Paragraphs, "\n\n"), Published: old.Published},
					diff.Options{}).Facts
				if g, w := factKeys(c.Facts), factKeys(want); !slices.Equal(g, w) {
					wrong = append(wrong, fmt.Sprintf("%s:\n  stored %q\n  want   %q", u, g, w))
				}
			}
			if len(wrong) > 0 {
				t.Errorf("%d of %d edited articles with other fact changes than their texts':\n%s",
					len(wrong), len(chs), strings.Join(wrong, "\n"))
			}
		})
	}
}

func current(t *testing.T, srv *corpus.Server, path string) corpus.Revision {
	t.Helper()
	r, ok := srv.Current(path)
	if !ok {
		t.Fatalf("%s: not in the corpus", path)
	}
	return r
}

func factKeys(cs []facts.Change) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%s %q -> %q", c.Kind, c.Before, c.After)
	}
	slices.Sort(out)
	return out
}
