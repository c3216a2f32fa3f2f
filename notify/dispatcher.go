package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"
)

// Dispatcher defaults, used for zero fields.
const (
	DefaultPerAttemptTimeout = 30 * time.Second
	DefaultBatchSize         = 100
	defaultRunInterval       = time.Minute
)

// Dispatcher delivers the due entries of an [Outbox] through the
// [Notifier] of each entry's channel. Fill in the fields, then call
// [Dispatcher.Run] (daemon) or [Dispatcher.Drain] (one-shot); a Dispatcher
// must not be copied after first use.
type Dispatcher struct {
	// Outbox holds the pending alerts. Required.
	Outbox Outbox
	// Notifiers maps a channel name (Pending.Channel) to its notifier. An
	// entry for a channel missing here goes to the dead letters.
	Notifiers map[string]Notifier
	// Policy sets backoff and give-up times; zero fields take defaults.
	Policy Policy
	// Now is the clock; nil means time.Now. Tests inject a fake one.
	Now func() time.Time
	// Logger receives one line per failed, dead or delivered attempt; nil
	// discards.
	Logger *slog.Logger
	// PerAttemptTimeout bounds each Notify call, so that a hanging receiver
	// cannot stall its channel. Zero means 30s.
	PerAttemptTimeout time.Duration
	// BatchSize is how many due entries one pass takes. Zero means 100.
	BatchSize int
	// Jitter returns a random number in [0, 1) for backoff jitter; nil
	// means math/rand/v2.Float64.
	Jitter func() float64
	// Observer is told the outcome of every attempt (e.g. to count it in
	// metrics); nil tells no one.
	Observer Observer

	mu       sync.Mutex // serialises Outbox calls from the channel goroutines
	wakeOnce sync.Once
	wake     chan struct{}
}

// outcome is what one attempt did to a pending entry.
type outcome int

const (
	outDelivered outcome = iota
	outRetry             // failed, scheduled again
	outDead              // moved to the dead letters
	outAborted           // cut short by ctx; left untouched and still due
)

// result is the outcome of one attempt.
type result struct {
	key string
	out outcome
}

// DeliverDue makes one pass over the entries that are due now: one attempt
// each. Channels are delivered concurrently, so a slow webhook does not hold
// back email; within a channel entries go oldest first. failed counts
// attempts that did not deliver (retried later or dead). err joins the
// outbox errors and, if ctx ended, ctx.Err().
func (d *Dispatcher) DeliverDue(ctx context.Context) (delivered, failed int, err error) {
	res, err := d.pass(ctx)
	for _, r := range res {
		switch r.out {
		case outDelivered:
			delivered++
		case outRetry, outDead:
			failed++
		}
	}
	return delivered, failed, err
}

