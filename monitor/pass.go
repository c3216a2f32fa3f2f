package monitor

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/storywatch/storywatch/store"
)

// pass is one PollAll run. Outlets list the same article in several feeds
// (often with different tracking parameters); within a pass its page is
// fetched once.
type pass struct {
	mu      sync.Mutex
	checked map[string][]string // canonical item link -> the feeds that listed it after the first
	// start is when the pass began: on a replicated store a feed another
	// replica polled since then counts as polled by this pass.
	start time.Time
}

type passKey struct{}

func withPass(ctx context.Context, start time.Time) context.Context {
	return context.WithValue(ctx, passKey{}, &pass{checked: map[string][]string{}, start: start})
}

// passFrom returns the pass ctx belongs to, nil outside PollAll (a feed's
// own scheduled poll).
func passFrom(ctx context.Context) *pass {
	p, _ := ctx.Value(passKey{}).(*pass)
	return p
}

// first reports whether link is seen for the first time in the pass, and
// otherwise notes that feedURL listed it too; always true outside a pass.
func (p *pass) first(link, feedURL string) bool {
	if p == nil {
		return true
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	feeds, seen := p.checked[link]
	if !seen {
		p.checked[link] = nil
		return true
	}
	if !slices.Contains(feeds, feedURL) {
		p.checked[link] = append(feeds, feedURL)
	}
	return false
}

// recordFeeds adds to each article the feeds that listed it after its check
// in this pass. It runs once the pass's writes are committed, so each record
// it reads is current and writing it back loses nothing.
func (m *Monitor) recordFeeds(p *pass) {
	for link, feeds := range p.checked {
		if len(feeds) == 0 {
			continue
		}
		a, err := m.store.Article(link)
		if err != nil {
			continue // not tracked: the story filter rejected it, or its fetch failed
		}
		if missing := slices.DeleteFunc(slices.Clone(feeds), func(f string) bool { return slices.Contains(a.Feeds, f) }); len(missing) > 0 {
			a.Feeds = missing
			if err := m.writer.post(store.Update{Article: a}); err != nil {
				m.log.Warn("record article feeds", "article_url", a.URL, "err", err)
				return
			}
		}
	}
}
