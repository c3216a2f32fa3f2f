package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Descriptions of the metrics read from the store at scrape time.
var (
	storeSizeDesc = prometheus.NewDesc(namespace+"_store_size_bytes",
		"Size of the store's database file in bytes (bbolt's high-water mark, free pages included).", nil, nil)
	pendingDesc = prometheus.NewDesc(namespace+"_outbox_pending_alerts",
		"Alerts waiting in the outbox for delivery, retries included.", nil, nil)
	deadDesc = prometheus.NewDesc(namespace+"_outbox_dead_alerts",
		"Alerts in the dead letters (see `storywatch alerts`).", nil, nil)
)

// storeCollector reads the store's sizes on each scrape: they change through
// CLI commands and compaction too, which no hook sees.
type storeCollector struct{ s Store }

// Describe sends the descriptions of the store metrics.
func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- storeSizeDesc
	ch <- pendingDesc
	ch <- deadDesc
}

// Collect reads the store; a failed read becomes a scrape error for the
// metrics it would have produced.
func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	if size, err := c.s.Size(); err != nil {
		ch <- prometheus.NewInvalidMetric(storeSizeDesc, err)
	} else {
		ch <- prometheus.MustNewConstMetric(storeSizeDesc, prometheus.GaugeValue, float64(size))
	}
	pending, dead, err := c.s.AlertCounts()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(pendingDesc, err)
		ch <- prometheus.NewInvalidMetric(deadDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(pendingDesc, prometheus.GaugeValue, float64(pending))
	ch <- prometheus.MustNewConstMetric(deadDesc, prometheus.GaugeValue, float64(dead))
}
