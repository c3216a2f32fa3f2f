// Package pgtest gives tests a private PostgreSQL schema on the server
// named by $STORYWATCH_TEST_POSTGRES. Without it the tests skip with a
// message, except under CI=true, where PostgreSQL tests must run (.ci/run
// starts a server with .ci/pg-start).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the environment variable holding the test server's DSN.
const EnvDSN = "STORYWATCH_TEST_POSTGRES"

// DSN returns a DSN whose search_path is a new, empty schema, dropped when
// the test ends. It skips the test when no server is configured.
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDSN)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/pg-start)", EnvDSN)
		}
		t.Skipf("no PostgreSQL: set %s (e.g. eval \"$(.ci/pg-start)\") to run this test", EnvDSN)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to test PostgreSQL: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := pgx.Connect(ctx, base); err == nil {
			_, _ = conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`)
			_ = conn.Close(ctx)
		}
	})
	return withParam(base, "search_path", schema)
}

// withParam adds a runtime parameter to a URL or key=value DSN.
func withParam(dsn, key, value string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		q := u.Query()
		q.Set(key, value)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(dsn) + " " + key + "=" + value
}
