package extract

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file gives the pipeline what it needs to learn, per site, which parts
// of the article region are not article text, from the tokens Scan already
// read: element signatures (tag and class/id/role/itemprop, digit runs and a
// page's hash suffixes folded, so "Body_part__x7Kq2", "Body_part__xKqzv" and
// "gpt-ad-1234" name their kind of element, not one render of it), a fingerprint of the region that leaves learned parts out,
// and the text blocks of each element for comparing with readability.

// Token kinds recorded by Scan.
const (
	tokText uint8 = iota
	tokStart
	tokEnd
	tokVoid // a void element or a self-closing tag
)

// tok is one token of the page: its kind, tag and byte span.
type tok struct {
	kind       uint8
	hashLens   uint8 // start and void tags: the lengths of its class's hash-suffix candidates without a digit (see sfxEvidence.note)
	a          atom.Atom
	name       uint32 // atom, or a hash of an unknown tag name
	start, end int32
	sig        uint64 // start and void tags: the element's own signature
}

// scanAttrs are the attributes Scan and the signatures read; the slices point
// into the tokenizer's buffer and are valid until its next token.
type scanAttrs struct {
	itemprop, role, class, id, typ []byte
}

// readTagAttrs reads the attributes from the raw bytes of a start tag.
// The tokenizer's TagAttr copies every key and value (it replaces NUL
// bytes); this reads only the five wanted, without copying or unescaping,
// which their uses (shapes, case-insensitive words) do not need.
func readTagAttrs(raw []byte) scanAttrs {
	var at scanAttrs
	var seen uint8
	i := 1
	for i < len(raw) && !isAttrSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++ // the tag name
	}
	for i < len(raw) {
		for i < len(raw) && (isAttrSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		k := i
		if raw[i] == '=' { // a name may start with '=' (a parse error the tokenizer keeps)
			i++
		}
		for i < len(raw) && !isAttrSpace(raw[i]) && raw[i] != '=' && raw[i] != '>' && raw[i] != '/' {
			i++
		}
		key := raw[k:i]
		for i < len(raw) && isAttrSpace(raw[i]) {
			i++
		}
		var val []byte
		if i < len(raw) && raw[i] == '=' {
			i++
			for i < len(raw) && isAttrSpace(raw[i]) {
				i++
			}
			if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
				q := raw[i]
				i++
				v := i
				for i < len(raw) && raw[i] != q {
					i++
				}
				val = raw[v:i]
				i++
			} else {
				v := i
				for i < len(raw) && !isAttrSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				val = raw[v:i]
			}
		}
		// The first of repeated attributes counts, as in the HTML parser.
		var dst *[]byte
		var bit uint8
		switch {
		case asciiEqualFold(key, "itemprop"):
			dst, bit = &at.itemprop, 1
		case asciiEqualFold(key, "role"):
			dst, bit = &at.role, 2
		case asciiEqualFold(key, "class"):
			dst, bit = &at.class, 4
		case asciiEqualFold(key, "id"):
			dst, bit = &at.id, 8
		case asciiEqualFold(key, "type"):
			dst, bit = &at.typ, 16
		}
		if dst != nil && seen&bit == 0 {
			*dst, seen = val, seen|bit
		}
	}
	return at
}

func isAttrSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

func tagKey(a atom.Atom, name []byte) uint32 {
	if a != 0 {
		return uint32(a)
	}
	h := fnv.New32a()
	h.Write(name)
	return h.Sum32() | 1<<31
}

func voidAtom(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen:
		return true
	}
	return false
}

// ownSig is an element's own signature: its tag and the shape of its class,
// role and itemprop values, and of its id when it has no class. A run of
// letters and digits that holds a digit becomes "#": build hashes and
// counters vary where the kind of element does not. Class names must match
// the site's stylesheet, so they name a kind of element and stay put between
// requests; an id names one instance and is often drawn per request (ad
// slots), so it only counts where there is nothing else. fold is the
// lengths of the class's hash suffixes that become "#" without a digit too,
// the page's convention (see sfxEvidence); name is lower case.
func ownSig(name []byte, at *scanAttrs, fold uint8) uint64 {
	var h fnvHash = fnvOffset
	h.write(name)
	return ownSigAttrs(h, at, fold)
}

func ownSigAttrs(h fnvHash, at *scanAttrs, fold uint8) uint64 {
	id := at.id
	if len(at.class) > 0 {
		id = nil
	}
	for k, v := range [...][]byte{at.class, id, at.role, at.itemprop} {
		h.writeByte(0)
		if k == 0 {
			h.writeShape(v, fold)
		} else {
			h.writeShape(v, 0)
		}
	}
	return uint64(h)
}

