package bench

import "errors"

// ErrWorker reports that a worker process failed or printed no stats.
var ErrWorker = errors.New("bench: worker failed")
