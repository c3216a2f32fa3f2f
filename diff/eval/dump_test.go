package eval

import (
	"os"
	"strings"
	"testing"
)

// TestRealDump writes the errors of the real dev set to $REAL_ERRORS.
func TestRealDump(t *testing.T) {
	out := os.Getenv("REAL_ERRORS")
	if out == "" {
		t.Skip("REAL_ERRORS not set")
	}
	var r Report
	var err error
	if dir := os.Getenv("SUMMIT_DIR"); dir != "" {
		r, err = ScoreDevSet(dir)
	} else {
		r, err = ScoreReal("testdata/real/dev", "../../../shared/real-revisions/cnn")
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte(r.String()+"\n"+strings.Join(r.Errors, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