// rawSig is ownSig from a raw start tag, the tag name lower-cased as the
// tokenizer does; with firstClass only the first of its class names counts.
func rawSig(raw []byte, fold uint8, firstClass bool) uint64 {
	at := readTagAttrs(raw)
	if firstClass {
		if f := bytes.Fields(at.class); len(f) > 0 {
			at.class = f[0]
		}
	}
	var h fnvHash = fnvOffset
	for _, c := range raw[1:] {
		if isAttrSpace(c) || c == '>' || c == '/' {
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h.writeByte(c)
	}
	return ownSigAttrs(h, &at, fold)
}

// rootSig is the signature of the region's own element, from its raw start
// tag: ownSig with only the first of its class names. The region is one
// kind of element on every page, and the names after the first are about
// this page: WordPress's "post-48213 post type-post … category-world
// tag-ukraine" would give each section's pages element kinds of their own
// to learn, while the first name ("post-#") is the component's.
func rootSig(raw []byte, fold uint8) uint64 { return rawSig(raw, fold, true) }

// Hash suffixes. Front ends that scope class names to a component append a
// hash of the build or of the stylesheet after a double underscore: CSS
// modules as Next.js and Create React App name them
// ("Article_body__3xKq9", "styles_body__xKqzv"), Arc XP-style BEM blocks
// ("b-article-body__k3x9q"). The hash is drawn from letters and digits, so
// it holds a digit most of the time and folds as any digit run does; but
// one hash in five of five base-36 characters, and more of base 64, has no
// digit, and those would name a new element kind on every build. A page
// shows its convention in its own class names: where the runs after "__"
// that end a class name, of one length, hold a digit in a good share of
// them (a hash alphabet's digits), every run of that length after "__"
// there is a hash. BEM element names after "__" ("c-article__body",
// "card__title") are words, which hold no digit: a BEM page folds none of
// them.
const (
	sfxMinLen = 5  // hash suffixes of 5 (css-loader's base64:5) to 12 characters
	sfxMaxLen = 12 // lengths fit a uint8 mask
	sfxSeen   = 64 // distinct class names counted per page
	// A length counts as hashed when at least sfxMinDigits distinct class
	// names end in a run of it after "__" holding a digit, a third of all.
	sfxMinDigits = 3
)

// sfxEvidence counts, per page, the distinct class names ending in a
// candidate hash suffix, by its length and whether it holds a digit.
type sfxEvidence struct {
	seen   [sfxSeen]uint64 // hashes of the class names counted
	n      int
	total  [sfxMaxLen - sfxMinLen + 1]uint16
	digits [sfxMaxLen - sfxMinLen + 1]uint16
}

// note counts the class names in class that end in a candidate hash suffix
// and returns the mask of the lengths of those without a digit (bit L -
// sfxMinLen), whose element signatures the page's convention may change.
func (e *sfxEvidence) note(class []byte) uint8 {
	var mask uint8
	for i := 0; i < len(class); {
		for i < len(class) && isAttrSpace(class[i]) {
			i++
		}
		j := i
		for j < len(class) && !isAttrSpace(class[j]) {
			j++
		}
		name := class[i:j]
		i = j
		l, digit, ok := hashSuffix(name)
		if !ok {
			continue
		}
		if !digit {
			mask |= 1 << (l - sfxMinLen)
		}
		var h fnvHash = fnvOffset
		h.write(name)
		if e.n == len(e.seen) || slices.Contains(e.seen[:e.n], uint64(h)) {
			continue
		}
		e.seen[e.n] = uint64(h)
		e.n++
		e.total[l-sfxMinLen]++
		if digit {
			e.digits[l-sfxMinLen]++
		}
	}
	return mask
}

// hashed returns the mask of the suffix lengths the page hashes.
func (e *sfxEvidence) hashed() uint8 {
	var mask uint8
	for k, t := range e.total {
		if d := e.digits[k]; d >= sfxMinDigits && 3*d >= t {
			mask |= 1 << k
		}
	}
	return mask
}

// hashSuffix reports whether a class name ends in a candidate hash suffix:
// a run of sfxMinLen to sfxMaxLen letters and digits after two or more
// underscores, with something before them (as writeShape folds it); l is
// its length.
func hashSuffix(name []byte) (l int, digit, ok bool) {
	j := len(name)
	for j > 0 && isAlnum(name[j-1]) {
		digit = digit || name[j-1] >= '0' && name[j-1] <= '9'
		j--
	}
	l = len(name) - j
	u := 0
	for j-u > 0 && name[j-u-1] == '_' {
		u++
	}
	if l < sfxMinLen || l > sfxMaxLen || u < 2 || j-u < 1 {
		return 0, false, false
	}
	return l, digit, true
}

// fnvHash is FNV-1a, 64 bits, without the allocation of hash/fnv.
type fnvHash uint64

const (
	fnvOffset fnvHash = 14695981039346656037
	fnvPrime  fnvHash = 1099511628211
)

func (h *fnvHash) writeByte(c byte) { *h = (*h ^ fnvHash(c)) * fnvPrime }

func (h *fnvHash) write(b []byte) {
	for _, c := range b {
		h.writeByte(c)
	}
}

func (h *fnvHash) writeUint64(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.write(b[:])
}

// writeShape hashes v lower-cased, with each alphanumeric run that holds a
// digit replaced by '#' and each run of other bytes by one '-'. A run that
// ends a class name after "__" (a hash suffix, see sfxEvidence) whose
// length is in fold (bit L - sfxMinLen) is '#' too.
func (h *fnvHash) writeShape(v []byte, fold uint8) {
	under := 0 // underscores in the run of other bytes before the run at i
	for i := 0; i < len(v); {
		c := v[i]
		if !isAlnum(c) {
			under = 0
			for i < len(v) && !isAlnum(v[i]) {
				if v[i] == '_' {
					under++
				} else {
					under = 0
				}
				i++
			}
			h.writeByte('-')
			continue
		}
		j, digit := i, false
		for j < len(v) && isAlnum(v[j]) {
			digit = digit || v[j] >= '0' && v[j] <= '9'
			j++
		}
		if !digit && fold != 0 && under >= 2 && i > under && !isAttrSpace(v[i-under-1]) && (j == len(v) || isAttrSpace(v[j])) {
			if l := j - i; l >= sfxMinLen && l <= sfxMaxLen && fold&(1<<(l-sfxMinLen)) != 0 {
				digit = true
			}
		}
		if digit {
			h.writeByte('#')
		} else {
			for _, c := range v[i:j] {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				h.writeByte(c)
			}
		}
		i = j
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// TextHash hashes a text with every run of digits folded to one '#', so that
// "You have 3 free articles left" and "You have 7 free articles left" are
// the same text: counters and clocks in boilerplate do not make it new.
func TextHash(s string) uint64 {
	h := newTextHasher()
	for i := 0; i < len(s); i++ {
		h.add(s[i])
	}
	return h.sum()
}

// textHasher computes TextHash a byte at a time, so that each prefix of a
// text has its hash on the way (see Layout.Glued).
type textHasher struct {
	h      fnvHash
	digits bool // the last byte added was a digit
}

func newTextHasher() textHasher { return textHasher{h: fnvOffset} }

// add hashes one more byte; a run of digits hashes as one '#'.
func (t *textHasher) add(c byte) {
	if c >= '0' && c <= '9' {
		if !t.digits {
			t.h.writeByte('#')
		}
		t.digits = true
		return
	}
	t.digits = false
	t.h.writeByte(c)
}

func (t *textHasher) sum() uint64 { return uint64(t.h) }

// element is one element of the article region, as the tokens nest.
type element struct {
	chain      uint64 // signature of the element and its ancestors in the region
	first      int    // index of its start token in Scanned.toks
	startOff   int    // byte span of the element
	endOff     int
	last       int  // index in regionLayout.elems after its last descendant
	closed     bool // its end was found (an unclosed element is never left out)
	never      bool // script, style and the like: never text
	blockFirst int  // its text blocks are blocks[blockFirst:blockLast]
	blockLast  int
	endTok     int  // index after its last token, relative to regionLayout.t0
	box        bool // a web component hosting a declarative shadow root: a block
}

// regionLayout is the region's element tree and text blocks, built once
// per page on demand.
type regionLayout struct {
	t0, t1 int // token range of the region
	elems  []element
	// Text blocks as paragraphs() splits them: each is the text tokens in
	// a range of the region's tokens; their strings are built on demand
	// (the fingerprint needs none of them).
	ranges [][2]int // token range of each block, relative to t0
	text   []uint8  // per region token: textCounts, textInLink
	blocks []string // normalised; "" for none (built by texts)
	out    []Block  // Elements' result, once built
	bare   []string // the same blocks without the text of links in them
	// words holds each non-empty block's words and its bare text's (see
	// Shows), built once per page when first asked.
	words [][2][]string
	// linked holds the texts of the region's related links and of their
	// linked parts (see relatedLink); built once per page when first asked.
	linked map[string]bool
	// self marks the blocks that hold a link to a part of the page itself
	// (see linksWithin), built once per page when first asked.
	self []bool
}

const (
	textCounts uint8 = 1 << iota // a text token outside script, style and the like
	textInLink                   // inside an <a>
)

// texts builds the blocks' strings.
func (l *regionLayout) texts(s *Scanned) {
	if l.blocks != nil {
		return
	}
	l.blocks = make([]string, len(l.ranges))
	l.bare = make([]string, len(l.ranges))
	var cur, bare []byte
	for i := range l.ranges {
		l.blocks[i], l.bare[i], cur, bare = l.blockText(s, i, cur, bare)
	}
}

// blockText builds text block b's normalised text and its text outside
// links, in the scratch buffers cur and bare, which it returns for reuse.
func (l *regionLayout) blockText(s *Scanned, b int, cur, bare []byte) (text, bareText string, _, _ []byte) {
	cur, bare = cur[:0], bare[:0]
	r := l.ranges[b]
	for k := r[0]; k < r[1]; k++ {
		if f := l.text[k]; f&textCounts != 0 {
			t := s.toks[l.t0+k]
			cur = append(cur, s.page[t.start:t.end]...)
			if f&textInLink == 0 {
				bare = append(bare, s.page[t.start:t.end]...)
			}
		}
	}
	if len(cur) > 0 {
		text = normalizeSpace(html.UnescapeString(string(cur)))
		bareText = normalizeSpace(html.UnescapeString(string(bare)))
	}
	return text, bareText, cur, bare
}

// relatedBlock reports whether text block b is a related link (see
// relatedPart), reading only its own tokens: for fingerprints, which build
// no block's text otherwise.
func (l *regionLayout) relatedBlock(s *Scanned, b int) bool {
	r := l.ranges[b]
	linked := false
	for k := r[0]; k < r[1] && !linked; k++ {
		linked = l.text[k]&(textCounts|textInLink) == textCounts|textInLink
	}
	if !linked || l.selfLinked(s)[b] {
		return false
	}
	var text, bare string
	if l.blocks != nil {
		text, bare = l.blocks[b], l.bare[b]
	} else {
		text, bare, _, _ = l.blockText(s, b, nil, nil)
	}
	_, ok := relatedPart(text, bare)
	return ok
}

// implicitCloser are start tags that close an open <p>, as the HTML parser
// does; enough to keep the tokens' nesting close to the parser's.
var implicitCloser = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Details: true,
	atom.Div: true, atom.Dl: true, atom.Fieldset: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hr: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true,
}

// layout builds the region's element tree and blocks.
func (s *Scanned) layout() *regionLayout {
	if s.lay != nil {
		return s.lay
	}
	l := &regionLayout{}
	s.lay = l
	r0, r1 := int32(s.region[0]), int32(s.region[1])
	l.t0 = sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= r0 })
	l.t1 = sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= r1 })
	toks := s.toks[l.t0:l.t1]
	fold := s.sfx.hashed() // the page's hash suffixes without a digit fold too

	var stack []int // indices into l.elems
	l.text = make([]uint8, len(toks))
	inLink := 0
	i := 0           // the token being read
	hasText := false // the block being read holds a text token
	// flush ends the block being read at token i and starts the next, unless
	// it holds no text yet.
	flush := func() {
		if len(l.ranges) == 0 || hasText {
			l.ranges = append(l.ranges, [2]int{i, i})
			hasText = false
		}
	}
	flush()
	close := func(k int, endOff int, found bool) {
		e := &l.elems[k]
		e.endOff, e.closed, e.last = endOff, found, len(l.elems)
		if s.toks[e.first].a == atom.A && s.toks[e.first].kind == tokStart {
			inLink--
		}
		// After a flush the last block is the next one, not this element's;
		// an inline element shares the block being read (see ownBlocks).
		l.ranges[len(l.ranges)-1][1] = i
		e.blockLast, e.endTok = len(l.ranges), i
		if blockTags[atomString(e.first, s)] || e.box {
			flush()
			e.blockLast = len(l.ranges) - 1
		}
	}
	never := 0 // open elements that never hold text
	for ; i < len(toks); i++ {
		t := toks[i]
		ti := l.t0 + i
		l.ranges[len(l.ranges)-1][1] = i + 1
		switch t.kind {
		case tokText:
			if never == 0 {
				l.text[i] = textCounts
				if inLink > 0 {
					l.text[i] |= textInLink
				}
				hasText = true
			}
		case tokStart, tokVoid:
			if t.a == atom.P || implicitCloser[t.a] {
				if n := len(stack); n > 0 && s.toks[l.elems[stack[n-1]].first].a == atom.P {
					close(stack[n-1], int(t.start), true)
					stack = stack[:n-1]
				}
			}
			if t.a == atom.Li {
				if n := len(stack); n > 0 && s.toks[l.elems[stack[n-1]].first].a == atom.Li {
					close(stack[n-1], int(t.start), true)
					stack = stack[:n-1]
				}
			}
			// A declarative shadow root starts its host's box, and the
			// host's end ends it (see shadowRoot): the web component's text
			// is a block of its own, not joined to the text after it.
			if blockTags[t.a.String()] {
				flush()
			} else if n := len(stack); n > 0 && t.a == atom.Template && t.kind == tokStart && declaresShadowRoot(s.page[t.start:t.end]) {
				if h := s.toks[l.elems[stack[n-1]].first]; customElement(s.page[h.start:h.end]) {
					l.elems[stack[n-1]].box = true
					flush()
				}
			}
			var parent uint64
			parentNever := false
			if n := len(stack); n > 0 {
				parent = l.elems[stack[n-1]].chain
				parentNever = l.elems[stack[n-1]].never
			}
			sig := t.sig
			if i == 0 && t.kind == tokStart {
				sig = rootSig(s.page[t.start:t.end], fold)
			} else if t.hashLens&fold != 0 {
				sig = rawSig(s.page[t.start:t.end], fold, false)
			}
			h := fnvOffset
			h.writeUint64(parent)
			h.writeUint64(sig)
			e := element{chain: uint64(h), first: ti, startOff: int(t.start), blockFirst: len(l.ranges) - 1,
				never: parentNever || dropTags[t.a.String()]}
			l.elems = append(l.elems, e)
			k := len(l.elems) - 1
			if t.kind == tokVoid {
				close(k, int(t.end), true)
				continue
			}
			if e.never {
				never++
			}
			if t.a == atom.A {
				inLink++
			}
			stack = append(stack, k)
		case tokEnd:
			// Pop to the matching element if it is open near the top.
			for j, n := len(stack)-1, 0; j >= 0 && n < 16; j, n = j-1, n+1 {
				if s.toks[l.elems[stack[j]].first].name != t.name {
					continue
				}
				for len(stack) > j+1 {
					k := stack[len(stack)-1]
					if l.elems[k].never {
						never--
					}
					close(k, int(t.start), true)
					stack = stack[:len(stack)-1]
				}
				k := stack[j]
				if l.elems[k].never {
					never--
				}
				close(k, int(t.end), true)
				stack = stack[:j]
				break
			}
		}
	}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		close(k, int(r1), false)
		stack = stack[:len(stack)-1]
	}
	flush()
	l.ownBlocks()
	return l
}

