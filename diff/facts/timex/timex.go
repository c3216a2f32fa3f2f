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

import (
	"sync"
	"time"
)

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
func Find(text string, ref time.Time) []Expr { return find(nil, text, "", ref, false) }

// FindLower is Find for a caller that holds a lower-cased copy of text
// already: lower has text's bytes at the same offsets, its ASCII capitals
// lowered (any other byte may differ, e.g. a non-ASCII letter lowered at
// the same width). Find makes such a copy itself; package facts makes one
// for its own tokens, and sharing it spares a copy of every text.
func FindLower(text, lower string, ref time.Time) []Expr {
	return AppendFindLower(nil, text, lower, ref)
}

// AppendFindLower is FindLower appending the expressions to dst, which
// may be a buffer the caller reuses.
func AppendFindLower(dst []Expr, text, lower string, ref time.Time) []Expr {
	if len(lower) != len(text) {
		lower = "" // not a copy at the same offsets: make one
	}
	return find(dst, text, lower, ref, false)
}

// find is Find; exhaustive tries every rule at every possible start,
// without the shortcut of shortcut.go, for tests.
func find(dst []Expr, text, lower string, ref time.Time, exhaustive bool) []Expr {
	buf := tokenBufs.Get().(*[]token)
	toks := *buf
	if want := len(text)/4 + 16; cap(toks) < want {
		// English runs about five bytes a token; append grows the rest.
		toks = make([]token, 0, want)
	}
	p := newParser(text, lower, ref, toks[:0], exhaustive)
	out := p.run(dst)
	if cap(p.t) <= maxPooledTokens {
		// Not cleared: until reused the buffer keeps this text alive, but
		// sync.Pool drops idle buffers within two garbage collections,
		// and clearing cost more than that is worth.
		*buf = p.t[:0]
		tokenBufs.Put(buf)
	}
	return out
}

// tokenBufs recycles token slices between calls. A long article needs
// hundreds of kilobytes of tokens; allocated afresh on every call, that
// memory was zeroed, scavenged and faulted in again each time, which cost
// more than tagging. The pool holds scratch space only: no result refers
// to it, so it cannot change what Find returns.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// maxPooledTokens bounds the buffers kept for reuse (about 7 MB of
// tokens), so one huge input does not pin its memory for good.
const maxPooledTokens = 1 << 17
