package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenRun is a run of tokens with one operation.
type tokenRun struct {
	op   string
	toks []string
}

func (r tokenRun) chars() int {
	n := 0
	for _, t := range r.toks {
		n += utf8.RuneCountInString(t)
	}
	return n
}

// cleanupSemantic removes equal runs that are no longer than the edits on
// both sides of them, measured in characters, the rule of go-diff's
// DiffCleanupSemantic, then shifts edits to word boundaries. It works on
// tokens rather than calling go-diff's version because that one mixes byte
// and rune offsets on multi-byte text (DiffCommonOverlap,
// DiffCleanupSemanticLossless), and every token code here is a rune that
// may take several bytes.
func cleanupSemantic(runs []tokenRun) []tokenRun {
	runs = mergeRuns(runs)
	for k := 1; k+1 < len(runs); {
		if runs[k].op != OpEqual {
			k++
			continue
		}
		lo := k - 1 // the edits before runs[k] are runs[lo+1:k]
		for lo >= 0 && runs[lo].op != OpEqual {
			lo--
		}
		hi := k + 1 // the edits after runs[k] are runs[k+1:hi]
		for hi < len(runs) && runs[hi].op != OpEqual {
			hi++
		}
		n := runs[k].chars()
		if lo+1 == k || hi == k+1 || n > editChars(runs[lo+1:k]) || n > editChars(runs[k+1:hi]) {
			k++
			continue
		}
		// Fold the equality into the edits around it: one deletion and
		// one insertion in its place.
		var del, ins []string
		for j := lo + 1; j < hi; j++ {
			switch runs[j].op {
			case OpDelete:
				del = append(del, runs[j].toks...)
			case OpInsert:
				ins = append(ins, runs[j].toks...)
			default:
				del = append(del, runs[j].toks...)
				ins = append(ins, runs[j].toks...)
			}
		}
		repl := []tokenRun{{op: OpDelete, toks: del}, {op: OpInsert, toks: ins}}
		runs = append(runs[:lo+1], append(repl, runs[hi:]...)...)
		// The equality before may now sit between larger edits.
		k = max(lo, 1)
	}
	return shiftEdits(runs)
}

// editChars returns the larger of the deleted and inserted characters in
// a group of edit runs.
func editChars(edits []tokenRun) int {
	del, ins := 0, 0
	for _, r := range edits {
		if r.op == OpDelete {
			del += r.chars()
		} else {
			ins += r.chars()
		}
	}
	return max(del, ins)
}

// mergeRuns joins neighbouring runs with the same operation, drops empty
// runs and, between two equal runs, puts all deletions before all
// insertions. A group of one run keeps its token slice.
func mergeRuns(runs []tokenRun) []tokenRun {
	out := make([]tokenRun, 0, len(runs))
	for k := 0; k < len(runs); {
		if runs[k].op == OpEqual {
			j := k
			for j < len(runs) && runs[j].op == OpEqual {
				j++
			}
			out = appendJoined(out, OpEqual, runs[k:j])
			k = j
			continue
		}
		j := k
		for j < len(runs) && runs[j].op != OpEqual {
			j++
		}
		out = appendJoined(out, OpDelete, runs[k:j])
		out = appendJoined(out, OpInsert, runs[k:j])
		k = j
	}
	return out
}

// appendJoined appends one run holding the tokens of the runs in group
// with operation op, if there are any.
func appendJoined(out []tokenRun, op string, group []tokenRun) []tokenRun {
	var first []string
	count, total := 0, 0
	for _, r := range group {
		if r.op == op && len(r.toks) > 0 {
			if count == 0 {
				first = r.toks
			}
			count++
			total += len(r.toks)
		}
	}
	switch count {
	case 0:
		return out
	case 1:
		return append(out, tokenRun{op: op, toks: first})
	}
	toks := make([]string, 0, total)
	for _, r := range group {
		if r.op == op {
			toks = append(toks, r.toks...)
		}
	}
	return append(out, tokenRun{op: op, toks: toks})
}

func toWordOps(runs []tokenRun) []WordOp {
	ops := make([]WordOp, 0, len(runs))
	for _, r := range runs {
		if len(r.toks) == 0 {
			continue
		}
		text := strings.Join(r.toks, "")
		// A run the clean-up emptied (an equal run shifted away whole)
		// leaves two runs of one operation side by side: one run.
		if n := len(ops); n > 0 && ops[n-1].Op == r.op {
			ops[n-1].Text += text
			continue
		}
		ops = append(ops, WordOp{Op: r.op, Text: text})
	}
	return ops
}

// shiftEdits slides every single edit between two equal runs sideways, as
// far as the text allows, to where it starts with a word and ends with a
// space ("a [-date or -]location" rather than "a[- date or-] location"),
// the idea of go-diff's DiffCleanupSemanticLossless on tokens.
func shiftEdits(runs []tokenRun) []tokenRun {
	for k := 1; k+1 < len(runs); k++ {
		if runs[k].op == OpEqual || runs[k-1].op != OpEqual || runs[k+1].op != OpEqual {
			continue
		}
		window := make([]string, 0, len(runs[k-1].toks)+len(runs[k].toks)+len(runs[k+1].toks))
		window = append(append(append(window, runs[k-1].toks...), runs[k].toks...), runs[k+1].toks...)
		n := len(runs[k].toks)
		p := len(runs[k-1].toks)
		for p > 0 && window[p-1] == window[p+n-1] {
			p--
		}
		best, bestScore := p, editScore(window, p, n)
		for p+n < len(window) && window[p] == window[p+n] {
			p++
			// >= prefers the rightmost of equal places: trailing space.
			if s := editScore(window, p, n); s >= bestScore {
				best, bestScore = p, s
			}
		}
		runs[k-1].toks = window[:best]
		runs[k].toks = window[best : best+n]
		runs[k+1].toks = window[best+n:]
	}
	return mergeRuns(runs)
}

// editScore rates the place of an edit window[p:p+n]: one point for not
// starting with white space, one for ending with white space or at the end.
func editScore(window []string, p, n int) int {
	s := 0
	if !isSpaceToken(window[p]) {
		s++
	}
	if p+n == len(window) || isSpaceToken(window[p+n-1]) {
		s++
	}
	return s
}

func isSpaceToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsSpace(r)
}