// ownBlocks trims each element's blocks to those holding some of its own
// text. An inline element shares the block it stands in, with the text
// around it (a link inside a paragraph is that paragraph's), but a block
// with none of its text is not its: an inline element that wraps
// block-level ones (a story card's <a> around its <div>s) or holds no text
// (an icon, an image) took the block being read when it ended, which is
// the text after it (the next card, the article's next paragraph), or the
// one it started in. Learning reads an element kind's blocks as its texts:
// a card kind learned as boilerplate made such a paragraph boilerplate.
func (l *regionLayout) ownBlocks() {
	texts := make([]int32, len(l.text)+1) // texts[k]: text tokens before region token k
	for k, f := range l.text {
		texts[k+1] = texts[k]
		if f&textCounts != 0 {
			texts[k+1]++
		}
	}
	for k := range l.elems {
		e := &l.elems[k]
		lo, hi := e.first-l.t0, e.endTok
		own := func(b int) bool {
			r := l.ranges[b]
			a, z := max(r[0], lo), min(r[1], hi)
			return a < z && texts[z] > texts[a]
		}
		for e.blockFirst < e.blockLast && !own(e.blockFirst) {
			e.blockFirst++
		}
		for e.blockLast > e.blockFirst && !own(e.blockLast-1) {
			e.blockLast--
		}
	}
}

