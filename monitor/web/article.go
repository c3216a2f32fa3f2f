package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/query"
	"github.com/storywatch/storywatch/store"
)

type articlePage struct {
	page
	Article  store.Article
	Outlet   string
	URL      string // the article's link if it is http(s), else ""
	Versions []versionRow
	Events   []eventItem // status changes, which store no version
	FeedURL  string
}

type versionRow struct {
	Version   int
	FetchedAt time.Time
	Source    string
	Title     string
	Words     int
	DiffURL   string // against the previous version
	Facts     []factLine
	Edits     string // "3 changed, 1 moved sentences" when no fact changed
	IsLatest  bool
	IsFirst   bool
}

type eventItem struct {
	Detected time.Time
	Facts    []factLine
}

// lookupArticle resolves the {id} of a route (an id, or an id prefix).
func lookupArticle(s Store, r *http.Request) (store.Article, error) {
	id := r.PathValue("id")
	art, err := s.Article(id)
	if errors.Is(err, store.ErrNotFound) {
		return art, notFound("no article %q", id)
	}
	if err != nil {
		if strings.Contains(err.Error(), "ambiguous") {
			return art, notFound("article id %q is ambiguous: use more of it", id)
		}
		return art, fmt.Errorf("article %s: %w", id, err)
	}
	return art, nil
}

func (h *Handler) article(w http.ResponseWriter, r *http.Request, s Store) error {
	art, err := lookupArticle(s, r)
	if err != nil {
		return err
	}
	if r.PathValue("id") != art.ID {
		// A prefix or other spelling: send the reader to the shareable URL.
		http.Redirect(w, r, "/articles/"+url.PathEscape(art.ID), http.StatusFound)
		return nil
	}
	vs, err := s.Versions(art.ID)
	if err != nil {
		return fmt.Errorf("read versions of %s: %w", art.ID, err)
	}
	chs, err := s.ArticleChanges(art.ID)
	if err != nil {
		return err
	}
	tp, err := articleTopics(s, &art)
	if err != nil {
		return err
	}
	p := &articlePage{page: page{Title: art.Title, Nav: "article"}, Article: art, Outlet: query.Outlet(&art),
		URL: httpURL(art.URL), FeedURL: "/articles/" + url.PathEscape(art.ID) + "/feed.atom"}
	byVersion := map[int]*store.Change{}
	for i := range chs {
		ch := &chs[i]
		if onlyKind(ch.Facts, kindStatus) {
			p.Events = append(p.Events, eventItem{Detected: ch.DetectedAt, Facts: factLines(ch.Facts, art.ID, tp)})
			continue
		}
		byVersion[ch.Version] = ch
	}
	for i := len(vs) - 1; i >= 0; i-- { // newest first, like the story page
		v := vs[i]
		row := versionRow{Version: v.Seq, FetchedAt: v.FetchedAt, Source: v.Source, Title: v.Title,
			Words: len(strings.Fields(v.Text)), IsLatest: i == len(vs)-1, IsFirst: i == 0}
		if i > 0 {
			row.DiffURL = diffURL(art.ID, vs[i-1].Seq, v.Seq)
		}
		if ch := byVersion[v.Seq]; ch != nil {
			row.Facts = factLines(ch.Facts, art.ID, tp)
			if len(ch.Facts) == 0 {
				row.Edits = editCounts(ch.Changed, ch.Inserted, ch.Deleted, ch.Moved)
			}
		}
		p.Versions = append(p.Versions, row)
	}
	h.render(w, r, http.StatusOK, "article.html", p)
	return nil
}

func factLines(cs []facts.Change, articleID string, tp topics) []factLine {
	out := make([]factLine, 0, len(cs))
	for _, c := range cs {
		out = append(out, newFactLine(c, tp.find(articleID, c)))
	}
	return out
}

// articleTopics names the threads of one article's facts for its pages.
func articleTopics(s Store, art *store.Article) (topics, error) {
	threads, err := query.ArticleTimeline(s, art)
	if err != nil {
		return nil, err
	}
	return newTopics(threads), nil
}

// editCounts says how much text changed when no fact did.
func editCounts(changed, inserted, deleted, moved int) string {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{changed, "changed"}, {inserted, "inserted"}, {deleted, "deleted"}, {moved, "moved"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+" "+p.word)
		}
	}
	if len(parts) == 0 {
		return "text edited; no fact changed"
	}
	return strings.Join(parts, ", ") + " sentences; no fact changed"
}

// httpURL returns u when it is an absolute http(s) URL, so a stored link
// like "javascript:…" is never made clickable.
func httpURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

type diffPage struct {
	page
	Article    store.Article
	Outlet     string
	URL        string
	From, To   versionInfo
	Side       bool // side by side rather than inline
	Picker     []option
	FromOpts   []option
	ToOpts     []option
	Callouts   []factLine
	Facts      []factLine
	Legend     []factLine // one per kind present
	NewTitle   string
	TitleOld   []segment
	TitleNew   []segment
	Blocks     []diffBlock
	Summary    diff.Summary
	Same       bool
	PrevURL    string // the pair one version earlier
	NextURL    string
	InlineURL  string
	SideURL    string
	ArticleURL string
}

type versionInfo struct {
	Version   int
	FetchedAt time.Time
	Source    string
}

