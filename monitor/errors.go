package monitor

import "errors"

// ErrNotArticlePage is the error of an item whose link answers with
// something other than a text page (audio, video, an image, a PDF): there is
// no article to extract, and its bytes must never be stored as text. The
// item falls back to its own text in the feed.
var ErrNotArticlePage = errors.New("link is not an article page")
