package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestContractDocCoversCLI keeps docs/CONTRACT.md in step with the CLI:
// every command, and every flag of the commands scripts use, is named
// there. (bench's tuning flags are documented by `bench --help` alone.)
func TestContractDocCoversCLI(t *testing.T) {
	doc := readFile(t, filepath.Join("..", "..", "docs", "CONTRACT.md"))
	flagName := regexp.MustCompile(`(?m)^\s+(?:-\w, )?--([\w-]+)`)
	a := &app{}
	var walk func(c *cobra.Command, path string)
	walk = func(c *cobra.Command, path string) {
		for _, sub := range c.Commands() {
			name := strings.TrimSpace(path + " " + sub.Name())
			if sub.Hidden || sub.Name() == "help" || strings.HasPrefix(name, "completion ") {
				continue
			}
			if !strings.Contains(doc, "`"+name) {
				t.Errorf("docs/CONTRACT.md does not name the command %q", name)
			}
			if sub.Name() != "bench" {
				for _, m := range flagName.FindAllStringSubmatch(sub.LocalFlags().FlagUsages(), -1) {
					if m[1] != "help" && !strings.Contains(doc, "--"+m[1]) {
						t.Errorf("docs/CONTRACT.md does not name %s --%s", name, m[1])
					}
				}
			}
			walk(sub, name)
		}
	}
	walk(a.rootCommand(), "")
}

// TestReadmeLinksStayInRepository checks that the README's relative links
// point at files of the repository, not outside it (a user of the
// repository has only the repository).
func TestReadmeLinksStayInRepository(t *testing.T) {
	root := filepath.Join("..", "..")
	readme := readFile(t, filepath.Join(root, "README.md"))
	if strings.Contains(readme, "../shared") {
		t.Error("README refers to ../shared, outside the repository")
	}
	links := regexp.MustCompile(`\]\(([^)#:]+)(#[^)]*)?\)`).FindAllStringSubmatch(readme, -1)
	if len(links) == 0 {
		t.Fatal("no relative links found: the pattern is wrong")
	}
	for _, l := range links {
		if strings.HasPrefix(l[1], "..") {
			t.Errorf("README links %s, outside the repository", l[1])
			continue
		}
		if _, err := os.Stat(filepath.Join(root, l[1])); err != nil {
			t.Errorf("README links %s: %v", l[1], err)
		}
	}
}
