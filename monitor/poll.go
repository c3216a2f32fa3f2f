package monitor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime/debug"
	"sync"
	"time"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/fetch"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/store"
)

// FeedResult is the outcome of polling one feed.
type FeedResult struct {
	URL, Name string
	Err       error // nil after a good poll
	// Warning is set after a poll that read the feed but may have missed
	// items: its markup broke (a *feed.Damage: cut short, items that did
	// not read). The feed's status says "warning" until a poll reads the
	// feed whole.
	Warning     error
	Skipped     string // why the feed was not polled (Retry-After, backoff)
	NotModified bool
	Items       int // items in the feed
	Matched     int // items that cover the story
	NewVersions int // versions stored (first versions included)
	Changed     int // versions stored after the first
	// ArticlesFailed counts the items whose article could not be stored
	// (its page failed, its text did not read); FirstArticleErr is the
	// first of their errors. The feed itself read well: Err stays nil.
	ArticlesFailed  int
	FirstArticleErr error
	// Joined is set when PollAll found the feed being polled by another
	// pass (the daemon's schedule, another `poll`): it waited for that
	// poll and this is its outcome, not a second poll made after it.
	Joined bool
}

// PassResult is the outcome of one pass over every feed.
type PassResult struct {
	Feeds []FeedResult
}

// Failed returns the feeds whose poll failed.
func (p PassResult) Failed() []FeedResult {
	var out []FeedResult
	for _, f := range p.Feeds {
		if f.Err != nil {
			out = append(out, f)
		}
	}
	return out
}

// PollAll polls every configured feed once, a few at a time, and returns
// when all are done. One failing feed never stops the others. It may run
// while Run does (a daemon polling for the CLI): the two share the
// Monitor's store writer, article locks and site learner, and a feed is
// polled by one of them at a time. After Close every feed is skipped.
func (m *Monitor) PollAll(ctx context.Context) PassResult {
	m.life.RLock()
	defer m.life.RUnlock()
	res := PassResult{Feeds: make([]FeedResult, len(m.cfg.Feeds))}
	ctx = withPass(ctx, m.now())
	sem := make(chan struct{}, cap(m.workers))
	var wg sync.WaitGroup
	for i := range m.cfg.Feeds {
		if ctx.Err() != nil || m.closed {
			res.Feeds[i] = FeedResult{URL: m.cfg.Feeds[i].URL, Name: m.cfg.Feeds[i].Label(), Skipped: "shutting down"}
			continue
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			res.Feeds[i] = m.pollOrJoin(ctx, i)
		}()
	}
	wg.Wait()
	// The feed states were queued without waiting for each commit (one
	// fsync per feed would bound a pass over thousands of unchanged feeds);
	// wait once for all of them, so the pass is on disk when PollAll returns.
	m.writer.barrier()
	if p := passFrom(ctx); p != nil {
		// recordFeeds writes back whole records it reads: the settled page
		// hashes must be committed first, or it would put the old ones back.
		m.settle(p)
		m.writer.barrier()
		m.recordFeeds(p)
		m.writer.barrier()
	}
	if len(res.Failed()) == 0 && ctx.Err() == nil {
		m.metrics.PassSucceeded(m.now())
	}
	return res
}

// pollOrJoin polls feed i for PollAll, or, when another pass is polling
// it right now, waits for that poll and returns its outcome (Joined).
// Polling again after it would fetch what it just fetched and report "0
// new versions" for the articles it has just stored; `poll` forwarded to a
// daemon whose scheduled pass is under way then said nothing of them. A
// poll in flight that was skipped (a backoff a manual poll ignores) is not
// joined.
func (m *Monitor) pollOrJoin(ctx context.Context, i int) FeedResult {
	fc := m.cfg.Feeds[i]
	if f := m.flights.current(fc.URL); f != nil {
		select {
		case <-f.done:
			if f.res.Skipped == "" {
				r := f.res
				r.Joined = true
				return r
			}
		case <-ctx.Done():
			return FeedResult{URL: fc.URL, Name: fc.Label(), Skipped: "shutting down"}
		}
	}
	return m.pollFeedState(ctx, i, false, false)
}

// flights are the polls in progress, by feed URL, for pollOrJoin.
type flights struct {
	mu sync.Mutex
	m  map[string]*flight
}

// flight is one poll of a feed in progress; res is set before done closes.
type flight struct {
	done chan struct{}
	res  FeedResult
}

func (fs *flights) current(url string) *flight {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.m[url]
}