func atomString(first int, s *Scanned) string { return s.toks[first].a.String() }

// customElement reports whether a raw start tag names a custom element
// (a hyphen in its name), the hosts cleanDoc reads as blocks.
func customElement(raw []byte) bool {
	i := 1
	for i < len(raw) && !isAttrSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	return bytes.IndexByte(raw[1:i], '-') > 0
}

// declaresShadowRoot reports whether a <template>'s raw start tag has a
// shadowrootmode (or the older shadowroot) attribute, read as the parser
// reads it for cleanDoc's shadowRoot: after any white space, not inside
// another attribute's value (class="shadowroot-card"). Only <template>
// tags come here, so tokenizing the tag costs little.
func declaresShadowRoot(raw []byte) bool {
	_, ok := rawAttr(raw, "shadowrootmode", "shadowroot")
	return ok
}

// rawAttr returns the value of the first attribute of a raw start tag
// named one of names, as the parser reads the tag.
func rawAttr(raw []byte, names ...string) (val []byte, ok bool) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	if tt := z.Next(); tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return nil, false
	}
	for more := true; more; {
		var k []byte
		k, val, more = z.TagAttr()
		if slices.Contains(names, string(k)) {
			return val, true
		}
	}
	return nil, false
}

// linksWithin reports whether an <a>'s raw start tag links to a part of
// its own page: its href is a fragment ("#findings"). selfLinked asks it
// of every link of the region: a tag with no '#' (nor "&num;", its named
// reference) is not tokenized, which cost 4% of a revision pass's CPU.
func linksWithin(raw []byte) bool {
	if bytes.IndexByte(raw, '#') < 0 && !bytes.Contains(raw, []byte("&num")) {
		return false
	}
	href, ok := rawAttr(raw, "href")
	return ok && strings.HasPrefix(strings.TrimSpace(string(href)), "#")
}

