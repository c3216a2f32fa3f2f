package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOperatorMessages runs the commands an operator runs and checks the
// wording of what they print: counts agree with their nouns, errors name
// what the operator gave (and only that) and say what to do, and times
// name their zone and their clock.
func TestOperatorMessages(t *testing.T) {
	cfg := keptDemo(t)
	id := changesJSON(t, cfg)[0].ArticleID

	badCfg := filepath.Join(t.TempDir(), "config.yaml")
	writeFile(t, badCfg, "feeds:\n  - url: https://example.com/rss.xml\nstore:\n  retention:\n    keep_for: 90 days\n")

	tests := []struct {
		name    string
		args    []string
		stdout  []string // each must appear
		stderr  []string
		notIn   []string // must appear in neither
		wantErr bool
	}{
		{name: "one config problem", args: []string{"-c", badCfg, "check"}, wantErr: true,
			stderr: []string{": 1 problem\n"},
			stdout: []string{`invalid duration "90 days": write a number and a unit letter without spaces, e.g. 90d`},
			notIn:  []string{"1 problems", "whole number"}},
		{name: "keep-for with a space", args: []string{"-c", cfg, "compact", "--keep-for", "90 days"}, wantErr: true,
			stderr: []string{"--keep-for: invalid duration", "e.g. 90d"}, notIn: []string{"--since"}},
		{name: "short id prefix", args: []string{"-c", cfg, "history", id[:3]}, wantErr: true,
			stderr: []string{"an id prefix needs at least 4 characters"}},
		{name: "diff --to out of range", args: []string{"-c", cfg, "diff", id, "--to", "9"}, wantErr: true,
			stderr: []string{"--to 9: article " + id + " has versions 1 to "}, notIn: []string{"--from"}},
		{name: "diff --to 1 alone", args: []string{"-c", cfg, "diff", id, "--to", "1"}, wantErr: true,
			stderr: []string{"--to 1: there is no version before it", "give --from"}},
		{name: "diff --from out of range", args: []string{"-c", cfg, "diff", id, "--from", "7", "--to", "2"}, wantErr: true,
			stderr: []string{"--from 7: article"}},
		// 0 is no version: it must not quietly mean "the default"
		{name: "diff --from 0", args: []string{"-c", cfg, "diff", id, "--from", "0", "--to", "2"}, wantErr: true,
			stderr: []string{"--from 0: article " + id + " has versions 1 to "}},
		{name: "diff --to 0", args: []string{"-c", cfg, "diff", id, "--to", "0"}, wantErr: true,
			stderr: []string{"--to 0: article " + id + " has versions 1 to "}, notIn: []string{"--from"}},
		{name: "history clocks", args: []string{"-c", cfg, "history", id},
			stdout: []string{"FETCHED", "PAGE'S DATE"}},
		{name: "diff clocks", args: []string{"-c", cfg, "diff", id, "--color", "never"},
			stdout: []string{") → version ", " (fetched "}},
		{name: "articles clock", args: []string{"-c", cfg, "articles"},
			stdout: []string{"LAST CHANGED (FETCHED)"}},
		{name: "timeline clock", args: []string{"-c", cfg, "timeline"},
			stdout: []string{"times are when storywatch fetched the version"}},
	}
	zoned := regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d [A-Z][A-Za-z]*|[+-]\d\d`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := cli(t, tt.args...)
			if (code != 0) != tt.wantErr {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, w := range tt.notIn {
				if strings.Contains(out+errOut, w) {
					t.Errorf("output says %q:\n%s%s", w, out, errOut)
				}
			}
			if !tt.wantErr && strings.Contains(tt.name, "clock") && !zoned.MatchString(out) {
				t.Errorf("no time with its zone in:\n%s", out)
			}
		})
	}
}

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 new versions"}, {1, "1 new version"}, {2, "2 new versions"}} {
		if got := plural(tt.n, "new version"); got != tt.want {
			t.Errorf("plural(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