// start records a poll of url in progress; the returned func ends it with
// its outcome. The feed's lock is held, so no other poll of url is in
// flight.
func (fs *flights) start(url string) func(FeedResult) {
	f := &flight{done: make(chan struct{})}
	fs.mu.Lock()
	if fs.m == nil {
		fs.m = map[string]*flight{}
	}
	fs.m[url] = f
	fs.mu.Unlock()
	return func(res FeedResult) {
		fs.mu.Lock()
		delete(fs.m, url)
		fs.mu.Unlock()
		f.res = res
		close(f.done)
	}
}

// PollFeed polls the i-th configured feed. A scheduled poll also respects
// the backoff of a feed that keeps failing; a manual one only the server's
// Retry-After.
func (m *Monitor) PollFeed(ctx context.Context, i int, scheduled bool) FeedResult {
	return m.pollFeedState(ctx, i, scheduled, true)
}

// pollFeedState polls feed i; wait makes it wait for the feed state's
// commit, else the state is only queued and a failure to write it is logged
// by the writer.
func (m *Monitor) pollFeedState(ctx context.Context, i int, scheduled, wait bool) (res FeedResult) {
	fc := m.cfg.Feeds[i]
	res = FeedResult{URL: fc.URL, Name: fc.Label()}
	log := m.log.With("feed_url", fetch.Redact(fc.URL))
	// A scheduled poll and a pass for the CLI may reach one feed at once;
	// a PollAll that comes second joins the first (pollOrJoin), else the
	// second waits, then finds the feed unchanged.
	defer m.feeds.lock(fc.URL)()
	end := m.flights.start(fc.URL)
	defer func() { end(res) }()
	// Replicas sharing the store: one polls the feed at a time.
	release, skip, err := m.claimFeed(ctx, i, scheduled)
	if err != nil {
		res.Err = fmt.Errorf("lease feed: %w", err)
		return res
	}
	if skip != "" {
		res.Skipped = skip
		return res
	}
	defer release()

	st, err := m.store.Feed(fc.URL)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		res.Err = fmt.Errorf("load feed state: %w", err)
		return res
	}
	if fc.Name == "" && st.Name != "" {
		res.Name = st.Name // the feed's title from an earlier poll (a 304 has none)
	}
	st.URL, st.Name = fc.URL, res.Name
	now := m.now()
	if now.Before(st.RetryAfter) {
		res.Skipped = "server asked to wait until " + st.RetryAfter.UTC().Format(time.RFC3339)
		return res
	}
	if scheduled && st.Failures > 1 && now.Before(st.LastPolled.Add(failureBackoff(st.Failures))) {
		res.Skipped = fmt.Sprintf("backing off after %d failures", st.Failures)
		return res
	}

	err = m.pollFeedSafe(ctx, fc, &st, &res)
	if err != nil && ctx.Err() != nil && errors.Is(err, context.Canceled) {
		// Shutdown (SIGTERM, Ctrl-C) cut the poll short: no fault of the
		// feed's, so its state stays as the last poll left it, not an
		// error that `feeds` shows and that backs the feed off.
		res.Skipped = "shutting down"
		return res
	}
	st.LastPolled = m.now()
	st.NextPoll = nextPoll(m.cfg, i, st.LastPolled)
	m.metrics.FeedPolled(fetch.Redact(fc.URL), st.LastPolled, err)
	if err != nil {
		res.Err = fmt.Errorf("poll feed %s: %w", fetch.Redact(fc.URL), err)
		st.Status, st.Error = "error", err.Error()
		if !errors.Is(err, ErrPanic) {
			// A panic is storywatch's bug, not the feed's: backing the
			// feed off would only delay its other items.
			st.Failures++
		}
		var se *fetch.StatusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			// no longer than a failing feed backs off: a Retry-After of
			// years (a server's bug, or a hostile one) silenced the feed,
			// for `poll` too
			st.RetryAfter = st.LastPolled.Add(min(se.RetryAfter, maxFailureBackoff))
		}
		log.Warn("poll failed", "err", err, "failures", st.Failures)
	} else {
		st.Failures = 0
		switch {
		case res.Warning != nil:
			st.Status, st.Error = "warning", res.Warning.Error()
		case res.NotModified && st.Status == "warning":
			// The same damaged body as last time: its warning stands.
		case res.NotModified:
			st.Status, st.Error = "not_modified", ""
		default:
			st.Status, st.Error = "ok", ""
		}
		log.Info("polled", "items", res.Items, "matched", res.Matched, "new_versions", res.NewVersions, "not_modified", res.NotModified)
	}
	var werr error
	if wait {
		werr = m.writer.putFeed(st)
	} else {
		werr = m.writer.postFeed(st)
	}
	if werr != nil && res.Err == nil {
		res.Err = fmt.Errorf("save feed state: %w", werr)
	}
	return res
}

