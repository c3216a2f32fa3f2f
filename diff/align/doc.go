// Package align splits article text into paragraphs and sentences and aligns
// the sentences of two versions of an article: equal, changed (reworded),
// inserted, deleted or moved.
//
// Split treats every non-blank line as a paragraph and cuts paragraphs into
// sentences with rules for the abbreviations, initials, decimals, ellipses
// and closing quotes that news copy is full of. Offsets are exact byte
// offsets into the original text, so callers can slice it.
//
// Align first pairs sentences whose normalised text is equal (case,
// whitespace, curly quotes and dashes folded), then pairs the rest by the
// content words they share, with numbers and dates masked so that "$90
// billion" → "$100 billion" or "Monday" → "Tuesday" still align. A longest
// increasing subsequence over the pairs keeps the largest set of pairs in
// order; every other pair is reported as a Move.
package align
