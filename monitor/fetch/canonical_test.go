package fetch

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func mustAddr(t *testing.T, s string) netip.Addr {
	t.Helper()
	a, err := netip.ParseAddr(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  error
	}{
		{"HTTPS://Example.COM/World/Story", "https://example.com/World/Story", nil},
		{"https://example.com", "https://example.com/", nil},
		{"http://example.com:80/a", "http://example.com/a", nil},
		{"https://example.com:443/a", "https://example.com/a", nil},
		{"https://example.com:8443/a", "https://example.com:8443/a", nil},
		{"http://example.com:443/a", "http://example.com:443/a", nil},
		{"https://example.com/a#comments", "https://example.com/a", nil},
		{"http://user:secret@example.com/a", "http://example.com/a", nil},
		{"https://token@Example.com:443/a", "https://example.com/a", nil},
		{"https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7", nil},
		{"https://example.com/a?UTM_Campaign=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&at_medium=7&at_campaign=8&ref=9&smid=10", "https://example.com/a", nil},
		{"https://example.com/a?z=1&a=2&m=3", "https://example.com/a?a=2&m=3&z=1", nil},
		{"https://example.com/a?b=2&a=1&b=1", "https://example.com/a?a=1&b=2&b=1", nil},
		{"https://example.com/a?q=caf%C3%A9+au+lait", "https://example.com/a?q=caf%C3%A9+au+lait", nil},
		{"https://example.com/a?", "https://example.com/a", nil},
		{"https://example.com/index.html", "https://example.com/index.html", nil},
		{"https://example.com/a/", "https://example.com/a/", nil},
		{"https://example.com./a", "https://example.com/a", nil},
		{"http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a", nil},
		{"  https://example.com/a  ", "https://example.com/a", nil},
		{"https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9", nil},
		{"ftp://example.com/a", "", ErrScheme},
		{"javascript:alert(1)", "", ErrScheme},
		{"/relative/path", "", ErrScheme},
		{"https:///nohost", "", nil},
		{"https://exa mple.com/", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Canonicalize(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("Canonicalize(%q) = %q, want error", tt.in, got)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Canonicalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			again, err := Canonicalize(got)
			if err != nil || again != got {
				t.Errorf("not idempotent: %q -> %q (%v)", got, again, err)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		mustNot []string
	}{
		{"https://example.com/feed", "https://example.com/feed", nil},
		{"https://user:pass@example.com/feed", "https://REDACTED@example.com/feed", []string{"user", "pass"}},
		{"https://example.com/hook?token=abc123&v=2", "https://example.com/hook?token=REDACTED&v=REDACTED", []string{"abc123"}},
		{"https://example.com/hook?abc123", "https://example.com/hook?REDACTED", []string{"abc123"}},
		{"https://example.com/a#secret", "https://example.com/a", []string{"secret"}},
		{"https://us er:pw@exa mple.com/x?token=abc", "", []string{"pw", "abc"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Redact(tt.in)
			if tt.want != "" && got != tt.want {
				t.Errorf("Redact = %q, want %q", got, tt.want)
			}
			for _, s := range tt.mustNot {
				if strings.Contains(got, s) {
					t.Errorf("Redact = %q still contains %q", got, s)
				}
			}
		})
	}
}

func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{
		"https://example.com/a?utm_source=x&b=2&a=1#frag",
		"HTTP://EXAMPLE.com:80",
		"http://[::1]:443/x?%zz=1",
		"https://example.com/%2F?a=%26&ref=x",
		"mailto:x@example.com",
		"https://user:pw@example.com./a;b?c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Canonicalize(in)
		if err != nil {
			return
		}
		if !strings.HasPrefix(out, "http://") && !strings.HasPrefix(out, "https://") {
			t.Fatalf("Canonicalize(%q) = %q: not http(s)", in, out)
		}
		if strings.Contains(out, "#") {
			t.Fatalf("Canonicalize(%q) = %q keeps a fragment", in, out)
		}
		again, err := Canonicalize(out)
		if err != nil || again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q (%v)", in, out, again, err)
		}
		_ = Redact(in)
	})
}
