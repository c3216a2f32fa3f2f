package monitor

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"time"
)

// defaultLease is how long a replica holds a feed's lease or an alert's
// claim when store.lease is unset: long enough for a poll or a delivery,
// short enough that a dead replica's work soon passes on.
const defaultLease = time.Minute

// replicaName names this process in leases and claims: host, pid and a
// random part, so a restarted process never inherits a dead one's leases.
func replicaName() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

func (m *Monitor) leaseTTL() time.Duration {
	if d := m.cfg.Store.Lease.Std(); d > 0 {
		return d
	}
	return defaultLease
}

// claimFeed takes feed i's lease on a Replicated store. It returns a
// release func, or a reason to skip the feed: another replica polls it, or
// polled it recently enough. A scheduled poll skips a feed polled within
// the last half of its schedule's interval (N replicas then poll it about
// once per interval); a pass (PollAll) one polled since the pass began (N
// replicas' passes share the feeds). Without replicas it always claims.
func (m *Monitor) claimFeed(ctx context.Context, i int, scheduled bool) (release func(), skip string, err error) {
	if m.rep == nil {
		return func() {}, "", nil
	}
	url := m.cfg.Feeds[i].URL
	now := m.now()
	var fresh time.Time // a poll at or after this makes ours redundant
	switch p := passFrom(ctx); {
	case scheduled:
		if next := nextPoll(m.cfg, i, now); !next.IsZero() {
			fresh = now.Add(-next.Sub(now) / 2)
		}
	case p != nil:
		fresh = p.start
	}
	ok, err := m.rep.ClaimFeed(url, m.replica, now, m.leaseTTL(), fresh)
	if err != nil {
		return nil, "", err
	}
	if !ok {
		return nil, "another replica polls or just polled it", nil
	}
	return func() {
		if err := m.rep.ReleaseFeed(url, m.replica, m.now()); err != nil {
			m.log.Warn("release feed lease; it expires on its own", "feed_url", url, "err", err)
		}
	}, "", nil
}
