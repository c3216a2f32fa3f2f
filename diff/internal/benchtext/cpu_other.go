//go:build !unix

package benchtext

import "testing"

// ReportCPU runs the benchmark loop of b around f. Without getrusage it
// reports no CPU time.
func ReportCPU(b *testing.B, f func()) {
	for b.Loop() {
		f()
	}
}