// Skipper reports whether elements of a signature chain are left out.
type Skipper interface {
	Skip(chain uint64) bool
}

// skipped returns the byte spans of the top-most region elements sk leaves
// out, in page order.
func (s *Scanned) skipped(sk Skipper) [][2]int {
	l := s.layout()
	return topSkipped(len(l.elems), sk, func(i int) (uint64, bool, int, int, int) {
		e := &l.elems[i]
		return e.chain, e.closed && !e.never, e.startOff, e.endOff, e.last
	})
}

// Fingerprint identifies the region's article text: the page's <title>, then
// the text of the article region, block by block (as paragraphs() splits
// it), without the elements sk leaves out and without scripts, styles and
// the like. Tags are not part of it: only where a block ends is, so
// wrappers drawn per request (a body split into sections of varying size,
// an insert left out that leaves its empty paragraph behind) and
// per-request attributes do not change it, while an edit, an added or
// removed paragraph and a paragraph split or joined do. Equal fingerprints
// mean the same text in the same blocks. With a *PrintSkips (a site's
// Layout.PrintSkips) the blocks whose text the site learned as boilerplate,
// related links (see relatedPart) and the page furniture every extraction
// removes are left out too (see PrintSkips); with a SkipSet or nil it is the fingerprint stored since
// round 6.
func (s *Scanned) Fingerprint(sk Skipper) string {
	ps, ok := sk.(*PrintSkips)
	if !ok || ps == nil {
		f := newFingerprinter(s.printTitle(), s.skipped(sk), nil)
		s.printTokens(f.token)
		return f.sum()
	}
	drop := droppedBlocks(sk, s.printBlocks())
	elems, prose := s.printElems()
	f := newFingerprinter(s.printTitle(), leftOut(elems, prose, sk), drop)
	s.printTokens(f.token)
	return f.sum()
}

