package monitor

import (
	"net/url"
	"slices"
	"sync"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/store"
)

// Readability costs a few milliseconds a page; most news sites mark up
// their article well enough that the text of the article region, cleaned of
// boilerplate, is exactly what readability finds. siteLearner checks that on
// each site's first pages by running both, then uses the fast path alone for
// that site, checking again every recheckEvery pages and falling back to
// readability for good sites that stop agreeing.
const (
	learnPages   = 3  // agreeing pages before a site is trusted
	recheckEvery = 25 // fast pages between two checks
)

type siteLearner struct {
	mu    sync.Mutex
	sites map[string]*siteState
}

type siteState struct {
	agreed     int  // consecutive pages where both extractions agreed
	trusted    bool // the fast path is used
	sinceCheck int  // fast pages since the last check
}

// useFast reports whether the next page of host may skip readability.
func (l *siteLearner) useFast(host string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	if st.trusted && st.sinceCheck < recheckEvery {
		st.sinceCheck++
		return true
	}
	return false
}

// record notes whether both extractions agreed on a page of host.
func (l *siteLearner) record(host string, agree bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.state(host)
	st.sinceCheck = 0
	if !agree {
		st.agreed, st.trusted = 0, false
		return
	}
	st.agreed++
	st.trusted = st.agreed >= learnPages
}

// load seeds the learner with what earlier runs learned.
func (l *siteLearner) load(sites map[string]store.SiteState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for host, st := range sites {
		*l.state(host) = siteState{agreed: st.Agreed, trusted: st.Trusted, sinceCheck: st.SinceCheck}
	}
}

// snapshot returns what the learner knows, to be stored for the next run.
func (l *siteLearner) snapshot() map[string]store.SiteState {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]store.SiteState, len(l.sites))
	for host, st := range l.sites {
		out[host] = store.SiteState{Agreed: st.agreed, Trusted: st.trusted, SinceCheck: st.sinceCheck}
	}
	return out
}

func (l *siteLearner) state(host string) *siteState {
	if l.sites == nil {
		l.sites = map[string]*siteState{}
	}
	st := l.sites[host]
	if st == nil {
		st = &siteState{}
		l.sites[host] = st
	}
	return st
}

// extractPage extracts an article page, through the fast path when its site
// has earned it. sc is the page as scanned for its region hash; page is the
// same page converted to UTF-8 (the same bytes for almost every page).
func (m *Monitor) extractPage(sc *extract.Scanned, page []byte, pageURL string) (extract.Article, error) {
	host := pageURL
	if u, err := url.Parse(pageURL); err == nil {
		host = u.Host
	}
	if !sameBytes(sc.Page(), page) {
		sc = extract.Scan(page)
	}
	if m.sites.useFast(host) {
		return sc.ExtractFast(pageURL)
	}
	full, err := extract.Extract(page, pageURL)
	if err != nil {
		return full, err
	}
	fast, ferr := sc.ExtractFast(pageURL)
	// The fast path reads only the head and the article region, so the
	// dates must agree too, not just the text.
	agree := ferr == nil && fast.Title == full.Title && slices.Equal(fast.Paragraphs, full.Paragraphs) &&
		fast.Published.Equal(full.Published) && fast.Modified.Equal(full.Modified)
	m.sites.record(host, agree)
	return full, nil
}

// sameBytes reports whether a and b are the same slice of memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
