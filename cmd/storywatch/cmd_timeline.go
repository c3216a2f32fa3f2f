package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/timeline"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/query"
)

type timelineJSON struct {
	Key          string              `json:"key"`
	Kind         facts.Kind          `json:"kind"`
	Topic        string              `json:"topic"`
	Articles     int                 `json:"articles"`
	Changes      int                 `json:"changes"`
	Converged    bool                `json:"converged"`
	Contradicted bool                `json:"contradicted"`
	Values       []timelineValueJSON `json:"values"`
}

type timelineValueJSON struct {
	Value       string     `json:"value"`
	Text        string     `json:"text"`
	Sentence    string     `json:"sentence"`
	Article     string     `json:"article"`
	ArticleID   string     `json:"article_id"`
	Outlet      string     `json:"outlet"`
	Title       string     `json:"title"`
	Version     int        `json:"version"`
	LastVersion int        `json:"last_version"`
	FirstSeen   *time.Time `json:"first_seen"`
	LastSeen    *time.Time `json:"last_seen"`
	Current     bool       `json:"current"`
}

func (a *app) timelineCommand() *cobra.Command {
	var kinds []string
	c := &cobra.Command{
		Use:   "timeline",
		Short: "Each tracked fact of the story with the values reported over time, by outlet and version",
		Long: "timeline follows each fact of the story across articles and versions: the date and place of\n" +
			"an event, each party's position on a topic, key numbers, quotes; and per article its correction\n" +
			"notices and page status events (removed, redirecting). For every value it shows when and by which\n" +
			"outlet it was first and last reported; '*' marks the one value an article reports now.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			want, err := parseKinds(kinds)
			if err != nil {
				return err
			}
			return a.withReadStore(func(_ *config.Config, s Store) error {
				threads, err := query.Timeline(s, nil)
				if err != nil {
					return err
				}
				out := make([]timelineJSON, 0, len(threads))
				for _, th := range threads {
					if len(want) > 0 && !want[th.Kind] {
						continue
					}
					out = append(out, toTimelineJSON(th))
				}
				if a.jsonOut {
					return writeTimelineJSON(a.stdout, out)
				}
				return a.printTimeline(out)
			})
		},
	}
	c.Flags().StringSliceVar(&kinds, "kind", nil, "only these kinds of fact (date, location, position, number, quote, correction, status)")
	return a.addJSON(c)
}

func parseKinds(in []string) (map[facts.Kind]bool, error) {
	want := map[facts.Kind]bool{}
	for _, k := range in {
		switch kk := facts.Kind(strings.ToLower(strings.TrimSpace(k))); kk {
		case facts.KindDate, facts.KindLocation, facts.KindPosition, facts.KindNumber, facts.KindQuote,
			facts.KindCorrection, facts.KindStatus:
			want[kk] = true
		default:
			return nil, fmt.Errorf("--kind %q: want date, location, position, number, quote, correction or status", k)
		}
	}
	return want, nil
}

func toTimelineJSON(th timeline.Thread) timelineJSON {
	out := timelineJSON{
		Key: th.Key, Kind: th.Kind, Topic: th.Topic, Articles: th.Articles, Changes: th.Changes,
		Converged: th.Converged, Contradicted: th.Contradicted,
		Values: make([]timelineValueJSON, 0, len(th.Values)),
	}
	for _, v := range th.Values {
		out.Values = append(out.Values, timelineValueJSON{
			Value: v.Value, Text: v.Text, Sentence: v.Sentence, Article: v.Article, ArticleID: v.ArticleID,
			Outlet: v.Outlet, Title: v.Title, Version: v.Version, LastVersion: v.LastVersion,
			FirstSeen: jsonTime(v.First), LastSeen: jsonTime(v.Last), Current: v.Current,
		})
	}
	return out
}

func (a *app) printTimeline(threads []timelineJSON) error {
	if len(threads) == 0 {
		fmt.Fprintln(a.stdout, "no tracked facts yet")
		return nil
	}
	for i, th := range threads {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		fmt.Fprintf(a.stdout, "%s  (%s; %s)\n", th.Topic, plural(th.Articles, "article"), threadState(th))
		tw := newTable(a.stdout)
		for _, v := range th.Values {
			mark := " "
			if v.Current {
				mark = "*"
			}
			versions := fmt.Sprintf("v%d", v.Version)
			if v.LastVersion != v.Version {
				versions += fmt.Sprintf("-%d", v.LastVersion)
			}
			value := truncate(v.Value, 40)
			if th.Kind == facts.KindQuote || th.Kind == facts.KindCorrection {
				value = "" // the normalised wording repeats the text
			}
			// The article id tells apart articles of one outlet (or of one
			// aggregator feed); `storywatch history ID` shows them.
			fmt.Fprintf(tw, "%s %s\t%s\t%s %s\t%q\t%s\n", mark, humanTime(deref(v.FirstSeen)), truncate(v.Outlet, 30),
				shortID(v.ArticleID), versions, truncate(v.Text, 60), value)
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write timeline: %w", err)
		}
	}
	fmt.Fprintln(a.stdout, "\n* the value the article reports now; times are when storywatch fetched the version")
	return nil
}

func threadState(th timelineJSON) string {
	if th.Kind == facts.KindStatus {
		for _, v := range th.Values {
			if v.Current {
				return "now " + v.Text
			}
		}
		return "the page answers again"
	}
	switch {
	case th.Contradicted:
		return "CONTRADICTED: outlets disagree now"
	case th.Converged:
		return "outlets agree"
	case th.Changes > 0:
		return plural(th.Changes, "change")
	}
	for _, v := range th.Values {
		if !v.Current {
			return "no longer reported"
		}
	}
	return "new in a later version"
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}
