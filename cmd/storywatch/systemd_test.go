package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// maxExposure is the highest `systemd-analyze security` score the unit may
// have (0 is fully sandboxed, 10 fully exposed; below 2.0 systemd says
// "OK"). What remains exposed is what storywatch needs: Internet and unix
// sockets, the host's network.
const maxExposure = 2.0

// TestSystemdUnitHardened runs systemd's own analysis of the shipped units
// (the daemon's and the replicas' template, as an instance) where
// systemd-analyze exists: no unknown or malformed directive, and an
// exposure score of at most maxExposure.
func TestSystemdUnitHardened(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze not installed (Debian package systemd)")
	}
	for _, u := range []struct{ file, as string }{
		{"storywatch.service", "storywatch.service"},
		{"storywatch-replica@.service", "storywatch-replica@2.service"},
	} {
		t.Run(u.as, func(t *testing.T) { checkUnit(t, analyze, u.file, u.as) })
	}
}

// checkUnit verifies the unit file (installed under the name as) and
// rates its exposure.
func checkUnit(t *testing.T, analyze, file, as string) {
	dir := t.TempDir()
	unit := filepath.Join(dir, as)
	writeFile(t, unit, readFile(t, filepath.Join("systemd", file)))

	// verify reports unknown keys and bad values on stderr; the unit's
	// binary must exist, so it points at the test binary.
	tmp := filepath.Join(t.TempDir(), as)
	writeFile(t, tmp, strings.ReplaceAll(readFile(t, unit), "/usr/local/bin/storywatch", binPath))
	out, err := exec.Command(analyze, "verify", tmp).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}

	out, err = exec.Command(analyze, "security", "--offline=true", unit).CombinedOutput()
	if err != nil {
		t.Fatalf("systemd-analyze security: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Overall exposure level for ` + regexp.QuoteMeta(as) + `: ([0-9.]+) (\S+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no overall exposure level in:\n%s", out)
	}
	score, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("systemd-analyze security: %.1f %s", score, m[2])
	if score > maxExposure {
		t.Errorf("unit exposure %.1f %s, want at most %.1f:\n%s", score, m[2], maxExposure, out)
	}
}
