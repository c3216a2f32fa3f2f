// Command storywatch watches how the news coverage of a story changes: it
// polls feeds, stores every version of each article, and reports what
// changed in the reported facts.
package main

import (
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
