package bench

import "errors"

// ErrMissingTool reports that an external program the comparison needs
// (nginx, urlwatch) is not installed.
var ErrMissingTool = errors.New("bench: tool not installed")

// ErrWorker reports that a worker process failed.
var ErrWorker = errors.New("bench: worker failed")
