package bolt

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

// TestIngestRSS measures how much of the store file an ingest of many new
// articles maps into the process: it applies STORE_RSS_N synthetic new
// articles (5 KB of varied English each) the way monitor's writer does,
// one goroutine, batches of 8 to 64, each article first looked up with
// Article and LatestVersion as monitor does, then logs the file-backed
// RSS of the db mapping next to the file size. It is a measurement, not
// a timed test, so it runs only when STORE_RSS_N is set.
func TestIngestRSS(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("STORE_RSS_N"))
	if n <= 0 {
		t.Skip("set STORE_RSS_N to the number of articles to ingest")
	}
	path := filepath.Join(t.TempDir(), "storywatch.db")
	s := mustOpenPath(t, path, Options{noSync: os.Getenv("STORE_RSS_SYNC") == ""})
	gen := newTextGen(summit(t), 1)
	before := readProcStatus(t)
	rng := rand.New(rand.NewPCG(7, 7))
	at := t0
	skipReads := os.Getenv("STORE_RSS_NOREADS") != ""
	for done := 0; done < n; {
		size := min(8+rng.IntN(57), n-done)
		ups := make([]store.Update, 0, size)
		for range size {
			url := fmt.Sprintf("https://news%d.example.com/world/2025/08/story-%d", done%50, done)
			if !skipReads {
				if _, err := s.Article(url); err == nil {
					t.Fatalf("article %s already stored", url)
				}
				if _, err := s.LatestVersion(store.ArticleID(url)); err == nil {
					t.Fatalf("article %s already has a version", url)
				}
			}
			title, text := gen.article()
			at = at.Add(time.Second)
			u := articleUpdate(url, title, text, at)
			u.Article.Aliases = []string{url + "?utm_source=rss"}
			ups = append(ups, u)
			done++
		}
		mustApply(t, s, nil, ups...)
	}
	after := readProcStatus(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	dbRss := mappingRss(t, path)
	report := residentReport(t, path) // before Stats, which reads every record
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("N=%d file=%.1f MiB db-mapping Rss=%.1f MiB (%.0f%% of file)", n, mib(fi.Size()), mib(dbRss), 100*float64(dbRss)/float64(fi.Size()))
	t.Logf("VmHWM %.1f -> %.1f MiB, RssFile %.1f -> %.1f MiB, RssAnon %.1f -> %.1f MiB",
		mib(before["VmHWM"]), mib(after["VmHWM"]), mib(before["RssFile"]), mib(after["RssFile"]), mib(before["RssAnon"]), mib(after["RssAnon"]))
	t.Logf("resident pages by owner:\n%s", report)
	t.Logf("stats: %d articles, %d versions, stored/raw %.3f", st.Articles, st.Versions, float64(st.StoredBytes)/float64(st.RawBytes))
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// readProcStatus returns the kB fields of /proc/self/status in bytes.
func readProcStatus(t *testing.T) map[string]int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	out := map[string]int64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || !strings.HasSuffix(v, " kB") {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(v, " kB")), 10, 64)
		if err == nil {
			out[k] = n << 10
		}
	}
	return out
}

// mappingRss sums the Rss of the mappings of path in /proc/self/smaps.
func mappingRss(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	var total int64
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if fields := strings.Fields(line); len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = len(fields) >= 6 && fields[len(fields)-1] == path
			continue
		}
		if in && strings.HasPrefix(line, "Rss:") {
			n, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			total += n << 10
		}
	}
	return total
}

// textGen writes varied news-like articles from a seed text: its sentences
// reshuffled, with numbers, names and places swapped per article.
type textGen struct {
	rng       *rand.Rand
	sentences []string
	names     []string
	n         int
}

func newTextGen(seed string, s uint64) *textGen {
	var sents []string
	for _, p := range strings.Split(seed, "\n\n") {
		for _, x := range strings.SplitAfter(p, ". ") {
			if x = strings.TrimSpace(x); len(x) > 20 {
				sents = append(sents, x)
			}
		}
	}
	return &textGen{
		rng:       rand.New(rand.NewPCG(s, 99)),
		sentences: sents,
		names: []string{"Oslo", "Lagos", "Lima", "Hanoi", "Quito", "Accra", "Riga", "Tunis", "Doha", "Perth",
			"Maria Lopez", "Ahmed Khan", "Li Wei", "Olga Petrova", "John Smith", "Aiko Tanaka", "Kwame Mensah"},
	}
}

// article returns a title and about 5 KB of text.
func (g *textGen) article() (string, string) {
	g.n++
	var b strings.Builder
	for b.Len() < 5000 {
		for range 2 + g.rng.IntN(3) {
			s := g.sentences[g.rng.IntN(len(g.sentences))]
			words := strings.Fields(s)
			for i, w := range words {
				switch r := g.rng.IntN(12); {
				case r == 0:
					words[i] = strconv.Itoa(g.rng.IntN(100000))
				case r == 1:
					words[i] = g.names[g.rng.IntN(len(g.names))]
				default:
					_ = w
				}
			}
			b.WriteString(strings.Join(words, " "))
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	title := fmt.Sprintf("%s talks: %s says %d", g.names[g.rng.IntN(10)], g.names[10+g.rng.IntN(7)], g.n)
	return title, strings.TrimSpace(b.String())
}
