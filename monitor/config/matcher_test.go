package config

import "testing"

// TestMatcher is the truth table of the story filter.
func TestMatcher(t *testing.T) {
	story := Story{
		Any:  []string{"(?i)summit", "(?i)peace talks"},
		All:  []string{"(?i)putin|kremlin", "(?i)zelensk"},
		None: []string{"(?i)^opinion:"},
	}
	tests := []struct {
		name  string
		story Story
		texts []string
		want  bool
	}{
		{"all three hold", story, []string{"Putin and Zelensky agree to summit"}, true},
		{"spread over texts", story, []string{"Summit set", "Kremlin confirms", "Zelensky says yes"}, true},
		{"second any pattern", story, []string{"Peace talks: Putin, Zelenskyy"}, true},
		{"no any", story, []string{"Putin and Zelensky speak by phone"}, false},
		{"missing one all", story, []string{"Putin summit with Trump"}, false},
		{"none hits", story, []string{"Opinion: the Putin-Zelensky summit", "body"}, false},
		{"none hits later text", story, []string{"Putin Zelensky summit", "opinion: x"}, false},
		{"none anchored elsewhere", story, []string{"Putin Zelensky summit opinion: x"}, true},
		{"no texts", story, nil, false},
		{"empty story", Story{}, []string{"anything"}, true},
		{"empty story no texts", Story{}, nil, true},
		{"only none, clean", Story{None: []string{"sport"}}, []string{"politics"}, true},
		{"only none, hit", Story{None: []string{"sport"}}, []string{"sport news"}, false},
		{"only all", Story{All: []string{"a", "b"}}, []string{"a", "b"}, true},
		{"only all, one missing", Story{All: []string{"a", "b"}}, []string{"aaa"}, false},
		{"case sensitive without (?i)", Story{Any: []string{"Summit"}}, []string{"summit"}, false},
		{"dollar anchor", Story{Any: []string{"summit$"}}, []string{"a summit"}, true},
		{"dollar anchor miss", Story{Any: []string{"summit$"}}, []string{"summit soon"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			c.Story = tt.story
			if got := c.Matcher().Match(tt.texts...); got != tt.want {
				t.Errorf("Match(%q) = %v, want %v", tt.texts, got, tt.want)
			}
		})
	}
}

// TestMatcherNil checks that a nil Matcher matches everything.
func TestMatcherNil(t *testing.T) {
	var m *Matcher
	if !m.Match("x") || !m.Match() {
		t.Error("nil Matcher rejected an item")
	}
}

// TestMatcherBadPattern checks that an uncompilable filter on an unvalidated
// Config matches nothing instead of silently dropping the bad pattern.
func TestMatcherBadPattern(t *testing.T) {
	c := Default()
	c.Story.None = []string{"(spam"}
	if c.Matcher().Match("anything") {
		t.Error("a broken filter matched")
	}
}

// TestMatcherCached checks that Validate caches the compiled filter.
func TestMatcherCached(t *testing.T) {
	c := mustParse(t, feed+"story:\n  any: [summit]\n")
	if c.Matcher() != c.Matcher() {
		t.Error("Matcher recompiled after Validate")
	}
	if !c.Matcher().Match("summit") || c.Matcher().Match("nothing") {
		t.Error("cached Matcher wrong")
	}
}
