package corpus

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDemoStory(t *testing.T) {
	all, err := StoryRevisions()
	if err != nil {
		t.Fatal(err)
	}
	main := all[demoArticles[0].path]
	if len(main) < 4 {
		t.Fatalf("main story has %d revisions, want >= 4", len(main))
	}
	for path, revs := range all {
		t.Run(path, func(t *testing.T) {
			if len(revs) < 2 {
				t.Errorf("%d revisions, want >= 2", len(revs))
			}
			for i := 1; i < len(revs); i++ {
				prev, cur := revs[i-1], revs[i]
				if cur.Text() == prev.Text() {
					t.Errorf("revision %d repeats revision %d", i+1, i)
				}
				if !cur.Published.Equal(revs[0].Published) {
					t.Errorf("revision %d: published %v, want %v", i+1, cur.Published, revs[0].Published)
				}
				if !cur.Modified.After(prev.Modified) {
					t.Errorf("revision %d: modified %v not after %v", i+1, cur.Modified, prev.Modified)
				}
			}
		})
	}
	if want := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC); !main[0].Published.Equal(want) || !main[0].Modified.Equal(want) {
		t.Errorf("revision 1 times %v/%v, want %v", main[0].Published, main[0].Modified, want)
	}
	titles := map[string]bool{}
	for _, r := range main {
		titles[r.Title] = true
	}
	if len(titles) != 2 {
		t.Errorf("main headline takes %d values, want 2 (changed once)", len(titles))
	}
}

// TestDemoStoryEdits spot-checks the edits CHANGES.md promises, step by step.
func TestDemoStoryEdits(t *testing.T) {
	all, err := StoryRevisions()
	if err != nil {
		t.Fatal(err)
	}
	main := all[demoArticles[0].path]
	steps := []struct {
		to          int // 1-based revision
		gone, added []string
	}{
		{2, []string{"within the next two weeks", "$90 billion"}, []string{"on August 29", "$100 billion", "Alexander Stubb", "do it’s part"}},
		{3, []string{"ruled out the deployment", "do it’s part"}, []string{"in Budapest", "said it could consider the deployment", "do its part"}},
		{4, []string{"on August 29", "formalized", "criticize", "Kirill Dmitriev"}, []string{"in early September", "formalised", "criticise"}},
		{5, []string{"in Turkey in June"}, []string{"in Istanbul in July"}},
	}
	for _, st := range steps {
		old, cur := main[st.to-2].Text(), main[st.to-1].Text()
		for _, g := range st.gone {
			if !strings.Contains(old, g) || strings.Contains(cur, g) {
				t.Errorf("revision %d: %q should leave the text", st.to, g)
			}
		}
		for _, a := range st.added {
			if strings.Contains(old, a) || !strings.Contains(cur, a) {
				t.Errorf("revision %d: %q should enter the text", st.to, a)
			}
		}
	}
	changes, err := storyFS.ReadFile("story/CHANGES.md")
	if err != nil {
		t.Fatalf("read CHANGES.md: %v", err)
	}
	for i := 2; i <= len(main); i++ {
		if !strings.Contains(string(changes), "meridian-summit/0"+string(rune('0'+i))+".txt") {
			t.Errorf("CHANGES.md does not describe meridian-summit/0%d.txt", i)
		}
	}
}

func TestDemoServing(t *testing.T) {
	s := startDemo(t, Options{})
	if got := len(s.ArticleURLs()); got != len(demoArticles) {
		t.Fatalf("%d articles, want %d", got, len(demoArticles))
	}
	// The CONTRACT's example story filter, applied to what a feed item carries
	// (title and summary), must keep the three story articles and drop the weather.
	anyOf := []*regexp.Regexp{regexp.MustCompile(`(?i)summit`), regexp.MustCompile(`(?i)peace talks`)}
	allOf := []*regexp.Regexp{regexp.MustCompile(`(?i)putin|kremlin`), regexp.MustCompile(`(?i)zelensk`)}
	all, err := StoryRevisions()
	if err != nil {
		t.Fatal(err)
	}
	for path, revs := range all {
		for i, r := range revs {
			item := r.Title + "\n" + r.Paragraphs[0]
			keep := slices.ContainsFunc(anyOf, func(re *regexp.Regexp) bool { return re.MatchString(item) }) &&
				!slices.ContainsFunc(allOf, func(re *regexp.Regexp) bool { return !re.MatchString(item) })
			if want := !strings.Contains(path, "/weather/"); keep != want {
				t.Errorf("%s revision %d: example filter keeps=%v, want %v", path, i+1, keep, want)
			}
		}
	}
	steps := 0
	for range 8 {
		if len(s.Revise()) > 0 {
			steps++
		}
	}
	if steps != 4 {
		t.Errorf("demo changed on %d Revise calls, want 4", steps)
	}
	for _, u := range s.ArticleURLs() {
		r, _ := s.Current(u)
		revs := all[strings.TrimPrefix(u, s.URL())]
		if r.Text() != revs[len(revs)-1].Text() {
			t.Errorf("%s: not at its last revision after all Revise calls", u)
		}
	}
	if s.LastEdits() != nil {
		t.Error("demo LastEdits should be nil")
	}
}

func TestParseRevision(t *testing.T) {
	good := "Title: T\nByline: By X, Y\nPublished: 2025-08-19T06:00:00Z\nModified: 2025-08-19T07:00:00Z\n\nOne.\n\nTwo.\n"
	r, err := parseRevision(good)
	if err != nil {
		t.Fatalf("parse good: %v", err)
	}
	if r.Title != "T" || len(r.Paragraphs) != 2 || r.Paragraphs[1] != "Two." || r.Byline != "By X, Y" {
		t.Errorf("parsed %+v", r)
	}
	bad := []struct{ name, in string }{
		{"no blank line", "Title: T\nPublished: 2025-08-19T06:00:00Z"},
		{"unknown key", "Title: T\nColour: red\nPublished: 2025-08-19T06:00:00Z\nModified: 2025-08-19T06:00:00Z\n\nP\n"},
		{"bad time", "Title: T\nPublished: yesterday\nModified: 2025-08-19T06:00:00Z\n\nP\n"},
		{"no title", "Published: 2025-08-19T06:00:00Z\nModified: 2025-08-19T06:00:00Z\n\nP\n"},
		{"modified first", "Title: T\nPublished: 2025-08-19T06:00:00Z\nModified: 2025-08-18T06:00:00Z\n\nP\n"},
		{"no body", "Title: T\nPublished: 2025-08-19T06:00:00Z\nModified: 2025-08-19T06:00:00Z\n\n\n"},
		{"header without colon", "Title T\n\nP\n"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parseRevision(tc.in); !errors.Is(err, ErrStory) {
				t.Errorf("err %v, want ErrStory", err)
			}
		})
	}
}

func FuzzParseRevision(f *testing.F) {
	entries, _ := storyFS.ReadDir("story/meridian-summit")
	for _, e := range entries {
		b, _ := storyFS.ReadFile("story/meridian-summit/" + e.Name())
		f.Add(string(b))
	}
	f.Add("Title: T\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := parseRevision(in)
		if err != nil {
			return
		}
		if r.Title == "" || len(r.Paragraphs) == 0 || r.Modified.Before(r.Published) {
			t.Errorf("accepted invalid revision %+v", r)
		}
	})
}
