package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/timeline"
	"github.com/storywatch/storywatch/monitor/query"
	"github.com/storywatch/storywatch/store"
)

// maxChanges caps the change list of the story page; the Atom feed and
// `storywatch changes` have the rest.
const maxChanges = 200

type storyPage struct {
	page
	Filter      filter
	Outlets     []option
	Kinds       []option
	Changes     []changeItem
	More        int // changes left off the list
	Threads     []threadView
	MoreThreads int // threads left off (the least important)
	Activity    *activityChart
	Articles    int
	Total       int // changes with fact changes, before filtering
	FeedURL     string
	Updated     time.Time
	Filtered    bool
	NoChanges   bool
}

type filter struct {
	Outlet string
	Kind   facts.Kind
}

// query renders the filter as a query string for links ("?kind=date").
func (f filter) query() string {
	v := url.Values{}
	if f.Outlet != "" {
		v.Set("outlet", f.Outlet)
	}
	if f.Kind != "" {
		v.Set("kind", string(f.Kind))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

type option struct {
	Value, Label string
	Selected     bool
}

// changeItem is one stored change with its fact changes in words.
type changeItem struct {
	ArticleID string
	Title     string
	Outlet    string
	Colour    string // the outlet's chart colour class
	Version   int
	Seen      time.Time // when the outlet made the change (see query.SeenAt)
	Detected  time.Time
	DiffURL   string
	Facts     []factLine
}

func (h *Handler) story(w http.ResponseWriter, r *http.Request, s Store) error {
	f := filter{Outlet: r.URL.Query().Get("outlet"), Kind: facts.Kind(strings.ToLower(r.URL.Query().Get("kind")))}
	arts, err := s.Articles()
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	byID := make(map[string]*store.Article, len(arts))
	outletSet := map[string]bool{}
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
		outletSet[query.Outlet(&arts[i])] = true
	}
	tl, err := h.timeline(s, arts)
	if err != nil {
		return err
	}
	threads := tl.threads
	seenAt := func(id string, version int) time.Time {
		if l := tl.seen[id]; version < len(l) {
			return l[version]
		}
		return time.Time{}
	}
	colours := newOutletColours(outletSet)
	tp := newTopics(threads)

	p := &storyPage{page: page{Title: "Story", Nav: "story"}, Filter: f, Articles: len(arts),
		Filtered: f.Outlet != "" || f.Kind != "", FeedURL: "/feed.atom"}
	if f.Kind != "" {
		p.FeedURL += "?kind=" + url.QueryEscape(string(f.Kind))
	}
	kindSet := map[facts.Kind]bool{}
	act := newActivity(colours)
	err = s.EachChange(time.Time{}, func(ch *store.Change) error {
		if len(ch.Facts) == 0 {
			return nil // an edit that changed no fact: the story page is about facts
		}
		p.Total++
		art := byID[ch.ArticleID]
		outlet := ch.ArticleID
		if art != nil {
			outlet = query.Outlet(art)
		}
		for _, c := range ch.Facts {
			kindSet[c.Kind] = true
		}
		if f.Outlet != "" && outlet != f.Outlet {
			return nil
		}
		item := changeItem{
			ArticleID: ch.ArticleID, Title: ch.Title, Outlet: outlet, Colour: colours.class(outlet),
			Version: ch.Version, Detected: ch.DetectedAt, Seen: query.FirstNonZero(seenAt(ch.ArticleID, ch.Version), ch.DetectedAt),
			DiffURL: diffURL(ch.ArticleID, ch.Version-1, ch.Version),
		}
		if ch.Version < 2 || onlyKind(ch.Facts, kindStatus) {
			// A status change stores no version: the article page tells it.
			item.DiffURL = "/articles/" + url.PathEscape(ch.ArticleID)
		}
		for _, c := range ch.Facts {
			if f.Kind != "" && c.Kind != f.Kind {
				continue
			}
			item.Facts = append(item.Facts, newFactLine(c, tp.find(ch.ArticleID, c)))
		}
		if len(item.Facts) == 0 {
			return nil
		}
		act.add(outlet, item.Seen, len(item.Facts))
		if p.Updated.IsZero() {
			p.Updated = item.Seen
		}
		if len(p.Changes) < maxChanges {
			p.Changes = append(p.Changes, item)
		} else {
			p.More++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list changes: %w", err)
	}
	// Newest first by when the outlet made the change; the store's order
	// is by detection, which a poll of several versions at once ties.
	slices.SortStableFunc(p.Changes, func(a, b changeItem) int { return b.Seen.Compare(a.Seen) })
	p.NoChanges = len(p.Changes) == 0

	p.Outlets = append(p.Outlets, option{"", "all outlets", f.Outlet == ""})
	for _, o := range colours.names {
		p.Outlets = append(p.Outlets, option{o, o, o == f.Outlet})
	}
	p.Kinds = append(p.Kinds, option{"", "all kinds", f.Kind == ""})
	for _, k := range sortedKinds(kindSet) {
		p.Kinds = append(p.Kinds, option{string(k), kindLabel(k), k == f.Kind})
	}
	for _, th := range threads {
		if f.Kind != "" && th.Kind != f.Kind {
			continue
		}
		if f.Outlet != "" && !slices.ContainsFunc(th.Values, func(v timeline.Value) bool { return v.Outlet == f.Outlet }) {
			continue
		}
		if len(p.Threads) == maxThreads {
			p.MoreThreads++
			continue
		}
		p.Threads = append(p.Threads, newThreadView(th, colours))
	}
	p.Activity = act.chart()
	h.render(w, r, http.StatusOK, "story.html", p)
	return nil
}

func onlyKind(cs []facts.Change, k facts.Kind) bool {
	for _, c := range cs {
		if c.Kind != k {
			return false
		}
	}
	return len(cs) > 0
}

// sortedKinds orders the known kinds as the timeline does, then any other
// kind by name.
func sortedKinds(set map[facts.Kind]bool) []facts.Kind {
	out := make([]facts.Kind, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b facts.Kind) int {
		ia, oka := knownKinds[a]
		ib, okb := knownKinds[b]
		switch {
		case oka && okb:
			return ia - ib
		case oka:
			return -1
		case okb:
			return 1
		}
		if a < b {
			return -1
		}
		return 1
	})
	return out
}

func diffURL(id string, from, to int) string {
	return "/articles/" + url.PathEscape(id) + "/diff?from=" + strconv.Itoa(from) + "&to=" + strconv.Itoa(to)
}

// A story page shows the most important threads, each with its latest
// values: `storywatch timeline` prints them all. Without a cap a store of
// a thousand articles made a page of megabytes.
const (
	maxThreads = 30
	maxValues  = 12
)

// threadView is one timeline thread: its values as a table and a chart.
type threadView struct {
	Topic        string
	Kind         facts.Kind
	KindClass    string
	Articles     int
	Changes      int
	State        string
	Contradicted bool
	Converged    bool
	Values       []valueRow
	Earlier      int // values left off the table (the oldest)
	Chart        *stepChart
}

type valueRow struct {
	timeline.Value
	Colour  string
	DiffURL string
}

func newThreadView(th timeline.Thread, colours *outletColours) threadView {
	tv := threadView{
		Topic: capitalise(th.Topic), Kind: th.Kind, KindClass: kindClass(th.Kind), Articles: th.Articles,
		Changes: th.Changes, Contradicted: th.Contradicted, Converged: th.Converged, State: threadState(th),
	}
	vals := th.Values
	if len(vals) > maxValues {
		tv.Earlier = len(vals) - maxValues
		vals = vals[len(vals)-maxValues:]
	}
	for _, v := range vals {
		row := valueRow{Value: v, Colour: colours.class(v.Outlet)}
		row.DiffURL = "/articles/" + url.PathEscape(v.ArticleID)
		if v.Version > 1 {
			row.DiffURL = diffURL(v.ArticleID, v.Version-1, v.Version)
		}
		tv.Values = append(tv.Values, row)
	}
	tv.Chart = newStepChart(th, colours)
	return tv
}

// threadState says in words where the thread stands, as `timeline` does.
func threadState(th timeline.Thread) string {
	switch {
	case th.Contradicted:
		return "outlets disagree now"
	case th.Converged:
		return "outlets agree"
	case th.Changes == 1:
		return "1 change"
	case th.Changes > 1:
		return strconv.Itoa(th.Changes) + " changes"
	}
	for _, v := range th.Values {
		if !v.Current {
			return "no longer reported"
		}
	}
	return "new in a later version"
}

// storyTimeline is the timeline of the whole store and when each version
// was reported, which dates the changes and the activity chart.
type storyTimeline struct {
	key     string
	threads []timeline.Thread
	seen    map[string][]time.Time // article id → version → seen
}

// timeline builds the story's timeline in one pass over the versions, or
// returns the last one built while no version was added or removed since:
// on a large store the pass takes seconds, and a desk reloads the page.
func (h *Handler) timeline(s Store, arts []store.Article) (*storyTimeline, error) {
	key := timelineKey(s, arts)
	h.cacheMu.Lock()
	cached := h.cached
	h.cacheMu.Unlock()
	if cached != nil && cached.key == key {
		return cached, nil
	}
	tl := &storyTimeline{key: key, seen: map[string][]time.Time{}}
	var err error
	tl.threads, err = query.Timeline(s, func(art *store.Article, v *store.Version, at time.Time) {
		list := tl.seen[art.ID]
		for len(list) <= v.Seq {
			list = append(list, time.Time{})
		}
		list[v.Seq] = at
		tl.seen[art.ID] = list
	})
	if err != nil {
		return nil, err
	}
	h.cacheMu.Lock()
	h.cached = tl
	h.cacheMu.Unlock()
	return tl, nil
}

// timelineKey changes whenever a version is stored or compacted away: the
// store file, the number of articles and versions, and the latest change.
func timelineKey(s Store, arts []store.Article) string {
	var versions int
	var latest time.Time
	for i := range arts {
		versions += arts[i].Versions
		latest = maxTime(latest, arts[i].LastChanged)
	}
	return fmt.Sprintf("%s|%d|%d|%d", s.Path(), len(arts), versions, latest.UnixNano())
}
