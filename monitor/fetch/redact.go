package fetch

import (
	"net/url"
	"strings"
)

// Redact returns u safe for logs and error messages: user info is replaced,
// query values and bare query words are masked (keys stay, they help debugging) and the fragment
// is dropped. Unparsable input is cut before any '?' or '@'.
func Redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		if i := strings.LastIndex(u, "@"); i >= 0 {
			if j := strings.Index(u, "//"); j >= 0 && j < i {
				u = u[:j+2] + "REDACTED" + u[i:]
			} else {
				u = "REDACTED" + u[i:]
			}
		}
		return u
	}
	if p.User != nil {
		p.User = url.User("REDACTED")
	}
	p.Fragment, p.RawFragment = "", ""
	if p.RawQuery != "" {
		parts := strings.Split(p.RawQuery, "&")
		for i, part := range parts {
			if k, _, ok := strings.Cut(part, "="); ok {
				parts[i] = k + "=REDACTED"
			} else if part != "" {
				parts[i] = "REDACTED" // a bare value may be a token too
			}
		}
		p.RawQuery = strings.Join(parts, "&")
	}
	return p.String()
}
