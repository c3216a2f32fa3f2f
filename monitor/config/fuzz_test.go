package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics, that an accepted config
// validates again, and that every problem says something.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"broken.yaml", filepath.Join("..", "..", "..", "config.example.yaml")} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		feed,
		feed + "schedule: \"TZ=Europe/Berlin\"\n",
		"x-a: &a {url: https://e.com/x}\nfeeds: [*a, *a]\n",
		"feeds:\n  - <<: [*x]\n",
		"a: &a [*a]\n",
		"feeds: ${X:-[]}\n",
		"store: {path: ${}}\n",
		"store: {path: \"${A:-${B:-${C}}}}\"}\n",
		"notify: {email: {port: 1e9, to: [\"a@b\"]}}\n",
		"fetch: {timeout: 9999999999999d}\n",
		"--- !!binary\n",
		"? [a]\n: b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.yaml")
		if err != nil {
			if c != nil {
				t.Errorf("Config returned with an error")
			}
			for _, p := range Problems(err) {
				if p.Msg == "" {
					t.Errorf("problem without a message: %#v", p)
				}
			}
			return
		}
		if c == nil {
			t.Fatal("nil Config without an error")
		}
		if err := c.Validate(); err != nil {
			t.Errorf("accepted config fails Validate: %v", err)
		}
		_ = c.String()
	})
}
