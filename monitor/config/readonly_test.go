package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadForReading checks that the read commands' loader does without
// the delivery secrets and still fails on everything else.
func TestLoadForReading(t *testing.T) {
	const feeds = "feeds:\n  - url: https://example.com/rss.xml\n"
	env := map[string]string{"STATE": "/var/lib/storywatch"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	tests := []struct {
		name    string
		yaml    string
		wantErr string // "" means LoadForReading succeeds
	}{
		{"webhook secret unset", feeds + "notify:\n  webhooks:\n    - url: https://hooks.example/x\n      secret: ${HOOK_SECRET}\n", ""},
		{"secret file unreadable", feeds + "notify:\n  webhooks:\n    - url: https://hooks.example/x\n      secret_file: /nonexistent/hook.secret\n", ""},
		{"smtp password and port unset", feeds + "notify:\n  email:\n    host: smtp.example.com\n    port: ${SMTP_PORT}\n    password: ${SMTP_PASSWORD}\n    username: u\n    from: a@example.com\n    to: [b@example.com]\n", ""},
		{"store path variable still required", "store:\n  path: ${DATA_DIR}/sw.db\n" + feeds, "environment variable DATA_DIR is not set"},
		{"other notify problems still count", feeds + "notify:\n  webhooks:\n    - url: ftp://hooks.example/x\n      secret: ${HOOK_SECRET}\n", "notify.webhooks[0].url"},
		{"store path from the environment", "store:\n  path: ${STATE}/sw.db\n" + feeds + "notify:\n  webhooks:\n    - url: https://hooks.example/x\n      secret: ${HOOK_SECRET}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			c, ps := loadMode(path, lookup, true)
			if tt.wantErr != "" {
				if len(ps) == 0 || !strings.Contains(joinProblems(ps).Error(), tt.wantErr) {
					t.Fatalf("problems %v, want one saying %q", ps, tt.wantErr)
				}
				return
			}
			if len(ps) > 0 {
				t.Fatalf("LoadForReading: %v", joinProblems(ps))
			}
			for i, h := range c.Notify.Webhooks {
				if h.Secret != "" {
					t.Errorf("webhook %d secret = %q, want it left empty", i, h.Secret)
				}
			}
			if e := c.Notify.Email; e != nil && e.Password != "" {
				t.Errorf("email password = %q, want it left empty", e.Password)
			}
			// The same file still fails to load for delivery.
			if _, full := load(path, lookup); !strings.Contains(tt.name, "store path") && len(full) == 0 {
				t.Error("Load accepted a config whose delivery secret is missing")
			} else if len(full) > 0 && !errors.Is(full[0], ErrMissingVariable) && !errors.Is(full[0], ErrSecretFile) {
				t.Errorf("Load's problem %v is not about the missing secret", full[0])
			}
		})
	}
}

// FuzzParseForReading checks that the read commands' parser accepts every
// config the full parser accepts (with the environment unset), never keeps
// a secret, and never panics.
func FuzzParseForReading(f *testing.F) {
	f.Add([]byte("feeds:\n  - url: https://e.com/x\nnotify:\n  webhooks:\n    - url: https://h.example/x\n      secret: ${S}\n"))
	f.Add([]byte("feeds: [{url: https://e.com/x}]\nnotify: {email: {host: h, port: ${P}, password: ${P}, from: a@b.c, to: [d@e.f]}}\n"))
	f.Add([]byte("store: {path: ${D}}\n"))
	unset := func(string) (string, bool) { return "", false }
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ps := parseForReading(data, "fuzz.yaml", unset)
		if _, full := parse(data, "fuzz.yaml", "", unset, false); len(full) == 0 && len(ps) > 0 {
			t.Fatalf("the full parser accepts what the reading parser refuses: %v", ps)
		}
		if len(ps) > 0 || c == nil {
			return
		}
		for _, h := range c.Notify.Webhooks {
			if h.Secret != "" {
				t.Fatalf("webhook secret kept: %q", h.Secret)
			}
		}
		if c.Notify.Email != nil && c.Notify.Email.Password != "" {
			t.Fatalf("email password kept")
		}
	})
}
