package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestHideConfigSecrets checks that no printing path shows a secret value:
// String, every fmt verb on the Config and on the secrets themselves, JSON,
// YAML, and slog with both handlers.
func TestHideConfigSecrets(t *testing.T) {
	const hookSecret, smtpPassword, fileSecret = "hook-VALUE-1", "smtp-VALUE-2", "file-VALUE-3"
	const ntfyToken, matrixToken = "ntfy-VALUE-4", "matrix-VALUE-5"
	const dsnPassword = "dsn-VALUE-6"
	t.Setenv("SW_TEST_HOOK_SECRET", hookSecret)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "s"), []byte(fileSecret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "m"), []byte(matrixToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.yaml")
	text := feed + `store:
  driver: postgres
  dsn: postgres://sw:` + dsnPassword + `@db.example/sw
notify:
  webhooks:
    - url: https://h.example/a
      secret: ${SW_TEST_HOOK_SECRET}
    - url: https://h.example/b
      secret_file: s
    - url: https://ntfy.example/desk
      format: ntfy
      token: ` + ntfyToken + `
    - url: https://matrix.example
      format: matrix
      room: "!desk:matrix.example"
      token_file: m
  email:
    host: smtp
    password: ` + smtpPassword + `
    from: a@example.com
    to: [b@example.com]
`
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// The secrets must be there, or the test proves nothing.
	if c.Notify.Webhooks[0].Secret.Reveal() != hookSecret || c.Notify.Webhooks[1].Secret.Reveal() != fileSecret ||
		c.Notify.Email.Password.Reveal() != smtpPassword || c.Notify.Webhooks[2].Token.Reveal() != ntfyToken ||
		c.Notify.Webhooks[3].Token.Reveal() != matrixToken || !strings.Contains(c.Store.DSN.Reveal(), dsnPassword) {
		t.Fatal("secrets not loaded")
	}

	outputs := map[string]string{
		"String":          c.String(),
		"%v":              fmt.Sprintf("%v", c),
		"%+v":             fmt.Sprintf("%+v", *c),
		"%#v":             fmt.Sprintf("%#v", *c),
		"%v notify":       fmt.Sprintf("%v", c.Notify),
		"%+v webhooks":    fmt.Sprintf("%+v", c.Notify.Webhooks),
		"%#v webhooks":    fmt.Sprintf("%#v", c.Notify.Webhooks),
		"%+v email":       fmt.Sprintf("%+v", *c.Notify.Email),
		"%#v email":       fmt.Sprintf("%#v", *c.Notify.Email),
		"%s secret":       fmt.Sprintf("%s", c.Notify.Email.Password),
		"%q secret":       fmt.Sprintf("%q", c.Notify.Email.Password),
		"%x secret":       fmt.Sprintf("%x", c.Notify.Email.Password),
		"%d secret":       fmt.Sprintf("%d", c.Notify.Email.Password),
		"%10.3s secret":   fmt.Sprintf("%10.3s", c.Notify.Email.Password),
		"Sprint secret":   fmt.Sprint(c.Notify.Email.Password),
		"String() secret": c.Notify.Email.Password.String(),
		"GoString secret": c.Notify.Email.Password.GoString(),
		"error wrap":      fmt.Errorf("send: %v", c.Notify.Email).Error(),
		"%+v store":       fmt.Sprintf("%+v", c.Store),
	}
	for _, v := range []any{c, *c, c.Notify, c.Notify.Email, c.Notify.Webhooks, c.Store} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		outputs[fmt.Sprintf("json %T", v)] = string(b)
	}
	for name, h := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b bytes.Buffer
		log := slog.New(h(&b))
		log.Info("config", "config", c, "notify", c.Notify, "email", c.Notify.Email,
			"password", c.Notify.Email.Password, slog.Any("hooks", c.Notify.Webhooks))
		outputs["slog "+name] = b.String()
	}

	for name, out := range outputs {
		for _, secret := range []string{hookSecret, smtpPassword, fileSecret, ntfyToken, matrixToken, dsnPassword} {
			if strings.Contains(out, secret) {
				t.Errorf("%s leaks %q:\n%s", name, secret, out)
			}
		}
	}
	if !strings.Contains(outputs["String"], "<secret>") {
		t.Errorf("String does not show secrets as <secret>:\n%s", outputs["String"])
	}
	var decoded struct{ Webhooks []struct{ Secret string } }
	if err := json.Unmarshal([]byte(outputs["json config.Notify"]), &decoded); err != nil || decoded.Webhooks[0].Secret != "<secret>" {
		t.Errorf("JSON does not show secrets as <secret> (%v): %s", err, outputs["json config.Notify"])
	}
	if got := outputs["%q secret"]; got != `"<secret>"` {
		t.Errorf(`%%q = %s, want "<secret>"`, got)
	}
}

// TestSecretEmpty checks that an empty secret prints as empty, so output
// shows whether a secret is set.
func TestSecretEmpty(t *testing.T) {
	var s Secret
	if s.String() != "" || fmt.Sprint(s) != "" || s.Reveal() != "" {
		t.Errorf("empty secret printed as %q", s.String())
	}
	if b, _ := json.Marshal(s); string(b) != `""` {
		t.Errorf("json = %s", b)
	}
	if strings.Contains(Default().String(), "secret") {
		t.Errorf("a config without secrets mentions one:\n%s", Default())
	}
}

// TestStringRoundTrip checks that String prints a config that parses back
// to the same values, secrets aside.
func TestStringRoundTrip(t *testing.T) {
	t.Setenv("STORYWATCH_WEBHOOK_SECRET", "a")
	t.Setenv("SMTP_PASSWORD", "b")
	c, err := Load(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse([]byte(c.String()), "string.yaml")
	if err != nil {
		t.Fatalf("String output does not parse: %v\n%s", err, c)
	}
	// Secrets print as "<secret>"; everything else must survive.
	back.Notify.Webhooks[0].Secret = c.Notify.Webhooks[0].Secret
	back.Notify.Email.Password = c.Notify.Email.Password
	if got, want := back.String(), c.String(); got != want {
		t.Errorf("round trip changed the config:\n got: %s\nwant: %s", got, want)
	}
	if !reflect.DeepEqual(back.Feeds, c.Feeds) || !reflect.DeepEqual(back.Fetch, c.Fetch) || !reflect.DeepEqual(back.Store, c.Store) {
		t.Errorf("round trip changed values")
	}
}
