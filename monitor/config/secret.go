package config

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strconv"
)

// redacted is what every printing path shows instead of a non-empty secret.
const redacted = "<secret>"

// Secret is a string that never prints itself: String, GoString, Format (every
// fmt verb), MarshalYAML, MarshalJSON and LogValue all yield "<secret>" when the
// value is non-empty and "" when it is empty. Only Reveal returns the value, so a
// leak needs a deliberate call that shows up in review.
type Secret string

// Reveal returns the secret's value. Call it only where the value is used
// (signing, SMTP AUTH), never to print it.
func (s Secret) Reveal() string { return string(s) }

// String returns "<secret>", or "" for an empty secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString returns the quoted redacted form, so %#v cannot leak the value.
func (s Secret) GoString() string { return strconv.Quote(s.String()) }

// Format implements fmt.Formatter. It covers verbs that fmt would otherwise
// print raw (%d, %x on a string type reports the value in a bad-verb message).
func (s Secret) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = io.WriteString(f, s.GoString())
	case verb == 'q':
		_, _ = io.WriteString(f, strconv.Quote(s.String()))
	default:
		_, _ = io.WriteString(f, s.String())
	}
}

// MarshalYAML writes the redacted form, so Config.String never shows a secret.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// MarshalJSON writes the redacted form as a JSON string.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// LogValue implements slog.LogValuer with the redacted form.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }
