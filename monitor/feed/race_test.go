//go:build race

package feed

// raceEnabled shrinks the huge-feed test: under the race detector 100,000
// items take minutes and test nothing the smaller run does not.
const raceEnabled = true
