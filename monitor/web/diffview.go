package web

import (
	"slices"
	"strconv"
	"strings"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
)

// segment is a run of text with one diff operation and, when it is the
// words of a fact change, that fact's kind.
type segment struct {
	Text      string
	Op        string // "eq", "ins" or "del"
	Kind      facts.Kind
	KindClass string
}

// highlight marks the words of a fact change in one sentence (byte range).
type highlight struct {
	start, end int
	kind       facts.Kind
}

// highlights finds, in sentence, the words of each fact change that was
// reported in it: the old words on the old side, the new on the new.
func highlights(sentence string, cs []facts.Change, old bool) []highlight {
	var out []highlight
	for _, c := range cs {
		words, in := c.After, c.AfterSentence
		if old {
			words, in = c.Before, c.BeforeSentence
		}
		if words == "" || (in != "" && !sameSentence(in, sentence)) {
			continue
		}
		if i := strings.Index(sentence, words); i >= 0 {
			out = append(out, highlight{i, i + len(words), c.Kind})
		}
	}
	return out
}

// sameSentence tolerates the white space the aligner and the fact
// comparison may trim differently.
func sameSentence(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a == b || (len(a) > 20 && len(b) > 20 && (strings.Contains(a, b) || strings.Contains(b, a)))
}

// segmentRuns cuts word-diff runs where highlighted fact words begin and
// end, so each segment has one operation and at most one kind. Old
// highlights are in old-text offsets (equal and deleted runs), new ones in
// new-text offsets (equal and inserted runs).
func segmentRuns(runs []diff.WordOp, oldHL, newHL []highlight) []segment {
	var out []segment
	oldPos, newPos := 0, 0
	for _, r := range runs {
		n := len(r.Text)
		useOld := r.Op == diff.OpEqual || r.Op == diff.OpDelete
		useNew := r.Op == diff.OpEqual || r.Op == diff.OpInsert
		cuts := []int{0, n}
		addCuts := func(hl []highlight, pos int) {
			for _, h := range hl {
				for _, b := range []int{h.start - pos, h.end - pos} {
					if b > 0 && b < n {
						cuts = append(cuts, b)
					}
				}
			}
		}
		if useOld {
			addCuts(oldHL, oldPos)
		}
		if useNew {
			addCuts(newHL, newPos)
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		op := map[string]string{diff.OpEqual: "eq", diff.OpInsert: "ins", diff.OpDelete: "del"}[r.Op]
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			seg := segment{Text: r.Text[a:b], Op: op}
			if useNew {
				seg.Kind = covering(newHL, newPos+a)
			}
			if seg.Kind == "" && useOld {
				seg.Kind = covering(oldHL, oldPos+a)
			}
			if seg.Kind != "" {
				seg.KindClass = kindClass(seg.Kind)
			}
			out = append(out, seg)
		}
		if useOld {
			oldPos += n
		}
		if useNew {
			newPos += n
		}
	}
	return out
}

func covering(hl []highlight, at int) facts.Kind {
	for _, h := range hl {
		if at >= h.start && at < h.end {
			return h.kind
		}
	}
	return ""
}

// side2 keeps the segments of one side: the new text (equal and inserted)
// or the old (equal and deleted).
func side2(segs []segment, newSide bool) []segment {
	drop := "ins"
	if newSide {
		drop = "del"
	}
	out := make([]segment, 0, len(segs))
	for _, s := range segs {
		if s.Op != drop {
			out = append(out, s)
		}
	}
	return out
}

// diffBlock is one sentence of the diff, or a fold of unchanged ones.
type diffBlock struct {
	Op     string // equal, change, insert, delete, move; "fold" for hidden equal sentences
	Inline []segment
	Old    []segment
	New    []segment
	Note   string // for a move: where the sentence was
	From   int    // for a move: its 1-based place in the old text
	Fold   []diffBlock
	Facts  bool // the sentence holds a highlighted fact change
}

// foldContext is how many unchanged sentences stay visible around a change.
const foldContext = 1

// diffBlocks turns the sentence edits into blocks, folding long runs of
// unchanged sentences into a <details> element.
func diffBlocks(res diff.Result, side bool) []diffBlock {
	blocks := make([]diffBlock, 0, len(res.Edits))
	for _, e := range res.Edits {
		var runs []diff.WordOp
		switch {
		case len(e.Words) > 0:
			runs = e.Words
		case e.Op == diff.EditInsert:
			runs = []diff.WordOp{{Op: diff.OpInsert, Text: e.New}}
		case e.Op == diff.EditDelete:
			runs = []diff.WordOp{{Op: diff.OpDelete, Text: e.Old}}
		default:
			runs = []diff.WordOp{{Op: diff.OpEqual, Text: e.New}}
		}
		oldHL, newHL := highlights(e.Old, res.Facts, true), highlights(e.New, res.Facts, false)
		if e.Op == diff.EditInsert {
			oldHL = nil
		}
		segs := segmentRuns(runs, oldHL, newHL)
		b := diffBlock{Op: e.Op, Inline: segs, Facts: len(oldHL)+len(newHL) > 0}
		if side {
			b.Old, b.New = side2(segs, false), side2(segs, true)
			if e.Op == diff.EditInsert {
				b.Old = nil
			}
			if e.Op == diff.EditDelete {
				b.New = nil
			}
		}
		if e.Op == diff.EditMove {
			b.Note = "moved here from sentence " + strconv.Itoa(e.OldIndex+1)
			b.From = e.OldIndex + 1
		}
		blocks = append(blocks, b)
	}
	return fold(blocks)
}

func fold(blocks []diffBlock) []diffBlock {
	var out []diffBlock
	for i := 0; i < len(blocks); {
		if blocks[i].Op != diff.EditEqual || blocks[i].Facts {
			out = append(out, blocks[i])
			i++
			continue
		}
		j := i
		for j < len(blocks) && blocks[j].Op == diff.EditEqual && !blocks[j].Facts {
			j++
		}
		// Keep foldContext sentences next to each change; fold the rest
		// when that hides at least two.
		lo, hi := i, j
		if i > 0 {
			lo = i + foldContext
		}
		if j < len(blocks) {
			hi = j - foldContext
		}
		if hi-lo >= 2 {
			out = append(out, blocks[i:lo]...)
			out = append(out, diffBlock{Op: "fold", Fold: slices.Clone(blocks[lo:hi])})
			out = append(out, blocks[hi:j]...)
		} else {
			out = append(out, blocks[i:j]...)
		}
		i = j
	}
	return out
}
