package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

type versionJSON struct {
	Version   int        `json:"version"`
	FetchedAt *time.Time `json:"fetched_at"`
	Hash      string     `json:"hash"`
	Title     string     `json:"title"`
	Source    string     `json:"source"`
	Words     int        `json:"words"`
}

func (a *app) historyCommand() *cobra.Command {
	var textOf int
	c := &cobra.Command{
		Use:   "history ARTICLE",
		Short: "List the versions of one article (by id, id prefix or URL)",
		Long: "history lists the versions of one article (by id, id prefix or URL).\n" +
			"--text N prints version N itself: its title, dates and text (with --json: the version\n" +
			"object with its \"text\").",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withReadStore(func(_ *config.Config, s Store) error {
				art, err := findArticle(s, args[0])
				if err != nil {
					return fmt.Errorf("article %s: %w", args[0], err)
				}
				if cmd.Flags().Changed("text") {
					return a.printVersion(s, art, textOf)
				}
				vs, err := s.Versions(art.ID)
				if err != nil {
					return fmt.Errorf("read versions of %s: %w", art.URL, err)
				}
				out := make([]versionJSON, 0, len(vs))
				for _, v := range vs {
					out = append(out, versionJSON{
						Version: v.Seq, FetchedAt: jsonTime(v.FetchedAt), Hash: v.Hash, Title: v.Title,
						Source: v.Source, Words: wordCount(v.Text),
					})
				}
				if a.jsonOut {
					return writeJSON(a.stdout, map[string]any{"article": toArticleJSON(art), "versions": out})
				}
				fmt.Fprintf(a.stdout, "%s\n%s\n\n", art.Title, art.URL)
				tw := newTable(a.stdout)
				// Two clocks: when storywatch fetched the version, and the
				// date the page gives itself (modified, else published).
				fmt.Fprintln(tw, "VERSION\tFETCHED\tPAGE'S DATE\tSOURCE\tWORDS\tHASH\tTITLE")
				for i, v := range out {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", v.Version, humanTime(deref(v.FetchedAt)),
						humanTime(firstNonZero(vs[i].Modified, vs[i].Published)), v.Source,
						v.Words, v.Hash[:min(12, len(v.Hash))], truncate(v.Title, 60))
				}
				return tw.Flush()
			})
		},
	}
	c.Flags().IntVar(&textOf, "text", 0, "print the text of version `N`")
	return a.addJSON(c)
}

// versionTextJSON is `history --text N --json`: the version with its text.
type versionTextJSON struct {
	versionJSON
	Published *time.Time `json:"published,omitempty"`
	Modified  *time.Time `json:"modified,omitempty"`
	Text      string     `json:"text"`
}

// printVersion prints one stored version of art: `history --text N`.
func (a *app) printVersion(s Store, art store.Article, n int) error {
	v, err := s.Version(art.ID, n)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("version %d of %s: %w (versions: %s)", n, art.ID, err, a.versionList(s, art.ID))
	}
	if err != nil {
		return fmt.Errorf("read version %d of %s: %w", n, art.URL, err)
	}
	if a.jsonOut {
		return writeJSON(a.stdout, map[string]any{"article": toArticleJSON(art), "version": versionTextJSON{
			versionJSON: versionJSON{Version: v.Seq, FetchedAt: jsonTime(v.FetchedAt), Hash: v.Hash, Title: v.Title,
				Source: v.Source, Words: wordCount(v.Text)},
			Published: jsonTime(v.Published), Modified: jsonTime(v.Modified), Text: v.Text,
		}})
	}
	fmt.Fprintf(a.stdout, "%s\n%s\nversion %d, fetched %s (storywatch's clock), from the %s",
		v.Title, art.URL, v.Seq, humanTime(v.FetchedAt), v.Source)
	if !v.Published.IsZero() {
		fmt.Fprintf(a.stdout, "; published %s", humanTime(v.Published))
	}
	if !v.Modified.IsZero() {
		fmt.Fprintf(a.stdout, "; modified %s", humanTime(v.Modified))
	}
	if !v.Published.IsZero() || !v.Modified.IsZero() {
		fmt.Fprint(a.stdout, " (the page's own dates)")
	}
	_, err = fmt.Fprintf(a.stdout, "\n\n%s\n", v.Text)
	return err
}

// versionList names the versions an article has, for a "not found".
func (a *app) versionList(s Store, id string) string {
	vs, err := s.Versions(id)
	if err != nil || len(vs) == 0 {
		return "none"
	}
	seqs := make([]string, len(vs))
	for i, v := range vs {
		seqs[i] = strconv.Itoa(v.Seq)
	}
	return strings.Join(seqs, ", ")
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := r == ' ' || r == '\n' || r == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// firstNonZero returns the first time that is set.
func firstNonZero(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}
