package monitor

import (
	"context"
	"slices"
	"strings"
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
	// prints are the pages the pass fingerprinted, up to printBudget
	// bytes (see settle).
	prints     []keptPrint
	printBytes int
}

// keptPrint is a page whose fingerprint is stored with its article.
type keptPrint struct {
	*pagePrint
	url  string // the article's
	hash string // its PageHash as stored, refMark included
}

// printBudget bounds the memory a pass keeps for settle: about the prints of
// 2,000 pages, more than a site takes to learn its layout.
const printBudget = 32 << 20

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

// release forgets that link was seen in the pass, so that the next feed
// listing it checks it; a no-op outside a pass.
func (p *pass) release(link string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.checked, link)
}

// roomForPrints reports whether the pass keeps the prints of the pages it
// fingerprints from now on (see settle): not outside a pass, nor once
// printBudget is spent.
func (p *pass) roomForPrints() bool {
	if p == nil {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.printBytes < printBudget
}

// keepPrint notes that c's page hash was handed to the store with the
// article at url, when c has a print; a no-op outside a pass. (On record's
// suspicious path the hash is not stored; settle then finds another and
// leaves the article alone.)
func (p *pass) keepPrint(url string, c *content) {
	if p == nil || c.print == nil || c.pageHash == "" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := c.print.print.Size(); p.printBytes+n <= printBudget {
		p.prints = append(p.prints, keptPrint{pagePrint: c.print, url: url, hash: c.pageHash})
		p.printBytes += n
	}
}

// settle fingerprints again the pages of the pass whose site learned more
// of its boilerplate after they were stored, and queues the new page hash
// of each, to be stored if its article still holds the old one (see
// settleReq). A site's first pass learns most of its layout after its
// first pages were stored: without this, each of those pages would be
// extracted again on the next pass only to find its text unchanged. It
// runs once the pass's writes are committed.
func (m *Monitor) settle(p *pass) {
	for _, k := range p.prints {
		skips, gen := m.sites.skipsNow(k.host)
		if gen == k.gen {
			continue
		}
		mark := ""
		if strings.HasPrefix(k.hash, refMark) {
			mark = refMark
		}
		h := mark + k.print.Fingerprint(skips)
		if h == k.hash {
			continue
		}
		if err := m.writer.postSettle(k.url, k.hash, h); err != nil {
			m.log.Warn("settle page hashes", "err", err)
			return
		}
	}
	p.prints = nil
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
