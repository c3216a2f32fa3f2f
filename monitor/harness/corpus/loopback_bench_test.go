package corpus

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// loadClientEnv makes the test binary act as the load client of
// BenchmarkLoopback: it fetches the URLs on stdin with 8 concurrent
// keep-alive connections, as the storywatch fetcher does, and exits. The
// client runs in its own process so that the benchmark's rusage is the
// server's alone, as in `storywatch bench`.
const loadClientEnv = "CORPUS_LOAD_CLIENT"

func TestMain(m *testing.M) {
	if os.Getenv(loadClientEnv) != "" {
		if err := runLoadClient(os.Stdin); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runLoadClient reads lines "URL" or "URL<tab>ETag" (sent as If-None-Match)
// and prints "URL<tab>ETag" for every 200 response.
func runLoadClient(in io.Reader) error {
	var lines []string
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	work := make(chan string)
	errs := make(chan error, len(lines))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for line := range work {
				u, etag, _ := strings.Cut(line, "\t")
				req, err := http.NewRequest(http.MethodGet, u, nil)
				if err != nil {
					errs <- err
					continue
				}
				want := http.StatusOK
				if etag != "" {
					req.Header.Set("If-None-Match", etag)
					want = http.StatusNotModified
				}
				resp, err := c.Do(req)
				if err != nil {
					errs <- err
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != want {
					errs <- fmt.Errorf("get %s: status %d, want %d", u, resp.StatusCode, want)
				}
				if resp.StatusCode == http.StatusOK {
					mu.Lock()
					fmt.Printf("%s\t%s\n", u, resp.Header.Get("ETag"))
					mu.Unlock()
				}
			}
		})
	}
	for _, l := range lines {
		work <- l
	}
	close(work)
	wg.Wait()
	close(errs)
	return <-errs
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadPass fetches lines (see runLoadClient) from a client process and
// returns the CPU this process (the server) used meanwhile and the
// "URL<tab>ETag" lines the client printed.
func loadPass(b *testing.B, lines []string) (time.Duration, []string) {
	b.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), loadClientEnv+"=1")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n"))
	cmd.Stderr = os.Stderr
	var out strings.Builder
	cmd.Stdout = &out
	cpu0 := processCPU()
	if err := cmd.Run(); err != nil {
		b.Fatalf("load client: %v", err)
	}
	var tagged []string
	if o := strings.TrimSpace(out.String()); o != "" {
		tagged = strings.Split(o, "\n")
	}
	return processCPU() - cpu0, tagged
}

// BenchmarkLoopback serves the storywatch bench ingest shape (1000 feeds of
// one article, rotating boilerplate) on a real loopback listener to a client
// in another process, and reports the server process's CPU per request: cold
// (first fetch of every feed and page, nothing rendered yet), warm (the
// same requests again: feeds cached, pages re-drawn) and revalidate (each
// with the ETag it was served, answered 304).
func BenchmarkLoopback(b *testing.B) {
	var cold, warm, reval time.Duration
	var reqs int
	for b.Loop() {
		b.StopTimer()
		s, err := NewSynthetic(Options{Feeds: 1000, ArticlesPerFeed: 1, EditFraction: 0.05, Seed: 1, RotateBoilerplate: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Start(); err != nil {
			b.Fatal(err)
		}
		urls := append(s.FeedURLs(), s.ArticleURLs()...)
		b.StartTimer()
		cpu, _ := loadPass(b, urls)
		cold += cpu
		cpu, tagged := loadPass(b, urls)
		warm += cpu
		if len(tagged) != len(urls) {
			b.Fatalf("%d ETags for %d URLs", len(tagged), len(urls))
		}
		cpu, _ = loadPass(b, tagged)
		reval += cpu
		reqs += len(urls)
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(cold.Nanoseconds())/float64(reqs), "cold-server-ns/req")
	b.ReportMetric(float64(warm.Nanoseconds())/float64(reqs), "warm-server-ns/req")
	b.ReportMetric(float64(reval.Nanoseconds())/float64(reqs), "revalidate-server-ns/req")
}
