package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// Print is what a page's fingerprint is made of (see Scanned.Fingerprint):
// the title, the region's text tokens with the block each is in, and the
// region's elements, without the page. It is kept so that a page
// fingerprinted while its site's boilerplate was still being learned can be
// fingerprinted again under what was learned later: the fingerprint stored
// with an article is only worth anything if the next pass computes it the
// same way, and a site's first pass learns most of its boilerplate after
// its first pages were stored.
type Print struct {
	text  []byte // the title, then every text token's trimmed bytes
	title int    // text[:title] is the title
	toks  []printTok
	elems []printElem
}

// printTok is one non-empty text token of the region outside never
// elements.
type printTok struct {
	end   int32 // its bytes end at Print.text[end]; they start where the previous ended
	off   int32 // its offset in the page, for the elements' spans
	block int32 // the text block it is in
}

// printElem is one region element: its span in the page and, when it may be
// left out (closed, not a never element), the signature chain a Skipper
// tests.
type printElem struct {
	chain      uint64
	start, end int32
	last       int32 // index of the element after its last descendant
	skippable  bool
}

// Print returns the page's fingerprint material. It copies what it keeps:
// the page may be released.
func (s *Scanned) Print() *Print {
	l := s.layout()
	// About one region token in two is text, and markup is most of the
	// region's bytes: sized so that neither slice grows more than once.
	p := &Print{elems: make([]printElem, len(l.elems)), toks: make([]printTok, 0, (l.t1-l.t0)/2+1),
		text: make([]byte, 0, (s.region[1]-s.region[0])/3+s.title[1]-s.title[0])}
	for i, e := range l.elems {
		p.elems[i] = printElem{chain: e.chain, start: int32(e.startOff), end: int32(e.endOff), last: int32(e.last),
			skippable: e.closed && !e.never}
	}
	p.text = append(p.text, bytes.TrimSpace(s.page[s.title[0]:s.title[1]])...)
	p.title = len(p.text)
	never := s.neverSpans()
	block := 0
	for i, t := range s.toks[l.t0:l.t1] {
		if t.kind != tokText {
			continue
		}
		off := int(t.start)
		for len(never) > 0 && off >= never[0][1] {
			never = never[1:]
		}
		if len(never) > 0 && off >= never[0][0] {
			continue
		}
		b := bytes.TrimSpace(s.page[t.start:t.end])
		if len(b) == 0 {
			continue
		}
		for block < len(l.ranges) && l.ranges[block][1] <= i {
			block++
		}
		p.text = append(p.text, b...)
		p.toks = append(p.toks, printTok{end: int32(len(p.text)), off: t.start, block: int32(block)})
	}
	return p
}

// Fingerprint is the fingerprint of the page p was made from, without the
// elements sk leaves out: equal to the page's Scanned.Fingerprint(sk).
func (p *Print) Fingerprint(sk Skipper) string {
	bp := fingerprintBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	text := func(b []byte) {
		buf = binary.AppendUvarint(append(buf, 't'), uint64(len(b)))
		buf = append(buf, b...)
	}
	text(p.text[:p.title])
	skip := p.skipped(sk)
	start, prevBlock, any := int32(p.title), int32(0), false
	for _, t := range p.toks {
		b := p.text[start:t.end]
		start = t.end
		for len(skip) > 0 && t.off >= skip[0][1] {
			skip = skip[1:]
		}
		if len(skip) > 0 && t.off >= skip[0][0] {
			continue
		}
		// A block ends between two kept tokens of different blocks; blocks
		// wholly left out leave no trace.
		if any && t.block != prevBlock {
			buf = append(buf, 'b')
		}
		text(b)
		prevBlock, any = t.block, true
	}
	sum := sha256.Sum256(buf)
	*bp = buf
	fingerprintBufs.Put(bp)
	return hex.EncodeToString(sum[:16])
}

// skipped returns the page spans of the top-most elements sk leaves out, in
// page order (as Scanned.skipped does).
func (p *Print) skipped(sk Skipper) [][2]int32 {
	if sk == nil {
		return nil
	}
	var out [][2]int32
	for i := 0; i < len(p.elems); {
		e := &p.elems[i]
		if e.skippable && sk.Skip(e.chain) {
			out = append(out, [2]int32{e.start, e.end})
			i = int(e.last)
			continue
		}
		i++
	}
	return out
}

// Size is about how many bytes p holds.
func (p *Print) Size() int {
	return len(p.text) + 12*len(p.toks) + 24*len(p.elems)
}
