package main

import (
	"path/filepath"
	"testing"
)

// TestCompareUnreadableFile: compare and facts name a file they cannot read
// once, with the cause ("read FILE: no such file or directory", not "read
// open FILE: …" or "read read FILE: …").
func TestCompareUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.txt")
	writeFile(t, text, "Putin met Zelensky on Monday.\n")
	missing := filepath.Join(dir, "missing.txt")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", text, missing}, "storywatch: read " + missing + ": no such file or directory\n"},
		{[]string{"compare", dir, text}, "storywatch: read " + dir + ": is a directory\n"},
		{[]string{"facts", missing}, "storywatch: read " + missing + ": no such file or directory\n"},
	} {
		_, errOut, code := cli(t, tt.args...)
		if code != 1 || errOut != tt.want {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tt.args, code, errOut, tt.want)
		}
	}
}