// fingerprintBufs holds the scratch buffers Fingerprint hashes.
var fingerprintBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// neverSpans are the byte spans of top-most script, style and similar
// elements in the region.
func (s *Scanned) neverSpans() [][2]int {
	l := s.layout()
	var out [][2]int
	for i := 0; i < len(l.elems); {
		e := &l.elems[i]
		if e.never {
			out = append(out, [2]int{e.startOff, e.endOff})
			i = e.last
			continue
		}
		i++
	}
	return out
}

// Block is one element of the region with text, for learning: its
// signature chain and its text blocks as paragraphs() would split them,
// and each without the text of its links (Bare), as readability may render
// a block.
type Block struct {
	Chain  uint64
	Blocks []string
	Bare   []string
	// InWord marks an inline element whose text runs into the text beside
	// it with no space between: a part of a word, as a drop cap
	// (<span class="dropcap">W</span>ASHINGTON). Leaving it out would cut
	// the word, and its block is the paragraph it opens, not its own text.
	InWord bool
}

// Elements lists the region's elements that hold text, in page order. It is
// built once per page; callers must not change it.
func (s *Scanned) Elements() []Block {
	l := s.layout()
	if l.out != nil {
		return l.out
	}
	out := make([]Block, 0, len(l.elems))
	for _, e := range l.elems {
		if e.never || !e.closed {
			continue
		}
		l.texts(s)
		var bs, bare []string
		for i := max(e.blockFirst, 0); i < e.blockLast; i++ {
			if l.blocks[i] != "" {
				bs = append(bs, l.blocks[i])
				bare = append(bare, l.bare[i])
			}
		}
		if len(bs) > 0 {
			out = append(out, Block{Chain: e.chain, Blocks: bs, Bare: bare, InWord: l.inWord(s, &e)})
		}
	}
	l.out = out
	return out
}

