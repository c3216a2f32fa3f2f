// Command storywatch watches how the news coverage of a story changes: it
// polls feeds, stores every version of each article, and reports what
// changed in the reported facts.
package main

import (
	"os"

	"github.com/storywatch/storywatch/cmd/storywatch/internal/gcfloor"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// gcFloor is how much the heap may grow between two garbage collections
// at least (see package gcfloor): a pass allocates much more than it keeps.
const gcFloor = 64 << 20

func main() {
	gcfloor.Start(gcFloor, os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
