package fetch

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRobotsAllowed: a typical news-site robots.txt (a few hundred
// rules), and a hostile one: 500 KiB of wildcard patterns that never match,
// so every rule is tried against the path.
func BenchmarkRobotsAllowed(b *testing.B) {
	var typical strings.Builder
	typical.WriteString("User-agent: *\n")
	for i := range 300 {
		fmt.Fprintf(&typical, "Disallow: /section-%d/*/print$\nAllow: /section-%d/public/\n", i, i)
	}
	var hostile strings.Builder
	hostile.WriteString("User-agent: *\n")
	for hostile.Len() < robotsMaxBytes-64 {
		hostile.WriteString("Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b$\n")
	}
	path := "/" + strings.Repeat("a", 180) + "/2025/08/18/putin-zelensky-summit.html?utm_source=rss"
	for _, tt := range []struct{ name, txt string }{{"typical", typical.String()}, {"hostile", hostile.String()}} {
		rules := parseRobots([]byte(tt.txt), RobotsAgent)
		b.Run(fmt.Sprintf("%s/%d-rules", tt.name, len(rules.rules)), func(b *testing.B) {
			for b.Loop() {
				rules.allowed(path)
			}
		})
	}
	b.Run("parse-500KiB", func(b *testing.B) {
		body := []byte(hostile.String())
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			parseRobots(body, RobotsAgent)
		}
	})
}
