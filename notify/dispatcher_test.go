package notify_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/notifytest"
)

var t0 = time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC)

// notifierFunc adapts a function to notify.Notifier; it stands in for a
// channel here (the real channels are tested in their packages, also through
// the Dispatcher).
type notifierFunc func(ctx context.Context, a notify.Alert) error

func (f notifierFunc) Notify(ctx context.Context, a notify.Alert) error { return f(ctx, a) }

func ok(context.Context, notify.Alert) error { return nil }

func failing(err error) notifierFunc {
	return func(context.Context, notify.Alert) error { return err }
}

func pending(key, channel string, created time.Time) notify.Pending {
	return notify.Pending{Key: key, Channel: channel, Created: created,
		Alert: notify.Alert{Article: "https://example.com/" + key, Title: key, Version: 2}}
}

func newDispatcher(ob *notifytest.Outbox, clock *notifytest.Clock, ns map[string]notify.Notifier) *notify.Dispatcher {
	return &notify.Dispatcher{
		Outbox:    ob,
		Notifiers: ns,
		Policy:    notify.Policy{Initial: time.Second, Max: 8 * time.Second, DeadAfter: time.Hour},
		Now:       clock.Now,
		Jitter:    func() float64 { return 0 },
	}
}

func mustEntry(t *testing.T, ob *notifytest.Outbox, key string) notifytest.Entry {
	t.Helper()
	e, ok := ob.Entry(key)
	if !ok {
		t.Fatalf("no entry %q", key)
	}
	return e
}

func TestDeliverDueOutcomes(t *testing.T) {
	tests := []struct {
		name      string
		notifier  notify.Notifier // nil: channel not configured
		created   time.Time
		wantState notifytest.State
		wantDeliv int
		wantFail  int
		wantMsg   string // substring of LastError
		wantNext  time.Duration
	}{
		{name: "delivered", notifier: notifierFunc(ok), created: t0, wantState: notifytest.StateDelivered, wantDeliv: 1},
		{name: "retryable", notifier: failing(errors.New("boom")), created: t0, wantState: notifytest.StatePending,
			wantFail: 1, wantMsg: "boom", wantNext: 500 * time.Millisecond},
		{name: "permanent goes dead at once", notifier: failing(notify.Permanent(errors.New("400 bad request"))), created: t0,
			wantState: notifytest.StateDead, wantFail: 1, wantMsg: "permanent failure: 400 bad request"},
		{name: "older than DeadAfter goes dead", notifier: failing(errors.New("boom")), created: t0.Add(-2 * time.Hour),
			wantState: notifytest.StateDead, wantFail: 1, wantMsg: "gave up after 1 attempts"},
		{name: "unknown channel goes dead", created: t0, wantState: notifytest.StateDead, wantFail: 1,
			wantMsg: `no notifier for channel "ch"`},
		{name: "retry-after longer than backoff", notifier: failing(&notify.RetryAfterError{After: 5 * time.Second, Err: errors.New("429")}),
			created: t0, wantState: notifytest.StatePending, wantFail: 1, wantMsg: "429", wantNext: 5 * time.Second},
		{name: "retry-after capped at Max", notifier: failing(&notify.RetryAfterError{After: time.Hour, Err: errors.New("429")}),
			created: t0, wantState: notifytest.StatePending, wantFail: 1, wantNext: 8 * time.Second},
		{name: "retry-after shorter than backoff keeps backoff", notifier: failing(&notify.RetryAfterError{After: time.Millisecond, Err: errors.New("503")}),
			created: t0, wantState: notifytest.StatePending, wantFail: 1, wantNext: 500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ob := notifytest.NewOutbox()
			clock := notifytest.NewClock(t0)
			p := pending("k1", "ch", tt.created)
			ob.Add(p)
			ns := map[string]notify.Notifier{}
			if tt.notifier != nil {
				ns["ch"] = tt.notifier
			}
			d := newDispatcher(ob, clock, ns)
			delivered, failed, err := d.DeliverDue(context.Background())
			if err != nil {
				t.Fatalf("DeliverDue: %v", err)
			}
			if delivered != tt.wantDeliv || failed != tt.wantFail {
				t.Errorf("delivered, failed = %d, %d; want %d, %d", delivered, failed, tt.wantDeliv, tt.wantFail)
			}
			e := mustEntry(t, ob, "k1")
			if e.State != tt.wantState {
				t.Errorf("state = %v, want %v", e.State, tt.wantState)
			}
			if !strings.Contains(e.LastError, tt.wantMsg) {
				t.Errorf("last error = %q, want it to contain %q", e.LastError, tt.wantMsg)
			}
			if tt.wantState == notifytest.StatePending {
				if got := e.Next.Sub(t0); got != tt.wantNext {
					t.Errorf("next attempt after %s, want %s", got, tt.wantNext)
				}
				if e.Attempts != 1 {
					t.Errorf("attempts = %d, want 1", e.Attempts)
				}
			}
		})
	}
}

