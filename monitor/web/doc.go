// Package web is storywatch's read-only web view: the story page (latest
// fact changes, the timeline with a chart per thread), each article's
// versions and the diff between any two of them, Atom feeds of the changes,
// /healthz, /readyz and a slot for /metrics.
//
// Pages are rendered on the server with html/template from embedded
// templates and CSS; they need no JavaScript and carry a strict
// Content-Security-Policy. Every piece of article text goes through
// html/template's contextual escaping (charts too: their SVG is a
// template), so hostile titles and bodies stay inert.
//
// The handler reads the store through an Opener: the daemon hands it the
// store it holds; `storywatch serve` opens the file read-only per request
// and, while the daemon holds the file, passes the request to the daemon's
// web socket (UnixProxy) instead.
package web
