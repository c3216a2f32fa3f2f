package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

// TestUpgradeFromSchema1: a database a schema-1 storywatch wrote (no
// replica tables) is migrated on open and keeps its data: the pending
// alert is listed and can be claimed, the article read.
func TestUpgradeFromSchema1(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{createMigrations, ms[0].sql,
		`INSERT INTO storywatch_migrations (version, name) VALUES (1, '0001_init.sql')`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old := &Store{timeout: time.Minute}
	if old.pool, err = pgxpool.New(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	// What a schema-1 binary writes: Apply touches no replica table.
	if _, err := old.Apply([]store.Update{{
		Article: store.Article{URL: "https://news.example/a"},
		Version: &store.Version{Title: "T", Text: "text", FetchedAt: time.Now()},
		Alerts:  []store.OutboxEntry{{Key: "k", Channel: "email", Created: time.Now()}},
	}}, nil); err != nil {
		t.Fatalf("apply on schema 1: %v", err)
	}
	old.pool.Close()

	if _, err := Open(ctx, dsn, Options{ReadOnly: true}); err == nil {
		t.Error("a read-only open of a schema-1 database succeeded")
	}
	s, err := Open(ctx, dsn, Options{})
	if err != nil {
		t.Fatalf("open (migrating) a schema-1 database: %v", err)
	}
	defer s.Close()
	if v, err := current(ctx, s.pool); err != nil || v != SchemaVersion() {
		t.Errorf("schema after open %d, %v", v, err)
	}
	if a, err := s.Article("https://news.example/a"); err != nil || a.Versions != 1 {
		t.Errorf("article after upgrade: %+v, %v", a, err)
	}
	got, err := s.ClaimDueAlerts(time.Now(), 0, "r", time.Minute)
	if err != nil || len(got) != 1 || got[0].Key != "k" {
		t.Errorf("alert after upgrade: %+v, %v", got, err)
	}
}
