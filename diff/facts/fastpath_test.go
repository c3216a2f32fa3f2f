package facts

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFastPathsAgree checks, token by token over every text of the
// differential corpus, that the shortcuts the extractors take agree with
// the plain computations they replace: the cached word classes with the
// word lists, the cached flags with the token text, and the cheap tests
// before number, position and location with what those find.
func TestFastPathsAgree(t *testing.T) {
	lx := english()
	for _, dt := range diffCorpus(t) {
		buf := new(docBuf)
		d := newDoc(dt.text, dt.pub, buf)
		for i := range d.toks {
			tk := &d.toks[i]
			_, stance := lx.stance[tk.lower]
			_, vague := lx.vague[tk.lower]
			_, unit := lx.units[tk.lower]
			_, spelling := lx.spelling[tk.lower]
			r, _ := utf8.DecodeRuneInString(tk.text)
			for _, c := range []struct {
				name      string
				fast, ref bool
			}{
				{"stance", tk.is(clsStance), stance},
				{"speech", tk.is(clsSpeech), lx.speech[tk.lower]},
				{"function", tk.is(clsFunction), lx.function[tk.lower]},
				{"vague", tk.is(clsVague), vague},
				{"unit", tk.is(clsUnit), unit},
				{"spelling", tk.is(clsSpelling), spelling},
				{"upper", tk.isCap(), tk.kind == tokWord && unicode.IsUpper(r)},
				{"curly", tk.curly, strings.Contains(tk.lower, "’")},
			} {
				if c.fast != c.ref {
					t.Fatalf("%s: token %d %q: %s is %v, want %v", dt.name, i, tk.text, c.name, c.fast, c.ref)
				}
			}
			if _, _, ok := d.number(i); ok && !d.mayStartNumber(i) {
				t.Fatalf("%s: token %d %q starts a number but mayStartNumber is false", dt.name, i, tk.text)
			}
			if _, _, ok := d.matchPlace(i); ok && !tk.isCap() {
				t.Fatalf("%s: token %d %q starts a place but is not capitalised", dt.name, i, tk.text)
			}
		}
	}
}
