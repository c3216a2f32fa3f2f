package extract

import "errors"

// ErrNoContent is returned by Extract when the page has no readable article
// text (empty, script-only, no body, or nothing left after boilerplate
// removal).
var ErrNoContent = errors.New("no article content")
