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
	text   []byte // the title, then every text token's trimmed bytes
	title  int    // text[:title] is the title
	toks   []printTok
	elems  []printElem
	blocks []printBlock // per text block, for the texts a PrintSkips leaves out
	prose  int32        // the region's prose (see printElem.prose)
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
	// furniture marks page furniture every extraction removes (see
	// furniture), which a PrintSkips leaves out unless it holds much of
	// the region's prose: the bytes of text in its paragraphs of
	// minProse bytes or more.
	furniture bool
	prose     int32
}

// Print returns the page's fingerprint material. It copies what it keeps:
// the page may be released.
func (s *Scanned) Print() *Print {
	l := s.layout()
	// About one region token in two is text, and markup is most of the
	// region's bytes: sized so that neither slice grows more than once.
	p := &Print{toks: make([]printTok, 0, (l.t1-l.t0)/2+1),
		text: make([]byte, 0, (s.region[1]-s.region[0])/3+s.title[1]-s.title[0])}
	p.elems, p.prose = s.printElems()
	p.blocks = s.printBlocks()
	p.text = append(p.text, s.printTitle()...)
	p.title = len(p.text)
	s.printTokens(func(off, block int32, b []byte) {
		p.text = append(p.text, b...)
		p.toks = append(p.toks, printTok{end: int32(len(p.text)), off: off, block: block})
	})
	return p
}

// printTitle is the title as the fingerprint holds it.
func (s *Scanned) printTitle() []byte { return bytes.TrimSpace(s.page[s.title[0]:s.title[1]]) }

// printTokens calls fn for each text token the fingerprint is made of, in
// page order: the region's text outside never elements, trimmed, not
// empty, with its offset in the page and the text block it is in.
func (s *Scanned) printTokens(fn func(off, block int32, b []byte)) {
	l := s.layout()
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
		fn(t.start, int32(block), b)
	}
}

// Fingerprint is the fingerprint of the page p was made from, without the
// elements sk leaves out: equal to the page's Scanned.Fingerprint(sk).
func (p *Print) Fingerprint(sk Skipper) string {
	f := newFingerprinter(p.text[:p.title], leftOut(p.elems, p.prose, sk), droppedBlocks(sk, p.blocks))
	start := int32(p.title)
	for _, t := range p.toks {
		f.token(t.off, t.block, p.text[start:t.end])
		start = t.end
	}
	return f.sum()
}

// fingerprinter hashes a page's fingerprint material as it comes: the
// title, then each token not in a left-out span or a left-out block, with a
// block mark between two kept tokens of different blocks (blocks wholly
// left out leave no trace).
type fingerprinter struct {
	bp        *[]byte
	buf       []byte
	skip      [][2]int // left-out spans, in page order
	drop      []bool   // left-out text blocks, by index; nil for none
	prevBlock int32
	any       bool
}

func newFingerprinter(title []byte, skip [][2]int, drop []bool) *fingerprinter {
	bp := fingerprintBufs.Get().(*[]byte)
	f := &fingerprinter{bp: bp, buf: (*bp)[:0], skip: skip, drop: drop}
	f.text(title)
	return f
}

func (f *fingerprinter) text(b []byte) {
	f.buf = binary.AppendUvarint(append(f.buf, 't'), uint64(len(b)))
	f.buf = append(f.buf, b...)
}

// token adds the text token b at page offset off, in block.
func (f *fingerprinter) token(off, block int32, b []byte) {
	o := int(off)
	for len(f.skip) > 0 && o >= f.skip[0][1] {
		f.skip = f.skip[1:]
	}
	if len(f.skip) > 0 && o >= f.skip[0][0] {
		return
	}
	if int(block) < len(f.drop) && f.drop[block] {
		return
	}
	if f.any && block != f.prevBlock {
		f.buf = append(f.buf, 'b')
	}
	f.text(b)
	f.prevBlock, f.any = block, true
}

// sum returns the fingerprint and gives the buffer back.
func (f *fingerprinter) sum() string {
	h := sha256.Sum256(f.buf)
	*f.bp = f.buf
	fingerprintBufs.Put(f.bp)
	return hex.EncodeToString(h[:16])
}

// leftOut returns the page spans of the top-most of elems that sk leaves
// out, in page order: those of the chains it skips and, when it is a
// *PrintSkips, page furniture, unless the furniture holds two fifths of the
// region's prose (prose) outside the skipped chains or more, and minArticle
// bytes of it, as cleanDoc's holdsArticle keeps it (the prose left out by
// the chains is not counted, as the fast path does not see it: a share of
// less never keeps what an extraction keeps).
func leftOut(elems []printElem, prose int32, sk Skipper) [][2]int {
	if sk == nil {
		return nil
	}
	_, furn := sk.(*PrintSkips)
	if furn {
		for i := 0; i < len(elems); {
			if e := &elems[i]; e.skippable && sk.Skip(e.chain) {
				prose -= e.prose
				i = int(e.last)
				continue
			}
			i++
		}
	}
	var out [][2]int
	for i := 0; i < len(elems); {
		e := &elems[i]
		if e.skippable && (sk.Skip(e.chain) || furn && e.furniture && !(e.prose >= minArticleText && 5*e.prose > 2*prose)) {
			out = append(out, [2]int{int(e.start), int(e.end)})
			i = int(e.last)
			continue
		}
		i++
	}
	return out
}

// topSkipped returns the spans of the top-most of n elements in document
// order that sk leaves out: elem gives the i-th one's chain, whether it may
// be left out, its span and the index after its last descendant.
func topSkipped(n int, sk Skipper, elem func(i int) (chain uint64, skippable bool, start, end, last int)) [][2]int {
	if sk == nil {
		return nil
	}
	var out [][2]int
	for i := 0; i < n; {
		chain, ok, start, end, last := elem(i)
		if ok && sk.Skip(chain) {
			out = append(out, [2]int{start, end})
			i = last
			continue
		}
		i++
	}
	return out
}

// Size is about how many bytes p holds, counting what its slices reserve.
func (p *Print) Size() int {
	return cap(p.text) + 12*cap(p.toks) + 32*cap(p.elems) + 16*cap(p.blocks)
}
