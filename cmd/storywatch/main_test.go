package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// binPath is the storywatch binary built once for the tests that need a
// real process (daemon, signals).
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "storywatch-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "storywatch")
	build := exec.Command("go", "build", "-o", binPath, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build storywatch:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cli runs the CLI in-process and returns stdout, stderr and the exit code.
func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// mustCLI runs the CLI and fails the test on a non-zero exit.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := cli(t, args...)
	if code != 0 {
		t.Fatalf("storywatch %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// decodeJSON checks that out is exactly one JSON object and decodes it.
func decodeJSON(t *testing.T, out string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value on stdout:\n%s", out)
	}
}

// summitStory is the story filter of config.example.yaml.
const summitStory = `story:
  any: ["(?i)summit", "(?i)peace (talks|deal)", "(?i)ceasefire"]
  all: ["(?i)putin|kremlin|russia", "(?i)zelensk|kyiv|ukrain"]
`

// writeConfig writes a config watching feeds into dir and returns its path.
// extra is appended (e.g. summitStory, a notify section).
func writeConfig(t *testing.T, dir string, feeds []string, extra string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "store:\n  path: %q\nschedule: \"@every 1m\"\nfeeds:\n", filepath.Join(dir, "storywatch.db"))
	for _, f := range feeds {
		fmt.Fprintf(&b, "  - url: %q\n", f)
	}
	b.WriteString(`fetch:
  allow_private_addresses: true
log:
  level: warn
`)
	b.WriteString(extra)
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// startCorpus builds and starts a corpus server that the test closes.
func startCorpus(t *testing.T, build func(corpus.Options) (*corpus.Server, error), opts corpus.Options) *corpus.Server {
	t.Helper()
	srv, err := build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}
