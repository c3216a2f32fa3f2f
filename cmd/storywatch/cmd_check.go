package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
)

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Validate the config and print every problem with its place",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			probs := config.Check(a.configPath)
			if len(probs) == 0 {
				cfg, err := config.Load(a.configPath)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%s: ok (%s, store %s)\n", a.configPath, plural(len(cfg.Feeds), "feed"), storeName(cfg))
				return nil
			}
			for _, p := range probs {
				fmt.Fprintln(a.stdout, p.Error())
			}
			return exitError{code: 1, msg: fmt.Sprintf("%s: %s", a.configPath, plural(len(probs), "problem"))}
		},
	}
}
