package extract

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// strayBlocks lists the elements of the page's region with a text block
// that holds none of the element's own text: the element's blocks are the
// ones its text is in (an inline element shares its paragraph's), so a
// block with no text inside the element's bytes was taken from around it.
// Learning reads an element kind's blocks as its texts: a story card that
// took the next paragraph as its own made that paragraph boilerplate.
func strayBlocks(s *Scanned) []string {
	l := s.layout()
	l.texts(s)
	var out []string
	for _, e := range l.elems {
		if e.never || !e.closed {
			continue
		}
		for b := max(e.blockFirst, 0); b < e.blockLast && b < len(l.ranges); b++ {
			if l.blocks[b] == "" {
				continue
			}
			own := false
			for k := l.ranges[b][0]; k < l.ranges[b][1] && !own; k++ {
				t := s.toks[l.t0+k]
				own = l.text[k]&textCounts != 0 && int(t.start) >= e.startOff && int(t.end) <= e.endOff
			}
			if !own {
				out = append(out, fmt.Sprintf("<%s> at byte %d holds %.60q", s.toks[e.first].a, e.startOff, l.blocks[b]))
			}
		}
	}
	return out
}

// TestElementBlocksAreTheirOwn: on real pages (the test pages here and
// Mozilla Readability's corpus of about 130 sites, when the module cache
// has it) and on every template family of the corpus, every block of an
// element holds some of that element's own text.
func TestElementBlocksAreTheirOwn(t *testing.T) {
	pages := map[string][]byte{}
	local, _ := filepath.Glob("testdata/*.html")
	if out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output(); err == nil {
		real, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "test-pages", "*", "source.html"))
		local = append(local, real...)
	}
	for _, p := range local {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = b
	}
	for _, tmpl := range append(corpus.Templates(), corpus.TemplateBulletin, corpus.TemplateWire, corpus.TemplateSPA) {
		srv, err := corpus.NewSynthetic(corpus.Options{Feeds: 1, ArticlesPerFeed: 24, Seed: 3, RotateBoilerplate: true, Template: tmpl})
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range srv.ArticleURLs() {
			rec := httptest.NewRecorder()
			srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
			pages[fmt.Sprintf("%s page %d", tmpl, i)] = rec.Body.Bytes()
		}
	}
	if len(pages) < 150 {
		t.Logf("%d pages (Readability's corpus not found)", len(pages))
	}
	for name, page := range pages {
		if stray := strayBlocks(Scan(page)); len(stray) > 0 {
			t.Errorf("%s: %d elements hold text from around them, first %s", name, len(stray), stray[0])
		}
	}
}

// FuzzElementBlocks holds any markup to the same: an element's blocks are
// its own text's.
func FuzzElementBlocks(f *testing.F) {
	for _, s := range []string{
		`<article><p>One.</p><ul><li><a href="/x"><div><img src=a></div><div><span>Card</span></div></a></li></ul><p>Two.</p></article>`,
		`<main><div><p>Text <a href="#">link</a> more</p><figure><img src=a><figcaption>Cap</figcaption></figure>tail<br>after</div></main>`,
		`<article><table><tr><td>cell<td>next</table><dl><dt>term<dd>def</dl><p>a<p>b</article>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if stray := strayBlocks(Scan([]byte(page))); len(stray) > 0 {
			t.Errorf("%d elements hold text from around them, first %s", len(stray), stray[0])
		}
	})
}
