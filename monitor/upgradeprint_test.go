package monitor_test

import (
	"io"
	"maps"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/monitor/metrics"
	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/bolt"
)

// TestStoredFingerprintsSurviveUpgrade: a store written before fingerprints
// left out learned boilerplate texts and page furniture holds, with each
// article, its page's fingerprint without the learned element kinds alone
// (an extract.SkipSet, what rounds 6 to 8 stored). On the real pages of
// TestRealLayouts (about 110 sites), many of which hold furniture in their
// article region, a pass by the new code knows every unchanged page by that
// old fingerprint too, extracting none of them again, and stores the new
// one in its place.
func TestStoredFingerprintsSurviveUpgrade(t *testing.T) {
	groups := map[string][]string{}
	for _, p := range realLayouts(t) {
		name := siteOfPage.ReplaceAllString(filepath.Base(filepath.Dir(p)), "")
		groups[name] = append(groups[name], p)
	}
	var feeds []string
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		feeds = append(feeds, newRealSite(t, name, groups[name]).URL+"/feed.rss")
	}
	path := filepath.Join(t.TempDir(), "s.db")
	pollOnce(t, path, feeds)

	st, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sites, err := st.Sites()
	if err != nil {
		t.Fatal(err)
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	// Store every article's page hash as the old code computed it.
	old := map[string]string{}
	var ups []store.Update
	none := 0
	for _, a := range arts {
		if a.PageHash == "r:-" {
			none++ // no fingerprint: its region is no article (see TestRegionWithoutTheArticle)
		}
		if a.PageHash == "" || a.PageHash == "r:-" {
			continue
		}
		page := getPage(t, a.URL)
		skips := extract.SkipSet{}
		for _, c := range sites[extract.SiteHost(a.URL)].Skip {
			skips[c] = true
		}
		mark := ""
		if strings.HasPrefix(a.PageHash, "r:") {
			mark = "r:"
		}
		if h := mark + extract.Scan(page).Fingerprint(skips); h != a.PageHash {
			old[a.URL] = h
			a.PageHash = h
			ups = append(ups, store.Update{Article: a})
		}
	}
	if _, err := st.Apply(ups, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Real pages hold furniture (asides, navigation, forms) in their
	// article region: many old hashes differ, or the test would test nothing.
	if len(old) < 20 {
		t.Fatalf("only %d of %d stored page hashes differ from the new fingerprints", len(old), len(arts))
	}
	t.Logf("%d of %d articles given their old page hash", len(old), len(arts))

	met := metrics.New(metrics.Options{})
	for _, f := range pollOnceMetrics(t, path, feeds, met).Feeds {
		if f.NewVersions != 0 {
			t.Errorf("feed %s stored %d versions of unedited articles", f.URL, f.NewVersions)
		}
	}
	st, err = bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err = st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, a := range arts {
		if h, ok := old[a.URL]; ok && a.PageHash == h {
			kept = append(kept, a.URL)
		}
	}
	if len(kept) > 0 {
		t.Errorf("%d articles still hold their old page hash after a pass: %v", len(kept), kept)
	}
	if by := met.PageChecks(); by[metrics.CheckFast] > 0 || by[metrics.CheckReadability] != none {
		t.Errorf("pages read after the upgrade: %v, want every one known by its fingerprint but the %d without one", by, none)
	}
}

// getPage returns the body of a GET of url.
func getPage(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return page
}
