package store

import "time"

// anchorLead is how far after its fetch a publication date may lie and still
// be trusted: a scheduled post or a time zone written wrong puts it a few
// hours ahead, never days.
const anchorLead = 48 * time.Hour

// anchorFloor is the earliest publication date trusted: before it, a date is
// a placeholder (the Unix epoch, Go's zero year written out), not news.
var anchorFloor = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// Anchor returns the time that relative dates ("on Friday", "next week") in a
// version fetched at fetched resolve against: the first of published that is
// plausible for that fetch, else fetched itself. A feed's or page's date in
// year 9999, or days after the fetch, is a broken template's, and anchoring
// "Friday" to it would put the event millennia away; a date before 1990 is a
// placeholder. An old but real publication date stays the anchor, as an
// archived article's "Friday" is the Friday of its week.
func Anchor(fetched time.Time, published ...time.Time) time.Time {
	for _, t := range published {
		if Plausible(t, fetched) {
			return t
		}
	}
	return fetched
}

// Plausible reports whether t can be the publication date of a page fetched
// at fetched: set, not before 1990 and not more than two days after the fetch
// (a zero fetched time bounds nothing above).
func Plausible(t, fetched time.Time) bool {
	if t.IsZero() || t.Before(anchorFloor) {
		return false
	}
	return fetched.IsZero() || !t.After(fetched.Add(anchorLead))
}
