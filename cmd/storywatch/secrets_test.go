package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// TestSecretsNeverPrinted runs the commands a user runs, with debug logs,
// failing webhook and SMTP deliveries, and greps everything printed for the
// webhook secret, the token in the webhook URL and the SMTP password.
func TestSecretsNeverPrinted(t *testing.T) {
	const (
		hookSecret = "hook-secret-4f9a2c"
		urlToken   = "tok-7d1e88b0"
		smtpPass   = "smtp-pass-93ab1f"
	)
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	var hits atomic.Int64
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	t.Cleanup(hook.Close)
	// A port nothing listens on: SMTP delivery fails.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadPort := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	t.Setenv("TEST_HOOK_SECRET", hookSecret)
	t.Setenv("TEST_SMTP_PASSWORD", smtpPass)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), summitStory+fmt.Sprintf(`notify:
  kinds: [date, number, quote, position, location, title, text]
  webhooks:
    - url: "%s/hooks/%s?token=%s"
      secret: ${TEST_HOOK_SECRET}
  email:
    host: 127.0.0.1
    port: %d
    tls: none
    username: alerts
    password: ${TEST_SMTP_PASSWORD}
    from: storywatch@example.com
    to: [desk@example.com]
`, hook.URL, urlToken, urlToken, deadPort))
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "level: warn", "level: debug", 1))

	var printed strings.Builder
	runAll := func(args ...string) {
		out, errOut, _ := cli(t, append([]string{"-c", cfg}, args...)...)
		printed.WriteString(out)
		printed.WriteString(errOut)
	}
	runAll("check")
	runAll("poll", "--wait", "2s")
	srv.Revise()
	runAll("poll", "--wait", "2s")
	for _, cmd := range [][]string{{"feeds", "--json"}, {"changes", "--json"}, {"alerts", "--json"}, {"alerts"}, {"articles"}} {
		runAll(cmd...)
	}
	if hits.Load() == 0 {
		t.Fatal("the webhook was never called: the test did not exercise delivery errors")
	}
	if !strings.Contains(printed.String(), "503") && !strings.Contains(printed.String(), "Service Unavailable") {
		t.Logf("output:\n%s", printed.String())
		t.Error("the delivery failure is not reported at all")
	}
	for _, secret := range []string{hookSecret, urlToken, smtpPass} {
		if strings.Contains(printed.String(), secret) {
			i := strings.Index(printed.String(), secret)
			t.Errorf("secret %q printed: …%s…", secret, printed.String()[max(0, i-200):min(len(printed.String()), i+100)])
		}
	}
}
