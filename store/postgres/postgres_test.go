package postgres_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/postgres"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

// TestMigrate: replicas starting together apply each migration once; a
// read-only open of an unmigrated database names the fix; a database from
// a newer storywatch is refused with ErrSchema.
func TestMigrate(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	if _, err := postgres.Open(ctx, dsn, postgres.Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "storywatch migrate") {
		t.Errorf("read-only open of an empty database: %v", err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(ctx, dsn, postgres.Options{})
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent opens: %v", err)
	}
	s := open(t, dsn)
	defer s.Close()
	if applied, err := s.Migrate(ctx); err != nil || len(applied) != 0 {
		t.Errorf("Migrate on a current database applied %v, %v", applied, err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM storywatch_migrations`).Scan(&n); err != nil || n != postgres.SchemaVersion() {
		t.Errorf("migrations recorded %d (want %d), %v", n, postgres.SchemaVersion(), err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO storywatch_migrations (version, name) VALUES ($1, 'future')`, postgres.SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		if _, err := postgres.Open(ctx, dsn, postgres.Options{ReadOnly: ro}); !errors.Is(err, store.ErrSchema) {
			t.Errorf("open (read-only %v) of a newer schema: %v, want ErrSchema", ro, err)
		}
	}
}

func TestRedact(t *testing.T) {
	cases := []struct{ dsn, want string }{
		{"postgres://sw:s3cret@db.example:5432/sw?sslmode=require", "postgres://sw:xxxxx@db.example:5432/sw?sslmode=require"},
		{"postgres://sw@db.example/sw", "postgres://sw@db.example/sw"},
		{"host=db user=sw password=s3cret dbname=sw", "host=db user=sw password=xxxxx dbname=sw"},
	}
	for _, c := range cases {
		if got := postgres.Redact(c.dsn); got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.dsn, got, c.want)
		}
	}
	// A DSN pgx cannot parse must not leak its password in the error.
	_, err := postgres.Open(context.Background(), "postgres://sw:s3cret@db.example:notaport/sw", postgres.Options{})
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("bad DSN error: %v", err)
	}
}
