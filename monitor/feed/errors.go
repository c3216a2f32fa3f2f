package feed

import "errors"

// ErrNotFeed is wrapped by Parse when the body is empty or is something other
// than a feed (an HTML page, JSON that is not a JSON Feed, XML with another
// root element, plain text). The message says what was found.
var ErrNotFeed = errors.New("not a feed")
