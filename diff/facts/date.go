package facts

import "strings"

// dateEqual compares two temporal expressions by value: "Aug. 29" and
// "August 29" are equal, and so are "June" and "June 2025" when an X
// placeholder stands where the other has a digit.
func (m *matcher) dateEqual(a, b *item) bool {
	if modOf(a) != modOf(b) {
		return false
	}
	if a.key == b.key {
		return true
	}
	x, y := a.key, b.key
	if len(x) != len(y) {
		return false
	}
	for i := 0; i < len(x); i++ {
		if x[i] != y[i] && x[i] != 'X' && y[i] != 'X' {
			return false
		}
	}
	return true
}

// modOf is the mod that matters: "nearly" (APPROX) is style, not fact.
func modOf(it *item) string {
	if it.mod == "APPROX" {
		return ""
	}
	return it.mod
}

// concrete reports whether a TIMEX3 value names a calendar date.
func concrete(v string) bool { return v != "" && v[0] >= '0' && v[0] <= '9' }

// dateDetail qualifies a date change: "refinement" when the new value
// narrows the old one (a duration or vague reference becoming a date, a
// month becoming a day), "generalization" for the reverse, "shift" when a
// date moved.
func dateDetail(a, b *item) string {
	x, y := a.key, b.key
	switch {
	case x == y && modOf(a) == "":
		return "refinement" // "September" -> "early September"
	case x == y:
		return "shift"
	case concrete(y) && (!concrete(x) || a.Type == "DURATION"):
		return "refinement"
	case concrete(x) && (!concrete(y) || b.Type == "DURATION"):
		return "generalization"
	case strings.HasPrefix(y, x):
		return "refinement"
	case strings.HasPrefix(x, y):
		return "generalization"
	}
	return "shift"
}
