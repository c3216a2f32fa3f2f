package store

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when an article, version, feed or alert does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrLocked is returned by Open when another process (normally a running
// storywatch daemon) holds the store file's lock for longer than
// Options.Timeout. Open wraps it with the path.
var ErrLocked = errors.New("store: locked by another process")

// ErrSchema is returned by Open when the store was written by a newer
// storywatch whose schema this version does not understand.
var ErrSchema = errors.New("store: schema version too new")

// ErrAmbiguous is returned by Article when an id prefix matches more than one
// article.
var ErrAmbiguous = errors.New("store: ambiguous article id prefix")

// ErrShortPrefix is returned by Article when a reference is neither an
// article id nor a known URL, and too short (under 4 characters) to be
// taken as an id prefix. It wraps ErrNotFound.
var ErrShortPrefix = fmt.Errorf("%w: an id prefix needs at least %d characters", ErrNotFound, minPrefix)
