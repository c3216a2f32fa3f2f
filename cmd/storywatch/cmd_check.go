package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store/bolt"
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
				p := storeFileProblem(a.configPath, cfg)
				if p == nil {
					fmt.Fprintf(a.stdout, "%s: ok (%s, store %s)\n", a.configPath, plural(len(cfg.Feeds), "feed"), storeName(cfg))
					return nil
				}
				probs = append(probs, *p)
			}
			for _, p := range probs {
				fmt.Fprintln(a.stdout, p.Error())
			}
			return exitError{code: 1, msg: fmt.Sprintf("%s: %s", a.configPath, plural(len(probs), "problem"))}
		},
	}
}

// storeFileProblem reads the first bytes of the bbolt store file cfg
// names and says, at store.path, when it is no storywatch store (an
// SQLite file, a log, another program's data): `check` passed such a
// path and then every command failed on it. It takes no lock, so it also
// answers while the daemon runs.
func storeFileProblem(file string, cfg *config.Config) *config.Problem {
	if usesPostgres(cfg) {
		return nil
	}
	err := bolt.CheckFile(cfg.Store.Path)
	if err == nil {
		return nil
	}
	pos := cfg.Position("store.path")
	return &config.Problem{File: file, Path: "store.path", Line: pos.Line, Column: pos.Column, Msg: err.Error(), Err: err}
}
