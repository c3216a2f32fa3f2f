package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	dto "github.com/prometheus/client_model/go"
)

// namespace prefixes every metric name.
const namespace = "storywatch"

// Fetch targets, the values of the target label of the fetch latency.
const (
	TargetFeed = "feed" // a feed document
	TargetPage = "page" // an article page
)

// How an article page that was fetched whole was read, the values of the by
// label of the page checks. An operator reads from them whether a site's
// pages take the fast path: a page whose article region did not change costs
// one tokenizer pass, one that did costs an extraction.
const (
	CheckFingerprint = "fingerprint" // its article region's text was unchanged: nothing extracted
	CheckFast        = "fast"        // extracted from the article region with the site's learned layout
	CheckReadability = "readability" // extracted by readability (a site being learned, or a periodic check)
)

// Store is what the scrape-time collector reads from the store. Both
// methods must be cheap: they run on every scrape.
type Store interface {
	// Size is the database size in bytes.
	Size() (int64, error)
	// AlertCounts is the number of alerts waiting in the outbox and in the
	// dead letters.
	AlertCounts() (pending, dead int, err error)
}

// Options configure New.
type Options struct {
	// Store is read at scrape time for the store and outbox sizes; nil
	// leaves those metrics out (e.g. a process without a store).
	Store Store
	// ProcessMetrics adds the Go runtime and process collectors
	// (go_*, process_*) to the registry.
	ProcessMetrics bool
}

// Metrics holds the collectors and their registry. Its methods are safe for
// concurrent use, and every hook is a no-op on a nil *Metrics.
type Metrics struct {
	reg *prometheus.Registry

	polls         *prometheus.CounterVec
	pollFailures  *prometheus.CounterVec
	feedSuccess   *prometheus.GaugeVec
	fetchDuration *prometheus.HistogramVec
	versions      prometheus.Counter
	pageChecks    *prometheus.CounterVec
	factChanges   *prometheus.CounterVec
	queued        *prometheus.CounterVec
	delivered     *prometheus.CounterVec
	failed        *prometheus.CounterVec
	dead          *prometheus.CounterVec
	lastPass      prometheus.Gauge
}

// fetchBuckets spans a loopback 304 (a millisecond) to a slow page near the
// default 20 s fetch timeout.
var fetchBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20}

// New builds the collectors and registers them in a new registry.
func New(opts Options) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "feed_polls_total",
			Help: "Feed polls attempted (skipped polls not counted), by feed URL (query values redacted).",
		}, []string{"feed"}),
		pollFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "feed_poll_failures_total",
			Help: "Feed polls that failed (fetch, HTTP status or parse error), by feed URL.",
		}, []string{"feed"}),
		feedSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace, Name: "feed_last_success_timestamp_seconds",
			Help: "Unix time at which each feed's last successful poll ended.",
		}, []string{"feed"}),
		fetchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "fetch_duration_seconds",
			Help:    "Time to fetch one feed or article page (request to end of body, failures and 304s included), by target: feed or page.",
			Buckets: fetchBuckets,
		}, []string{"target"}),
		versions: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: namespace, Name: "versions_stored_total",
			Help: "Article versions committed to the store, first versions included.",
		}),
		pageChecks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "page_checks_total",
			Help: "Article pages fetched whole (not 304), by how they were read: fingerprint (article text unchanged, nothing extracted), fast (learned layout) or readability.",
		}, []string{"by"}),
		factChanges: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "fact_changes_total",
			Help: "Fact changes found in stored new versions, by fact kind.",
		}, []string{"kind"}),
		queued: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "alerts_queued_total",
			Help: "Alerts committed to the outbox, by channel.",
		}, []string{"channel"}),
		delivered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "alerts_delivered_total",
			Help: "Alerts delivered, by channel.",
		}, []string{"channel"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "alert_failures_total",
			Help: "Delivery attempts that failed and were scheduled again, by channel.",
		}, []string{"channel"}),
		dead: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "alerts_dead_total",
			Help: "Alerts moved to the dead letters (permanent failure, or retried past notify.retry.dead_after), by channel.",
		}, []string{"channel"}),
		lastPass: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace, Name: "last_successful_pass_timestamp_seconds",
			Help: "Unix time at which the last pass without a failed feed ended (a pass over every feed, or one feed's scheduled poll in the daemon).",
		}),
	}
	// Every way a page is read is exported from the start, at 0 until it
	// happens: a dashboard tells "never" from "not scraped".
	for _, by := range []string{CheckFingerprint, CheckFast, CheckReadability} {
		m.pageChecks.WithLabelValues(by)
	}
	m.reg.MustRegister(m.polls, m.pollFailures, m.feedSuccess, m.fetchDuration, m.versions, m.pageChecks,
		m.factChanges, m.queued, m.delivered, m.failed, m.dead, m.lastPass)
	if opts.Store != nil {
		m.reg.MustRegister(storeCollector{opts.Store})
	}
	if opts.ProcessMetrics {
		m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	return m
}

