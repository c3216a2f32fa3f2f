package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's Chromium. Locally the browser test skips
// without it; in CI (CI=true) it must run, so there a missing browser fails.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: .ci/run installs it (apt-get install -y chromium)")
	}
	t.Skip("chromium not found: apt-get install -y chromium to run the browser test")
	return ""
}

// TestBrowserStoryToDiff drives headless Chromium over `demo --keep` and
// `serve` as a reader would: open the story page, follow the summit's
// date change to the article's diff, and check that the new date is
// highlighted as a date in the text. Screenshots of both pages go to
// $STORYWATCH_SCREENSHOTS when set (the README's images), else the test's
// temporary directory.
func TestBrowserStoryToDiff(t *testing.T) {
	chromium := chromiumPath(t)
	base := startServe(t, freshDemo(t))
	shots := os.Getenv("STORYWATCH_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}

	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 860),
	)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	save := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()) // the viewport: small files
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(shots, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", p, len(png))
	}

	// The story page lists the change of the summit's date.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(".changelist")); err != nil {
		t.Fatalf("open the story page: %v", err)
	}
	story, err := chromedp.Run(ctx, chromedp.Text(".changelist"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(story, "Date of the summit: August 29 → early September") {
		t.Fatalf("the story page does not say the summit moved:\n%s", story)
	}
	save("story.png")

	// Follow that change to the diff (the wire's version 3 → 4).
	link := `.card a.difflink[href$="diff?from=3&to=4"]`
	if err := chromedp.Do(ctx, chromedp.Click(link), chromedp.WaitVisible(".inline")); err != nil {
		t.Fatalf("follow the change to its diff: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "/diff?from=3&to=4") {
		t.Errorf("the link led to %s", loc)
	}
	// The new date is marked in the text as an inserted date fact.
	mark, err := chromedp.Run(ctx, chromedp.Text(".inline ins.fact.k0"))
	if err != nil {
		t.Fatalf("no highlighted date in the diff: %v", err)
	}
	if mark != "early September" {
		t.Errorf("highlighted date %q, want %q", mark, "early September")
	}
	colour, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`getComputedStyle(document.querySelector(".inline ins.fact.k0")).borderBottomColor`))
	if err != nil || colour == "" || colour == "rgba(0, 0, 0, 0)" {
		t.Errorf("the date is not coloured as a date (%q, %v): the stylesheet did not apply", colour, err)
	}
	save("diff.png")

	// On a phone the diff page fits the screen: nothing scrolls sideways.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{loc + "&view=side", base + "/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(p)); err != nil {
			t.Fatal(err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil {
			t.Fatal(err)
		}
		if wide {
			t.Errorf("%s is wider than a 390 px phone screen", p)
		}
	}
	save("phone.png")
}
