package main

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/storywatch/storywatch/monitor/fetch"
)

// uniqueFeedNames makes the feeds' display names (the configured name,
// else the feed's own title, else its host) tell the feeds apart, as
// `feeds` and `poll` print them: an outlet's feeds often share a host and
// a title ("Reuters"), and two lines named alike could not be told apart.
// A name shared by several feeds gets the feed's host and path: in place of
// a bare host, else after the name in parentheses; should that still not
// tell them apart (the same path under http and https, another query),
// the feed's place in the config. The result depends on the feeds' URLs and
// names alone, so a feed keeps its name from run to run.
func uniqueFeedNames(urls, names []string) []string {
	out := make([]string, len(names))
	copy(out, names)
	for pass := 0; pass < 2; pass++ {
		count := make(map[string]int, len(out))
		for _, n := range out {
			count[n]++
		}
		for i, n := range out {
			if count[n] < 2 {
				continue
			}
			if pass == 1 {
				out[i] = fmt.Sprintf("%s #%d", n, i+1)
				continue
			}
			where := hostPath(urls[i])
			switch u, err := url.Parse(urls[i]); {
			case n == urls[i]:
				out[i] = where
			case err == nil && strings.EqualFold(n, u.Host):
				out[i] = where
			default:
				out[i] = n + " (" + where + ")"
			}
		}
	}
	return out
}

// hostPath is a feed URL without its scheme: host, path and query, the
// query's values masked (a feed URL may carry a token).
func hostPath(raw string) string {
	u, err := url.Parse(fetch.Redact(raw))
	if err != nil || u.Host == "" {
		return raw
	}
	s := u.Host + u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s
}
