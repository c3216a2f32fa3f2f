package timeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

func TestExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	var obs []Observation
	for _, dir := range []string{"meridian-summit", "courier-europe", "ledger-budapest"} {
		files, _ := filepath.Glob("../../monitor/corpus/story/" + dir + "/*.txt")
		for i, f := range files {
			b, _ := os.ReadFile(f)
			head, body, _ := strings.Cut(string(b), "\n\n")
			var pub, mod time.Time
			for _, l := range strings.Split(head, "\n") {
				k, v, _ := strings.Cut(l, ": ")
				if k == "Published" {
					pub, _ = time.Parse(time.RFC3339, v)
				}
				if k == "Modified" {
					mod, _ = time.Parse(time.RFC3339, v)
				}
			}
			body = strings.ReplaceAll(strings.TrimSpace(body), "\n", "\n\n")
			obs = append(obs, Observation{Article: dir, Outlet: dir, Version: i + 1, Seen: mod, Published: pub, Text: body, Facts: facts.Extract(body, pub)})
		}
	}
	b := NewBuilder()
	for i := range obs {
		b.Add(&obs[i])
	}
	for _, th := range b.order {
		fmt.Printf("ALL %s (%d values)\n", th.key, len(th.values))
	}
	for _, th := range b.Threads() {
		fmt.Printf("%s  [%s] arts=%d changes=%d conv=%v contra=%v\n", th.Topic, th.Key, th.Articles, th.Changes, th.Converged, th.Contradicted)
		for _, v := range th.Values {
			fmt.Printf("   %s %s v%d-%d %q (%s) cur=%v\n", v.First.Format("15:04"), v.Outlet, v.Version, v.LastVersion, v.Text, v.Value, v.Current)
		}
	}
}
