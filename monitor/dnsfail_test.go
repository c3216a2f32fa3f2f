package monitor_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/fetch"
)

// startNameServer serves DNS on a loopback UDP port, as a name server out
// there would: NXDOMAIN for names starting "gone.", SERVFAIL (a server
// failing for now) for every other. It returns a resolver that asks it
// alone, so the test needs neither the network nor the system's resolver.
func startNameServer(t *testing.T) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return // closed
			}
			var p dnsmessage.Parser
			h, err := p.Start(buf[:n])
			if err != nil {
				continue
			}
			q, err := p.Question()
			if err != nil {
				continue
			}
			rcode := dnsmessage.RCodeServerFailure
			if strings.HasPrefix(q.Name.String(), "gone.") {
				rcode = dnsmessage.RCodeNameError
			}
			b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, RecursionDesired: h.RecursionDesired,
				RecursionAvailable: true, RCode: rcode})
			if b.StartQuestions() != nil || b.Question(q) != nil {
				continue
			}
			msg, err := b.Finish()
			if err != nil {
				continue
			}
			pc.WriteTo(msg, from)
		}
	}()
	addr := pc.LocalAddr().String()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "udp", addr)
	}}
}

// TestDeadArticleHostKeepsTheFeeds304: an item whose article host does not
// exist (NXDOMAIN) fails for good: its feed keeps its validators and
// answers 304 next time. It was taken for a failure that may pass, and the
// feed was downloaded whole on every poll, the item failing again each
// time. A name server failing for now (SERVFAIL) is such a failure: that
// feed is read whole again and the item retried. Both with robots.txt on,
// where the host's robots.txt fails the same way first, and off.
func TestDeadArticleHostKeepsTheFeeds304(t *testing.T) {
	resolver := startNameServer(t)
	var whole = map[string]*atomic.Int32{"/gone.rss": {}, "/busy.rss": {}}
	hosts := map[string]string{"/gone.rss": "gone.example.invalid", "/busy.rss": "busy.example.invalid"}
	mux := http.NewServeMux()
	for path := range whole {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			whole[path].Add(1)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><item><title>Summit set</title>`+
				`<link>http://%s/world/summit.html</link><description>The leaders will meet in Budapest on Friday.</description></item></channel></rss>`,
				path, hosts[path])
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	for _, robots := range []bool{true, false} {
		t.Run(fmt.Sprintf("robots=%v", robots), func(t *testing.T) {
			for _, n := range whole {
				n.Store(0)
			}
			cfg, err := config.Parse(fmt.Appendf(nil, "store:\n  path: %q\nfeeds:\n  - url: %q\n  - url: %q\nfetch:\n  allow_private_addresses: true\n  robots: %v\n",
				t.TempDir()+"/sw.db", srv.URL+"/gone.rss", srv.URL+"/busy.rss", robots), "dns.yaml")
			if err != nil {
				t.Fatal(err)
			}
			st := mustOpenStore(t)
			m := startMonitor(t, monitor.Options{Config: cfg, Store: st,
				Fetcher: fetch.New(fetch.Options{AllowPrivate: true, Resolver: resolver})})
			for range 3 {
				for _, f := range m.PollAll(t.Context()).Feeds {
					if f.Err != nil {
						t.Fatalf("feed %s failed: %v", f.URL, f.Err)
					}
				}
			}
			if n := whole["/gone.rss"].Load(); n != 1 {
				t.Errorf("the feed whose article host does not exist was read whole %d times in 3 polls, want once (then 304)", n)
			}
			if n := whole["/busy.rss"].Load(); n != 3 {
				t.Errorf("the feed whose article host's name server fails for now was read whole %d times in 3 polls, want 3 (item retried)", n)
			}
			arts, err := st.Articles()
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 2 {
				t.Errorf("%d articles stored, want both items from their feed's text", len(arts))
			}
		})
	}
}
