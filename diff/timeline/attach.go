package timeline

// How far from a date or place its event noun may stand: "a meeting
// between Vladimir Putin and Volodymyr Zelensky could take place within two
// weeks" has ten words between them.
const (
	maxLeftWords  = 12
	maxRightWords = 3
	// appositiveWords is how far past a comma the event noun may stand.
	appositiveWords = 2
	// maxAppositive is the longest appositive, in words, skipped between a
	// fact and its event noun.
	maxAppositive = 6
)

// appositiveStart returns the index of the comma that opens an appositive
// closed by the comma at toks[end], or -1 when no comma comes within
// maxAppositive words before it without another clause mark.
func appositiveStart(text string, toks []token, end int) int {
	words := 0
	for j := end - 1; j >= 0 && words <= maxAppositive; j-- {
		t := toks[j]
		if !t.punct {
			words++
			continue
		}
		if t.clause {
			if text[t.start] == ',' && words > 0 {
				return j
			}
			return -1
		}
	}
	return -1
}

// eventFor returns the canonical event the fact at [start, end) of text is
// about, or "" when no event noun is close enough. toks is the fact's
// sentence.
func eventFor(text string, toks []token, start, end int, buf []byte) string {
	ev, _ := eventAndDistance(text, toks, start, end, buf)
	return ev
}

// eventAndDistance is eventFor that also says how many words lie between
// the fact and its event noun: the farther, the looser the attachment.
func eventAndDistance(text string, toks []token, start, end int, buf []byte) (string, int) {
	first, last := -1, -1
	for i, t := range toks {
		if t.end > start && t.start < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "", 0
	}
	// Left: the nearest event noun in the same clause. A pronoun subject
	// lets the search cross clause marks to its antecedent.
	words, cross, comma, limit := 0, false, false, maxLeftWords
	for i := first - 1; i >= 0; i-- {
		t := toks[i]
		if t.punct {
			if t.clause && !cross {
				// An appositive: "the meeting, expected in early
				// September, ..." reaches back past one comma to the noun
				// right before it, and no further.
				if text[t.start] != ',' || comma {
					break
				}
				comma, limit = true, min(limit, words+appositiveWords)
				// The fact follows an appositive: "the meeting, first
				// planned for August 29, will now take place in early
				// September" skips it to the noun before its first comma.
				if open := appositiveStart(text, toks, i); open >= 0 {
					i = open
				}
			}
			continue
		}
		words++
		if !cross && words > limit {
			break
		}
		if ev := eventAt(text, toks, i, buf); ev != "" {
			return ev, words
		}
		buf = lowerWord(buf, text[t.start:t.end])
		if pronouns[string(buf)] {
			cross = true
		}
	}
	// Right: "Monday's talks", "August 29 summit".
	words = 0
	for i := last + 1; i < len(toks) && words < maxRightWords; i++ {
		t := toks[i]
		if t.punct {
			if t.clause {
				break
			}
			continue
		}
		words++
		if ev := eventAt(text, toks, i, buf); ev != "" {
			return ev, words
		}
	}
	return "", 0
}

// eventAt returns the canonical event named by token i, qualified "last"
// when a past mark precedes it, or "".
func eventAt(text string, toks []token, i int, buf []byte) string {
	t := toks[i]
	buf = lowerWord(buf, text[t.start:t.end])
	// Possessives name the owner's event: "Monday's talks" ends in "talks".
	ev, ok := events[string(buf)]
	if !ok {
		return ""
	}
	if gerunds[string(buf)] && i > 0 && !toks[i-1].punct {
		p := toks[i-1]
		if verbPreps[string(lowerWord(buf, text[p.start:p.end]))] {
			return ""
		}
	}
	for j, n := i-1, 0; j >= 0 && n < 3; j-- {
		p := toks[j]
		if p.punct {
			break
		}
		n++
		if pastMarks[string(lowerWord(buf, text[p.start:p.end]))] {
			return "last " + ev
		}
	}
	return ev
}
