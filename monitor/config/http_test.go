package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTTPValidation has one case per http rule, like TestParseValidation.
func TestHTTPValidation(t *testing.T) {
	tests := []struct {
		name     string
		yaml     string
		wantPath string
		wantLine int
		wantMsg  string
	}{
		{"listen on every interface without auth", "http:\n  listen: :8080\n", "http.listen", 2, "set http.auth"},
		{"listen on a LAN address without auth", "http:\n  listen: 192.168.1.5:8080\n", "http.listen", 2, "reachable from other hosts"},
		{"listen without port", "http:\n  listen: 127.0.0.1\n", "http.listen", 2, "host:port"},
		{"listen on a port out of range", "http:\n  listen: localhost:99999\n", "http.listen", 2, `invalid port "99999"`},
		{"listen on a port that is no number", "http:\n  listen: 127.0.0.1:eighty\n", "http.listen", 2, `invalid port "eighty"`},
		{"token twice", "http:\n  auth:\n    token: a\n    token_file: /t\n", "http.auth.token_file", 4, "not both"},
		{"password twice", "http:\n  auth:\n    username: u\n    password: a\n    password_file: /p\n", "http.auth.password_file", 5, "not both"},
		{"user without password", "http:\n  auth:\n    username: desk\n", "http.auth.username", 3, "has no password"},
		{"password without user", "http:\n  auth:\n    password: x\n", "http.auth.username", 2, "needs a username"},
		{"colon in user", "http:\n  auth:\n    username: a:b\n    password: x\n", "http.auth.username", 3, "must not contain ':'"},
		{"base url relative", "http:\n  base_url: /sw\n", "http.base_url", 2, "absolute http or https"},
		{"base url with query", "http:\n  base_url: https://x.example/?a=1\n", "http.base_url", 2, "query or fragment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(feed+tt.yaml), "test.yaml")
			ps := Problems(err)
			if len(ps) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", len(ps), err)
			}
			p := ps[0]
			if p.Path != tt.wantPath || p.Line != tt.wantLine+2 {
				t.Errorf("problem at %s line %d, want %s line %d: %v", p.Path, p.Line, tt.wantPath, tt.wantLine+2, p)
			}
			if !strings.Contains(p.Msg, tt.wantMsg) {
				t.Errorf("message %q does not contain %q", p.Msg, tt.wantMsg)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
		})
	}
}

func TestHTTPListenAllowed(t *testing.T) {
	for _, y := range []string{
		"http:\n  listen: 127.0.0.1:8080\n",
		"http:\n  listen: \"[::1]:8080\"\n",
		"http:\n  listen: localhost:8080\n",
		"http:\n  listen: 0.0.0.0:8080\n  public: true\n",
		"http:\n  listen: :8080\n  auth:\n    token: t0ken\n",
		"http:\n  listen: 10.0.0.2:8080\n  auth:\n    username: desk\n    password: pw\n",
	} {
		if _, err := Parse([]byte(feed+y), "test.yaml"); err != nil {
			t.Errorf("%q: %v", y, err)
		}
	}
}

func TestCheckListenExposed(t *testing.T) {
	err := HTTP{}.CheckListen("0.0.0.0:80")
	if !errors.Is(err, ErrExposed) {
		t.Fatalf("CheckListen(0.0.0.0:80) = %v, want ErrExposed", err)
	}
	if err := (HTTP{}).CheckListen("127.0.0.2:80"); err != nil {
		t.Errorf("127.0.0.2 is loopback: %v", err)
	}
}

// TestHTTPAuthSecrets reads the token and password from files and from the
// environment and checks that no printing path shows them.
func TestHTTPAuthSecrets(t *testing.T) {
	const token, password = "tok-VALUE-7", "pw-VALUE-8"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tok"), []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SW_TEST_HTTP_PW", password)
	path := filepath.Join(dir, "config.yaml")
	text := feed + "http:\n  listen: \":8080\"\n  auth:\n    token_file: tok\n    username: desk\n    password: ${SW_TEST_HTTP_PW}\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Auth.Token.Reveal() != token || c.HTTP.Auth.Password.Reveal() != password {
		t.Fatal("secrets not loaded")
	}
	for name, out := range map[string]string{
		"String": c.String(), "%+v": fmt.Sprintf("%+v", *c), "%#v": fmt.Sprintf("%#v", c.HTTP),
	} {
		if strings.Contains(out, token) || strings.Contains(out, password) {
			t.Errorf("%s shows a secret: %s", name, out)
		}
	}
	// Validating again must not report the token as set twice.
	if err := c.Validate(); err != nil {
		t.Errorf("second Validate: %v", err)
	}
}
