// Package diff compares two versions of an article: it aligns their
// sentences (package align), diffs the words inside every changed sentence
// (go-diff on word tokens), and reports which facts changed (package facts).
//
// Compare is the one entry point the pipeline needs; Words is the word-level
// diff on its own. Package report renders a Result for people.
package diff
