package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestCheckGolden checks that Check reports every problem of a broken file,
// each with its line, in file order.
func TestCheckGolden(t *testing.T) {
	ps := Check(filepath.Join("testdata", "broken.yaml"))
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Error() + "\n")
	}
	got := b.String()
	golden := filepath.Join("testdata", "broken.yaml.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if got != string(want) {
		t.Errorf("Check output differs from %s (run go test -update to accept)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
	for _, p := range ps {
		if p.Line == 0 {
			t.Errorf("problem without a line: %v", p)
		}
	}
}
