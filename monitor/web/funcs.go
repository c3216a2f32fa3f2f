package web

import (
	"html/template"
	"time"
)

// funcs are the template helpers. Times show in UTC with the zone named,
// so a shared link reads the same everywhere.
var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2 Jan 2006 15:04 UTC")
	},
	"short": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2 Jan 15:04")
	},
	"iso": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"sub":  func(a, b int) int { return a - b },
	"sub0": func(a, b float64) float64 { return a - b },
	"add0": func(a, b float64) float64 { return a + b },
	"short8": func(s string) string {
		if len(s) > 8 {
			return s[:8]
		}
		return s
	},
}
