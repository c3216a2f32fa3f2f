package eval

import (
	"os"
	"strings"
	"testing"
)

// TestRealDump writes the errors of the real dev set (or of the labels in
// $REAL_LABELS, or of the summit pairs in $SUMMIT_DIR) to $REAL_ERRORS.
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
		labels := "testdata/real/dev"
		if l := os.Getenv("REAL_LABELS"); l != "" {
			labels = l // another labeller's labels of real pairs
		}
		r, err = ScoreReal(labels, "../../../shared/real-revisions/cnn")
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte(r.String()+"\n"+strings.Join(r.Errors, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
