package config

import (
	"bytes"
	"fmt"
	"log/slog"

	"go.yaml.in/yaml/v3"
)

// String returns the effective config as YAML, defaults filled in and every
// secret shown as "<secret>", for `storywatch check` and debug logs.
func (c *Config) String() string {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return fmt.Sprintf("<config: %v>", err)
	}
	_ = enc.Close()
	return b.String()
}

// SlogLevel returns the slog level for Level; unknown levels give info
// (Validate rejects them).
func (l Log) SlogLevel() slog.Level {
	switch l.Level {
	case "debug":
		return slog.LevelDebug
	case "warn":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	default:
		return slog.LevelInfo
	}
}
