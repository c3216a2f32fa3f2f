// Package query holds the read paths over a store that more than one front
// end shows: the story's timeline and the diff of two versions of an
// article. The CLI (`timeline`, `diff`) and the web view (monitor/web) both
// call them, so a page and a command never disagree about what changed.
package query
