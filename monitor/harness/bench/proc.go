package bench

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// peakRSS returns this process's peak resident set size (VmHWM) in bytes, or
// 0 when /proc is unavailable.
func peakRSS() int64 { return procStatus("VmHWM:") }

// procStatus reads one "kB" field of /proc/self/status in bytes, 0 when
// unavailable.
func procStatus(field string) int64 { return statusField("/proc/self/status", field) }

// statusField reads one "kB" field of a /proc status file in bytes.
func statusField(path, field string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), field)
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			return 0
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0
		}
		return kb << 10
	}
	return 0
}

// cpuTime is the user plus system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// childCPU returns the CPU time of a finished child.
func childCPU(ps *os.ProcessState) time.Duration {
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

// measured is a finished child process.
type measured struct {
	Wall    time.Duration
	CPU     time.Duration
	PeakRSS int64 // bytes; 0 when the child was too short-lived to sample
}

// runMeasured runs cmd and samples its VmHWM from /proc while it runs.
// The rusage ru_maxrss of a child is useless here: Linux carries the
// parent's peak over the fork into the child, and the parent holds the
// corpus. VmHWM is reset by exec and only grows, so the last sample is the
// child's own peak (up to the sampling interval before it exits).
func runMeasured(cmd *exec.Cmd) (measured, error) {
	var m measured
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return m, err
	}
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	stop := make(chan struct{})
	peak := make(chan int64, 1)
	go func() {
		var last int64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				peak <- last
				return
			case <-tick.C:
				if v := statusField(status, "VmHWM:"); v > 0 {
					last = v
				}
			}
		}
	}()
	err := cmd.Wait()
	m.Wall = time.Since(t0)
	close(stop)
	m.PeakRSS = <-peak
	m.CPU = childCPU(cmd.ProcessState)
	return m, err
}

// loadAvg is the first field of /proc/loadavg, or "?".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return f[0] + " " + f[1] + " " + f[2]
}

// sampleAnon samples this process's RssAnon every 10ms until the returned
// func is called, which returns the largest value seen, in bytes.
func sampleAnon() func() int64 {
	stop := make(chan struct{})
	peak := make(chan int64, 1)
	go func() {
		var hi int64
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			hi = max(hi, procStatus("RssAnon:"))
			select {
			case <-stop:
				peak <- hi
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		return <-peak
	}
}
