package fetch

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
)

// RobotsAgent is the product token storywatch looks for in robots.txt
// "User-agent" lines (compared case-insensitively, RFC 9309 section 2.2.1).
const RobotsAgent = "storywatch"

// robotsRule is one Allow or Disallow line of the group that applies to us.
type robotsRule struct {
	allow    bool
	pattern  string // normalised, without a trailing '$'
	anchored bool   // the pattern ended with '$': it must match the whole path
	length   int    // octets of the normalised pattern, '$' included: its specificity
	line     string // the line as written, for error messages
}

// robotsRules are the rules of one robots.txt that apply to one agent,
// most specific first. The zero value allows everything.
type robotsRules struct {
	rules []robotsRule
}

type robotsGroup struct {
	agents   []string
	rules    []robotsRule
	sawRules bool // an Allow/Disallow line was seen, even an empty one
}

// parseRobots reads a robots.txt (RFC 9309) and keeps the rules for agent:
// every group naming agent, merged, or else every "*" group, merged. Lines
// it does not understand are skipped, as the RFC asks; rules before the
// first User-agent line belong to no group and are ignored.
func parseRobots(body []byte, agent string) robotsRules {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	var groups []*robotsGroup
	var cur *robotsGroup
	for len(body) > 0 {
		var line []byte
		if i := bytes.IndexAny(body, "\r\n"); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			line, body = body, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(string(bytes.TrimSpace(key)))
		v := string(bytes.TrimSpace(val))
		switch k {
		case "user-agent":
			// A User-agent line after rules starts a new group; consecutive
			// ones share the group that follows them.
			if cur == nil || cur.sawRules {
				cur = &robotsGroup{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, v)
		case "allow", "disallow":
			if cur == nil {
				continue
			}
			cur.sawRules = true
			if v == "" {
				continue // "Disallow:" with no path disallows nothing
			}
			cur.rules = append(cur.rules, newRobotsRule(k == "allow", v, k))
		}
	}

	var own, star []robotsRule
	var haveOwn bool
	for _, g := range groups {
		switch {
		case g.names(agent):
			own = append(own, g.rules...)
			haveOwn = true
		case g.names("*"):
			star = append(star, g.rules...)
		}
	}
	rules := star
	if haveOwn {
		rules = own
	}
	// Most specific first, Allow before Disallow of the same length: the
	// first rule that matches then decides.
	slices.SortStableFunc(rules, func(a, b robotsRule) int {
		if a.length != b.length {
			return cmp.Compare(b.length, a.length)
		}
		switch {
		case a.allow == b.allow:
			return 0
		case a.allow:
			return -1
		}
		return 1
	})
	return robotsRules{rules: rules}
}

func newRobotsRule(allow bool, value, key string) robotsRule {
	p := normalizeRobotsPath(value)
	r := robotsRule{allow: allow, pattern: p, length: len(p), line: key + ": " + value}
	if strings.HasSuffix(p, "$") {
		r.anchored = true
		r.pattern = p[:len(p)-1]
	}
	// Runs of '*' match the same as one and would only slow matching.
	for strings.Contains(r.pattern, "**") {
		r.pattern = strings.ReplaceAll(r.pattern, "**", "*")
	}
	return r
}

// names reports whether the group lists agent ("*" matches only "*").
func (g *robotsGroup) names(agent string) bool {
	for _, a := range g.agents {
		if a == agent || (agent != "*" && agentMatches(a, agent)) {
			return true
		}
	}
	return false
}

// agentMatches compares the product token at the start of a User-agent
// value ("StoryWatch/1.0" names "storywatch") with ours, ignoring case.
func agentMatches(value, agent string) bool {
	end := 0
	for end < len(value) {
		c := value[end]
		if c == '-' || c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			end++
			continue
		}
		break
	}
	return end > 0 && strings.EqualFold(value[:end], agent)
}

// allowed reports whether path (the URL's escaped path and query) may be
// fetched, and the rule that decided when one did. The longest matching
// pattern wins; between an Allow and a Disallow of the same length, Allow
// wins (RFC 9309 section 2.2.2). /robots.txt itself is always allowed.
func (r robotsRules) allowed(path string) (bool, *robotsRule) {
	path = normalizeRobotsPath(path)
	if path == "/robots.txt" {
		return true, nil
	}
	for i := range r.rules {
		rule := &r.rules[i]
		if robotsMatch(rule.pattern, rule.anchored, path) {
			return rule.allow, rule
		}
	}
	return true, nil
}

// robotsMatch reports whether pattern, where '*' matches any run of octets,
// matches a prefix of path (all of path when anchored). It backtracks only
// to the last '*', so it is O(len(pattern)*len(path)) at worst.
func robotsMatch(pattern string, anchored bool, path string) bool {
	pi, si := 0, 0
	star, mark := -1, 0
	for {
		if pi == len(pattern) {
			if !anchored || si == len(path) {
				return true
			}
			if star < 0 {
				return false
			}
			pi, mark = star+1, mark+1
			si = mark
			continue
		}
		if si == len(path) {
			for pi < len(pattern) && pattern[pi] == '*' {
				pi++
			}
			return pi == len(pattern)
		}
		switch {
		case pattern[pi] == '*':
			star, mark = pi, si
			pi++
		case pattern[pi] == path[si]:
			pi++
			si++
		case star >= 0:
			pi, mark = star+1, mark+1
			si = mark
		default:
			return false
		}
	}
}

// normalizeRobotsPath brings a pattern or a URL path to one spelling, so
// that "/caf%c3%a9", "/café" and "/caf%C3%A9" compare equal: octets outside
// printable US-ASCII are percent-encoded, escapes get upper-case hex, and
// escaped unreserved characters are decoded (RFC 9309 section 2.2.2).
func normalizeRobotsPath(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(v) {
				b.WriteByte(v)
			} else {
				b.WriteByte('%')
				b.WriteByte(hex[v>>4])
				b.WriteByte(hex[v&0xf])
			}
			i += 2
		case c <= 0x20 || c >= 0x7f || c == '%':
			// A '%' that starts no escape is written as one, so a second
			// pass reads it the same way.
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xf])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

func isUnreserved(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