func (h *Handler) diff(w http.ResponseWriter, r *http.Request, s Store) error {
	art, err := lookupArticle(s, r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	from, err := versionParam(q, "from")
	if err != nil {
		return err
	}
	to, err := versionParam(q, "to")
	if err != nil {
		return err
	}
	cmp, err := query.Diff(s, art, from, to)
	if errors.Is(err, query.ErrVersionRange) {
		if kept := keptBefore(cmp.Seqs, cmp.From, cmp.To); kept > 0 {
			// compact removed the old version: the story page and the
			// Atom feeds link each change as the diff from the version
			// before it, so show the diff from the one kept before it
			u := diffURL(art.ID, kept, cmp.To)
			if v := q.Get("view"); v != "" {
				u += "&view=" + url.QueryEscape(v)
			}
			http.Redirect(w, r, u, http.StatusFound)
			return nil
		}
		return notFound("%s has versions %s", art.Title, query.DescribeSeqs(cmp.Seqs))
	}
	if err != nil {
		return err
	}
	side := q.Get("view") == "side"
	id := url.PathEscape(art.ID)
	base := "/articles/" + id + "/diff?from=" + strconv.Itoa(cmp.From) + "&to=" + strconv.Itoa(cmp.To)
	p := &diffPage{
		page:    page{Title: fmt.Sprintf("%s — v%d → v%d", art.Title, cmp.From, cmp.To), Nav: "article"},
		Article: art, Outlet: query.Outlet(&art), URL: httpURL(art.URL), Side: side,
		From:      versionInfo{cmp.From, cmp.Old.FetchedAt, cmp.Old.Source},
		To:        versionInfo{cmp.To, cmp.New.FetchedAt, cmp.New.Source},
		Summary:   cmp.Result.Summary,
		Same:      !cmp.Result.Changed(),
		InlineURL: base, SideURL: base + "&view=side", ArticleURL: "/articles/" + id,
	}
	view := ""
	if side {
		view = "&view=side"
	}
	// the versions there are: compact leaves gaps in their numbers
	i, j, n := slices.Index(cmp.Seqs, cmp.From), slices.Index(cmp.Seqs, cmp.To), len(cmp.Seqs)
	if i > 0 && j > 0 {
		p.PrevURL = diffURL(art.ID, cmp.Seqs[i-1], cmp.Seqs[j-1]) + view
	}
	if i < n-1 && j < n-1 {
		p.NextURL = diffURL(art.ID, cmp.Seqs[i+1], cmp.Seqs[j+1]) + view
	}
	for _, v := range cmp.Seqs {
		p.FromOpts = append(p.FromOpts, option{strconv.Itoa(v), "v" + strconv.Itoa(v), v == cmp.From})
		p.ToOpts = append(p.ToOpts, option{strconv.Itoa(v), "v" + strconv.Itoa(v), v == cmp.To})
	}
	latest := cmp.Seqs[n-1]
	tp, err := articleTopics(s, &art)
	if err != nil {
		return err
	}
	kinds := map[facts.Kind]bool{}
	for _, c := range cmp.Result.Facts {
		l := newFactLine(c, tp.find(art.ID, c))
		if l.Callout {
			p.Callouts = append(p.Callouts, l)
		} else {
			p.Facts = append(p.Facts, l)
		}
		if !kinds[c.Kind] {
			kinds[c.Kind] = true
			p.Legend = append(p.Legend, l)
		}
	}
	// What the pipeline recorded for the versions in between is called out
	// too: status events (they store no version of their own), and
	// corrections the comparison of these two texts alone may not see.
	if chs, err := s.ArticleChanges(art.ID); err == nil {
		lo, hi := min(cmp.From, cmp.To), max(cmp.From, cmp.To)
		for _, ch := range chs {
			status := onlyKind(ch.Facts, kindStatus)
			inRange := ch.Version > lo && ch.Version <= hi
			if status {
				inRange = ch.DetectedAt.After(cmp.Old.FetchedAt) &&
					(hi == latest || !ch.DetectedAt.After(cmp.New.FetchedAt))
			}
			if !inRange {
				continue
			}
			for _, c := range ch.Facts {
				l := newFactLine(c, tp.find(art.ID, c))
				if l.Callout && !slices.Contains(p.Callouts, l) {
					p.Callouts = append(p.Callouts, l)
				}
			}
		}
	}
	if cmp.Result.TitleChanged {
		// The headline's word diff; the fact list says whether it counts.
		segs := segmentRuns(diff.Words(cmp.Old.Title, cmp.New.Title, diff.Options{}), nil, nil)
		p.TitleOld, p.TitleNew = side2(segs, false), side2(segs, true)
	}
	p.NewTitle = cmp.New.Title
	p.Blocks = diffBlocks(cmp.Result, side)
	h.render(w, r, http.StatusOK, "diff.html", p)
	return nil
}

// keptBefore is the latest of seqs before from, when from is gone from
// seqs and to, a later version, is there; else 0.
func keptBefore(seqs []int, from, to int) int {
	if from >= to || slices.Contains(seqs, from) || !slices.Contains(seqs, to) {
		return 0
	}
	kept := 0
	for _, v := range seqs {
		if v < from {
			kept = v
		}
	}
	return kept
}

func versionParam(q url.Values, name string) (int, error) {
	s := q.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, badRequest("%s=%q: want a version number (1, 2, …)", name, s)
	}
	return n, nil
}
