// Package tempeval scores a temporal tagger against TimeML corpora the
// TempEval-3 way.
//
// Matching is one-to-one: each gold TIMEX3 pairs with at most one system
// expression, the first unused one with the same span, else the first
// unused one that overlaps it. Strict counts identical spans, relaxed
// counts overlaps. Attribute scores follow the official TempEval-3 script:
// value (type) precision is the number of relaxed matches with the right
// value (type) over all system expressions, recall the same over all gold
// ones, and value F1 their harmonic mean, which equals value accuracy on
// relaxed matches times relaxed F1.
package tempeval
