package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// readSecretFiles loads every *_file secret that is set alone. A secret
// set both ways is left for validate to report.
func (c *Config) readSecretFiles(dir string) []Problem {
	ps := c.readDSNFile(dir)
	read := func(path, file string) (Secret, bool) {
		v, p := c.readSecret(dir, path, file)
		ps = append(ps, p...)
		return v, p == nil
	}
	for i := range c.Notify.Webhooks {
		h := &c.Notify.Webhooks[i]
		if h.SecretFile != "" && h.Secret == "" {
			h.Secret, h.secretFromFile = read(fmt.Sprintf("notify.webhooks[%d].secret_file", i), h.SecretFile)
		}
		if h.TokenFile != "" && h.Token == "" {
			h.Token, h.tokenFromFile = read(fmt.Sprintf("notify.webhooks[%d].token_file", i), h.TokenFile)
		}
	}
	if e := c.Notify.Email; e != nil && e.PasswordFile != "" && e.Password == "" {
		e.Password, e.passwordFromFile = read("notify.email.password_file", e.PasswordFile)
	}
	if a := &c.HTTP.Auth; a.TokenFile != "" && a.Token == "" {
		a.Token, a.tokenFromFile = read("http.auth.token_file", a.TokenFile)
	}
	if a := &c.HTTP.Auth; a.PasswordFile != "" && a.Password == "" {
		a.Password, a.passwordFromFile = read("http.auth.password_file", a.PasswordFile)
	}
	return ps
}

// readSecret reads the secret file at config path path; a failure is its
// problem.
func (c *Config) readSecret(dir, path, file string) (Secret, []Problem) {
	v, err := readSecretFile(dir, file)
	if err != nil {
		pos := c.Position(path)
		return "", []Problem{{File: c.file, Path: path, Line: pos.Line, Column: pos.Column,
			Msg: err.Error(), Err: errors.Join(ErrSecretFile, err)}}
	}
	return v, nil
}

// readDSNFile loads store.dsn_file when it is set alone. The read commands
// need it too: under driver postgres they read the database themselves.
func (c *Config) readDSNFile(dir string) []Problem {
	st := &c.Store
	if st.DSNFile == "" || st.DSN != "" {
		return nil
	}
	v, ps := c.readSecret(dir, "store.dsn_file", st.DSNFile)
	st.DSN, st.dsnFromFile = v, ps == nil
	return ps
}

// readSecretFile reads a secret file, trimming the trailing newline that
// editors and `echo` add.
func readSecretFile(dir, file string) (Secret, error) {
	p := file
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Errorf("read secret file: %w", err)
	}
	v := strings.TrimRight(string(data), "\r\n")
	if v == "" {
		return "", fmt.Errorf("secret file %s is empty", p)
	}
	return Secret(v), nil
}
