package fetch

import (
	"strings"
	"testing"
)

func TestParseRobots(t *testing.T) {
	tests := []struct {
		name  string
		txt   string
		allow map[string]bool // path -> allowed
	}{
		{
			name:  "empty file allows all",
			txt:   "",
			allow: map[string]bool{"/": true, "/a/b?c": true},
		},
		{
			name: "star group",
			txt:  "User-agent: *\nDisallow: /private/\n",
			allow: map[string]bool{
				"/private/x": false, "/private/": false, "/private": true, "/public": true,
			},
		},
		{
			name: "own group replaces star group",
			txt: "User-agent: *\nDisallow: /\n\n" +
				"User-agent: storywatch\nDisallow: /drafts/\n",
			allow: map[string]bool{"/news/1": true, "/drafts/1": false},
		},
		{
			name:  "product token with version, any case",
			txt:   "User-agent: StoryWatch/2.1\nDisallow: /x\nUser-agent: *\nDisallow: /\n",
			allow: map[string]bool{"/x": false, "/y": true},
		},
		{
			name:  "other agent's group is ignored",
			txt:   "User-agent: googlebot\nDisallow: /\n",
			allow: map[string]bool{"/": true, "/a": true},
		},
		{
			name:  "token must match whole, not as a prefix",
			txt:   "User-agent: storywatcher\nDisallow: /\nUser-agent: story\nDisallow: /\n",
			allow: map[string]bool{"/a": true},
		},
		{
			name:  "consecutive user-agent lines share a group",
			txt:   "User-agent: googlebot\nUser-agent: storywatch\nDisallow: /shared\n",
			allow: map[string]bool{"/shared/1": false, "/other": true},
		},
		{
			name: "groups for the same agent merge",
			txt: "User-agent: storywatch\nDisallow: /a\n\nUser-agent: bingbot\nDisallow: /b\n\n" +
				"User-agent: storywatch\nDisallow: /c\n",
			allow: map[string]bool{"/a": false, "/b": true, "/c": false},
		},
		{
			name:  "user-agent after rules starts a new group",
			txt:   "User-agent: storywatch\nDisallow: /a\nUser-agent: other\nDisallow: /b\n",
			allow: map[string]bool{"/a": false, "/b": true},
		},
		{
			name:  "empty disallow allows all but still closes the group",
			txt:   "User-agent: storywatch\nDisallow:\nUser-agent: *\nDisallow: /\n",
			allow: map[string]bool{"/": true, "/x": true},
		},
		{
			name:  "rules before any user-agent are ignored",
			txt:   "Disallow: /\nUser-agent: *\nDisallow: /x\n",
			allow: map[string]bool{"/": true, "/x": false},
		},
		{
			name: "longest match wins",
			txt:  "User-agent: *\nDisallow: /news/\nAllow: /news/world/\nDisallow: /news/world/draft\n",
			allow: map[string]bool{
				"/news/sport": false, "/news/world/1": true, "/news/world/draft-2": false,
			},
		},
		{
			name:  "allow wins a tie",
			txt:   "User-agent: *\nDisallow: /page\nAllow: /page\n",
			allow: map[string]bool{"/page": true},
		},
		{
			name: "star wildcard",
			txt:  "User-agent: *\nDisallow: /*.pdf\nDisallow: /*/print/\n",
			allow: map[string]bool{
				"/a/b.pdf": false, "/a/b.pdf?x=1": false, "/a/b.html": true,
				"/2025/print/1": false, "/print/1": true,
			},
		},
		{
			name: "dollar anchors the end",
			txt:  "User-agent: *\nDisallow: /*.php$\nDisallow: /exact$\n",
			allow: map[string]bool{
				"/index.php": false, "/index.php?x=1": true, "/index.phps": true,
				"/exact": false, "/exact/": true,
			},
		},
		{
			name:  "dollar pattern is more specific by its length",
			txt:   "User-agent: *\nAllow: /$\nDisallow: /\n",
			allow: map[string]bool{"/": true, "/a": false},
		},
		{
			name:  "query string is part of the path",
			txt:   "User-agent: *\nDisallow: /*?print=\n",
			allow: map[string]bool{"/a?print=1": false, "/a?x=1": true},
		},
		{
			name: "percent-encoding and non-ASCII compare equal",
			txt:  "User-agent: *\nDisallow: /café\nDisallow: /%7Euser\nDisallow: /a%2fb\n",
			allow: map[string]bool{
				"/caf%C3%A9/1": false, "/caf%c3%a9": false, "/~user/x": false,
				"/a%2Fb": false, "/a/b": true,
			},
		},
		{
			name:  "comments, CRLF, BOM, odd spacing and case",
			txt:   "\xef\xbb\xbfUSER-AGENT : * # everyone\r\n  disallow:/tmp # scratch\r\nSitemap: https://x.test/s.xml\r\n",
			allow: map[string]bool{"/tmp/1": false, "/tmp2": false, "/ok": true},
		},
		{
			name:  "robots.txt itself is always allowed",
			txt:   "User-agent: *\nDisallow: /\n",
			allow: map[string]bool{"/robots.txt": true, "/robots.txt.bak": false},
		},
		{
			name:  "lines without a colon and unknown keys are skipped",
			txt:   "User-agent *\nUser-agent: *\nCrawl-delay: 10\nnonsense\nDisallow /x\nDisallow: /y\n",
			allow: map[string]bool{"/x": true, "/y": false},
		},
		{
			name:  "HTML served as robots.txt allows all",
			txt:   "<!doctype html><html><body><p>Not found</p></body></html>",
			allow: map[string]bool{"/": true, "/a": true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := parseRobots([]byte(tt.txt), RobotsAgent)
			for path, want := range tt.allow {
				got, rule := rules.allowed(path)
				if got != want {
					t.Errorf("allowed(%q) = %v (rule %+v), want %v", path, got, rule, want)
				}
				if !got && (rule == nil || rule.allow) {
					t.Errorf("allowed(%q): disallowed without a Disallow rule: %+v", path, rule)
				}
			}
		})
	}
}