// Registry returns the registry, e.g. to register more collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus text format (or what the
// scraper negotiates). A failing store read at scrape time is reported in
// the scrape and the other metrics are still served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorHandling:     promhttp.ContinueOnError,
		Registry:          m.reg, // promhttp_metric_handler_errors_total
		EnableOpenMetrics: false,
	})
}

// FeedPolled counts one poll of feed (a redacted URL) that ended at `at`;
// err is the poll's failure, nil after a good poll.
func (m *Metrics) FeedPolled(feed string, at time.Time, err error) {
	if m == nil {
		return
	}
	m.polls.WithLabelValues(feed).Inc()
	if err != nil {
		m.pollFailures.WithLabelValues(feed).Inc()
		return
	}
	// Touch the failure counter so that it is exported as 0 and rate() works
	// from the first failure on.
	m.pollFailures.WithLabelValues(feed)
	m.feedSuccess.WithLabelValues(feed).Set(unixSeconds(at))
}

// Fetched observes the duration of one fetch of target (TargetFeed or
// TargetPage).
func (m *Metrics) Fetched(target string, d time.Duration) {
	if m == nil {
		return
	}
	m.fetchDuration.WithLabelValues(target).Observe(d.Seconds())
}

// PageChecked counts one article page read by way (CheckFingerprint,
// CheckFast or CheckReadability).
func (m *Metrics) PageChecked(by string) {
	if m == nil {
		return
	}
	m.pageChecks.WithLabelValues(by).Inc()
}

// PageChecks returns the page checks counted so far, by way (see
// PageChecked): for a benchmark's report, or a test.
func (m *Metrics) PageChecks() map[string]int {
	out := map[string]int{}
	if m == nil {
		return out
	}
	for _, by := range []string{CheckFingerprint, CheckFast, CheckReadability} {
		var pb dto.Metric
		if err := m.pageChecks.WithLabelValues(by).Write(&pb); err == nil {
			out[by] = int(pb.GetCounter().GetValue())
		}
	}
	return out
}

// VersionsStored counts n committed article versions.
func (m *Metrics) VersionsStored(n int) {
	if m == nil || n <= 0 {
		return
	}
	m.versions.Add(float64(n))
}

// FactChanged counts one fact change of kind. Kinds are taken as they come,
// so a kind added to the extractor needs no change here.
func (m *Metrics) FactChanged(kind string) {
	if m != nil {
		m.factChanges.WithLabelValues(kind).Inc()
	}
}

// AlertQueued counts one alert committed to the outbox for channel.
func (m *Metrics) AlertQueued(channel string) {
	if m != nil {
		m.queued.WithLabelValues(channel).Inc()
	}
}

// AlertDelivered counts one alert delivered on channel.
func (m *Metrics) AlertDelivered(channel string) {
	if m != nil {
		m.delivered.WithLabelValues(channel).Inc()
	}
}

// AlertFailed counts one failed delivery attempt on channel that will be
// retried.
func (m *Metrics) AlertFailed(channel string) {
	if m != nil {
		m.failed.WithLabelValues(channel).Inc()
	}
}

// AlertDead counts one alert of channel moved to the dead letters.
func (m *Metrics) AlertDead(channel string) {
	if m != nil {
		m.dead.WithLabelValues(channel).Inc()
	}
}

// PassSucceeded records that a pass without a failed feed ended at `at`.
func (m *Metrics) PassSucceeded(at time.Time) {
	if m == nil {
		return
	}
	m.lastPass.Set(unixSeconds(at))
}

func unixSeconds(t time.Time) float64 {
	return float64(t.UnixNano()) / 1e9
}
