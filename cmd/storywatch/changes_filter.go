package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// changeKinds are the fact kinds `changes --kind` accepts: the six the
// extractor finds, plus correction notices and page status (removed or
// redirected) that the pipeline records.
var changeKinds = []facts.Kind{
	facts.KindDate, facts.KindNumber, facts.KindQuote, facts.KindPosition, facts.KindLocation,
	facts.KindTitle, "correction", "status",
}

// changeFilter selects the changes `changes` prints. A zero filter keeps
// every change.
type changeFilter struct {
	articleID string          // only this article ("" any)
	articles  map[string]bool // only these articles, by outlet (nil any)
	kinds     map[facts.Kind]bool
}

// newChangeFilter resolves the --article, --outlet and --kind flags
// against the store, naming what is wrong when one matches nothing.
func newChangeFilter(s Store, article, outlet string, kinds []string) (changeFilter, error) {
	var f changeFilter
	if article != "" {
		art, err := findArticle(s, article)
		if err != nil {
			return f, fmt.Errorf("--article %s: %w", article, err)
		}
		f.articleID = art.ID
	}
	if outlet != "" {
		arts, err := s.Articles()
		if err != nil {
			return f, fmt.Errorf("list articles: %w", err)
		}
		f.articles = map[string]bool{}
		known := map[string]bool{}
		for _, a := range arts {
			known[a.Outlet] = true
			if strings.EqualFold(strings.TrimSpace(a.Outlet), strings.TrimSpace(outlet)) {
				f.articles[a.ID] = true
			}
		}
		if len(f.articles) == 0 {
			names := make([]string, 0, len(known))
			for n := range known {
				if n != "" {
					names = append(names, strconv.Quote(n))
				}
			}
			sort.Strings(names)
			return f, fmt.Errorf("--outlet %q: no article from that outlet (outlets: %s)", outlet, strings.Join(names, ", "))
		}
	}
	for _, k := range kinds {
		kk := facts.Kind(strings.ToLower(strings.TrimSpace(k)))
		if !slices.Contains(changeKinds, kk) {
			names := make([]string, len(changeKinds))
			for i, c := range changeKinds {
				names[i] = string(c)
			}
			return f, fmt.Errorf("--kind %q: want one of %s", k, strings.Join(names, ", "))
		}
		if f.kinds == nil {
			f.kinds = map[facts.Kind]bool{}
		}
		f.kinds[kk] = true
	}
	return f, nil
}

// keep reports whether ch passes the filter. With --kind it also narrows
// ch's fact lists to those kinds, and a change left with none is dropped.
func (f changeFilter) keep(ch *store.Change) bool {
	if f.articleID != "" && ch.ArticleID != f.articleID {
		return false
	}
	if f.articles != nil && !f.articles[ch.ArticleID] {
		return false
	}
	if f.kinds == nil {
		return true
	}
	notWanted := func(c facts.Change) bool { return !f.kinds[c.Kind] }
	ch.Facts = slices.DeleteFunc(ch.Facts, notWanted)
	ch.SinceFirst = slices.DeleteFunc(ch.SinceFirst, notWanted)
	return len(ch.Facts) > 0
}

// changesCSVHeader names the columns of `changes --csv`: one row per fact
// change, and one row of kind "text" for a version whose text changed but
// no fact did.
var changesCSVHeader = []string{
	"detected_at", "article_id", "article", "outlet", "title", "version",
	"kind", "detail", "subject", "before", "after", "before_value", "after_value",
}

// changesCSV writes `changes --csv`. Outlets come from the article list,
// read once.
type changesCSV struct {
	w       *csv.Writer
	outlets map[string]string
}

func newChangesCSV(w io.Writer, s Store) (*changesCSV, error) {
	arts, err := s.Articles()
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	c := &changesCSV{w: csv.NewWriter(w), outlets: make(map[string]string, len(arts))}
	for _, a := range arts {
		c.outlets[a.ID] = a.Outlet
	}
	return c, c.w.Write(changesCSVHeader)
}

func (c *changesCSV) add(ch *store.Change) error {
	row := func(kind, detail, subject, before, after, beforeValue, afterValue string) error {
		return c.w.Write([]string{
			ch.DetectedAt.UTC().Format(time.RFC3339), ch.ArticleID, ch.Article, cellText(c.outlets[ch.ArticleID]),
			cellText(ch.Title), strconv.Itoa(ch.Version), kind, detail, cellText(subject), cellText(before), cellText(after),
			beforeValue, afterValue,
		})
	}
	if len(ch.Facts) == 0 {
		return row("text", "", "", "", "", "", "")
	}
	for _, f := range ch.Facts {
		if err := row(string(f.Kind), f.Detail, f.Subject, f.Before, f.After, f.BeforeValue, f.AfterValue); err != nil {
			return err
		}
	}
	return nil
}

// cellText keeps a cell of someone else's text (a headline, a quote, a
// feed's name) from being read as a formula by a spreadsheet: one that
// starts with =, +, -, @ or a tab or carriage return gets a leading
// apostrophe, as OWASP advises against CSV injection. A feed's title
// "=HYPERLINK(…)" would otherwise run when the file is opened.
func cellText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (c *changesCSV) close() error {
	c.w.Flush()
	return c.w.Error()
}