func TestBackoffGrowsAndCaps(t *testing.T) {
	ob := notifytest.NewOutbox()
	clock := notifytest.NewClock(t0)
	ob.Add(pending("k", "ch", t0))
	var calls atomic.Int32
	d := newDispatcher(ob, clock, map[string]notify.Notifier{"ch": notifierFunc(func(context.Context, notify.Alert) error {
		calls.Add(1)
		return errors.New("down")
	})})
	d.Jitter = func() float64 { return 0.999999 } // the top of the jitter range: the plain doubling delay
	var got []time.Duration
	for range 7 {
		if _, _, err := d.DeliverDue(context.Background()); err != nil {
			t.Fatal(err)
		}
		e := mustEntry(t, ob, "k")
		got = append(got, e.Next.Sub(clock.Now()).Round(10*time.Millisecond))
		// Nothing is due before the next attempt.
		clock.Set(e.Next.Add(-time.Millisecond))
		if due, _ := ob.Due(clock.Now(), 10); len(due) != 0 {
			t.Fatalf("entry due %s before its next attempt", time.Millisecond)
		}
		clock.Set(e.Next)
	}
	want := []time.Duration{1, 2, 4, 8, 8, 8, 8}
	for i := range want {
		want[i] *= time.Second
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("delays = %v, want %v", got, want)
	}
	if n := calls.Load(); n != 7 {
		t.Errorf("notifier called %d times, want 7", n)
	}
}

func TestPolicyBackoffJitterBounds(t *testing.T) {
	p := notify.Policy{} // defaults: 30s, 1h
	for failures := 1; failures <= 10; failures++ {
		full := min(notify.DefaultInitial<<(failures-1), notify.DefaultMax)
		for _, j := range []float64{0, 0.25, 0.5, 0.999} {
			got := p.Backoff(failures, func() float64 { return j })
			if got < full/2 || got > full {
				t.Errorf("Backoff(%d, %v) = %s, want within [%s, %s]", failures, j, got, full/2, full)
			}
		}
	}
	if a, b := p.Backoff(3, func() float64 { return 0 }), p.Backoff(3, func() float64 { return 0.9 }); a == b {
		t.Errorf("jitter has no effect: %s == %s", a, b)
	}
}

func TestDeadAfterEventually(t *testing.T) {
	ob := notifytest.NewOutbox()
	clock := notifytest.NewClock(t0)
	ob.Add(pending("k", "ch", t0))
	d := newDispatcher(ob, clock, map[string]notify.Notifier{"ch": failing(errors.New("down"))})
	d.Policy = notify.Policy{Initial: time.Minute, Max: 10 * time.Minute, DeadAfter: time.Hour}
	for i := 0; ; i++ {
		if i > 100 {
			t.Fatal("never went dead")
		}
		if _, _, err := d.DeliverDue(context.Background()); err != nil {
			t.Fatal(err)
		}
		e := mustEntry(t, ob, "k")
		if e.State == notifytest.StateDead {
			if age := e.DoneAt.Sub(t0); age < time.Hour {
				t.Errorf("dead after %s, want at least DeadAfter (1h)", age)
			}
			if !strings.Contains(e.LastError, "down") {
				t.Errorf("dead letter %q lacks the last error", e.LastError)
			}
			return
		}
		clock.Set(e.Next)
	}
}

func TestAlertKeyDefaultsToPendingKey(t *testing.T) {
	ob := notifytest.NewOutbox()
	ob.Add(pending("the-key", "ch", t0))
	var got string
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{"ch": notifierFunc(func(_ context.Context, a notify.Alert) error {
		got = a.Key
		return nil
	})})
	if _, _, err := d.DeliverDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got != "the-key" {
		t.Errorf("alert key = %q, want the pending key", got)
	}
}

