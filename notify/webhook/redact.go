package webhook

import (
	"net/url"
	"strings"
)

// RedactURL reduces a webhook URL to scheme://host/… so that it can appear in
// errors and logs: path segments, query strings and user info of webhook
// URLs are commonly secret tokens (Slack, Discord, Zapier ...).
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "[invalid URL]"
	}
	s := u.Scheme + "://" + u.Host
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		s += "/…"
	}
	return s
}

// redactedError carries a cleaned message for an error whose own text may
// contain secret URL parts, while keeping it available to errors.Is/As.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// secretParts lists the substrings of raw that must not appear in errors,
// longest first so that a whole URL is replaced before its pieces.
func secretParts(raw string) []string {
	parts := []string{raw}
	u, err := url.Parse(raw)
	if err == nil {
		if u.User != nil {
			parts = append(parts, u.User.String(), u.User.Username())
			if p, ok := u.User.Password(); ok {
				parts = append(parts, p)
			}
		}
		if u.RawQuery != "" {
			parts = append(parts, u.RawQuery)
		}
		if len(u.EscapedPath()) > 1 {
			parts = append(parts, u.EscapedPath(), u.Path)
		}
	}
	var keep []string
	for _, p := range parts {
		// A one-letter path or user would blank out ordinary words.
		if len(p) >= 4 {
			keep = append(keep, p)
		}
	}
	return keep
}

// scrub replaces every secret part of the webhook URL (and the signing
// secret) in msg by "…".
func scrub(msg string, secrets []string) string {
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "…")
		}
	}
	return msg
}
