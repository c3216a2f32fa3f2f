package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/fetch"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/email"
	"github.com/storywatch/storywatch/notify/webhook"
)

// newMonitor is the composition root of the pipeline: it builds the HTTP
// client that fetches feeds and pages, one notifier per configured alert
// channel, and hands them with the store, logger and metrics to the
// monitor, which builds none of them itself.
func newMonitor(cfg *config.Config, s monitor.Store, log *slog.Logger, mx *metrics.Metrics) (*monitor.Monitor, error) {
	notifiers, err := buildNotifiers(cfg, &http.Client{Timeout: 30 * time.Second}, version)
	if err != nil {
		return nil, err
	}
	return monitor.New(monitor.Options{
		Config: cfg, Store: s, Logger: log, Version: version, Metrics: mx,
		Fetcher:   fetch.New(monitor.FetchOptions(cfg, version)),
		Notifiers: notifiers,
	})
}

// buildNotifiers builds one notifier per configured channel, keyed by the
// channel name stored with each queued alert.
func buildNotifiers(cfg *config.Config, client *http.Client, version string) (map[string]notify.Notifier, error) {
	out := map[string]notify.Notifier{}
	for _, w := range cfg.Notify.Webhooks {
		wc := webhook.Config{URL: w.URL, Secret: w.Secret.Reveal(), UserAgent: "storywatch/" + version,
			Format: w.Format, Token: w.Token.Reveal(), Room: w.Room}
		// The channel is named after the URL's hash, so reordering the config
		// does not send queued alerts to another receiver.
		out[wc.Channel()] = webhook.New(wc, client)
	}
	if e := cfg.Notify.Email; e != nil {
		ec := email.Config{
			Host: e.Host, Port: e.Port, TLS: e.TLS, Username: e.Username,
			Password: e.Password.Reveal(), From: e.From, To: e.To, Timeout: 30 * time.Second,
		}
		var n notify.Notifier
		var err error
		if d := e.Digest.Std(); d > 0 {
			n, err = email.NewDigest(ec, d)
		} else {
			n, err = email.New(ec)
		}
		if err != nil {
			return nil, fmt.Errorf("build email notifier: %w", err)
		}
		out[email.Channel] = n
	}
	return out, nil
}
