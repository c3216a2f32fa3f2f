package query

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/store"
)

// ErrVersionRange is returned by Diff for a version the article does not
// have.
var ErrVersionRange = errors.New("version out of range")

// Comparison is the diff of two stored versions of one article.
type Comparison struct {
	Article  store.Article
	From, To int
	Old, New store.Version
	Result   diff.Result
	// Seqs are the article's version numbers, oldest first (see Seqs).
	Seqs []int
}

// Seqs lists the version numbers of art, oldest first. They run from 1 to
// art.Versions until compact removes versions between the first and the
// latest; then they have gaps (1, 5, 6) and art.Versions only counts them.
func Seqs(s Store, art store.Article) ([]int, error) {
	vs, err := s.Versions(art.ID)
	if err != nil {
		return nil, fmt.Errorf("read versions of %s: %w", art.ID, err)
	}
	return seqsOf(vs), nil
}

func seqsOf(vs []store.Version) []int {
	seqs := make([]int, len(vs))
	for i := range vs {
		seqs[i] = vs[i].Seq
	}
	return seqs
}

// SeqBefore is the version number before seq in seqs, 0 when seq is the
// first or not among them.
func SeqBefore(seqs []int, seq int) int {
	if i := slices.Index(seqs, seq); i > 0 {
		return seqs[i-1]
	}
	return 0
}

// DescribeSeqs names the versions seqs for a message: "1 to 6", or each
// when compact left gaps ("1, 5, 6").
func DescribeSeqs(seqs []int) string {
	if len(seqs) == 0 {
		return "none"
	}
	if seqs[len(seqs)-1]-seqs[0] == len(seqs)-1 {
		return fmt.Sprintf("%d to %d", seqs[0], seqs[len(seqs)-1])
	}
	parts := make([]string, len(seqs))
	for i, n := range seqs {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// Diff compares versions from and to of art. A zero to means the latest
// version and a zero from the one before to. An article with one version
// compares it with itself (nothing changed) unless from was asked for.
func Diff(s Store, art store.Article, from, to int) (Comparison, error) {
	vs, err := s.Versions(art.ID)
	if err != nil {
		return Comparison{Article: art}, fmt.Errorf("read versions of %s: %w", art.ID, err)
	}
	seqs := seqsOf(vs)
	if to == 0 && len(seqs) > 0 {
		to = seqs[len(seqs)-1]
	}
	if from == 0 {
		from = cmp.Or(SeqBefore(seqs, to), to)
	}
	c := Comparison{Article: art, From: from, To: to, Seqs: seqs}
	i, j := slices.Index(seqs, from), slices.Index(seqs, to)
	if i < 0 || j < 0 {
		return c, fmt.Errorf("article %s has versions %s: %d and %d: %w", art.URL, DescribeSeqs(seqs), from, to, ErrVersionRange)
	}
	c.Old, c.New = vs[i], vs[j]
	// Relative dates resolve against the article's publication time in
	// both versions, so "Monday" is no change just because a day passed.
	ref := store.Anchor(c.Old.FetchedAt, art.Published, c.Old.Published)
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
