package config

import "os"

// Check loads the config file at path like Load and returns every problem
// found, in file order: YAML syntax, unset environment variables, unknown
// keys, wrong types, unreadable secret files and broken validation rules,
// each with its line and column where known. Nil means the file is good.
// `storywatch check` prints one Problem.Error() per line.
func Check(path string) []Problem {
	_, ps := load(path, os.LookupEnv)
	return ps
}
