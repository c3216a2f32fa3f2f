package metrics_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/storywatch/storywatch/monitor/metrics"
)

// TestNilMetricsIsNoop: a nil *Metrics is the "no metrics" option, so every
// hook must accept it.
func TestNilMetricsIsNoop(t *testing.T) {
	var m *metrics.Metrics
	m.FeedPolled("f", time.Now(), nil)
	m.FeedPolled("f", time.Now(), errors.New("x"))
	m.Fetched(metrics.TargetFeed, time.Second)
	m.VersionsStored(2)
	m.FactChanged("date")
	m.AlertQueued("email")
	m.AlertDelivered("email")
	m.AlertFailed("email")
	m.AlertDead("email")
	m.PassSucceeded(time.Now())
}

// brokenStore fails every read, as a store closed under the server would.
type brokenStore struct{}

func (brokenStore) Size() (int64, error)                      { return 0, errors.New("store closed") }
func (brokenStore) AlertCounts() (int, int, error)            { return 0, 0, errors.New("store closed") }
func (s okStore) Size() (int64, error)                        { return s.size, nil }
func (s okStore) AlertCounts() (pending, dead int, err error) { return s.pending, s.dead, nil }

type okStore struct {
	size          int64
	pending, dead int
}

// TestScrapeStoreSizes reads the store's sizes at scrape time: the values
// in the scrape are the store's answers at that moment.
func TestScrapeStoreSizes(t *testing.T) {
	m := metrics.New(metrics.Options{Store: okStore{size: 4096, pending: 3, dead: 1}})
	want := `# HELP storywatch_outbox_dead_alerts Alerts in the dead letters (see ` + "`storywatch alerts`" + `).
# TYPE storywatch_outbox_dead_alerts gauge
storywatch_outbox_dead_alerts 1
# HELP storywatch_outbox_pending_alerts Alerts waiting in the outbox for delivery, retries included.
# TYPE storywatch_outbox_pending_alerts gauge
storywatch_outbox_pending_alerts 3
# HELP storywatch_store_size_bytes Size of the store's database file in bytes (bbolt's high-water mark, free pages included).
# TYPE storywatch_store_size_bytes gauge
storywatch_store_size_bytes 4096
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want),
		"storywatch_outbox_dead_alerts", "storywatch_outbox_pending_alerts", "storywatch_store_size_bytes"); err != nil {
		t.Error(err)
	}
}

// TestScrapeSurvivesStoreError: a failing store read must not hide the
// counters the monitor keeps in memory.
func TestScrapeSurvivesStoreError(t *testing.T) {
	m := metrics.New(metrics.Options{Store: brokenStore{}})
	m.VersionsStored(5)
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "storywatch_versions_stored_total 5") {
		t.Errorf("scrape with a broken store lost the counters:\n%s", body)
	}
	if strings.Contains(string(body), "storywatch_store_size_bytes ") {
		t.Errorf("scrape shows a store size the store never gave:\n%s", body)
	}
}

// TestPageChecksExportedFromTheStart: every way a page is read is scraped
// at 0 before any page is, and counted as it happens.
func TestPageChecksExportedFromTheStart(t *testing.T) {
	m := metrics.New(metrics.Options{})
	m.PageChecked(metrics.CheckFast)
	m.PageChecked(metrics.CheckFast)
	want := `
# HELP storywatch_page_checks_total Article pages fetched whole (not 304), by how they were read: fingerprint (article text unchanged, nothing extracted), fast (learned layout) or readability.
# TYPE storywatch_page_checks_total counter
storywatch_page_checks_total{by="fast"} 2
storywatch_page_checks_total{by="fingerprint"} 0
storywatch_page_checks_total{by="readability"} 0
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), "storywatch_page_checks_total"); err != nil {
		t.Error(err)
	}
	if got := m.PageChecks(); got[metrics.CheckFast] != 2 || got[metrics.CheckFingerprint] != 0 {
		t.Errorf("PageChecks = %v", got)
	}
}