// TestChannelsIndependent: the older alert's channel can only finish once
// the other channel delivered, which works only when channels run
// concurrently.
func TestChannelsIndependent(t *testing.T) {
	ob := notifytest.NewOutbox()
	ob.Add(pending("slow-1", "slow", t0.Add(-2*time.Minute)))
	ob.Add(pending("fast-1", "fast", t0.Add(-time.Minute)))
	fastDone := make(chan struct{})
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{
		"slow": notifierFunc(func(ctx context.Context, _ notify.Alert) error {
			select {
			case <-fastDone:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}),
		"fast": notifierFunc(func(context.Context, notify.Alert) error {
			close(fastDone)
			return nil
		}),
	})
	d.PerAttemptTimeout = 30 * time.Second // only reached if the test fails
	delivered, _, err := d.DeliverDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if delivered != 2 {
		t.Errorf("delivered = %d, want 2 (slow channel blocked the fast one?)", delivered)
	}
}

func TestPerAttemptTimeout(t *testing.T) {
	ob := notifytest.NewOutbox()
	ob.Add(pending("k", "ch", t0))
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{"ch": notifierFunc(func(ctx context.Context, _ notify.Alert) error {
		<-ctx.Done() // a receiver that never answers
		return ctx.Err()
	})})
	d.PerAttemptTimeout = 20 * time.Millisecond
	_, failed, err := d.DeliverDue(context.Background())
	if err != nil || failed != 1 {
		t.Fatalf("DeliverDue = failed %d, err %v; want 1 failure", failed, err)
	}
	e := mustEntry(t, ob, "k")
	if e.State != notifytest.StatePending || !strings.Contains(e.LastError, "deadline") {
		t.Errorf("entry = %v %q, want pending with a deadline error", e.State, e.LastError)
	}
}

func TestShutdownLeavesEntryDue(t *testing.T) {
	ob := notifytest.NewOutbox()
	ob.Add(pending("k", "ch", t0))
	ctx, cancel := context.WithCancel(context.Background())
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{"ch": notifierFunc(func(ctx context.Context, _ notify.Alert) error {
		cancel() // shutdown arrives while the request is in flight
		<-ctx.Done()
		return ctx.Err()
	})})
	_, _, err := d.DeliverDue(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	e := mustEntry(t, ob, "k")
	if e.State != notifytest.StatePending || e.Attempts != 0 || !e.Next.Equal(t0) {
		t.Errorf("entry = %+v, want untouched and due", e)
	}
}

func TestOutboxErrorsSurface(t *testing.T) {
	ob := notifytest.NewOutbox()
	ob.Add(pending("k", "ch", t0))
	ob.FailWrites = errors.New("disk full")
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{"ch": notifierFunc(ok)})
	_, _, err := d.DeliverDue(context.Background())
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "mark alert k delivered") {
		t.Errorf("err = %v, want the outbox error with context", err)
	}
}

func TestDrain(t *testing.T) {
	tests := []struct {
		name        string
		notifiers   map[string]notify.Notifier
		wantPending int // 0: Drain returns nil
	}{
		{name: "all delivered", notifiers: map[string]notify.Notifier{"a": notifierFunc(ok), "b": notifierFunc(ok)}},
		{name: "dead letters are not pending", notifiers: map[string]notify.Notifier{"a": notifierFunc(ok),
			"b": failing(notify.Permanent(errors.New("400")))}},
		{name: "one channel down", notifiers: map[string]notify.Notifier{"a": notifierFunc(ok), "b": failing(errors.New("down"))},
			wantPending: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ob := notifytest.NewOutbox()
			for i := range 4 {
				ch := "a"
				if i%2 == 1 {
					ch = "b"
				}
				ob.Add(pending(fmt.Sprintf("k%d", i), ch, t0.Add(time.Duration(i)*time.Second)))
			}
			d := newDispatcher(ob, notifytest.NewClock(t0.Add(time.Minute)), tt.notifiers)
			d.BatchSize = 1 // several passes
			err := d.Drain(context.Background())
			if tt.wantPending == 0 {
				if err != nil {
					t.Fatalf("Drain: %v", err)
				}
			} else {
				if !errors.Is(err, notify.ErrPending) || !strings.Contains(err.Error(), fmt.Sprintf("%d alerts", tt.wantPending)) {
					t.Fatalf("Drain = %v, want ErrPending counting %d", err, tt.wantPending)
				}
			}
			for _, k := range []string{"k0", "k2"} {
				if e := mustEntry(t, ob, k); e.State != notifytest.StateDelivered {
					t.Errorf("%s: state %v, want delivered", k, e.State)
				}
			}
		})
	}
}

