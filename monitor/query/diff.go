package query

import (
	"errors"
	"fmt"
	"strings"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/store"
)

// ErrVersionRange is returned by Diff for versions outside 1..the article's
// latest.
var ErrVersionRange = errors.New("version out of range")

// Comparison is the diff of two stored versions of one article.
type Comparison struct {
	Article  store.Article
	From, To int
	Old, New store.Version
	Result   diff.Result
}

// Diff compares versions from and to of art. A zero to means the latest
// version and a zero from the one before to. An article with one version
// compares it with itself (nothing changed) unless from was asked for.
func Diff(s Store, art store.Article, from, to int) (Comparison, error) {
	if to == 0 {
		to = art.Versions
	}
	if from == 0 {
		from = max(to-1, 1)
	}
	c := Comparison{Article: art, From: from, To: to}
	if from < 1 || to < 1 || from > art.Versions || to > art.Versions {
		return c, fmt.Errorf("article %s has versions 1..%d: %d and %d: %w", art.URL, art.Versions, from, to, ErrVersionRange)
	}
	var err error
	if c.Old, err = s.Version(art.ID, from); err != nil {
		return c, fmt.Errorf("read version %d: %w", from, err)
	}
	if c.New, err = s.Version(art.ID, to); err != nil {
		return c, fmt.Errorf("read version %d: %w", to, err)
	}
	// Relative dates resolve against the article's publication time in
	// both versions, so "Monday" is no change just because a day passed.
	ref := FirstNonZero(art.Published, c.Old.Published, c.Old.FetchedAt)
	old := c.Old.Text
	if c.Old.Source == "page" && c.New.Source == "page" {
		site, err := s.Site(extract.SiteHost(art.URL))
		if err != nil {
			return c, err
		}
		old = withoutBoilerplate(site, old, c.New.Text)
	}
	c.Result = diff.Compare(
		diff.Document{Title: c.Old.Title, Text: old, Published: ref},
		diff.Document{Title: c.New.Title, Text: c.New.Text, Published: ref},
		diff.Options{})
	return c, nil
}

// withoutBoilerplate returns an earlier text of an article without its
// paragraphs that are gone from text, the later one, and that the site's
// learner knows as boilerplate: a version stored while the site was
// learned holds some (a byline with its time, an ad), and the pipeline's
// own comparison sets them aside, so the stored change and this diff say
// the same.
func withoutBoilerplate(st store.SiteState, old, text string) string {
	if len(st.Boiler) == 0 {
		return old
	}
	boiler := make(map[uint64]bool, len(st.Boiler))
	for _, h := range st.Boiler {
		boiler[h] = true
	}
	inNew := map[string]bool{}
	for _, p := range strings.Split(text, "\n\n") {
		inNew[p] = true
	}
	paras := strings.Split(old, "\n\n")
	kept := paras[:0:0]
	for _, p := range paras {
		if inNew[p] || !boiler[extract.TextHash(p)] {
			kept = append(kept, p)
		}
	}
	if len(kept) == len(paras) {
		return old
	}
	return strings.Join(kept, "\n\n")
}
