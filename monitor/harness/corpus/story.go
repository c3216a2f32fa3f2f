package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// storyFS holds the demo story: one directory per article, one NN.txt file per
// revision, plus CHANGES.md describing every edit.
//
//go:embed story
var storyFS embed.FS

// demoArticle places one story directory on the demo site.
type demoArticle struct {
	dir     string
	path    string
	site    string
	section string
}

// demoFeed lists the articles of one demo feed by index into demoArticles.
type demoFeed struct {
	name     string
	title    string
	items    []int
	tracking map[int]bool // item index -> link carries utm parameters
}

// The demo site: the wire story is the article that evolves most, two other
// outlets cover the same story, and the weather piece is the unrelated item a
// story filter must drop. The wire story is listed in three feeds under one
// canonical URL, once with tracking parameters, to exercise deduplication.
var (
	demoArticles = []demoArticle{
		{dir: "meridian-summit", path: "/wire/world/2025/08/19/putin-zelensky-peace-summit.html", site: "Meridian Wire", section: "World"},
		{dir: "courier-europe", path: "/courier/world/2025/08/19/europe-presses-for-ceasefire.html", site: "The Northern Courier", section: "World"},
		{dir: "ledger-budapest", path: "/ledger/europe/2025/08/19/budapest-possible-venue.html", site: "Danube Ledger", section: "Europe"},
		{dir: "wire-weather", path: "/wire/weather/2025/08/19/heatwave-to-break.html", site: "Meridian Wire", section: "Weather"},
	}
	demoFeeds = []demoFeed{
		{name: "wire", title: "Meridian Wire: Top stories", items: []int{0, 3}},
		{name: "world", title: "The Northern Courier: World", items: []int{1, 0}, tracking: map[int]bool{0: true}},
		{name: "europe", title: "Danube Ledger: Europe", items: []int{2, 1}},
		{name: "latest", title: "Meridian Wire: Latest", items: []int{3, 0, 2}, tracking: map[int]bool{2: true}},
	}
)

// demoSource advances each article through its embedded revisions.
type demoSource struct {
	revs [][]Revision // per article, in order
}

// NewDemo returns a server for the embedded demo story. Its feeds are
// /feeds/wire, /feeds/world, /feeds/europe and /feeds/latest, each with the
// extension of its format (Options.Formats round-robin; by default .rss,
// .atom, .rdf and .json). Revise advances every article that has a next
// revision; story/CHANGES.md lists what each step changes. Options.Seed only
// drives the boilerplate; Feeds, ArticlesPerFeed and EditFraction are ignored.
func NewDemo(opts Options) (*Server, error) {
	formats, err := opts.formats()
	if err != nil {
		return nil, fmt.Errorf("new demo: %w", err)
	}
	if err := opts.validateBase(); err != nil {
		return nil, fmt.Errorf("new demo: %w", err)
	}
	src := &demoSource{}
	arts := make([]*article, len(demoArticles))
	for i, d := range demoArticles {
		revs, err := loadStory(storyFS, path.Join("story", d.dir))
		if err != nil {
			return nil, fmt.Errorf("new demo: %w", err)
		}
		src.revs = append(src.revs, revs)
		a := &article{path: d.path, site: d.site, section: d.section}
		a.setRevision(revs[0].clone(), 1)
		arts[i] = a
	}
	feeds := make([]*feed, len(demoFeeds))
	for i, f := range demoFeeds {
		format := formats[i%len(formats)]
		fd := &feed{
			name:   f.name,
			title:  f.title,
			format: format,
			path:   "/feeds/" + f.name + "." + format,
			site:   arts[f.items[0]].site,
		}
		for j, idx := range f.items {
			fd.items = append(fd.items, feedItem{article: idx, tracking: f.tracking[j]})
		}
		feeds[i] = fd
	}
	return newServer(opts, arts, feeds, src), nil
}

func (d *demoSource) revise(_ int, arts []*article) ([]int, []Edit) {
	var changed []int
	for i, a := range arts {
		if a.gen >= len(d.revs[i]) {
			continue
		}
		next := d.revs[i][a.gen].clone()
		if next.Text() != a.cur.Text() {
			changed = append(changed, i)
		}
		a.setRevision(next, a.gen+1)
	}
	return changed, nil
}

// StoryRevisions returns every revision of the demo story's articles, keyed by
// canonical path, so tests can compare what a pipeline stored with what was served.
func StoryRevisions() (map[string][]Revision, error) {
	out := make(map[string][]Revision, len(demoArticles))
	for _, d := range demoArticles {
		revs, err := loadStory(storyFS, path.Join("story", d.dir))
		if err != nil {
			return nil, fmt.Errorf("load story revisions: %w", err)
		}
		out[d.path] = revs
	}
	return out, nil
}

// loadStory reads dir/NN.txt revision files in name order.
func loadStory(fsys fs.FS, dir string) ([]Revision, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read story %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("read story %s: no revisions: %w", dir, ErrStory)
	}
	revs := make([]Revision, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, path.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("read story %s: %w", n, err)
		}
		r, err := parseRevision(string(b))
		if err != nil {
			return nil, fmt.Errorf("parse story %s/%s: %w", dir, n, err)
		}
		revs = append(revs, r)
	}
	return revs, nil
}

// parseRevision reads "Key: value" headers (Title, Byline, Published, Modified),
// a blank line, then one paragraph per non-empty line.
func parseRevision(s string) (Revision, error) {
	var r Revision
	head, body, ok := strings.Cut(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n")
	if !ok {
		return r, fmt.Errorf("find blank line after headers: %w", ErrStory)
	}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return r, fmt.Errorf("parse header %q: %w", line, ErrStory)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "Title":
			r.Title = v
		case "Byline":
			r.Byline = v
		case "Published", "Modified":
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return r, fmt.Errorf("parse %s %q: %w: %w", k, v, err, ErrStory)
			}
			if k == "Published" {
				r.Published = t.UTC()
			} else {
				r.Modified = t.UTC()
			}
		default:
			return r, fmt.Errorf("parse header: unknown key %q: %w", k, ErrStory)
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			r.Paragraphs = append(r.Paragraphs, line)
		}
	}
	switch {
	case r.Title == "":
		return r, fmt.Errorf("check title: missing: %w", ErrStory)
	case r.Published.IsZero() || r.Modified.IsZero():
		return r, fmt.Errorf("check times: missing Published or Modified: %w", ErrStory)
	case r.Modified.Before(r.Published):
		return r, fmt.Errorf("check times: Modified before Published: %w", ErrStory)
	case len(r.Paragraphs) == 0:
		return r, fmt.Errorf("check body: no paragraphs: %w", ErrStory)
	}
	return r, nil
}
