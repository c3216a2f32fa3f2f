package facts

import "slices"

// CompareTitle reports a change of headline as a Change of KindTitle, or
// false when the two titles differ only in case, punctuation, quote marks or
// British/American spelling.
func CompareTitle(oldTitle, newTitle string) (Change, bool) {
	lx := english()
	if slices.Equal(normWords(lx, oldTitle), normWords(lx, newTitle)) {
		return Change{}, false
	}
	return Change{Kind: KindTitle, Before: oldTitle, After: newTitle, BeforeValue: oldTitle, AfterValue: newTitle}, true
}
