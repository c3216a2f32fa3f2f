package align

import (
	"testing"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "One. Two.", "U.S. officials met. The end.", "“Why?” he asked.\n\nNext.",
		"$1.5 billion... Then.", "a.m. Monday. Mr. X.", "\u00a0.\u2028x", "\xff. \xfe.",
		benchtext.Seed,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkOffsets(t, text, Split(text))
	})
}

func FuzzAlign(f *testing.F) {
	old, new := benchtext.Pair(300)
	f.Add(old, new)
	f.Add("A. B. C.", "C. A. B.")
	f.Add("One two three. Four five six.", "Four five seven. One two three.")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, oldText, newText string) {
		o, n := Split(oldText), Split(newText)
		links := Align(o, n)
		checkLinks(t, len(o), len(n), links)
		for _, l := range links {
			if l.Op == Equal && Normalize(o[l.Old].Text) != Normalize(n[l.New].Text) {
				t.Fatalf("equal link %+v between %q and %q", l, o[l.Old].Text, n[l.New].Text)
			}
		}
	})
}

// FuzzNormHash checks that normHash hashes exactly the bytes of Normalize.
func FuzzNormHash(f *testing.F) {
	for _, s := range []string{"", " A  b\t", "“Quote” — dash…", "ÀÉ\u00a0x", "\xff\x00`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		h := uint64(14695981039346656037)
		for i := 0; i < len(n); i++ {
			h = (h ^ uint64(n[i])) * 1099511628211
		}
		if got := normHash(s); got != h {
			t.Fatalf("normHash(%q) = %x, FNV-1a of Normalize %q = %x", s, got, n, h)
		}
	})
}
