package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *app) timelineCommand() *cobra.Command {
	return a.addJSON(&cobra.Command{
		Use:   "timeline",
		Short: "Each tracked fact of the story with the values reported over time, by outlet and version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return errors.New("timeline: not implemented yet") // TODO(timeline helper)
		},
	})
}
