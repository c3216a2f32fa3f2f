package monitor_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/webhook"
)

// TestMetricsAfterRealPolls polls an httptest outlet into a real bbolt store
// twice (the second time one article changed and one feed recovered),
// delivers the alerts to three receivers (one takes them, one refuses for
// good, one is down), then scrapes the metrics handler and checks every
// family against what the store and the receivers saw.
func TestMetricsAfterRealPolls(t *testing.T) {
	o := newOutlet(t)
	srv := o.Server
	receiver := func(status int) *httptest.Server {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) }))
		t.Cleanup(s.Close)
		return s
	}
	okHook, refusing, down := receiver(http.StatusNoContent), receiver(http.StatusBadRequest), receiver(http.StatusServiceUnavailable)
	channel := func(u string) string { return webhook.Config{URL: u}.Channel() }

	cfg, err := config.Parse(fmt.Appendf(nil, `store:
  path: unused.db
feeds:
  - url: %q
  - url: %q
fetch:
  allow_private_addresses: true
notify:
  webhooks:
    - url: %q
    - url: %q
    - url: %q
`, srv.URL+"/good.rss", srv.URL+"/flaky.rss", okHook.URL, refusing.URL, down.URL), "metrics.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpenStore(t)
	clock := time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC)
	mx := metrics.New(metrics.Options{Store: st})
	m, err := monitor.New(monitor.Options{Config: cfg, Store: st, Notifiers: channelsFor(t, cfg), Metrics: mx, Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	ctx := context.Background()

	if failed := m.PollAll(ctx).Failed(); len(failed) != 1 {
		t.Fatalf("first pass: %d failed feeds, want the flaky one", len(failed))
	}
	if got := scrape(t, mx); gaugeValue(t, got, "storywatch_last_successful_pass_timestamp_seconds", nil) != 0 {
		t.Errorf("a pass with a failed feed was counted as successful")
	}
	o.rev.Store(1)
	clock = clock.Add(10 * time.Minute)
	if failed := m.PollAll(ctx).Failed(); len(failed) != 0 {
		t.Fatalf("second pass: %v", failed[0].Err)
	}
	dctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := m.Deliver(dctx); !errors.Is(err, notify.ErrPending) {
		t.Fatalf("deliver: %v, want the down receiver's alert pending", err)
	}

	got := scrape(t, mx)
	if testing.Verbose() {
		for name, f := range got {
			t.Logf("%s: %v", name, f.GetMetric())
		}
	}
	good, flaky := map[string]string{"feed": srv.URL + "/good.rss"}, map[string]string{"feed": srv.URL + "/flaky.rss"}
	checks := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"storywatch_feed_polls_total", good, 2},
		{"storywatch_feed_poll_failures_total", good, 0},
		{"storywatch_feed_polls_total", flaky, 2},
		{"storywatch_feed_poll_failures_total", flaky, 1},
		{"storywatch_feed_last_success_timestamp_seconds", flaky, float64(clock.Unix())},
		{"storywatch_last_successful_pass_timestamp_seconds", nil, float64(clock.Unix())},
		// Two first versions, then the revised summit page.
		{"storywatch_versions_stored_total", nil, 3},
		// Two pages read by readability (a site is not trusted on its first
		// pages), then the unchanged one known by its fingerprint and the
		// revised one read again.
		{"storywatch_page_checks_total", map[string]string{"by": metrics.CheckReadability}, 3},
		{"storywatch_page_checks_total", map[string]string{"by": metrics.CheckFingerprint}, 1},
		{"storywatch_page_checks_total", map[string]string{"by": metrics.CheckFast}, 0},
		{"storywatch_alerts_queued_total", map[string]string{"channel": channel(okHook.URL)}, 1},
		{"storywatch_alerts_queued_total", map[string]string{"channel": channel(down.URL)}, 1},
		{"storywatch_alerts_delivered_total", map[string]string{"channel": channel(okHook.URL)}, 1},
		{"storywatch_alerts_dead_total", map[string]string{"channel": channel(refusing.URL)}, 1},
		{"storywatch_alert_failures_total", map[string]string{"channel": channel(down.URL)}, 1},
		{"storywatch_outbox_pending_alerts", nil, 1},
		{"storywatch_outbox_dead_alerts", nil, 1},
	}
	for _, c := range checks {
		if v := gaugeValue(t, got, c.name, c.labels); v != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, v, c.want)
		}
	}

	// Fact changes by kind are what the store recorded, whatever the kinds.
	changes, err := st.Changes(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	wantKinds := map[string]float64{}
	for _, ch := range changes {
		for _, f := range ch.Facts {
			wantKinds[string(f.Kind)]++
		}
	}
	if len(wantKinds) == 0 {
		t.Fatal("the revision changed no fact; the test page needs another edit")
	}
	gotKinds := map[string]float64{}
	for _, mm := range family(t, got, "storywatch_fact_changes_total").GetMetric() {
		gotKinds[labelsOf(mm)["kind"]] = mm.GetCounter().GetValue()
	}
	if fmt.Sprint(gotKinds) != fmt.Sprint(wantKinds) {
		t.Errorf("fact changes by kind = %v, store has %v", gotKinds, wantKinds)
	}

	// Feeds: 2 per pass but the flaky one's failure is timed too; pages: the
	// two articles in each pass (the second feed's listing is folded in).
	hist := map[string]uint64{}
	for _, mm := range family(t, got, "storywatch_fetch_duration_seconds").GetMetric() {
		hist[labelsOf(mm)["target"]] = mm.GetHistogram().GetSampleCount()
	}
	if hist["feed"] != 4 || hist["page"] != 4 {
		t.Errorf("fetch latency samples = %v, want 4 feed and 4 page fetches", hist)
	}

	size, err := st.Size()
	if err != nil {
		t.Fatal(err)
	}
	if v := gaugeValue(t, got, "storywatch_store_size_bytes", nil); v != float64(size) || v <= 0 {
		t.Errorf("store size = %v, store says %d", v, size)
	}
}

// scrape GETs the metrics handler over HTTP and parses the text format.
func scrape(t *testing.T, mx *metrics.Metrics) map[string]*dto.MetricFamily {
	t.Helper()
	srv := httptest.NewServer(mx.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("scrape: %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); expfmt.ResponseFormat(resp.Header).FormatType() != expfmt.TypeTextPlain {
		t.Fatalf("scrape Content-Type %q, want the text format", ct)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse scrape: %v", err)
	}
	return fams
}

func family(t *testing.T, fams map[string]*dto.MetricFamily, name string) *dto.MetricFamily {
	t.Helper()
	f, ok := fams[name]
	if !ok {
		t.Fatalf("scrape lacks %s", name)
	}
	return f
}

func labelsOf(m *dto.Metric) map[string]string {
	out := map[string]string{}
	for _, l := range m.GetLabel() {
		out[l.GetName()] = l.GetValue()
	}
	return out
}

// gaugeValue returns the value of the counter or gauge name whose labels
// are exactly labels; 0 when the family has no such series.
func gaugeValue(t *testing.T, fams map[string]*dto.MetricFamily, name string, labels map[string]string) float64 {
	t.Helper()
	for _, m := range family(t, fams, name).GetMetric() {
		if fmt.Sprint(labelsOf(m)) != fmt.Sprint(labels) { // nil prints as map[] too
			continue
		}
		if c := m.GetCounter(); c != nil {
			return c.GetValue()
		}
		return m.GetGauge().GetValue()
	}
	return 0
}
