package monitor

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/store"
)

// writer is the store's single writer. Workers hand it updates; it commits
// whatever has queued up in one bbolt transaction, because one transaction
// per article costs an fsync each and bbolt's own Batch is slow when the
// callers are few.
type writer struct {
	store Store
	log   *slog.Logger
	stats *metrics.Metrics // nil: none
	reqs  chan writeReq
	done  chan struct{}

	mu     sync.RWMutex // guards closed against sends on a closed channel
	closed bool

	// testHookApply, when set by a test, sees each batch before it is
	// applied: tests make one update panic there.
	testHookApply func([]store.Update)
}

type writeReq struct {
	update *store.Update
	feed   *store.FeedState
	settle *settleReq
	reply  chan writeResult
}

// settleReq sets an article's PageHash to next if it still is prev (see
// Monitor.settle). The writer reads the article after committing every
// request queued before it, and no other request is applied between that
// read and the write: an update a poll queued for the article meanwhile
// (a new ETag, a page gone) is neither undone nor overwritten.
type settleReq struct {
	url, prev, next string
}

type writeResult struct {
	seq int
	err error
}

// maxBatch bounds one transaction so a huge pass still commits regularly.
const maxBatch = 512

// A batch smaller than groupCommit waits up to groupWindow for more
// requests before it commits.
const (
	groupCommit = 16
	groupWindow = time.Millisecond
)

var errWriterClosed = errors.New("monitor: store writer is closed")

func newWriter(s Store, log *slog.Logger, stats *metrics.Metrics) *writer {
	w := &writer{store: s, log: log, stats: stats, reqs: make(chan writeReq, maxBatch), done: make(chan struct{})}
	go w.loop()
	return w
}

// apply writes one article update and returns the version's sequence
// number (0 when no version was stored).
func (w *writer) apply(u store.Update) (int, error) {
	return w.submit(writeReq{update: &u})
}

// post queues an article update without waiting for its commit. It is for
// bookkeeping (LastChecked, ETag, PageHash of an unchanged article) whose
// loss in a crash only costs one more fetch: waiting for each of those
// fsyncs would bound a pass over unchanged articles by disk latency. The
// single writer keeps the order of updates, a failed commit is logged, and
// close commits everything posted.
func (w *writer) post(u store.Update) error {
	return w.enqueue(writeReq{update: &u})
}

// postSettle queues a settleReq without waiting for its commit (see post).
func (w *writer) postSettle(url, prev, next string) error {
	return w.enqueue(writeReq{settle: &settleReq{url: url, prev: prev, next: next}})
}

// postFeed queues one feed's state without waiting for its commit (see post).
func (w *writer) postFeed(f store.FeedState) error {
	return w.enqueue(writeReq{feed: &f})
}

// enqueue hands r to the writer loop unless the writer is closed.
func (w *writer) enqueue(r writeReq) error {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return errWriterClosed
	}
	w.reqs <- r
	return nil
}

// barrier returns once everything queued before it is committed (or failed
// and logged). The writer commits in queue order, so an empty request's
// reply is enough.
func (w *writer) barrier() {
	_, _ = w.submit(writeReq{})
}

// putFeed writes one feed's state.
func (w *writer) putFeed(f store.FeedState) error {
	_, err := w.submit(writeReq{feed: &f})
	return err
}

func (w *writer) submit(r writeReq) (int, error) {
	r.reply = make(chan writeResult, 1)
	if err := w.enqueue(r); err != nil {
		return 0, err
	}
	res := <-r.reply
	return res.seq, res.err
}

func (w *writer) loop() {
	defer close(w.done)
	batch := make([]writeReq, 0, maxBatch)
	window := time.NewTimer(time.Hour)
	window.Stop()
	for r := range w.reqs {
		batch = append(batch[:0], r)
		open := true
	fill:
		for len(batch) < maxBatch && open {
			select {
			case r, ok := <-w.reqs:
				if !ok {
					open = false
					break fill
				}
				batch = append(batch, r)
			default:
				break fill
			}
		}
		if open && len(batch) < groupCommit {
			// A small batch waits a moment for others: every commit costs
			// an fsync, and the items that wait for it have given their
			// worker slots back.
			window.Reset(groupWindow)
		wait:
			for len(batch) < maxBatch {
				select {
				case r, ok := <-w.reqs:
					if !ok {
						break wait
					}
					batch = append(batch, r)
				case <-window.C:
					break wait
				}
			}
			window.Stop()
		}
		w.commit(batch)
	}
}

