package corpus

import "errors"

// ErrOptions reports an invalid Options value; the wrapped message names the field.
var ErrOptions = errors.New("corpus: invalid options")

// ErrStory reports a malformed embedded story file.
var ErrStory = errors.New("corpus: malformed story file")

// ErrStarted reports a second call to Start.
var ErrStarted = errors.New("corpus: server already started")

// ErrNotStarted reports a call that needs a listening server (or Options.BaseURL) before Start.
var ErrNotStarted = errors.New("corpus: server not started")
