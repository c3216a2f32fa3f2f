package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		live, floor uint64
		want        int
	}{
		{0, 64 * mib, maxPercent},       // nothing live yet
		{1 * mib, 64 * mib, maxPercent}, // 6400%, capped
		{16 * mib, 64 * mib, 400},       // grow by the floor
		{64 * mib, 64 * mib, minPercent},
		{512 * mib, 64 * mib, minPercent}, // a big heap grows by itself, as Go's default
	}
	for _, tt := range tests {
		if got := Percent(tt.live, tt.floor); got != tt.want {
			t.Errorf("Percent(%d MiB, %d MiB) = %d, want %d", tt.live/mib, tt.floor/mib, got, tt.want)
		}
	}
}

func gogc(t *testing.T) int64 {
	t.Helper()
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// waitTunings waits until tu has tuned n times: finalizers run on their
// own goroutine after the collection that freed their object.
func waitTunings(t *testing.T, tu *Tuner, n int64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for tu.Tunings() < n {
		if time.Now().After(deadline) {
			t.Fatalf("tuned %d times after %d collections, want %d: the tuner did not re-arm", tu.Tunings(), n-1, n)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// TestTunesAfterEveryCollection: GOGC is set at Start and again after each
// collection, from the live heap that collection left; Stop restores Go's
// default and ends the tuning.
func TestTunesAfterEveryCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	const floor = 64 << 20
	tu := Start(floor, func(string) string { return "" })
	if tu.Tunings() != 1 {
		t.Fatalf("tuned %d times at Start, want 1", tu.Tunings())
	}
	waitTunings(t, tu, 4)
	if got, want := gogc(t), int64(Percent(tu.Live(), floor)); got != want {
		t.Errorf("GOGC %d, want %d for a live heap of %d bytes", got, want, tu.Live())
	}
	if p := gogc(t); p <= 100 {
		t.Errorf("GOGC %d for a test binary's live heap of %d bytes, want above Go's default 100", p, tu.Live())
	}
	tu.Stop()
	if p := gogc(t); p != 100 {
		t.Errorf("GOGC %d after Stop, want Go's default 100", p)
	}
	n := tu.Tunings()
	for range 3 {
		runtime.GC()
	}
	time.Sleep(10 * time.Millisecond)
	if tu.Tunings() != n || gogc(t) != 100 {
		t.Errorf("after Stop: tuned %d more times, GOGC %d", tu.Tunings()-n, gogc(t))
	}
}

// TestUserSettingStands: GOGC or GOMEMLIMIT in the environment turn the
// tuner off, whatever the floor.
func TestUserSettingStands(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		debug.SetGCPercent(150)
		tu := Start(64<<20, func(k string) string {
			if k == env {
				return "set"
			}
			return ""
		})
		runtime.GC()
		runtime.GC()
		if tu.Tunings() != 0 || gogc(t) != 150 {
			t.Errorf("%s set: the tuner set GOGC %d times (now %d), want the user's 150 untouched", env, tu.Tunings(), gogc(t))
		}
		tu.Stop()
		if gogc(t) != 150 {
			t.Errorf("%s set: Stop changed GOGC to %d", env, gogc(t))
		}
	}
}