func TestDrainCountsUnreachedWhenCtxEnds(t *testing.T) {
	ob := notifytest.NewOutbox()
	for i := range 3 {
		ob.Add(pending(fmt.Sprintf("k%d", i), "ch", t0))
	}
	ctx, cancel := context.WithCancel(context.Background())
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{"ch": notifierFunc(func(ctx context.Context, _ notify.Alert) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	})})
	err := d.Drain(ctx)
	if !errors.Is(err, notify.ErrPending) || !strings.Contains(err.Error(), "3 alerts") {
		t.Errorf("Drain = %v, want 3 pending", err)
	}
}

func TestRunWake(t *testing.T) {
	ob := notifytest.NewOutbox()
	var mu sync.Mutex
	var got []string
	delivered := make(chan struct{}, 10)
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{"ch": notifierFunc(func(_ context.Context, a notify.Alert) error {
		mu.Lock()
		got = append(got, a.Key)
		mu.Unlock()
		delivered <- struct{}{}
		return nil
	})})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		d.Run(ctx, time.Hour) // only Wake can start the second pass
		close(done)
	}()
	ob.Add(pending("k1", "ch", t0))
	d.Wake()
	select {
	case <-delivered:
	case <-time.After(30 * time.Second):
		t.Fatal("Wake did not start a pass")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0] != "k1" {
		t.Errorf("delivered %v, want [k1]", got)
	}
}

// TestRunRetriesWhenDue: with a one-hour interval, the retry of a failed
// alert goes out when its backoff ends, because the outbox tells Run when
// the next entry is due.
func TestRunRetriesWhenDue(t *testing.T) {
	ob := notifytest.NewOutbox()
	var mu sync.Mutex
	var attempts []time.Time
	delivered := make(chan struct{})
	d := &notify.Dispatcher{
		Outbox: ob,
		Notifiers: map[string]notify.Notifier{"ch": notifierFunc(func(context.Context, notify.Alert) error {
			mu.Lock()
			defer mu.Unlock()
			attempts = append(attempts, time.Now())
			if len(attempts) == 1 {
				return errors.New("HTTP 503")
			}
			close(delivered)
			return nil
		})},
		Policy: notify.Policy{Initial: 400 * time.Millisecond, Max: time.Second, DeadAfter: time.Hour},
		Jitter: func() float64 { return 0 }, // backoff = Initial/2
	}
	ob.Add(pending("k1", "ch", time.Now()))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		d.Run(ctx, time.Hour)
		close(done)
	}()
	defer func() { cancel(); <-done }()
	select {
	case <-delivered:
	case <-time.After(30 * time.Second):
		t.Fatal("the retry did not go out when due (Run waited for its interval)")
	}
	// The notifier returned nil; the dispatcher records the delivery after
	// it, on its own goroutine: read right away, the entry was still
	// pending once under CI's load.
	e := mustEntry(t, ob, "k1")
	for deadline := time.Now().Add(30 * time.Second); e.State != notifytest.StateDelivered && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		e = mustEntry(t, ob, "k1")
	}
	if e.State != notifytest.StateDelivered {
		t.Errorf("entry state %v, want delivered", e.State)
	}
	mu.Lock()
	defer mu.Unlock()
	if gap := attempts[1].Sub(attempts[0]); gap < 200*time.Millisecond {
		t.Errorf("retried after %v, before its backoff of 200ms ended", gap)
	}
}

func TestPermanentAndRetryAfterErrors(t *testing.T) {
	base := errors.New("base")
	if notify.Permanent(nil) != nil {
		t.Error("Permanent(nil) != nil")
	}
	p := fmt.Errorf("outer: %w", notify.Permanent(base))
	if !notify.IsPermanent(p) || !errors.Is(p, base) {
		t.Errorf("wrapped Permanent lost: IsPermanent=%v Is=%v", notify.IsPermanent(p), errors.Is(p, base))
	}
	if notify.IsPermanent(base) {
		t.Error("plain error reported permanent")
	}
	ra := &notify.RetryAfterError{After: 3 * time.Second, Err: base}
	if !errors.Is(ra, base) || notify.IsPermanent(ra) || !strings.Contains(ra.Error(), "3s") {
		t.Errorf("RetryAfterError = %v", ra)
	}
}

