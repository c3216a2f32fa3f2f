package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
)

// app carries what every command shares: where output goes, the global
// flags, and, inside the daemon, the store the daemon already holds.
type app struct {
	args           []string
	stdout, stderr io.Writer
	configPath     string
	jsonOut        bool
	color          string // auto, always, never

	// daemonStore is set when a command runs inside the daemon on behalf of
	// a CLI call forwarded over the control socket.
	daemonStore  Store
	daemonConfig *config.Config
	// daemonWake starts the daemon's alert delivery at once (nil outside
	// the daemon).
	daemonWake func()
	// daemonMonitor is the daemon's own pipeline: a forwarded `poll` runs
	// its pass there, never on a second Monitor (a second store writer,
	// second article locks, second site learner). daemonCtx ends when the
	// daemon shuts down.
	daemonMonitor *monitor.Monitor
	daemonCtx     context.Context
	// forcedColor is the client's colour decision for forwarded commands.
	forcedColor *bool
}

// run executes the CLI with args and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	a := &app{args: args, stdout: stdout, stderr: stderr}
	return a.execute()
}

func (a *app) execute() int {
	root := a.rootCommand()
	root.SetArgs(a.args)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(a.stderr, "storywatch:", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(a.stderr, "storywatch:", oneLine(err))
	return 1
}

// exitError ends the process with a chosen code (e.g. `check` finding
// problems) after its output has been printed.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "storywatch",
		Short: "Watch how the news coverage of a story changes",
		Long: "storywatch polls RSS/Atom feeds, keeps the articles that cover a story, stores every version\n" +
			"of each article and reports what changed in the reported facts: dates, numbers, quotes,\n" +
			"positions, places and headlines.",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("STORYWATCH_CONFIG")
	if def == "" {
		def = "./config.yaml"
	}
	root.PersistentFlags().StringVarP(&a.configPath, "config", "c", def, "config file (env STORYWATCH_CONFIG)")
	root.AddCommand(
		a.runCommand(), a.pollCommand(), a.feedsCommand(), a.articlesCommand(), a.historyCommand(),
		a.diffCommand(), a.changesCommand(), a.compareCommand(), a.factsCommand(), a.checkCommand(),
		a.demoCommand(), a.alertsCommand(), a.compactCommand(), a.evalCommand(),
		a.timelineCommand(), a.benchCommand(), a.serveCommand(), a.addJSON(a.migrateCommand()), a.addJSON(a.copyCommand()),
	)
	return root
}

// addJSON adds the --json flag of a read command.
func (a *app) addJSON(c *cobra.Command) *cobra.Command {
	c.Flags().BoolVar(&a.jsonOut, "json", false, "print one JSON object on stdout")
	return c
}

// loadConfig loads and validates the config named by --config.
func (a *app) loadConfig() (*config.Config, error) {
	return a.loadConfigWith(config.Load)
}

// loadConfigForReading loads the config for a command that only reads the
// store: the delivery secrets may be missing (config.LoadForReading).
func (a *app) loadConfigForReading() (*config.Config, error) {
	return a.loadConfigWith(config.LoadForReading)
}

func (a *app) loadConfigWith(load func(string) (*config.Config, error)) (*config.Config, error) {
	cfg, err := load(a.configPath)
	if err != nil {
		probs := config.Problems(err)
		if len(probs) > 1 {
			return nil, fmt.Errorf("invalid config: %s (and %s more; `storywatch check -c %s` lists them)",
				probs[0].Error(), plural(len(probs)-1, "problem"), a.configPath)
		}
		return nil, err
	}
	return cfg, nil
}

// logger builds the process logger from the config's log section.
func (a *app) logger(cfg *config.Config) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.Log.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(a.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(a.stderr, opts))
}

// useColor decides whether to colour terminal output.
func (a *app) useColor() bool {
	if a.forcedColor != nil {
		return *a.forcedColor
	}
	switch a.color {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := a.stdout.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func oneLine(err error) string {
	return strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", "; ")
}
