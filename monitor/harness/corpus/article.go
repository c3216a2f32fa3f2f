package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Revision is one published state of an article: what a reader sees in the
// <article> element and what feeds carry for it.
type Revision struct {
	Title      string
	Byline     string
	Published  time.Time // first publication; the same for every revision of an article
	Modified   time.Time // when this revision went out
	Paragraphs []string
}

// Text is the revision's title and paragraphs, one per line: the text a perfect
// extractor recovers from the page.
func (r Revision) Text() string {
	return r.Title + "\n" + strings.Join(r.Paragraphs, "\n")
}

func (r Revision) clone() Revision {
	r.Paragraphs = append([]string(nil), r.Paragraphs...)
	return r
}

// article is one served page. Fields other than cur and gen never change after
// construction; cur and gen change only under Server.mu.
type article struct {
	path    string // canonical path, e.g. /wire/2025/08/19/slug.html
	site    string // outlet name shown in the masthead
	section string
	// sectionSlug is slugify(section), set by newServer.
	sectionSlug string
	cur         Revision
	gen         int    // article-local revision number, 1 for the first
	tag         string // hash of cur's content and gen, used for weak ETags
	flags       textFlags
}

// textFlags are the cleanFlags of a revision's title and paragraphs,
// computed once per revision so rendering can copy clean text unescaped.
// Like Revision.Paragraphs, paras is replaced, never mutated.
type textFlags struct {
	title uint8
	paras []uint8
}

func flagsOf(r *Revision) textFlags {
	f := textFlags{title: cleanFlags(r.Title), paras: make([]uint8, len(r.Paragraphs))}
	for i, p := range r.Paragraphs {
		f.paras[i] = cleanFlags(p)
	}
	return f
}

// para returns the flags of paragraph i (none for a missing one).
func (f textFlags) para(i int) uint8 {
	if i < len(f.paras) {
		return f.paras[i]
	}
	return 0
}

func (a *article) setRevision(r Revision, gen int) {
	a.cur = r
	a.gen = gen
	a.flags = flagsOf(&r)
	h := sha256.New()
	h.Write([]byte(r.Text()))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(gen)))
	a.tag = hex.EncodeToString(h.Sum(nil)[:12])
}

func bodyTag(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}
