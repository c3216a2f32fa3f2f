// Package facts extracts the reported facts of a news text (dates, numbers,
// quotes, positions, locations) and reports which of them changed between
// two versions of an article.
//
// Precision comes first: a reader who gets noise stops reading. So a fact
// is compared by its normalised value, never by its words, and style edits
// (typos, British or American spelling, quote marks, synonyms for "said",
// reordered paragraphs, split or merged sentences) report nothing.
//
// # Kinds
//
// date: every temporal expression found by package timex. Value is the
// TIMEX3 value, Type the TIMEX3 type. Two dates are the same when their
// values agree, where an X placeholder matches any digit ("June" and "June
// 2025" in a 2025 article), and their mods agree (APPROX, "nearly", is
// style). Qualifying neighbours ("February this year", "the last week of
// August") are merged into one fact. A changed date carries Detail
// "refinement" (a duration or vague reference became a date, a month a
// day), "generalization" (the reverse) or "shift" (the date moved). Vague
// references (PRESENT_REF, PAST_REF, FUTURE_REF: "now", "previously") take
// part in matching but are never reported as added or removed.
//
// number: amounts, money, counts and percentages with scale words ("bn",
// "billion"), number words ("four", "three and a half", "dozens") and
// approximators. Value is the approximation prefix ("~" about, ">=" at
// least, ">" more than, "<=" up to, "<" less than), the number and the unit:
// "~90000000000 USD", "4 people", ">=10 percent". Text includes the
// approximator and the counted noun ("at least four people"). "About" and
// an exact number are the same fact; "at least" and an exact one are not.
// Subject is the head noun the number is about ("weapons"), "age" for an
// age however written ("Smith, 42,", "the 42-year-old", "42 years old").
// A range ("4 to 8 inches", "between 1 and 3 feet") and a chance ("1-in-3")
// are one number; a score's key reads the same from either side. Numbers
// inside a temporal expression, years, days of a month, clock times,
// ordinals, names and labels ("G7", "Level 3 of 5", "24/7", "day 21", "a 9
// mm handgun", "Three Rivers"), ranks ("top 10"), references ("the other
// two", "one of the victims"), counts of anonymous sources ("two officials
// told CNN") and a sum converted in parentheses ("£125,000 ($166,000)") are
// not numbers.
//
// quote: a direct quote in straight, curly, «», „“ or ‘’ marks (the last
// only when it cannot be an apostrophe). Text is the quoted words without
// the marks, Value their normalised words, Subject the speaker: the subject
// of the nearest speech verb ("X said", "said X", "X told reporters",
// "according to X"); a pronoun resolves to the last named speaker, or the
// last named person; a quote with no attribution continues the previous
// quote of its paragraph. Two quotes are the same when their words are
// (allowing one-letter typos and British spellings); they are "reworded"
// when at least half the words of the shorter one recur, and
// "reattributed" when the same words change speaker.
//
// position: an actor's stance, from a lexicon of stance verbs grouped into
// classes modelled on CAMEO/PLOVER: accept, support, reject, propose,
// demand, consider, reverse. Negation flips the stance ("did not rule out"
// is "accept?"), a modal hedges it ("could accept" is "accept?"), "refused
// to accept" is "reject". Representation: Subject is the actor (the noun
// phrase before the verb, with pronouns, relative clauses, parentheticals
// and "urged X to ..." resolved); Text is the verb phrase as written
// ("could accept"); Value is the stance, then ": " and the object phrase
// ("reject: the deployment of troops from NATO countries"). Positions are
// matched by actor; accept and support count as one stance, so synonyms
// report nothing. Positions inside quotes are not extracted.
//
// location: a gazetteer place (lexicon/en/places.txt, with aliases and the
// place each lies within) used as the place where something happens: after
// "in", "at", "near", a motion verb plus "to" ("rushed to Washington"), or
// right after such a place ("Anchorage, Alaska"). "Moscow's position" and
// "guarantees for Kyiv" name actors, not places. Value is the canonical
// name, Type the gazetteer type. A changed place is a "refinement" when the
// new one lies within the old one, a "generalization" in the reverse case.
//
// title: CompareTitle compares two headlines; case, punctuation, quote
// marks and spelling variants are no change.
//
// # Comparison
//
// CompareAligned extracts the facts of both texts once, buckets them by
// the aligned sentences and pairs the facts of each linked sentence pair
// kind by kind: first equal values (no change), then the same slot (the
// number's unit and head noun, the quote's word overlap, the position's
// actor) as a change. Facts of inserted sentences are added, of deleted
// ones removed. A final pass over the whole document cancels a removed and
// an added fact with the same value (a moved, split or merged sentence) and
// pairs a removed and an added fact of the same slot in neighbouring
// sentences as one change. Two numbers that are not of one slot in
// neighbouring sentences pair only in sentences that share a third of
// their content words: a measure removed and one in the same unit added
// nearby, or the only number of a specific thing removed and the only one
// added, however far apart. A number added (or removed) twice is reported
// once. Dates, numbers and places inside a changed quote are left to the
// quote change, except sums of money.
//
// # Lexicons
//
// Word lists are embedded data files, one directory per language
// (lexicon/en/*.txt), so German, French, Russian and Ukrainian can follow
// by adding files.
//
// # Measurement
//
// Package diff/eval scores Compare on labelled pairs: the summit
// development and held-out sets (diff/eval/testdata) and labels of real
// article revisions whose texts stay outside the repository. Reproduce with
//
//	go run ./cmd/storywatch eval facts
//
// # Speed
//
// Extract runs once per stored version, so it is kept cheap without
// changing a single fact: scratch slices are reused through a sync.Pool
// (docBuf), each token carries the word lists it belongs to (wordClass,
// one lookup per token, behind a hash filter), and each extractor tests
// that cheap class before its full match. The timex package skips its
// rules where none can match (timex/shortcut.go). TestDifferentialExtract
// compares every field of every item, over all texts of the repository
// and variants of them, with a golden made by the code before these
// changes; TestFastPathsAgree checks each shortcut against what it
// replaces. Measure with
//
//	go test -run '^$' -bench 'Extract|Find' -benchmem ./diff/facts/...
package facts