// pollFeedSafe is pollFeed with a panic turned into the feed's error.
func (m *Monitor) pollFeedSafe(ctx context.Context, fc config.Feed, st *store.FeedState, res *FeedResult) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = m.recovered(v, "feed", fc.URL)
			st.ETag, st.LastModified = "", "" // fetch it whole next time
		}
	}()
	return m.pollFeed(ctx, fc, st, res)
}

// processItemSafe is processItem with a panic turned into the item's error,
// wrapping ErrPanic. The item's article locks and worker slot are released
// on the way out, so the feed's other items and the pass go on.
func (m *Monitor) processItemSafe(ctx context.Context, src source, it feed.Item, release func()) (out itemOutcome, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = m.recovered(v, "item", it.Link)
		}
	}()
	return m.processItem(ctx, src, it, release)
}

// recovered logs a recovered panic with its stack, once, and returns it as
// an error naming what ("feed" or "item") was being processed.
func (m *Monitor) recovered(v any, what, url string) error {
	m.log.Error("recovered from a panic; please report it with this stack", what+"_url", fetch.Redact(url),
		"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	return fmt.Errorf("%s %s: %w: %v", what, fetch.Redact(url), ErrPanic, v)
}

func (m *Monitor) pollFeed(ctx context.Context, fc config.Feed, st *store.FeedState, res *FeedResult) error {
	resp, err := m.fetch(ctx, metrics.TargetFeed, fetch.Request{
		URL: fc.URL, ETag: st.ETag, LastModified: st.LastModified,
		Accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
	})
	if err != nil {
		return err
	}
	if resp.NotModified {
		res.NotModified = true
		res.Items, res.Matched = st.Items, st.Matched
		return nil
	}
	parsed, err := feed.Parse(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return err
	}
	if d := parsed.Damage; d != nil {
		// A warning, in the log and in `feeds`, only when items may be
		// missing: a feed whose every item was read is as good as a sound
		// one, and a daemon polling it for months should not warn each time.
		level := slog.LevelInfo
		if d.Lost() {
			res.Warning, level = d, slog.LevelWarn
		}
		m.log.Log(ctx, level, "feed markup broken: items read one by one", "feed_url", fetch.Redact(fc.URL),
			"items", len(parsed.Items), "err", d)
	}
	st.ETag, st.LastModified = resp.ETag, resp.LastModified
	res.Items = len(parsed.Items)

	if fc.Name == "" && parsed.Title != "" {
		// Without a configured name the feed's own title names the outlet.
		res.Name, st.Name = clipTitle(parsed.Title), clipTitle(parsed.Title)
	}
	src := source{feedURL: fc.URL, outlet: res.Name}
	var wg sync.WaitGroup
	// Should this function itself panic, the items in hand still finish
	// before the recover in pollFeedSafe reads res.
	defer wg.Wait()
	var mu sync.Mutex
	var itemErrs, panics []error
	var noLink []string // titles of items without a usable link
	noText := 0         // items without text, with article pages off
	for _, g := range pageGroups(parsed.Items) {
		it := feed.Merge(g)
		// Item titles name items in errors, logs and `feeds` too.
		it.Title = clipTitle(it.Title)
		if ctx.Err() != nil {
			break // shutting down: articles in hand finish, no new ones start
		}
		if it.Link == "" {
			// No link, or one that is not an absolute http(s) URL (relative
			// links were already resolved against the feed).
			noLink = append(noLink, it.Title)
			continue
		}
		if !m.takeWorker(ctx) {
			break // shut down while waiting for a worker: not in hand
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			release := sync.OnceFunc(func() { <-m.workers })
			defer release()
			out, err := m.processItemSafe(ctx, src, it, release)
			mu.Lock()
			defer mu.Unlock()
			if out.matched {
				res.Matched += len(g) // each of the page's items
			}
			if out.seq > 0 {
				res.NewVersions++
				if out.seq > 1 {
					res.Changed++
				}
			}
			switch {
			case err == nil:
			case errors.Is(err, ErrPanic):
				panics = append(panics, err) // logged with its stack already
			case errors.Is(err, ErrNoText):
				noText++
			default:
				itemErrs = append(itemErrs, err)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		// Shutdown came before every item was done: forget the
		// validators, or the next pass would get a 304 and never see the
		// items this one left.
		st.ETag, st.LastModified = "", ""
		return fmt.Errorf("items left for the next pass: %w", err)
	}
	if len(noLink) > 0 {
		m.log.Warn("items skipped: no usable http(s) link", "feed_url", fetch.Redact(fc.URL),
			"items", len(noLink), "first_title", noLink[0])
	}
	if noText > 0 {
		m.log.Warn("items skipped: no text in the feed and fetch.article_pages is off",
			"feed_url", fetch.Redact(fc.URL), "items", noText)
	}
	st.Items, st.Matched = res.Items, res.Matched
	if res.ArticlesFailed = len(itemErrs); len(itemErrs) > 0 {
		res.FirstArticleErr = itemErrs[0]
	}
	retry := false
	for _, err := range itemErrs {
		m.log.Warn("article failed", "feed_url", fetch.Redact(fc.URL), "err", err)
		retry = retry || mayPass(err)
	}
	if retry {
		// An item whose page was busy, timed out or could not be
		// reached is tried again on the next poll: with the validators
		// kept, the unchanged feed answers 304 and the item (lost when it
		// has no text of its own) waited for the feed to change.
		st.ETag, st.LastModified = "", ""
	}
	if len(panics) > 0 {
		// Forget the validators: a 304 next time would hide the items
		// that failed, and they are tried again.
		st.ETag, st.LastModified = "", ""
		return fmt.Errorf("%d of %d items panicked: %w", len(panics), res.Items, errors.Join(panics...))
	}
	return nil
}

// pageGroups groups items by the page they link to (after canonicalisation:
// tracking parameters and anchors dropped), in feed order, each group at
// its first item's place; an item without a link is a group of its own.
// A group is processed as one item (see feed.Merge): a live page's updates,
// listed one by one and linked to the page, were one article whose text
// was whichever item took the article's lock first. Without pages it
// flipped between the updates pass after pass, each flip a version with
// fact changes and alerts, and every update but one was never stored.
func pageGroups(items []feed.Item) [][]feed.Item {
	at := make(map[string]int, len(items))
	groups := make([][]feed.Item, 0, len(items))
	for _, it := range items {
		key, err := fetch.Canonicalize(it.Link)
		if it.Link == "" || err != nil {
			groups = append(groups, []feed.Item{it})
			continue
		}
		if i, ok := at[key]; ok {
			groups[i] = append(groups[i], it)
			continue
		}
		at[key] = len(groups)
		groups = append(groups, []feed.Item{it})
	}
	return groups
}

// mayPass reports whether an item's failure may pass by itself: a 5xx,
// 429 or 408 answer, a timeout, a connection that failed or broke, a name
// server that failed to answer. A page gone (4xx), a host name that does
// not exist (NXDOMAIN), a page refused by robots.txt or not an article
// stays as it is. A DNS error is read before robots.txt's: a robots.txt
// unreachable is "disallow all" for now, and its cause says whether that
// may pass.
func mayPass(err error) bool {
	var se *fetch.StatusError
	var de *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &se):
		return se.Temporary()
	case errors.As(err, &de):
		// A dead article host cost its feed a full download on every
		// poll, the item failing again each time.
		return !de.IsNotFound
	case errors.Is(err, fetch.ErrTimeout), errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.Is(err, fetch.ErrBlockedAddress), errors.Is(err, fetch.ErrDisallowed):
		return false
	}
	return errors.As(err, &ne)
}

// fetch gets one feed or page, timing it for the fetch latency metric. The
// wall clock, not the injected one, measures it: a latency is real time.
func (m *Monitor) fetch(ctx context.Context, target string, req fetch.Request) (*fetch.Response, error) {
	start := time.Now()
	resp, err := m.fetcher.Get(ctx, req)
	m.metrics.Fetched(target, time.Since(start))
	return resp, err
}

// maxFailureBackoff caps how long a failing feed is left alone.
const maxFailureBackoff = 6 * time.Hour

// failureBackoff is how long a scheduled poll waits after n consecutive
// failures: 1m, 2m, 4m ... capped at 6h, so a dead feed costs little.
func failureBackoff(n int) time.Duration {
	d := time.Minute << min(n-1, 20)
	return min(d, maxFailureBackoff)
}

func nextPoll(cfg *config.Config, i int, after time.Time) time.Time {
	sched, err := config.ParseSchedule(cfg.FeedSchedule(i))
	if err != nil {
		return time.Time{}
	}
	return sched.Next(after)
}

// takeWorker waits for a free article worker and reports whether the item
// may start: false when shutdown comes first. An item still waiting for a
// worker is not in hand. The loop checked for shutdown only before the
// wait, so with every worker busy on slow pages the item that waited
// through SIGTERM started once one came free, and so on down the feed
// (a fresh page fetch, its host-slot wait and its timeout each time),
// stretching shutdown past systemd's TimeoutStopSec.
func (m *Monitor) takeWorker(ctx context.Context) bool {
	select {
	case m.workers <- struct{}{}:
		if ctx.Err() != nil { // both were ready: shutdown wins
			<-m.workers
			return false
		}
		return true
	case <-ctx.Done():
		return false
	}
}
