// Package timeline follows the facts of a story across articles and
// versions: the summit's date and place, each party's position on a
// ceasefire or on foreign troops, the key numbers, the quotes. It turns the
// facts stored with every version (see package facts) into threads, one per
// tracked fact ("slot"), listing each value as reported, by which outlet, in
// which article and version, first and last seen. A reader sees the
// coverage converge on one value, or contradict itself.
//
// Grouping is rule based and cheap:
//
//   - dates and places attach to the event they are about: the nearest
//     event noun of a small lexicon ("meeting", "summit", "talks",
//     "ceasefire", "guarantees" ...) to the left of the fact in the same
//     clause, or a few words to its right; a pronoun subject ("it would be
//     held in Budapest") reaches back to the event named earlier in the
//     sentence. A verb ("after meeting with Putin on Friday") is no event
//     noun, "the last talks" are another event than "the talks", and a date
//     whose words point back ("last week", "ago") marks a past occurrence
//     that is left out with its place. Facts attached to no event are not
//     tracked. When a later version rewrites the sentence, a value that
//     replaced one keeps the replaced value's event, wherever the new
//     words put it (see continuity.go).
//   - positions group by actor (titles stripped, the names of one party
//     folded by facts.PartyOf, whose data is the fact lexicon's
//     parties.txt: "Moscow", "the Kremlin", "Putin's spokesman" are
//     Russia; "Merz and Macron" split)
//     and by topic (a topic lexicon over the object, else its first
//     content word).
//   - correction notices are a thread per article; so are the page status
//     events (removed, redirecting) given to AddStatus.
//   - numbers group by counted noun and unit; quotes by speaker and by
//     wording similarity.
//
// A value is recorded once per article and normalised value (for dates the
// TIMEX3 type and value, for positions the stance, for numbers the amount
// with "about" dropped, for quotes the wording with British spellings
// folded), with its first and last sighting. Exactly one value per
// article and thread is current: of those its latest version reports,
// the one not mentioned as replaced ("up from", "originally planned
// for"), else the newest. Whether outlets agree now is
// judged on the values their latest versions report; dates agree when
// timex.Compare finds one within the other ("August 29", "the end of
// August"). Threads that
// neither changed nor were reported by two articles are dropped, as are
// unchanged deictic dates ("Monday", "today"). Threads come ordered by
// importance: articles reporting them times distinct values.
//
// The package is pure logic: it never reads the store. Feed it through a
// Builder one observation (one stored version) at a time, so that a store
// of 100,000 versions never sits in memory at once; Build is the one-call
// form.
package timeline
