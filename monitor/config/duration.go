package config

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Duration is a time.Duration written in YAML as text: "20s", "5m", "1h30m",
// "72h", and also whole days such as "3d" or "2d12h". It marshals back to the
// shortest such text ("1h", not "1h0m0s").
type Duration time.Duration

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// String formats d like time.Duration.String without trailing zero units.
func (d Duration) String() string {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// UnmarshalYAML parses a duration scalar. Errors are yaml.TypeErrors carrying
// the line, so decoding continues and every bad value is reported.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{
			fmt.Sprintf("line %d: want a duration such as \"30s\" or \"3d\", got a %s", n.Line, kindName(n.Kind))}}
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes d as text (see String).
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// MarshalJSON writes d as a JSON string (see String).
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// ParseDuration parses time.ParseDuration syntax plus a leading whole number
// of days: "3d", "2d12h", "-1d". A bare number without a unit is an error
// (except "0"), because "timeout: 20" is ambiguous.
func ParseDuration(s string) (time.Duration, error) {
	text := strings.TrimSpace(s)
	body, neg := strings.CutPrefix(text, "-")
	if !neg {
		body = strings.TrimPrefix(body, "+")
	}
	if strings.ContainsAny(body, " \t") {
		// "90 days", "1 h": the unit is one letter, right after the number.
		return 0, fmt.Errorf("invalid duration %q: write a number and a unit letter without spaces, e.g. 90d, 36h or 1h30m", s)
	}
	var days int64
	if i := strings.IndexByte(body, 'd'); i > 0 {
		n, err := strconv.ParseInt(body[:i], 10, 64)
		if err != nil || n < 0 {
			if _, ferr := strconv.ParseFloat(body[:i], 64); ferr != nil {
				return 0, fmt.Errorf("invalid duration %q: want e.g. 30s, 10m, 1h30m or 3d", s)
			}
			return 0, fmt.Errorf("invalid duration %q: days must be a whole number (1d12h, not 1.5d)", s)
		}
		days, body = n, body[i+1:]
		if days > math.MaxInt64/int64(24*time.Hour) {
			return 0, fmt.Errorf("invalid duration %q: out of range", s)
		}
	}
	var rest time.Duration
	if body != "" || days == 0 {
		if strings.HasPrefix(body, "-") || strings.HasPrefix(body, "+") {
			return 0, fmt.Errorf("invalid duration %q: misplaced sign", s)
		}
		v, err := time.ParseDuration(body)
		if err != nil && strings.Contains(err.Error(), "overflow") {
			return 0, fmt.Errorf("invalid duration %q: out of range", s)
		}
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q: want e.g. 30s, 10m, 1h30m or 3d", s)
		}
		rest = v
	}
	total := time.Duration(days) * 24 * time.Hour
	if rest > math.MaxInt64-total {
		return 0, fmt.Errorf("invalid duration %q: out of range", s)
	}
	total += rest
	if neg {
		total = -total
	}
	return total, nil
}

// kindName names a YAML node kind for error messages.
func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	case yaml.DocumentNode:
		return "document"
	default:
		return "scalar"
	}
}
