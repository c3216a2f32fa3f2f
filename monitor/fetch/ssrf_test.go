package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestSSRFLiteralAddresses: article links that name internal addresses
// directly are refused before any connection, whatever their spelling.
func TestSSRFLiteralAddresses(t *testing.T) {
	c := New(Options{Timeout: 5 * time.Second})
	for _, u := range []string{
		"http://127.0.0.1/admin",
		"http://127.1.2.3:8080/",
		"http://[::1]/",
		"http://[::ffff:127.0.0.1]/",
		"http://169.254.169.254/latest/meta-data/iam/",
		"http://[fd00:ec2::254]/latest/meta-data/",
		"http://10.0.0.1/",
		"http://192.168.0.1/",
		"http://0.0.0.0/",
		"http://[::]/",
		"https://100.100.100.200/", // Alibaba Cloud metadata, carrier-grade NAT range
	} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(context.Background(), Request{URL: u, Robots: true})
			if !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("err = %v, want ErrBlockedAddress", err)
			}
			if !strings.Contains(err.Error(), "not a public address") {
				t.Errorf("error %q does not say why", err)
			}
		})
	}
}

// TestSSRFCheckedOnDialedAddress uses two loopback addresses, one treated
// as public and one as internal, to show that the check runs on the
// address actually dialed, on every redirect hop and for robots.txt too.
// (TestPrivateAddresses covers a name, "localhost", refused after DNS
// resolution.)
func TestSSRFCheckedOnDialedAddress(t *testing.T) {
	internalLn, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	var internalHits atomic.Int32
	internal := &httptest.Server{
		Listener: internalLn,
		Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			internalHits.Add(1)
			fmt.Fprint(w, "secret")
		})},
	}
	internal.Start()
	defer internal.Close()

	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-internal":
			http.Redirect(w, r, internal.URL+"/", http.StatusFound)
		default:
			fmt.Fprint(w, "public")
		}
	}))
	defer public.Close()

	// Treat 127.0.0.1 as a public address and everything else as the
	// production policy does.
	publicIP := netip.MustParseAddr("127.0.0.1")
	policy := func(ip netip.Addr) bool { return ip.Unmap() != publicIP && blockedAddr(ip) }
	c := newClient(Options{Timeout: 5 * time.Second}, policy)

	tests := []struct {
		name   string
		url    string
		robots bool
		want   error
	}{
		{"public address", public.URL + "/", false, nil},
		{"public address with robots.txt", public.URL + "/", true, nil},
		{"internal address", internal.URL + "/", false, ErrBlockedAddress},
		{"redirect to internal address", public.URL + "/to-internal", false, ErrBlockedAddress},
		{"redirect to internal address with robots.txt", public.URL + "/to-internal", true, ErrBlockedAddress},
		{"robots.txt of internal address", internal.URL + "/article", true, ErrBlockedAddress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(context.Background(), Request{URL: tt.url, Robots: tt.robots})
			switch {
			case tt.want == nil:
				if err != nil || string(resp.Body) != "public" {
					t.Fatalf("Get = %v, %v", resp, err)
				}
			case !errors.Is(err, tt.want):
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if n := internalHits.Load(); n != 0 {
		t.Errorf("internal server was reached %d times", n)
	}
}
