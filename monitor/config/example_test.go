package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const examplePath = "../../config.example.yaml"

// TestExampleConfig checks that the shipped example loads and validates
// with its environment variables set, and that it does what it says.
func TestExampleConfig(t *testing.T) {
	t.Setenv("STORYWATCH_WEBHOOK_SECRET", "example-hook-secret")
	t.Setenv("SMTP_PASSWORD", "example-smtp-password")
	c, err := Load(examplePath)
	if err != nil {
		t.Fatalf("Load(%s): %v", examplePath, err)
	}
	if len(c.Feeds) < 8 {
		t.Errorf("example has %d feeds; it should show a realistic set", len(c.Feeds))
	}
	for i, f := range c.Feeds {
		if f.Name == "" || !strings.HasPrefix(f.URL, "http") {
			t.Errorf("feeds[%d] = %+v", i, f)
		}
	}
	if c.Notify.Webhooks[0].Secret.Reveal() != "example-hook-secret" {
		t.Errorf("webhook secret not taken from STORYWATCH_WEBHOOK_SECRET")
	}
	if c.Notify.Email == nil || c.Notify.Email.Password.Reveal() != "example-smtp-password" {
		t.Errorf("email password not taken from SMTP_PASSWORD")
	}
	if c.Store.Retention.KeepLast == 0 && c.Store.Retention.KeepFor == 0 {
		t.Errorf("example does not show retention")
	}
	if strings.Contains(c.String(), "example-smtp-password") {
		t.Errorf("String leaks the password")
	}

	seed, err := os.ReadFile(filepath.Join("testdata", "summit-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m := c.Matcher()
	tests := []struct {
		name  string
		texts []string
		want  bool
	}{
		{"seed article", []string{string(seed)}, true},
		{"headline", []string{"Putin and Zelensky to meet at summit, Merz says"}, true},
		{"ceasefire via kremlin and kyiv", []string{"Kremlin rejects Kyiv's ceasefire offer"}, true},
		{"no russia", []string{"Zelensky hails peace talks with Europe"}, false},
		{"no ukraine", []string{"Putin summit with Xi"}, false},
		{"no talks", []string{"Russia strikes Kyiv overnight"}, false},
		{"live blog skipped", []string{"Live: Putin and Zelensky summit latest"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.Match(tt.texts...); got != tt.want {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestExampleConfigNeedsVariables checks that without the variables the
// example reports both, with their lines.
func TestExampleConfigNeedsVariables(t *testing.T) {
	t.Setenv("STORYWATCH_WEBHOOK_SECRET", "")
	t.Setenv("SMTP_PASSWORD", "")
	os.Unsetenv("STORYWATCH_WEBHOOK_SECRET")
	os.Unsetenv("SMTP_PASSWORD")
	ps := Check(examplePath)
	if len(ps) != 2 {
		t.Fatalf("got %d problems, want the 2 unset variables: %v", len(ps), ps)
	}
	for i, want := range []string{"notify.webhooks[0].secret", "notify.email.password"} {
		if ps[i].Path != want || ps[i].Line == 0 || !strings.Contains(ps[i].Msg, "is not set") {
			t.Errorf("problem %d = %v, want %s", i, ps[i], want)
		}
	}
}
