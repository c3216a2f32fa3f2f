package config

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// HTTP configures the web view, Atom feeds, /metrics and /healthz served by
// `storywatch serve`, and by `storywatch run` when Listen is set.
type HTTP struct {
	// Listen is the TCP address ("127.0.0.1:8080"). Empty: `run` serves no
	// HTTP and `serve` listens on DefaultListen. An address that is not
	// loopback needs Auth or Public.
	Listen string `yaml:"listen" json:"listen"`
	// Public allows a non-loopback Listen without Auth: the view is then
	// open to anyone who can reach it. Default false.
	Public bool `yaml:"public" json:"public"`
	// BaseURL is the address readers use ("https://news.example.org/sw"),
	// for the absolute links of the Atom feeds; empty takes the request's
	// Host header.
	BaseURL string `yaml:"base_url,omitempty" json:"base_url,omitempty"`
	// Auth guards every route but /healthz and /readyz; empty is no auth.
	Auth HTTPAuth `yaml:"auth" json:"auth"`
}

// HTTPAuth is a bearer token, or a user name and password (HTTP basic
// auth), or both; each secret may come from a file instead.
type HTTPAuth struct {
	// Token is accepted as "Authorization: Bearer TOKEN".
	Token Secret `yaml:"token,omitempty" json:"token,omitempty"`
	// TokenFile names a file holding the token (trailing newline trimmed),
	// relative to the config file; exclusive with Token. Load reads it.
	TokenFile string `yaml:"token_file,omitempty" json:"token_file,omitempty"`
	// Username and Password are accepted as HTTP basic auth; both or neither.
	Username string `yaml:"username,omitempty" json:"username,omitempty"`
	// Password: see Username; exclusive with PasswordFile.
	Password Secret `yaml:"password,omitempty" json:"password,omitempty"`
	// PasswordFile names a file holding the password; see TokenFile.
	PasswordFile string `yaml:"password_file,omitempty" json:"password_file,omitempty"`

	tokenFromFile, passwordFromFile bool
}

// DefaultListen is where `serve` listens when neither http.listen nor
// --listen says otherwise.
const DefaultListen = "127.0.0.1:8080"

// ErrExposed is returned by CheckListen for an address other hosts can
// reach while no auth is set and public is false.
var ErrExposed = errors.New("non-loopback address without auth")

// Enabled reports whether some form of auth is configured.
func (a HTTPAuth) Enabled() bool { return a.Token != "" || a.Username != "" }

// CheckListen checks that addr is a host:port and that serving on it is
// allowed: loopback always; any other address only with auth or public.
func (h HTTP) CheckListen(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: want host:port such as %s: %w", addr, DefaultListen, err)
	}
	if port == "" {
		return fmt.Errorf("listen address %q: no port", addr)
	}
	// a port out of range (or a service name unknown here) is found now,
	// not when serve or run first listens
	if _, err := net.LookupPort("tcp", port); err != nil {
		return fmt.Errorf("listen address %q: invalid port %q: %w", addr, port, err)
	}
	if Loopback(host) || h.Public || h.Auth.Enabled() {
		return nil
	}
	return fmt.Errorf("listen address %q is reachable from other hosts: set http.auth (a token or a user and password) or http.public: true: %w", addr, ErrExposed)
}

// Loopback reports whether host names only the local machine: "localhost",
// 127.0.0.0/8 or ::1. An empty host (every interface) is not loopback.
func Loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

func (v *validator) http(h HTTP) {
	if h.Listen != "" {
		if err := h.CheckListen(h.Listen); err != nil {
			v.addErr("http.listen", errors.Join(ErrInvalid, err), "%v", err)
		}
	}
	if h.BaseURL != "" {
		if u, ok := v.httpURL("http.base_url", h.BaseURL); ok && (u.RawQuery != "" || u.Fragment != "") {
			v.add("http.base_url", "must not carry a query or fragment, got %q", h.BaseURL)
		}
	}
	a := h.Auth
	if a.Token != "" && a.TokenFile != "" && !a.tokenFromFile {
		v.add("http.auth.token_file", "set either token or token_file, not both")
	}
	if a.Password != "" && a.PasswordFile != "" && !a.passwordFromFile {
		v.add("http.auth.password_file", "set either password or password_file, not both")
	}
	if a.Username != "" && a.Password == "" && a.PasswordFile == "" {
		v.add("http.auth.username", "%q has no password (password or password_file)", a.Username)
	}
	if a.Username == "" && (a.Password != "" || a.PasswordFile != "") {
		v.add("http.auth.username", "a password needs a username")
	}
	if strings.Contains(a.Username, ":") {
		v.add("http.auth.username", "must not contain ':' (basic auth separates user and password with it)")
	}
}
