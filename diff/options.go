package diff

import "time"

// Options tune a comparison. The zero value is ready to use.
type Options struct {
	// Timeout bounds the word diff of one pair of texts (go-diff's
	// DiffTimeout); when it runs out the diff is correct but coarser.
	// Zero or negative means 2s: set on purpose, since go-diff's own 1s default
	// silently degrades big diffs.
	Timeout time.Duration
}

const defaultTimeout = 2 * time.Second

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return defaultTimeout
	}
	return o.Timeout
}
