package notify

import (
	"crypto/sha256"
	"fmt"
	"slices"

	"github.com/storywatch/storywatch/diff/facts"
)

// KindText is the pseudo-kind of the notify.kinds config key that asks for
// an alert on every new version, even when no fact changed.
const KindText = "text"

// Select applies the notify.kinds config key to one new version's fact
// changes: it keeps the changes whose kind is listed and reports whether an
// alert is due, which is when a change was kept or kinds lists "text". An
// empty kinds list means every fact kind (but not "text").
func Select(changes []facts.Change, kinds []string) (kept []facts.Change, alert bool) {
	for _, c := range changes {
		if len(kinds) == 0 || slices.Contains(kinds, string(c.Kind)) {
			kept = append(kept, c)
		}
	}
	return kept, len(kept) > 0 || slices.Contains(kinds, KindText)
}

// Key returns the idempotency key of the alert for one article version on
// one channel, e.g. "a1b2c3.v4.webhook:9f86d081884c". It is stable, so
// re-queueing the same alert (after a crash between diff and enqueue) gives
// the same key and receivers can drop the duplicate.
func Key(articleID string, version int, channel string) string {
	return fmt.Sprintf("%s.v%d.%s", articleID, version, channel)
}

// EventKey returns the idempotency key of an alert about an event of an
// article that stores no version (a page status): the key of its latest
// version plus a hash of the event, so each event alerts once and apart
// from that version's own alert, e.g. "a1b2c3.v4.status-1f2e3d4c.webhook:9f86".
func EventKey(articleID string, version int, event, channel string) string {
	sum := sha256.Sum256([]byte(event))
	return fmt.Sprintf("%s.v%d.status-%x.%s", articleID, version, sum[:4], channel)
}