func TestRobotsMatch(t *testing.T) {
	tests := []struct {
		pattern  string
		anchored bool
		path     string
		want     bool
	}{
		{"/", false, "/anything", true},
		{"/a", false, "/", false},
		{"*", false, "", true},
		{"/a*b*c", false, "/aXXbYYc/rest", true},
		{"/a*b*c", true, "/aXXbYYc/rest", false},
		{"/a*b*c", true, "/abcbc", true},
		{"/a*c", true, "/abcbd", false},
		{"/*.gif", true, "/x.gif.gif", true},
		{"/aaa*", false, "/aa", false},
		{"", true, "", true},
		{"", true, "/", false},
	}
	for _, tt := range tests {
		name := tt.pattern
		if tt.anchored {
			name += "$"
		}
		t.Run(name+" "+tt.path, func(t *testing.T) {
			if got := robotsMatch(tt.pattern, tt.anchored, tt.path); got != tt.want {
				t.Errorf("robotsMatch(%q, %v, %q) = %v, want %v", tt.pattern, tt.anchored, tt.path, got, tt.want)
			}
		})
	}
}

// TestRobotsMatchIsNotExponential guards the matcher against the pattern
// shapes that make naive backtracking explode; it would hang, not fail.
func TestRobotsMatchIsNotExponential(t *testing.T) {
	pattern := strings.Repeat("*a", 200) + "b"
	path := "/" + strings.Repeat("a", 20000)
	if robotsMatch(pattern, true, path) {
		t.Fatal("matched a path without b")
	}
}

func FuzzRobots(f *testing.F) {
	seeds := []struct{ txt, path string }{
		{"User-agent: *\nDisallow: /private/\n", "/private/x"},
		{"User-agent: storywatch\nAllow: /$\nDisallow: /*.php$\n", "/index.php"},
		{"\xef\xbb\xbfuser-agent: StoryWatch/1\r\ndisallow: /caf%c3%a9 # x\r\n", "/café"},
		{"User-agent: a\nUser-agent: *\nDisallow:\nUser-agent: b\nDisallow: /**x*$", "/yx"},
		{"Disallow: /\n", "/robots.txt"},
	}
	for _, s := range seeds {
		f.Add(s.txt, s.path)
	}
	f.Fuzz(func(t *testing.T, txt, path string) {
		rules := parseRobots([]byte(txt), RobotsAgent)
		ok, rule := rules.allowed(path)
		if again, _ := rules.allowed(path); again != ok {
			t.Fatalf("allowed(%q) not deterministic", path)
		}
		if !ok {
			if rule == nil || rule.allow {
				t.Fatalf("disallowed %q without a Disallow rule: %+v", path, rule)
			}
			if !strings.Contains(strings.ToLower(txt), "disallow") {
				t.Fatalf("disallowed %q by a file without Disallow lines", path)
			}
		}
		// Independent of the rule order: the longest matching pattern
		// decides, Allow winning a tie.
		want, bestLen := true, -1
		norm := normalizeRobotsPath(path)
		for _, r := range rules.rules {
			if robotsMatch(r.pattern, r.anchored, norm) && (r.length > bestLen || (r.length == bestLen && r.allow)) {
				want, bestLen = r.allow, r.length
			}
		}
		if norm != "/robots.txt" && ok != want {
			t.Fatalf("allowed(%q) = %v, longest match says %v", path, ok, want)
		}
		if ok, _ := rules.allowed("/robots.txt"); !ok {
			t.Fatal("/robots.txt must always be allowed")
		}
		// The normalised form is stable, so matching does not depend on how
		// a path was spelled before.
		n := normalizeRobotsPath(path)
		if normalizeRobotsPath(n) != n {
			t.Fatalf("normalizeRobotsPath not idempotent: %q -> %q -> %q", path, n, normalizeRobotsPath(n))
		}
	})
}
