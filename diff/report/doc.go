// Package report renders comparison results for people: a word diff in the
// wdiff style ([-deleted-]{+inserted+}) or in ANSI colour, with the
// unchanged sentences around each change for context, and the fact changes
// in words.
package report
