package monitor_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/email"
	"github.com/storywatch/storywatch/notify/webhook"
)

// mustOpenStore opens a fresh bbolt store in t.TempDir and closes it at
// cleanup.
func mustOpenStore(t *testing.T) *bolt.Store {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "storywatch.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// outletPage is an article page whose facts each revision changes.
const outletPage = `<!doctype html><html><head><title>%[1]s</title></head><body><article><h1>%[1]s</h1>
<p>The leaders will meet in Budapest on %[2]s, officials said on Monday.</p>
<p>About %[3]s troops could take part in a security force, a diplomat said.</p>
<p>Talks on the text of the deal went on late into the night in the capital.</p></article></body></html>`

// outlet is an httptest news site: good.rss and flaky.rss (which fails its
// first request) list two articles; the summit page changes its date and
// number with each revision (rev), the troops page never does.
type outlet struct {
	*httptest.Server
	rev        atomic.Int32
	flakyCalls atomic.Int32
}

func newOutlet(t *testing.T) *outlet {
	t.Helper()
	o := &outlet{}
	dates := []string{"August 29", "September 3", "September 3"}
	troops := []string{"10,000", "12,000", "15,000"}
	mux := http.NewServeMux()
	rss := func(w http.ResponseWriter) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%[1]s</link>
<item><title>Summit set</title><link>%[1]s/world/summit.html</link><guid>summit</guid></item>
<item><title>Troops pledged</title><link>%[1]s/world/troops.html</link><guid>troops</guid></item>
</channel></rss>`, o.URL)
	}
	mux.HandleFunc("/good.rss", func(w http.ResponseWriter, r *http.Request) { rss(w) })
	mux.HandleFunc("/flaky.rss", func(w http.ResponseWriter, r *http.Request) {
		if o.flakyCalls.Add(1) == 1 {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		rss(w)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		i := min(int(o.rev.Load()), len(dates)-1)
		fmt.Fprintf(w, outletPage, "Summit set", dates[i], troops[i])
	})
	mux.HandleFunc("/world/troops.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, outletPage, "Troops pledged", "Friday", "5,000")
	})
	o.Server = httptest.NewServer(mux)
	t.Cleanup(o.Close)
	return o
}

// channelsFor builds the alert channels cfg names, as the composition root
// in cmd/storywatch does for the daemon (the monitor builds none itself).
func channelsFor(t *testing.T, cfg *config.Config) map[string]notify.Notifier {
	t.Helper()
	out := map[string]notify.Notifier{}
	client := &http.Client{Timeout: 10 * time.Second}
	for _, w := range cfg.Notify.Webhooks {
		wc := webhook.Config{URL: w.URL, Secret: w.Secret.Reveal(), UserAgent: "storywatch/test",
			Format: w.Format, Token: w.Token.Reveal(), Room: w.Room}
		out[wc.Channel()] = webhook.New(wc, client)
	}
	if e := cfg.Notify.Email; e != nil {
		ec := email.Config{Host: e.Host, Port: e.Port, TLS: e.TLS, Username: e.Username,
			Password: e.Password.Reveal(), From: e.From, To: e.To, Timeout: 10 * time.Second}
		var n notify.Notifier
		var err error
		if d := e.Digest.Std(); d > 0 {
			n, err = email.NewDigest(ec, d)
		} else {
			n, err = email.New(ec)
		}
		if err != nil {
			t.Fatal(err)
		}
		out[email.Channel] = n
	}
	return out
}

// feedsConfig is the config of a store at path polling feeds of a loopback
// corpus; fetch holds extra lines of the fetch section ("  workers: 8\n").
func feedsConfig(tb testing.TB, path string, feeds []string, fetch string) *config.Config {
	tb.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "store:\n  path: %q\nfeeds:\n", path)
	for _, f := range feeds {
		fmt.Fprintf(&b, "  - url: %q\n", f)
	}
	b.WriteString("fetch:\n  allow_private_addresses: true\n" + fetch)
	cfg, err := config.Parse([]byte(b.String()), "corpus.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

// startMonitor builds a Monitor from opts and closes it at cleanup.
func startMonitor(t *testing.T, opts monitor.Options) *monitor.Monitor {
	t.Helper()
	m, err := monitor.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}
