package facts

import (
	"sort"
	"strings"
)

// Salience scores how much a reader following the story needs to know of
// a change, higher first: a page gone or a correction notice before a
// toll, a toll before the date of the event, a date before a re-counted
// minor figure or a place named in passing. A change of value outranks a
// fact added or removed of the same kind, since it contradicts what was
// reported. The weights are an editor's ordering, not a learned model.
func Salience(c Change) int {
	s := 0
	switch c.Kind {
	case KindStatus:
		s = 120
	case KindCorrection:
		s = 100
	case KindTitle:
		s = 70
	case KindNumber:
		s = 50
		if tollWord(c.Subject) || tollWord(c.Before) || tollWord(c.After) {
			s = 85 // the dead, the injured, the displaced
		}
	case KindDate:
		s = 60
		if c.Detail == "refinement" || c.Detail == "generalization" {
			s = 55
		}
	case KindPosition:
		s = 65
	case KindQuote:
		s = 40
		if c.Detail == "reattributed" {
			s = 62
		}
	case KindLocation:
		s = 45
	}
	if c.Before != "" && c.After != "" {
		s += 10 // a value changed: what was reported no longer holds
	}
	return s
}

// tollWords are the heads of a number that counts people harmed.
var tollWords = []string{"killed", "dead", "death", "die", "injur", "wound", "casualt", "victim", "toll",
	"missing", "displaced", "evacuat", "hostage", "arrest", "people", "civilian", "soldier", "child"}

func tollWord(s string) bool {
	s = strings.ToLower(s)
	for _, w := range tollWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// SortBySalience orders changes by Salience, keeping document order among
// equals, so that the first change is the one to name in a headline.
func SortBySalience(cs []Change) {
	sort.SliceStable(cs, func(i, j int) bool { return Salience(cs[i]) > Salience(cs[j]) })
}
