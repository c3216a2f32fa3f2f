package monitor

import (
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
// release func, or a reason to skip the feed (another replica polls it, or
// polled it within half its schedule's interval). Without replicas it
// always claims.
func (m *Monitor) claimFeed(i int, scheduled bool) (release func(), skip string, err error) {
	if m.rep == nil {
		return func() {}, "", nil
	}
	url := m.cfg.Feeds[i].URL
	ok, err := m.rep.ClaimFeed(url, m.replica, m.now(), m.leaseTTL(), scheduled)
	if err != nil {
		return nil, "", err
	}
	if !ok {
		return nil, "another replica polls it", nil
	}
	return func() {
		// Scheduled ticks of other replicas skip the feed for half an
		// interval, so N replicas poll it about once per interval.
		now := m.now()
		var quiet time.Time
		if next := nextPoll(m.cfg, i, now); !next.IsZero() {
			quiet = now.Add(next.Sub(now) / 2)
		}
		if err := m.rep.ReleaseFeed(url, m.replica, quiet); err != nil {
			m.log.Warn("release feed lease; it expires on its own", "feed_url", url, "err", err)
		}
	}, "", nil
}
