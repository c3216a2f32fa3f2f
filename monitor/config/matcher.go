package config

import (
	"fmt"
	"regexp"
)

// Matcher is the compiled story filter (see Story). A nil *Matcher matches
// everything. It is immutable and safe for concurrent use.
type Matcher struct {
	any, all, none []*regexp.Regexp
	// never is set when a pattern failed to compile: the filter then
	// matches nothing rather than silently widening or narrowing.
	never bool
}

// Match reports whether the texts (typically an item's title, summary and
// body) belong to the story: when Any is non-empty, at least one Any regex
// matches some text; every All regex matches some text (not necessarily the
// same one); and no None regex matches any text. A nil Matcher or an empty
// Story matches everything, even no texts at all.
func (m *Matcher) Match(texts ...string) bool {
	if m == nil {
		return true
	}
	if m.never {
		return false
	}
	if len(m.any) > 0 {
		hit := false
		for _, re := range m.any {
			if matchesSome(re, texts) {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	for _, re := range m.all {
		if !matchesSome(re, texts) {
			return false
		}
	}
	for _, re := range m.none {
		if matchesSome(re, texts) {
			return false
		}
	}
	return true
}

func matchesSome(re *regexp.Regexp, texts []string) bool {
	for _, t := range texts {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// Matcher returns the compiled story filter. Validate compiles and caches
// it; on a Config that was not validated it compiles anew on each call.
// If a pattern does not compile, the returned Matcher matches nothing.
func (c *Config) Matcher() *Matcher {
	if c.matcher != nil {
		return c.matcher
	}
	m, ps := compileStory(c.Story)
	if len(ps) > 0 {
		return &Matcher{never: true}
	}
	return m
}

// storyIssue is a pattern that failed to compile, with its path.
type storyIssue struct {
	path string
	msg  string
	err  error
}

// compileStory compiles all three lists, reporting every bad pattern.
func compileStory(s Story) (*Matcher, []storyIssue) {
	var issues []storyIssue
	compile := func(key string, pats []string) []*regexp.Regexp {
		out := make([]*regexp.Regexp, 0, len(pats))
		for i, p := range pats {
			re, err := regexp.Compile(p)
			if err != nil {
				issues = append(issues, storyIssue{
					path: fmt.Sprintf("story.%s[%d]", key, i),
					msg:  fmt.Sprintf("invalid regex %q: %v", p, err),
					err:  err,
				})
				continue
			}
			out = append(out, re)
		}
		return out
	}
	m := &Matcher{any: compile("any", s.Any), all: compile("all", s.All), none: compile("none", s.None)}
	return m, issues
}
