package monitor

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// referenceHash is contentHash as first written: normalise, then hash. The
// streaming version must give the same hashes, or every stored article
// would look changed after an upgrade.
func referenceHash(title, text string) string {
	h := sha256.New()
	h.Write([]byte(normalize(title)))
	h.Write([]byte{0})
	h.Write([]byte(normalize(text)))
	return hex.EncodeToString(h.Sum(nil))
}

var hashCases = []struct{ title, text string }{
	{"", ""},
	{"  Title  ", "one  two\n\nthree"},
	{"“Quoted” — title", "It’s “fine” – said\u00a0he.\n\n\tNext\u2003paragraph "},
	{"\u00a0", "\u00a0\u00a0x\u00a0"},
	{"bad \xff byte", "a\xffb \xe2\x80 c"},
	{"x", string(make([]byte, 9000))},
}

func TestContentHashMatchesReference(t *testing.T) {
	long := ""
	for range 2000 {
		long += "word “q” — "
	}
	cases := append(hashCases, struct{ title, text string }{"long", long})
	for _, c := range cases {
		t.Run(c.title, func(t *testing.T) {
			if got, want := contentHash(c.title, c.text), referenceHash(c.title, c.text); got != want {
				t.Errorf("contentHash(%q, %q) = %s, want %s", c.title, c.text, got, want)
			}
		})
	}
}

func FuzzContentHash(f *testing.F) {
	for _, c := range hashCases {
		f.Add(c.title, c.text)
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		if got, want := contentHash(title, text), referenceHash(title, text); got != want {
			t.Errorf("contentHash(%q, %q) = %s, want %s", title, text, got, want)
		}
	})
}

func BenchmarkContentHash(b *testing.B) {
	text := ""
	for range 800 {
		text += "word “quoted” — "
	}
	for b.Loop() {
		contentHash("A headline", text)
	}
}

func BenchmarkContentHashReference(b *testing.B) {
	text := ""
	for range 800 {
		text += "word “quoted” — "
	}
	for b.Loop() {
		referenceHash("A headline", text)
	}
}
