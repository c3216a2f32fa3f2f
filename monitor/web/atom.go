package web

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/report"
	"github.com/storywatch/storywatch/monitor/query"
	"github.com/storywatch/storywatch/store"
)

// maxEntries is how many changes a feed carries, newest first; a reader
// polling more often than that many changes happen misses none.
const maxEntries = 100

// entryContent is the HTML of one entry: the fact changes in words and a
// link to the diff. html/template escapes the article's words.
var entryContent = template.Must(template.New("entry").Parse(
	`<p>{{.Outlet}}, version {{.Version}}: <a href="{{.Title.URL}}">{{.Title.Text}}</a></p>` +
		`<ul>{{range .Facts}}<li>{{.}}</li>{{end}}</ul>` +
		`<p><a href="{{.DiffURL}}">See the diff of version {{.From}} and {{.Version}}</a></p>`))

type entryData struct {
	Outlet  string
	Version int
	From    int
	Title   struct{ URL, Text string }
	Facts   []string
	DiffURL string
}

// feed serves /feed.atom and /articles/{id}/feed.atom: one entry per stored
// change with fact changes, newest first, optionally only of some kinds
// (?kind=date,quote).
func (h *Handler) feed(w http.ResponseWriter, r *http.Request, s Store) error {
	kinds := map[facts.Kind]bool{}
	for _, k := range r.URL.Query()["kind"] {
		for _, part := range strings.Split(k, ",") {
			if part = strings.TrimSpace(part); part != "" {
				kinds[facts.Kind(strings.ToLower(part))] = true
			}
		}
	}
	base := h.baseURL(r)
	f := &feeds.Feed{
		Title:       "storywatch: fact changes",
		Link:        &feeds.Link{Href: base + "/", Rel: "alternate"},
		Description: "What changed in the reported facts of the story, one entry per changed version",
		Updated:     h.now(),
	}
	var (
		only  *store.Article
		chs   []store.Change
		byID  = map[string]*store.Article{}
		total int
	)
	if r.PathValue("id") != "" {
		art, err := lookupArticle(s, r)
		if err != nil {
			return err
		}
		only = &art
		byID[art.ID] = only
		f.Title = "storywatch: " + art.Title
		f.Link.Href = base + "/articles/" + url.PathEscape(art.ID)
		all, err := s.ArticleChanges(art.ID)
		if err != nil {
			return err
		}
		for i := len(all) - 1; i >= 0; i-- { // newest first
			chs = append(chs, all[i])
		}
	} else {
		arts, err := s.Articles()
		if err != nil {
			return fmt.Errorf("list articles: %w", err)
		}
		for i := range arts {
			byID[arts[i].ID] = &arts[i]
		}
		// Newest first, stopping once the feed is full.
		err = s.EachChange(time.Time{}, func(ch *store.Change) error {
			if total >= maxEntries {
				return errFeedFull
			}
			if keepChange(ch, kinds) {
				chs = append(chs, *ch)
				total++
			}
			return nil
		})
		if err != nil && err != errFeedFull {
			return fmt.Errorf("list changes: %w", err)
		}
	}
	for i := range chs {
		ch := &chs[i]
		if !keepChange(ch, kinds) || len(f.Items) >= maxEntries {
			continue
		}
		outlet := ch.ArticleID
		if a := byID[ch.ArticleID]; a != nil {
			outlet = query.Outlet(a)
		}
		item, err := h.entry(base, outlet, ch, kinds)
		if err != nil {
			return err
		}
		f.Add(item)
	}
	if len(f.Items) > 0 {
		f.Updated = f.Items[0].Updated
	}
	atom := (&feeds.Atom{Feed: f}).AtomFeed()
	atom.Id = f.Link.Href // the page the feed mirrors: stable across restarts
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(atom); err != nil {
		return fmt.Errorf("encode atom feed: %w", err)
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodHead {
		_, _ = w.Write(b.Bytes())
	}
	return nil
}

var errFeedFull = fmt.Errorf("feed full")

// keepChange: a change with fact changes, of the wanted kinds if any.
func keepChange(ch *store.Change, kinds map[facts.Kind]bool) bool {
	for _, c := range ch.Facts {
		if len(kinds) == 0 || kinds[c.Kind] {
			return true
		}
	}
	return false
}

func (h *Handler) entry(base, outlet string, ch *store.Change, kinds map[facts.Kind]bool) (*feeds.Item, error) {
	d := entryData{Outlet: outlet, Version: ch.Version, From: max(ch.Version-1, 1)}
	d.Title.Text = ch.Title
	d.Title.URL = base + "/articles/" + url.PathEscape(ch.ArticleID)
	d.DiffURL = base + diffURL(ch.ArticleID, d.From, ch.Version)
	if ch.Version < 2 || onlyKind(ch.Facts, kindStatus) {
		d.DiffURL = d.Title.URL
	}
	for _, c := range ch.Facts {
		if len(kinds) == 0 || kinds[c.Kind] {
			d.Facts = append(d.Facts, report.DescribeChange(c))
		}
	}
	var content strings.Builder
	if err := entryContent.Execute(&content, d); err != nil {
		return nil, fmt.Errorf("render feed entry: %w", err)
	}
	title := outlet + " v" + strconv.Itoa(ch.Version) + ": " + d.Facts[0]
	if n := len(d.Facts) - 1; n > 0 {
		title += fmt.Sprintf(" (and %d more)", n)
	}
	return &feeds.Item{
		Title:  title,
		Link:   &feeds.Link{Href: d.DiffURL},
		Author: &feeds.Author{Name: outlet},
		// Unique per change and stable: a status change shares its version
		// number with the version before it, not its detection time.
		Id:          fmt.Sprintf("urn:storywatch:change:%s:%d:%d", ch.ArticleID, ch.Version, ch.DetectedAt.UnixNano()),
		Description: template.HTMLEscapeString(strings.Join(d.Facts, "; ")),
		Content:     content.String(),
		Updated:     ch.DetectedAt,
		Created:     ch.DetectedAt,
	}, nil
}

// baseURL is where readers reach this server: Options.BaseURL, else the
// request's host.
func (h *Handler) baseURL(r *http.Request) string {
	if h.opts.BaseURL != "" {
		return strings.TrimRight(h.opts.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
