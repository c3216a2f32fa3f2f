package monitor

import "errors"

// ErrNoText is the error of an item that has nothing to store: no text of
// its own in the feed, and no article page to take it from (fetch.article_pages
// is off). Such items are skipped and counted in the feed's log line.
var ErrNoText = errors.New("item has no text of its own and article pages are off")

// ErrPanic wraps a panic recovered while a feed or one of its items was
// processed (or while its update was committed). The panic becomes that
// feed's error, logged with its stack, and the pass and the daemon go on.
var ErrPanic = errors.New("panic")

// ErrNotArticlePage is the error of an item whose link answers with
// something other than a text page (audio, video, an image, a PDF): there is
// no article to extract, and its bytes must never be stored as text. The
// item falls back to its own text in the feed.
var ErrNotArticlePage = errors.New("link is not an article page")
