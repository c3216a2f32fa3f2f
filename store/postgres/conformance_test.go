package postgres_test

import (
	"context"
	"testing"

	"github.com/storywatch/storywatch/store/postgres"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
	"github.com/storywatch/storywatch/store/storetest"
)

func open(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 4})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestConformance runs the suite every store implementation passes on
// PostgreSQL, each subtest in its own schema.
func TestConformance(t *testing.T) {
	dsns := map[storetest.Store]string{}
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) storetest.Store {
			dsn := pgtest.DSN(t)
			s := open(t, dsn)
			dsns[s] = dsn
			return s
		},
		Reopen: func(t *testing.T, s storetest.Store) storetest.Store {
			dsn := dsns[s]
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2 := open(t, dsn)
			dsns[s2] = dsn
			return s2
		},
	})
}
