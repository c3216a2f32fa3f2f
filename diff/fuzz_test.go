package diff

import "testing"

func FuzzWords(f *testing.F) {
	f.Add("buy about $90 billion worth", "buy about $100 billion worth")
	f.Add("Russia’s “war”", "Russia's war…")
	f.Add("", "x")
	f.Add("\xff a", "a \xfe")
	f.Fuzz(func(t *testing.T, old, new string) {
		checkWords(t, old, new, Words(old, new, Options{}))
	})
}
