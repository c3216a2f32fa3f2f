// Package gcfloor keeps the garbage collector of a process with a small
// live heap from running more often than once per floor of allocation.
//
// Go's default (GOGC=100) collects when the heap has grown by as much as
// is live. storywatch's live heap is small (tens of MiB with 100k articles
// stored) while a pass allocates fast (pages, extractions, facts), so it
// collected every few MiB: 16–26 collections and 0.06–0.22 s of CPU in a
// pass of `bench --only urlwatch` (classic family, 1,000 pages; 9–14% of
// the pass's CPU). With a 64 MiB floor the same passes collected 3–6
// times, in 0.013–0.066 s, and the heap the runtime held grew from 47–55
// to 87–91 MiB (round 9, three alternating runs). Once the live heap
// exceeds the floor, growth is Go's usual 100% of it, so memory grows by
// at most the floor.
//
// This is the heap tuner pattern of TiDB and of bytedance/gopkg's gctuner,
// cut to what storywatch needs: after every collection, GOGC is set from
// the live heap that collection left.
package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// Bounds of the GOGC the tuner sets: never below Go's default, and never so
// high that a tiny live heap (a process just started) lets the heap run
// far past the floor between two tunings.
const (
	minPercent = 100
	maxPercent = 500
)

// Tuner sets GOGC after every garbage collection; Stop ends it.
type Tuner struct {
	floor uint64
	// mu makes a tuning and Stop exclusive: a finalizer that saw the
	// tuner running must not set GOGC after Stop restored the default.
	mu      sync.Mutex
	stopped atomic.Bool
	tunings atomic.Int64
	live    atomic.Uint64 // the live heap at the last tuning
}

// Start tunes GOGC so that a collection waits for at least floor bytes of
// new allocation. getenv reads the environment: when the user set GOGC or
// GOMEMLIMIT, their setting stands and Start returns a Tuner that does
// nothing.
func Start(floor uint64, getenv func(string) string) *Tuner {
	t := &Tuner{floor: floor}
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" || floor == 0 {
		t.stopped.Store(true)
		return t
	}
	t.tune()
	t.arm()
	return t
}

// Stop ends the tuning and restores Go's default GOGC.
func (t *Tuner) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped.Swap(true) {
		return
	}
	debug.SetGCPercent(minPercent)
}

// Tunings counts how often GOGC was set (once at Start, then after each
// collection).
func (t *Tuner) Tunings() int64 { return t.tunings.Load() }

// Live is the live heap the last tuning saw, in bytes.
func (t *Tuner) Live() uint64 { return t.live.Load() }

// Percent is the GOGC for a live heap of live bytes: enough for floor
// bytes of growth, within [minPercent, maxPercent].
func Percent(live, floor uint64) int {
	if live == 0 {
		return maxPercent
	}
	p := floor * 100 / live
	switch {
	case p < minPercent:
		return minPercent
	case p > maxPercent:
		return maxPercent
	}
	return int(p)
}

func (t *Tuner) tune() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	var live uint64
	if s[0].Value.Kind() == metrics.KindUint64 {
		live = s[0].Value.Uint64()
	}
	debug.SetGCPercent(Percent(live, t.floor))
	t.live.Store(live)
	t.tunings.Add(1)
}

// sentinel is garbage as soon as arm returns, so its finalizer runs after
// the next collection. It holds a pointer so that it is never batched with
// other objects by the tiny allocator, whose blocks free late.
type sentinel struct{ t *Tuner }

func (t *Tuner) arm() {
	runtime.SetFinalizer(&sentinel{t: t}, func(s *sentinel) {
		s.t.mu.Lock()
		defer s.t.mu.Unlock()
		if s.t.stopped.Load() {
			return
		}
		s.t.tune()
		s.t.arm()
	})
}
