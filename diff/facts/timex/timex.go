// Package timex finds temporal expressions in English text and normalises
// them to TIMEX3 values against a reference (publication) time.
//
// The tagger is rule based: a hand-written tokenizer feeds a longest-match
// matcher whose rules are Go functions over tokens and whose words come
// from an embedded lexicon (lexicon/en.txt). It allocates little and needs
// no regular expressions, so it runs at many megabytes per second.
//
// Conventions: extents follow TimeML (determiners and modifiers such as
// "the", "last", "early", "nearly" belong to the expression, prepositions
// such as "in", "on", "within" do not). "within the next two weeks" yields
// the DURATION "the next two weeks" with value P2W; its Begin and Until
// fields carry the interval it covers, from the reference day forward.
package timex

import "time"

// Expr is one temporal expression. Start and End are byte offsets into the
// text given to Find.
type Expr struct {
	Start, End int
	Text       string
	Type       string // DATE, TIME, DURATION or SET
	Value      string // TIMEX3 value: 2025-08-29, 2025-W35, P2W, PAST_REF, ...
	Mod        string // TIMEX3 mod: BEFORE, AFTER, START, END, APPROX, ... or ""
	// Begin and Until, when set, bound the days a DURATION anchored at the
	// reference time covers, as TIMEX3 dates: "the next two weeks" written
	// on 2025-08-19 has Begin 2025-08-19 and Until 2025-09-02, "the past
	// three years" Begin 2022-08-19 and Until 2025-08-19. Empty otherwise.
	Begin, Until string
}

// Expression types (TIMEX3 type attribute).
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// Find returns the temporal expressions of text in order of Start; they
// never overlap. Relative expressions ("Monday", "next week") resolve
// against ref; a zero ref leaves them unresolved (values with X
// placeholders or PRESENT_REF-style references).
func Find(text string, ref time.Time) []Expr {
	p := newParser(text, ref)
	return p.run()
}
