//go:build unix

package benchtext

import (
	"syscall"
	"testing"
)

// ReportCPU runs the benchmark loop of b around f and reports the process
// CPU time per operation as "cpu-ns/op". On a machine shared with other
// work ns/op measures the wait for a core too; cpu-ns/op does not. It
// counts every thread of the process, the garbage collector's included.
func ReportCPU(b *testing.B, f func()) {
	before := cpuNanos()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(cpuNanos()-before)/float64(n), "cpu-ns/op")
	}
}

func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