func (w *writer) commit(batch []writeReq) {
	var updates []store.Update
	var feeds []store.FeedState
	var settles []*settleReq
	idx := make([]int, len(batch)) // position of each request's update, -1 for feeds
	for i, r := range batch {
		idx[i] = -1
		if r.settle != nil {
			settles = append(settles, r.settle)
		}
		if r.update != nil {
			idx[i] = len(updates)
			updates = append(updates, *r.update)
		}
		if r.feed != nil {
			feeds = append(feeds, *r.feed)
		}
	}
	var seqs []int
	var err error
	if len(updates)+len(feeds) > 0 { // a batch of barriers only writes nothing
		seqs, err = w.applySafe(updates, feeds)
	}
	if errors.Is(err, ErrPanic) && len(batch) > 1 {
		// bbolt rolled the transaction back. Commit the requests one by one,
		// so that only the one that panics fails.
		for _, r := range batch {
			w.commit([]writeReq{r})
		}
		return
	}
	if err != nil {
		w.log.Error("write batch", "updates", len(updates), "feeds", len(feeds), "err", err)
	} else {
		w.count(updates, seqs)
	}
	if len(settles) > 0 {
		w.settle(settles)
	}
	for i, r := range batch {
		res := writeResult{err: err}
		if err == nil && idx[i] >= 0 && idx[i] < len(seqs) {
			res.seq = seqs[idx[i]]
		}
		if r.reply != nil { // nil for posted updates
			r.reply <- res
		}
	}
}

// settle applies settle requests, after the rest of their batch is
// committed: each article is read as it now stands and written back with
// its new page hash only if it still holds the old one. A failure is
// logged: it costs one more extraction of the page, no data.
func (w *writer) settle(reqs []*settleReq) {
	var updates []store.Update
	for _, r := range reqs {
		a, err := w.store.Article(r.url)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			w.log.Warn("settle page hash: look up article", "article_url", r.url, "err", err)
			continue
		}
		if a.PageHash != r.prev {
			continue // checked again since
		}
		a.PageHash = r.next
		updates = append(updates, store.Update{Article: a})
	}
	if len(updates) == 0 {
		return
	}
	if _, err := w.applySafe(updates, nil); err != nil {
		w.log.Error("write settled page hashes", "updates", len(updates), "err", err)
	}
}

// applySafe is store.Apply with a panic turned into an error wrapping ErrPanic:
// the writer serves every feed and must outlive one bad update.
func (w *writer) applySafe(updates []store.Update, feeds []store.FeedState) (seqs []int, err error) {
	defer func() {
		if v := recover(); v != nil {
			w.log.Error("recovered from a panic while writing; please report it with this stack",
				"updates", len(updates), "feeds", len(feeds), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			seqs, err = nil, fmt.Errorf("write batch: %w: %v", ErrPanic, v)
		}
	}()
	if w.testHookApply != nil {
		w.testHookApply(updates)
	}
	return w.store.Apply(updates, feeds)
}

// count tells the metrics what a committed batch stored: only a version the
// store kept (seq > 0) brings its fact changes and alerts along; a duplicate
// is dropped with them.
func (w *writer) count(updates []store.Update, seqs []int) {
	if w.stats == nil {
		return
	}
	stored := 0
	for i, u := range updates {
		if u.StatusChange != nil && u.Version == nil {
			// a page status event stores no version but is a fact change
			for _, f := range u.StatusChange.Facts {
				w.stats.FactChanged(string(f.Kind))
			}
			for _, a := range u.Alerts {
				w.stats.AlertQueued(a.Channel)
			}
		}
		if i >= len(seqs) || seqs[i] <= 0 {
			continue
		}
		stored++
		if u.Change != nil {
			for _, f := range u.Change.Facts {
				w.stats.FactChanged(string(f.Kind))
			}
		}

		for _, a := range u.Alerts {
			w.stats.AlertQueued(a.Channel)
		}
	}
	w.stats.VersionsStored(stored)
}

func (w *writer) close() error {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.reqs)
	}
	w.mu.Unlock()
	<-w.done
	return nil
}