// countingObserver records each outcome per channel.
type countingObserver struct {
	mu  sync.Mutex
	got map[string]int // "outcome channel" -> count
}

func (o *countingObserver) add(what, channel string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.got == nil {
		o.got = map[string]int{}
	}
	o.got[what+" "+channel]++
}
func (o *countingObserver) AlertDelivered(ch string) { o.add("delivered", ch) }
func (o *countingObserver) AlertFailed(ch string)    { o.add("failed", ch) }
func (o *countingObserver) AlertDead(ch string)      { o.add("dead", ch) }

func TestObserverSeesEveryOutcome(t *testing.T) {
	ob := notifytest.NewOutbox()
	ob.Add(pending("a", "ok", t0))
	ob.Add(pending("b", "ok", t0))
	ob.Add(pending("c", "down", t0))
	ob.Add(pending("d", "refuses", t0))
	ob.Add(pending("e", "gone", t0)) // no notifier configured
	d := newDispatcher(ob, notifytest.NewClock(t0), map[string]notify.Notifier{
		"ok":      notifierFunc(ok),
		"down":    failing(errors.New("503")),
		"refuses": failing(notify.Permanent(errors.New("400"))),
	})
	obs := &countingObserver{}
	d.Observer = obs
	if _, _, err := d.DeliverDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"delivered ok": 2, "failed down": 1, "dead refuses": 1, "dead gone": 1}
	if fmt.Sprint(obs.got) != fmt.Sprint(want) {
		t.Errorf("observed %v, want %v", obs.got, want)
	}
}

// batchFunc is a BatchNotifier whose NotifyBatch is a function; digests
// close on the hour.
type batchFunc func(ctx context.Context, as []notify.Alert) error

func (f batchFunc) Notify(ctx context.Context, a notify.Alert) error {
	return f(ctx, []notify.Alert{a})
}
func (f batchFunc) NotifyBatch(ctx context.Context, as []notify.Alert) error {
	return f(ctx, as)
}
func (batchFunc) BatchDue(t time.Time) time.Time { return t.Truncate(time.Hour).Add(time.Hour) }

func TestBatchChannelOneCallPerPass(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		wantState notifytest.State
		wantObs   string
	}{
		{"delivered together", nil, notifytest.StateDelivered, "delivered digest"},
		{"retried together", errors.New("421 try later"), notifytest.StatePending, "failed digest"},
		{"dead together", notify.Permanent(errors.New("550 no such mailbox")), notifytest.StateDead, "dead digest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ob := notifytest.NewOutbox()
			for i, k := range []string{"a", "b", "c"} {
				p := pending(k, "digest", t0.Add(time.Duration(i)*time.Minute))
				p.Attempts = i // different histories must not split the batch
				ob.Add(p)
			}
			ob.Add(pending("w", "hook", t0))
			var calls [][]string
			d := newDispatcher(ob, notifytest.NewClock(t0.Add(10*time.Minute)), map[string]notify.Notifier{
				"digest": batchFunc(func(_ context.Context, as []notify.Alert) error {
					var keys []string
					for _, a := range as {
						keys = append(keys, a.Key)
					}
					calls = append(calls, keys)
					return tt.err
				}),
				"hook": notifierFunc(ok),
			})
			obs := &countingObserver{}
			d.Observer = obs
			if _, _, err := d.DeliverDue(context.Background()); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(calls) != "[[a b c]]" {
				t.Fatalf("NotifyBatch calls %v, want one with a, b, c oldest first", calls)
			}
			var next time.Time
			for _, k := range []string{"a", "b", "c"} {
				e := mustEntry(t, ob, k)
				if e.State != tt.wantState {
					t.Errorf("%s: state %v, want %v", k, e.State, tt.wantState)
				}
				if tt.wantState == notifytest.StatePending {
					if next.IsZero() {
						next = e.Next
					} else if !e.Next.Equal(next) {
						t.Errorf("%s due at %s, the others at %s: the batch split", k, e.Next, next)
					}
				}
			}
			if obs.got[tt.wantObs] != 3 || obs.got["delivered hook"] != 1 {
				t.Errorf("observed %v, want 3 × %q and the hook's own delivery", obs.got, tt.wantObs)
			}
		})
	}
}
