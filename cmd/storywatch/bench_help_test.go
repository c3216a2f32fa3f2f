package main

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// TestBenchTemplatesHelp: `bench --help` names every template family and,
// as a list, the ones run when --templates is not given.
func TestBenchTemplatesHelp(t *testing.T) {
	usage := (&app{}).benchCommand().Flags().Lookup("templates").Usage
	for _, tmpl := range append(corpus.Templates(), corpus.TemplateBulletin, corpus.TemplateWire, corpus.TemplateSPA, corpus.TemplateFolio) {
		if !strings.Contains(usage, tmpl) {
			t.Errorf("--templates help %q does not name %s", usage, tmpl)
		}
	}
	if want := "(default: " + strings.Join(corpus.Templates(), ", ") + ")"; !strings.Contains(usage, want) {
		t.Errorf("--templates help %q does not say %q", usage, want)
	}
}