// pass is one DeliverDue pass, reporting each entry's outcome.
func (d *Dispatcher) pass(ctx context.Context) ([]result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	due, err := d.due(d.now())
	if err != nil {
		return nil, err
	}
	// Group by channel, keeping the outbox's oldest-first order.
	var order []string
	byChannel := map[string][]Pending{}
	for _, p := range due {
		if _, ok := byChannel[p.Channel]; !ok {
			order = append(order, p.Channel)
		}
		byChannel[p.Channel] = append(byChannel[p.Channel], p)
	}
	var (
		wg      sync.WaitGroup
		resMu   sync.Mutex
		results []result
		errs    []error
	)
	for _, ch := range order {
		wg.Go(func() {
			if bn, ok := d.Notifiers[ch].(BatchNotifier); ok {
				outs, err := d.attemptBatch(ctx, bn, byChannel[ch])
				resMu.Lock()
				defer resMu.Unlock()
				for i, p := range byChannel[ch] {
					d.observe(ch, outs[i])
					results = append(results, result{key: p.Key, out: outs[i]})
				}
				if err != nil {
					errs = append(errs, err)
				}
				return
			}
			for _, p := range byChannel[ch] {
				if ctx.Err() != nil {
					return
				}
				out, err := d.attempt(ctx, p)
				d.observe(p.Channel, out)
				resMu.Lock()
				results = append(results, result{key: p.Key, out: out})
				if err != nil {
					errs = append(errs, err)
				}
				resMu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return results, errors.Join(errs...)
}

// attempt delivers p once and records the outcome in the outbox. The error
// is an outbox error; the notifier's own error is recorded, not returned.
func (d *Dispatcher) attempt(ctx context.Context, p Pending) (outcome, error) {
	log := d.logger().With(slog.String("channel", p.Channel), slog.String("key", p.Key),
		slog.String("article", p.Alert.Article), slog.Int("attempt", p.Attempts+1))
	n := d.Notifiers[p.Channel]
	if n == nil {
		msg := fmt.Sprintf("%v %q (removed from the config?)", ErrUnknownChannel, p.Channel)
		log.Error("alert dead", slog.String("error", msg))
		return outDead, d.dead(p.Key, d.now(), msg)
	}
	a := p.Alert
	if a.Key == "" {
		a.Key = p.Key
	}
	actx, cancel := context.WithTimeout(ctx, d.perAttemptTimeout())
	err := n.Notify(actx, a)
	cancel()
	now := d.now()
	if err == nil {
		log.Debug("alert delivered")
		return outDelivered, d.delivered(p.Key, now)
	}
	if ctx.Err() != nil {
		// We are shutting down and cut the attempt short ourselves; the
		// receiver is not to blame, so the entry stays due unchanged.
		return outAborted, nil
	}
	attempts := p.Attempts + 1
	return d.settle(log, p, err, now, attempts, d.nextAttempt(err, now, attempts))
}

// settle records the failed attempt number `attempts` of p: the dead
// letters when err is permanent or p has been failing for DeadAfter, else
// due again at next.
func (d *Dispatcher) settle(log *slog.Logger, p Pending, err error, now time.Time, attempts int, next time.Time) (outcome, error) {
	switch {
	case IsPermanent(err):
		msg := "permanent failure: " + err.Error()
		log.Error("alert dead", slog.String("error", msg))
		return outDead, d.dead(p.Key, now, msg)
	case now.Sub(p.Created) >= d.Policy.withDefaults().DeadAfter:
		msg := fmt.Sprintf("gave up after %d attempts in %s: %v", attempts, now.Sub(p.Created).Round(time.Second), err)
		log.Error("alert dead", slog.String("error", msg))
		return outDead, d.dead(p.Key, now, msg)
	}
	log.Warn("alert delivery failed", slog.String("error", err.Error()), slog.Time("next_attempt", next))
	return outRetry, d.failed(p.Key, next, err.Error())
}

// nextAttempt is when to try again after the given number of failed
// attempts ended with err.
func (d *Dispatcher) nextAttempt(err error, now time.Time, attempts int) time.Time {
	pol := d.Policy.withDefaults()
	delay := pol.Backoff(attempts, d.jitter())
	if ra, ok := retryAfter(err); ok && ra > delay {
		// The server knows best when it can take the alert again, but a
		// far-off Retry-After must not park the alert beyond our cap.
		delay = min(ra, pol.Max)
	}
	return now.Add(delay)
}

// attemptBatch delivers ps, all of one channel, in one NotifyBatch call and
// records the outcome of each. A failure retries them all at one time (the
// backoff of the most-tried), so they stay together for the next message;
// each still goes to the dead letters on its own age.
func (d *Dispatcher) attemptBatch(ctx context.Context, bn BatchNotifier, ps []Pending) ([]outcome, error) {
	log := d.logger().With(slog.String("channel", ps[0].Channel), slog.Int("alerts", len(ps)))
	alerts := make([]Alert, len(ps))
	attempts := 0
	for i, p := range ps {
		alerts[i] = p.Alert
		if alerts[i].Key == "" {
			alerts[i].Key = p.Key
		}
		attempts = max(attempts, p.Attempts+1)
	}
	actx, cancel := context.WithTimeout(ctx, d.perAttemptTimeout())
	err := bn.NotifyBatch(actx, alerts)
	cancel()
	now := d.now()
	outs := make([]outcome, len(ps))
	var errs []error
	switch {
	case err == nil:
		log.Debug("alerts delivered in one message")
		for i, p := range ps {
			outs[i] = outDelivered
			errs = append(errs, d.delivered(p.Key, now))
		}
	case ctx.Err() != nil:
		for i := range outs {
			outs[i] = outAborted
		}
	default:
		next := d.nextAttempt(err, now, attempts)
		for i, p := range ps {
			var oerr error
			outs[i], oerr = d.settle(log.With(slog.String("key", p.Key)), p, err, now, attempts, next)
			errs = append(errs, oerr)
		}
	}
	return outs, errors.Join(errs...)
}

// minRunWait keeps Run from spinning on an entry that stays due (its
// outcome could not be recorded).
const minRunWait = 50 * time.Millisecond

// Run delivers due alerts every interval (zero means one minute) until ctx
// is done. [Dispatcher.Wake] starts a pass at once, e.g. after new alerts
// were queued. When a pass filled a whole batch the next one starts at once.
// When the Outbox is a [NextDuer], Run also wakes when the next entry falls
// due, so a retry is not held back until the next interval.
func (d *Dispatcher) Run(ctx context.Context, interval time.Duration) {
	if interval <= 0 {
		interval = defaultRunInterval
	}
	wake := d.wakeChan()
	timer := time.NewTimer(interval)
	defer timer.Stop()
	for {
		delivered, failed, err := d.DeliverDue(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			d.logger().Error("deliver alerts", slog.String("error", err.Error()))
		}
		if err == nil && delivered+failed >= d.batchSize() {
			continue
		}
		timer.Reset(d.untilNext(interval))
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-timer.C:
		}
	}
}

// untilNext is how long Run sleeps: until the outbox's next entry is due,
// at most interval.
func (d *Dispatcher) untilNext(interval time.Duration) time.Duration {
	nd, ok := d.Outbox.(NextDuer)
	if !ok {
		return interval
	}
	d.mu.Lock()
	next, ok, err := nd.NextDue()
	d.mu.Unlock()
	if err != nil {
		d.logger().Error("find next due alert", slog.String("error", err.Error()))
		return interval
	}
	if !ok {
		return interval
	}
	return min(max(next.Sub(d.now()), minRunWait), interval)
}

// Wake makes a running [Dispatcher.Run] start a pass now. It never blocks;
// wakes that arrive while a pass runs fold into one.
func (d *Dispatcher) Wake() {
	select {
	case d.wakeChan() <- struct{}{}:
	default:
	}
}

// Drain delivers until nothing is due now or ctx is done; the CLI's poll
// uses it with a bounded ctx. It returns nil when every alert it saw was
// delivered or moved to the dead letters, else an error wrapping
// [ErrPending] that counts the alerts still waiting (failed and scheduled for
// later, or not reached before ctx ended), joined with any outbox error.
func (d *Dispatcher) Drain(ctx context.Context) error {
	pending := map[string]bool{}
	var errs []error
	for ctx.Err() == nil {
		res, err := d.pass(ctx)
		for _, r := range res {
			pending[r.key] = r.out == outRetry || r.out == outAborted
		}
		if err != nil {
			errs = append(errs, err)
			break
		}
		if len(res) == 0 {
			break
		}
	}
	if ctx.Err() != nil {
		// What was due but never reached is pending too.
		if left, err := d.due(d.now()); err == nil {
			for _, p := range left {
				pending[p.Key] = true
			}
		}
	}
	n := 0
	for _, still := range pending {
		if still {
			n++
		}
	}
	if n > 0 {
		errs = append([]error{fmt.Errorf("drain outbox: %d alerts not delivered yet: %w", n, ErrPending)}, errs...)
	}
	return errors.Join(errs...)
}

func (d *Dispatcher) due(now time.Time) ([]Pending, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	due, err := d.Outbox.Due(now, d.batchSize())
	if err != nil {
		return nil, fmt.Errorf("list due alerts: %w", err)
	}
	return due, nil
}

func (d *Dispatcher) delivered(key string, at time.Time) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.Outbox.Delivered(key, at); err != nil {
		return fmt.Errorf("mark alert %s delivered: %w", key, err)
	}
	return nil
}

func (d *Dispatcher) failed(key string, next time.Time, msg string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.Outbox.Failed(key, next, msg); err != nil {
		return fmt.Errorf("mark alert %s failed: %w", key, err)
	}
	return nil
}

func (d *Dispatcher) dead(key string, at time.Time, msg string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.Outbox.Dead(key, at, msg); err != nil {
		return fmt.Errorf("move alert %s to dead letters: %w", key, err)
	}
	return nil
}

// observe tells the Observer what an attempt on channel did. An attempt
// cut short by shutdown did nothing and is not told.
func (d *Dispatcher) observe(channel string, out outcome) {
	if d.Observer == nil {
		return
	}
	switch out {
	case outDelivered:
		d.Observer.AlertDelivered(channel)
	case outRetry:
		d.Observer.AlertFailed(channel)
	case outDead:
		d.Observer.AlertDead(channel)
	}
}

func (d *Dispatcher) wakeChan() chan struct{} {
	d.wakeOnce.Do(func() { d.wake = make(chan struct{}, 1) })
	return d.wake
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) logger() *slog.Logger {
	if d.Logger != nil {
		return d.Logger
	}
	return slog.New(slog.DiscardHandler)
}

func (d *Dispatcher) jitter() func() float64 {
	if d.Jitter != nil {
		return d.Jitter
	}
	return rand.Float64
}

func (d *Dispatcher) perAttemptTimeout() time.Duration {
	if d.PerAttemptTimeout > 0 {
		return d.PerAttemptTimeout
	}
	return DefaultPerAttemptTimeout
}

func (d *Dispatcher) batchSize() int {
	if d.BatchSize > 0 {
		return d.BatchSize
	}
	return DefaultBatchSize
}
