package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/report"
)

func (a *app) compareCommand() *cobra.Command {
	var published string
	c := &cobra.Command{
		Use:   "compare OLD NEW",
		Short: "Compare two text files: word diff and fact changes, no store",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := parsePublished(published)
			if err != nil {
				return err
			}
			old, err := readText(args[0])
			if err != nil {
				return err
			}
			cur, err := readText(args[1])
			if err != nil {
				return err
			}
			res := diff.Compare(diff.Document{Text: old, Published: ref}, diff.Document{Text: cur, Published: ref}, diff.Options{})
			if a.jsonOut {
				return writeJSON(a.stdout, map[string]any{
					"changes": nonNilFacts(res.Facts), "edits": nonNilEdits(res.Edits), "summary": res.Summary,
				})
			}
			return report.WriteDiff(a.stdout, res, report.Style{Color: a.useColor(), Context: 1})
		},
	}
	c.Flags().StringVar(&published, "published", "", "publication time (RFC 3339) that relative dates resolve against")
	c.Flags().StringVar(&a.color, "color", "auto", "colour the diff: auto, always or never")
	return a.addJSON(c)
}

func (a *app) factsCommand() *cobra.Command {
	var published string
	c := &cobra.Command{
		Use:   "facts FILE",
		Short: "List every fact found in one text file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ref, err := parsePublished(published)
			if err != nil {
				return err
			}
			text, err := readText(args[0])
			if err != nil {
				return err
			}
			fs := facts.Extract(text, ref)
			if fs == nil {
				fs = []facts.Fact{}
			}
			if a.jsonOut {
				return writeJSON(a.stdout, map[string]any{"facts": fs})
			}
			tw := newTable(a.stdout)
			fmt.Fprintln(tw, "KIND\tOFFSET\tTEXT\tVALUE\tSUBJECT")
			for _, f := range fs {
				kind := string(f.Kind)
				if f.Type != "" {
					kind += "/" + f.Type
				}
				fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%s\t%s\n", kind, f.Start, f.End, truncate(f.Text, 60), truncate(f.Value, 40), f.Subject)
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&published, "published", "", "publication time (RFC 3339) that relative dates resolve against")
	return a.addJSON(c)
}

func parsePublished(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--published %q: want an RFC 3339 time such as 2025-08-19T06:00:00Z", s)
}

// readText reads a text file; byte offsets in `facts` refer to its bytes.
func readText(path string) (string, error) {
	b, err := os.ReadFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// "read FILE: cause", not "read open FILE: cause"
		return "", fmt.Errorf("read %s: %w", path, pe.Err)
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return string(b), nil
}
