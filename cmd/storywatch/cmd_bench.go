package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *app) benchCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "bench",
		Short: "Benchmark the real pipeline on a local corpus at scale",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return errors.New("bench: not implemented yet") // TODO(bench helper)
		},
	}
}
