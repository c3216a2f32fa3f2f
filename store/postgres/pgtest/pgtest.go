// Package pgtest gives tests (and the replica benchmark) a private PostgreSQL schema on the server
// named by $STORYWATCH_TEST_POSTGRES. Without it the tests skip with a
// message, except under CI=true, where PostgreSQL tests must run (.ci/run
// starts a server with .ci/pg-start).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the environment variable holding the test server's DSN.
const EnvDSN = "STORYWATCH_TEST_POSTGRES"

// Base returns the test server's DSN, skipping the test (failing it under
// CI=true) when none is configured.
func Base(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDSN)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/pg-start)", EnvDSN)
		}
		t.Skipf("no PostgreSQL: set %s (e.g. eval \"$(.ci/pg-start)\") to run this test", EnvDSN)
	}
	return base
}

// DSN returns a DSN whose search_path is a new, empty schema, dropped when
// the test ends. It skips the test when no server is configured.
func DSN(t testing.TB) string {
	t.Helper()
	base := Base(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dsn, drop, err := Schema(ctx, base, "t_")
	if err != nil {
		t.Fatalf("test PostgreSQL: %v", err)
	}
	t.Cleanup(drop)
	return dsn
}

// Schema creates a new, empty schema named prefix + random hex on the
// server at base and returns a DSN whose search_path is that schema, and a
// func dropping it (tests, benchmarks).
func Schema(ctx context.Context, base, prefix string) (dsn string, drop func(), err error) {
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := prefix + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return "", nil, fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if conn, err := pgx.Connect(ctx, base); err == nil {
			_, _ = conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`)
			_ = conn.Close(ctx)
		}
	}
	return withParam(base, "search_path", schema), drop, nil
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