// inWord reports whether inline element e's text runs into a letter or
// digit right before or after the element in the page (see Block.InWord).
func (l *regionLayout) inWord(s *Scanned, e *element) bool {
	if blockTags[atomString(e.first, s)] || e.box || e.endOff <= e.startOff {
		return false
	}
	own, _ := l.ownText(s, e, nil)
	if own == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(own)
	last, _ := utf8.DecodeLastRuneInString(own)
	before, _ := utf8.DecodeLastRune(s.page[:e.startOff])
	after, _ := utf8.DecodeRune(s.page[e.endOff:])
	return wordRune(last) && wordRune(after) || wordRune(first) && wordRune(before)
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Shows reports whether p is the text of one of the article region's
// blocks, whole or without some of its links' text, as readability may
// render it: p's words (see FoldWords), in order, are some of the
// block's, among them all of those outside its links (all of a block that
// is only links). Words of p standing here and there in a longer block
// are not enough: a short paragraph deleted while another holds its
// words, or one readability left out after words were added to it, is no
// longer on the page.
func (s *Scanned) Shows(p string) bool {
	pw := FoldWords(p)
	if len(pw) == 0 {
		return false
	}
	l := s.layout()
	if l.words == nil {
		l.texts(s)
		l.words = make([][2][]string, 0, len(l.blocks))
		for i, b := range l.blocks {
			if b != "" {
				l.words = append(l.words, [2][]string{FoldWords(b), FoldWords(l.bare[i])})
			}
		}
	}
	for _, w := range l.words {
		all, own := w[0], w[1]
		if len(own) == 0 {
			own = all
		}
		if len(pw) <= len(all) && len(pw) >= len(own) && subsequence(pw, all) && subsequence(own, pw) {
			return true
		}
	}
	return false
}

// Holds reports whether the article region holds the article whose
// paragraphs are paras (readability's, read from the whole page): most of
// its paragraphs of eight words or more are blocks of the region (Shows).
// The region is chosen by markup alone (see Scan): on a page whose only
// <article> elements are its readers' comments, the largest comment is the
// region, and its fingerprint says nothing of the article's text.
func (s *Scanned) Holds(paras []string) bool {
	long, shown := 0, 0
	for _, p := range paras {
		if strings.Count(p, " ") < 7 {
			continue
		}
		long++
		if s.Shows(p) {
			shown++
		}
	}
	return 2*shown >= long
}

// linkedPart tells whether a text block, text, whose text outside links
// is bare, is links beside nothing or a label (see isLabel), and returns
// the linked part.
func linkedPart(text, bare string) (part string, ok bool) {
	switch {
	case text == "" || text == bare:
		return "", false
	case bare == "":
		return text, true
	case strings.HasPrefix(text, bare) && isLabel(bare, true):
		return strings.TrimSpace(text[len(bare):]), true
	case strings.HasSuffix(text, bare) && isLabel(bare, false):
		return strings.TrimSpace(text[:len(text)-len(bare)]), true
	}
	return "", false // a sentence with a link in it, or a label inside
}

// isLabel reports whether text outside a block's links, before them
// (before) or after them, is a label and not words of a sentence the link
// is part of ("She added that <a>…</a>", "<a>“…”</a>, she wrote."): before,
// at most headlineLinkLabel bytes ending in a separator ("Read more:",
// "Related coverage:", "Opinion |") or at most headlineLabel bytes without
// a lower-case letter ("LIVE", "WATCH"); after, at most headlineLabel
// bytes that hold a digit ("3h ago", "12 min") or open with a separator
// ("· Opinion").
func isLabel(label string, before bool) bool {
	if label == "" {
		return true
	}
	caps := !strings.ContainsFunc(label, unicode.IsLower)
	if before {
		// "She wrote on social media:" ends in a colon too: a label has
		// few words
		last, _ := utf8.DecodeLastRuneInString(label)
		return len(label) <= headlineLinkLabel && strings.ContainsRune(labelSeparators, last) && len(strings.Fields(label)) <= 4 ||
			len(label) <= headlineLabel && caps
	}
	first, _ := utf8.DecodeRuneInString(label)
	return len(label) <= headlineLabel && (strings.ContainsFunc(label, unicode.IsDigit) || strings.ContainsRune(labelSeparators, first) || caps)
}

// labelSeparators end a label before a link or open one after it.
const labelSeparators = ":|·•»›–—-"

// relatedPart tells whether a text block, text, whose text outside links
// is bare, is a related link: links beside nothing or a label (see
// linkedPart), at least headlineMin bytes of link text ("Related coverage:
// <a>headline</a>", "<a>headline</a> 3h ago"); and returns the linked
// part. Such a block is a pointer to other pages, never the article's
// prose: Layout.Clean drops it from the text, and a PrintSkips from
// fingerprints, where folio's related links, drawn anew on every fetch in
// the paragraphs' own element kind, made all but 15-45 of its 150 unedited
// pages look changed to a revision pass.
func relatedPart(text, bare string) (part string, ok bool) {
	part, ok = linkedPart(text, bare)
	return part, ok && relatedText(part)
}

// relatedText reports whether a block's linked part is long enough and
// shaped to be a headline (see relatedPart).
func relatedText(part string) bool { return len(part) >= headlineMin && headlineShaped(part) }

// headlineShaped reports whether a link's text may be a headline: not a
// quotation (it opens with no quotation mark) nor a sentence (it ends with
// no full stop). A linked quote or sentence ("He wrote: <a>“We will not
// give in.”</a>") is the article's text, whatever its label.
func headlineShaped(part string) bool {
	first, _ := utf8.DecodeRuneInString(part)
	return !strings.ContainsRune("\"“‘'«„", first) && !strings.HasSuffix(part, ".") && !strings.HasSuffix(part, ".”") && !strings.HasSuffix(part, ".\"")
}

// relatedLink tells whether text p is, in the region, a related link (see
// relatedPart) or such a link's part alone, as an extraction that leaves
// the label out keeps it, and is not also a block of the region's prose.
// A block that links to a part of its own page (a subheading's permalink)
// is the article's, however it looks.
func (s *Scanned) relatedLink(p string) bool {
	l := s.layout()
	if l.linked == nil {
		l.texts(s)
		self := l.selfLinked(s)
		l.linked = map[string]bool{}
		plain := map[string]bool{}
		parts := make([]string, len(l.blocks)) // the related links' linked parts, "" for none
		for i, b := range l.blocks {
			part, ok := linkedPart(b, l.bare[i])
			switch {
			case b == "":
			case !ok || self[i]:
				plain[b] = true
			case relatedText(part):
				parts[i] = part
			}
		}
		for i, part := range parts {
			if part == "" || plain[l.blocks[i]] {
				continue
			}
			l.linked[l.blocks[i]] = true
			if !plain[part] {
				// the same words as a block of text of the page are its
				// own, whatever links to them
				l.linked[part] = true
			}
		}
	}
	return l.linked[p]
}

// selfLinked marks the text blocks that hold a link to a part of the page
// itself (see linksWithin), once per page.
func (l *regionLayout) selfLinked(s *Scanned) []bool {
	if l.self != nil {
		return l.self
	}
	l.self = make([]bool, len(l.ranges))
	for _, e := range l.elems {
		t := s.toks[e.first]
		if t.a != atom.A || t.kind != tokStart || !linksWithin(s.page[t.start:t.end]) {
			continue
		}
		// at least the block the link starts in
		for b := max(e.blockFirst, 0); b < max(e.blockLast, e.blockFirst+1) && b < len(l.self); b++ {
			l.self[b] = true
		}
	}
	return l.self
}

// LinkTexts returns the text of each link to another page that, with
// other links or alone, makes up a whole text block of the region but for
// a label (see linkedPart): a block with no text of its own, such as a
// "Read more" box of other stories' headlines or a list of links, or a
// related link beside its label. Such a block is never article text, and
// the links' text is what a page of the site shows of its other pages. A
// link to a part of the same page (href="#…": a subheading's permalink, a
// table of contents) shows none: its text is the article's.
func (s *Scanned) LinkTexts() []string {
	l := s.layout()
	l.texts(s)
	var out []string
	var buf []byte
	for _, e := range l.elems {
		t := s.toks[e.first]
		if t.a != atom.A || t.kind != tokStart || !e.closed || e.never {
			continue
		}
		if b := e.blockFirst; b < 0 || b >= len(l.blocks) {
			continue
		} else if part, ok := linkedPart(l.blocks[b], l.bare[b]); !ok || l.bare[b] != "" && !headlineShaped(part) {
			continue // a sentence, or a quote or sentence linked after a label
		}
		if linksWithin(s.page[t.start:t.end]) {
			continue
		}
		var txt string
		if txt, buf = l.ownText(s, &e, buf); txt != "" {
			out = append(out, txt)
		}
	}
	return out
}

// MainTexts returns the text blocks of the region's main kind of element:
// of the block-level elements that directly hold a block and are not left
// out by sk, those of the chain that holds the most text on the page (the
// body's paragraphs, whatever the template calls them).
func (s *Scanned) MainTexts(sk Skipper) map[string]bool {
	l := s.layout()
	l.texts(s)
	lens := make([]int, len(l.blocks))
	for b, t := range l.blocks {
		lens[b] = len(t)
	}
	inner, out, main := s.mainKind(sk, lens)
	texts := map[string]bool{}
	for b, k := range inner {
		if k > 0 && !out[b] && l.elems[k-1].chain == main && l.blocks[b] != "" {
			texts[l.blocks[b]] = true
		}
	}
	return texts
}

// mainKind finds the region's main kind of element (see MainTexts): per
// text block, 1 + the index of the block-level element directly holding it
// (0 for none) and whether sk leaves it out, and the main kind's chain.
// lens are the blocks' lengths (of their normalised text).
func (s *Scanned) mainKind(sk Skipper, lens []int) (inner []int, out []bool, main uint64) {
	l := s.layout()
	inner = make([]int, len(lens))
	out = make([]bool, len(lens))
	for k := range l.elems {
		e := &l.elems[k]
		if e.never || !e.closed {
			continue
		}
		skip := sk != nil && sk.Skip(e.chain)
		block := blockTags[atomString(e.first, s)]
		for b := max(e.blockFirst, 0); b < min(e.blockLast, len(lens)); b++ {
			out[b] = out[b] || skip
			if block {
				inner[b] = k + 1 // elements come in page order: a later one holding b is nested deeper
			}
		}
	}
	size := map[uint64]int{}
	for b, k := range inner {
		if k > 0 && !out[b] {
			size[l.elems[k-1].chain] += lens[b]
		}
	}
	for c, n := range size {
		if n > size[main] || n == size[main] && c < main {
			main = c
		}
	}
	return inner, out, main
}

// SkippedText returns the text blocks of the elements sk leaves out.
func (s *Scanned) SkippedText(sk Skipper) []string {
	if sk == nil {
		return nil
	}
	l := s.layout()
	var out []string
	for i := 0; i < len(l.elems); {
		e := &l.elems[i]
		if e.closed && !e.never && sk.Skip(e.chain) {
			l.texts(s)
			for _, b := range l.blocks[max(e.blockFirst, 0):e.blockLast] {
				if b != "" {
					out = append(out, b)
				}
			}
			i = e.last
			continue
		}
		i++
	}
	return out
}

// ownText returns the text of element e, normalised as a block's, all of
// it whatever blocks it spans; buf is scratch space, returned for reuse.
func (l *regionLayout) ownText(s *Scanned, e *element, buf []byte) (string, []byte) {
	buf = buf[:0]
	for k := e.first - l.t0; k < e.endTok; k++ {
		if l.text[k]&textCounts != 0 {
			t := s.toks[l.t0+k]
			buf = append(buf, s.page[t.start:t.end]...)
		}
	}
	return normalizeSpace(html.UnescapeString(string(buf))), buf
}

// SkippedInline returns the own text of the inline elements the fast path
// leaves out of the paragraph they stand in: those sk leaves out (a "Live"
// <span>), and <time>s, which the fast path drops as readability drops a
// byline's (bodyNode) but readability may keep in a byline it does not
// know for one. SkippedText gives such an element's whole block, as
// Elements does, since learning reads the paragraph it stands in; this is
// the text itself (see SameButInline).
func (s *Scanned) SkippedInline(sk Skipper) []string {
	l := s.layout()
	var out []string
	var buf []byte
	for i := 0; i < len(l.elems); {
		e := &l.elems[i]
		skip := sk != nil && sk.Skip(e.chain)
		if !e.closed || e.never || !skip && s.toks[e.first].a != atom.Time {
			i++
			continue
		}
		if !blockTags[atomString(e.first, s)] {
			var txt string
			if txt, buf = l.ownText(s, e, buf); txt != "" {
				out = append(out, txt)
			}
		}
		i = e.last
	}
	return out
}

// ExtractLearned is ExtractFast on the region without the elements sk
// leaves out.
func (s *Scanned) ExtractLearned(pageURL string, sk Skipper) (Article, error) {
	return s.extractFast(pageURL, s.skipped(sk))
}
