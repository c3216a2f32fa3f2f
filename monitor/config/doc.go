// Package config loads, validates and prints the storywatch configuration.
//
// A config file is one YAML document (see config.example.yaml at the
// repository root for every key, its default and what its zero value
// means). Loading goes through fixed stages, and every stage reports all
// of its problems rather than stopping at the first:
//
//  1. The text is parsed into a yaml.Node tree (syntax errors carry a line).
//  2. The tree is walked with the Config type: ${NAME} and ${NAME:-default}
//     in scalar values are replaced from the environment, unknown keys are
//     reported (strict decoding: a typo is an error, with a "did you mean"
//     hint), and the position of every value is recorded.
//  3. The tree is decoded over Default(), so absent keys keep defaults.
//  4. Load reads secret_file / password_file into their Secret.
//  5. Validate checks cross-field rules; each Problem names its path
//     ("feeds[2].schedule") and the line and column found in stage 2.
//
// Expansion works on the node tree, not the raw text, so a "$" in a regex
// ("summit$") or a comment mentioning ${VAR} is untouched, and a password
// containing ": " or "#" cannot change the document's structure. "$${"
// writes a literal "${".
//
// Top-level keys starting with "x-" are ignored, as in Compose files, to
// give YAML anchors shared by several feeds a home:
//
//	x-often: &often {schedule: "@every 5m"}
//	feeds:
//	  - {<<: *often, url: https://example.com/rss}
//
// Secrets are of type Secret, which prints as "<secret>" through fmt, YAML,
// JSON and slog; only Secret.Reveal returns the value.
//
// Schedules are parsed by ParseSchedule, which wraps robfig/cron's parser,
// guards it against panics on malformed "TZ=" prefixes and rejects
// schedules that fire more often than every MinEvery or never fire.
package config
