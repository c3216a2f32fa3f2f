package config

import (
	"os"
	"testing"
)

// BenchmarkParseExample measures parsing and validating the example config
// (done once at startup and by `storywatch check`).
func BenchmarkParseExample(b *testing.B) {
	b.Setenv("STORYWATCH_WEBHOOK_SECRET", "x")
	b.Setenv("SMTP_PASSWORD", "y")
	data, err := os.ReadFile(examplePath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, "config.example.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch measures the story filter on the seed article (run once
// per feed item).
func BenchmarkMatch(b *testing.B) {
	b.Setenv("STORYWATCH_WEBHOOK_SECRET", "x")
	b.Setenv("SMTP_PASSWORD", "y")
	c, err := Load(examplePath)
	if err != nil {
		b.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/summit-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	title := "Putin and Zelensky look set for a peace summit"
	m := c.Matcher()
	b.SetBytes(int64(len(seed) + len(title)))
	for b.Loop() {
		if !m.Match(title, string(seed)) {
			b.Fatal("no match")
		}
	}
}

// BenchmarkCheckBroken measures Check on a file with many problems,
// including the prefix search for the line of a syntax error.
func BenchmarkCheckBroken(b *testing.B) {
	for b.Loop() {
		if len(Check("testdata/broken.yaml")) == 0 {
			b.Fatal("no problems")
		}
	}
}
