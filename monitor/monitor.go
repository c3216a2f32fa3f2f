package monitor

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/fetch"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/notify"
)

// Options configure a Monitor. Config and Store are required.
type Options struct {
	Config *config.Config
	Store  Store
	// Logger receives the pipeline's logs; nil discards them.
	Logger *slog.Logger
	// Fetcher overrides the HTTP client built from Config.Fetch; nil builds it.
	Fetcher *fetch.Client
	// Notifiers are the alert channels, keyed by channel name (the name
	// stored with each queued alert), built by the caller from
	// Config.Notify; nil or empty queues no alerts.
	Notifiers map[string]notify.Notifier
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Version is storywatch's version, used in the User-Agent.
	Version string
	// Metrics receives polls, fetch latencies, stored versions, fact
	// changes and alert outcomes; nil records none.
	Metrics *metrics.Metrics
	// Replica names this process among the replicas sharing a Replicated
	// store (leases and claims carry it); empty means host:pid:random.
	Replica string
}

// Monitor runs the pipeline. It is safe for concurrent use.
type Monitor struct {
	cfg       *config.Config
	store     Store
	log       *slog.Logger
	fetcher   *fetch.Client
	notifiers map[string]notify.Notifier
	now       func() time.Time
	writer    *writer
	dispatch  *notify.Dispatcher
	metrics   *metrics.Metrics // nil: none
	articles  keyedMutex
	feeds     keyedMutex    // one poll of a feed at a time
	flights   flights       // the polls of feeds in progress
	workers   chan struct{} // bounds concurrent article fetches
	// committing bounds items that are done but for their commit.
	committing chan struct{}

	sites siteLearner // which sites' pages may skip readability

	rejectedMu sync.Mutex
	rejected   map[string]bool // item links whose page did not match the story

	// life lets Close wait for passes in progress (a daemon also runs the
	// passes the CLI asks for) and turns away those that come after it.
	life   sync.RWMutex
	closed bool

	// testHookItem, when set by a test, runs in processItem with the
	// article locked (as net/http's testHook variables do): tests make an
	// item panic there to prove the recover at the item boundary.
	testHookItem func(feed.Item)

	// rep is the store as Replicated, nil when this process is its only
	// writer; replica names this process in leases and claims.
	rep     Replicated
	replica string
}

// pendingPerWorker items per worker slot may wait for their commit; enough
// to fill a batch while one commit syncs, few enough to bound memory.
const pendingPerWorker = 4

// New builds a Monitor from its options.
func New(opts Options) (*Monitor, error) {
	if opts.Config == nil || opts.Store == nil {
		return nil, fmt.Errorf("new monitor: config and store are required")
	}
	m := &Monitor{
		cfg:      opts.Config,
		store:    opts.Store,
		log:      opts.Logger,
		fetcher:  opts.Fetcher,
		now:      opts.Now,
		metrics:  opts.Metrics,
		rejected: map[string]bool{},
	}
	if m.log == nil {
		m.log = slog.New(slog.DiscardHandler)
	}
	if m.now == nil {
		m.now = time.Now
	}
	if m.fetcher == nil {
		m.fetcher = fetch.New(FetchOptions(opts.Config, opts.Version))
	}
	m.notifiers = opts.Notifiers
	workers := opts.Config.Fetch.Workers
	if workers <= 0 {
		workers = 4
	}
	if sites, err := opts.Store.Sites(); err != nil {
		m.log.Warn("read learned site states; learning them again", "err", err)
	} else {
		m.sites.load(sites)
	}
	m.workers = make(chan struct{}, workers)
	m.committing = make(chan struct{}, pendingPerWorker*workers)
	m.writer = newWriter(opts.Store, m.log, opts.Metrics)
	m.rep, _ = opts.Store.(Replicated)
	m.replica = opts.Replica
	if m.replica == "" {
		m.replica = replicaName()
	}
	m.dispatch = &notify.Dispatcher{
		Outbox:    outboxAdapter{s: opts.Store, rep: m.rep, owner: m.replica, ttl: m.leaseTTL()},
		Notifiers: m.notifiers,
		Policy: notify.Policy{
			Initial:   time.Duration(opts.Config.Notify.Retry.Initial),
			Max:       time.Duration(opts.Config.Notify.Retry.Max),
			DeadAfter: time.Duration(opts.Config.Notify.Retry.DeadAfter),
		},
		Now:    m.now,
		Logger: m.log.With("component", "notify"),
	}
	if opts.Metrics != nil {
		// Not a nil *Metrics in the interface: the dispatcher checks for nil.
		m.dispatch.Observer = opts.Metrics
	}
	return m, nil
}

// Close waits for passes in progress, then flushes pending writes. Passes
// asked for later are skipped. It does not close the store.
func (m *Monitor) Close() error {
	m.life.Lock()
	m.closed = true
	m.life.Unlock()
	err := m.writer.close()
	// What was learned about sites' pages outlives the process, so that
	// `poll` from cron does not run readability on every site again.
	if perr := m.store.PutSites(m.sites.snapshot()); perr != nil {
		err = errors.Join(err, perr)
	}
	return err
}

// Deliver sends the alerts that are due until none is left or ctx is done.
func (m *Monitor) Deliver(ctx context.Context) error {
	return m.dispatch.Drain(ctx)
}

// WakeDelivery makes a running Run deliver due alerts now, e.g. after alerts
// were queued or put back by another path than Run's own polls.
func (m *Monitor) WakeDelivery() { m.dispatch.Wake() }

// FetchOptions turns the fetch section of the config into client options.
func FetchOptions(cfg *config.Config, version string) fetch.Options {
	ua := cfg.Fetch.UserAgent
	if ua == "" {
		if version == "" {
			version = "dev"
		}
		ua = "storywatch/" + version + " (+https://github.com/storywatch/storywatch)"
	}
	return fetch.Options{
		UserAgent:          ua,
		Timeout:            time.Duration(cfg.Fetch.Timeout),
		MaxBodyBytes:       cfg.Fetch.MaxBodyBytes,
		AllowPrivate:       cfg.Fetch.AllowPrivateAddresses,
		PerHostConcurrency: cfg.Fetch.PerHostConcurrency,
		PerHostInterval:    time.Duration(cfg.Fetch.PerHostInterval),
	}
}

// keyedMutex serialises work on one key (an article) without a global lock.
type keyedMutex struct {
	mu    sync.Mutex
	locks map[string]*keyedEntry
}

type keyedEntry struct {
	mu   sync.Mutex
	refs int
}

func (k *keyedMutex) lock(key string) func() {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[string]*keyedEntry{}
	}
	e := k.locks[key]
	if e == nil {
		e = &keyedEntry{}
		k.locks[key] = e
	}
	e.refs++
	k.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		k.mu.Lock()
		e.refs--
		if e.refs == 0 {
			delete(k.locks, key)
		}
		k.mu.Unlock()
	}
}
