package tempeval

import "errors"

// ErrNoText means a TimeML file has no <TEXT> element.
var ErrNoText = errors.New("tempeval: no <TEXT> element")

// ErrBadTag means a tag inside <TEXT> is not closed.
var ErrBadTag = errors.New("tempeval: unclosed tag")
