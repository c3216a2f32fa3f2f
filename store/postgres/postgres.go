// Package postgres keeps storywatch's state in PostgreSQL, so several
// storywatch replicas can share one database. It implements the same
// methods, with the same behaviour, as the embedded bbolt store (package
// store); the conformance suite in store/storetest runs on both.
//
// The schema is created and upgraded by versioned SQL migrations embedded
// in the binary (migrations/NNNN_name.sql); Open applies the missing ones
// under an advisory lock, so replicas starting together migrate once, and
// Migrate does it explicitly (`storywatch migrate`).
//
// Article writes are serialised per article by the database: Apply locks
// the article rows it touches (in id order, so two replicas cannot
// deadlock each other on a batch) and versions are keyed by (article, seq).
// Alerts are keyed by their idempotency key.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storywatch/storywatch/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrateLock is the advisory lock key Open and Migrate hold while they
// apply migrations ("storywat" in ASCII).
const migrateLock = 0x73746f7279776174

// Options configures Open.
type Options struct {
	// ReadOnly opens without migrating; a database whose schema is behind
	// this binary is then an error naming `storywatch migrate`. Writes are
	// not refused by the store but by the database user's grants.
	ReadOnly bool
	// SkipSchema opens without checking or migrating the schema; only for
	// calling Migrate.
	SkipSchema bool
	// MaxConns bounds the connection pool; zero means pgxpool's default.
	MaxConns int32
	// Timeout bounds each call; zero means 30 seconds.
	Timeout time.Duration
}

// Store is an open PostgreSQL store. Its methods are safe for concurrent
// use, also by several processes on one database.
type Store struct {
	pool    *pgxpool.Pool
	name    string // the DSN without its password
	timeout time.Duration

	closeOnce sync.Once
}

// Open connects to the database at dsn (a postgres:// URL or key=value
// string), applies missing migrations unless opts.ReadOnly, and refuses a
// database written by a newer storywatch with store.ErrSchema.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	name := Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the DSN, password included.
		return nil, fmt.Errorf("open store %s: parse dsn: %w", name, errors.New(redactErr(err.Error(), dsn)))
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	s := &Store{pool: pool, name: name, timeout: opts.Timeout}
	if s.timeout <= 0 {
		s.timeout = 30 * time.Second
	}
	switch {
	case opts.SkipSchema:
	case opts.ReadOnly:
		err = s.checkSchema(ctx)
	default:
		_, err = s.Migrate(ctx)
	}
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	return s, nil
}

// Close releases the connections. Closing twice is harmless.
func (s *Store) Close() error {
	s.closeOnce.Do(s.pool.Close)
	return nil
}

// Path names the database: its DSN without the password.
func (s *Store) Path() string { return s.name }

// Redact returns dsn with its password replaced by "xxxxx", for logs and
// messages: the password is a secret.
func Redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" && u.Host != "" {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		return u.String()
	}
	if m := urlPassword.FindStringSubmatchIndex(dsn); m != nil {
		// A URL net/url refuses (a bad port, say) may still hold one.
		return dsn[:m[2]] + "xxxxx" + dsn[m[3]:]
	}
	// key=value form: drop password=...
	var out []string
	for _, f := range strings.Fields(dsn) {
		if strings.HasPrefix(strings.ToLower(f), "password=") {
			f = "password=xxxxx"
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// urlPassword finds the password of a postgres:// URL.
var urlPassword = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:([^@]*)@`)

// redactErr removes dsn's password from msg.
func redactErr(msg, dsn string) string {
	if m := urlPassword.FindStringSubmatch(dsn); m != nil && m[1] != "" {
		msg = strings.ReplaceAll(msg, m[1], "xxxxx")
	}
	for _, f := range strings.Fields(dsn) {
		if k, v, ok := strings.Cut(f, "="); ok && strings.EqualFold(k, "password") && v != "" {
			msg = strings.ReplaceAll(msg, v, "xxxxx")
		}
	}
	return msg
}

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{v, e.Name(), string(b)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

const createMigrations = `CREATE TABLE IF NOT EXISTS storywatch_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`

// current returns the database's schema version (0: none).
func current(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (int, error) {
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('storywatch_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	if !exists {
		return 0, nil
	}
	var v int
	if err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM storywatch_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// checkSchema accepts only a database at this binary's schema version.
func (s *Store) checkSchema(ctx context.Context) error {
	v, err := current(ctx, s.pool)
	if err != nil {
		return err
	}
	want := SchemaVersion()
	switch {
	case v > want:
		return fmt.Errorf("schema version %d, this storywatch reads up to %d: %w", v, want, store.ErrSchema)
	case v < want:
		return fmt.Errorf("schema version %d, this storywatch needs %d: run `storywatch migrate`", v, want)
	}
	return nil
}

// Migrate applies the embedded migrations the database lacks, each in its
// own transaction, and returns their names. Concurrent callers wait on an
// advisory lock, so each migration runs once.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLock)); err != nil {
		return nil, fmt.Errorf("migrate: lock: %w", err)
	}
	defer func() {
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrateLock))
	}()
	if _, err := conn.Exec(ctx, createMigrations); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	have, err := current(ctx, conn)
	if err != nil {
		return nil, err
	}
	if have > len(ms) {
		return nil, fmt.Errorf("schema version %d, this storywatch reads up to %d: %w", have, len(ms), store.ErrSchema)
	}
	var applied []string
	for _, m := range ms[have:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO storywatch_migrations (version, name) VALUES ($1, $2)`, m.version, m.name)
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("migrate %s: %w", m.name, err)
		}
		applied = append(applied, m.name)
	}
	return applied, nil
}

// ctx returns a context bounded by the store's timeout.
func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// timeLayout is the fixed-width form times are stored in: its text order is
// time order for years 1 to 9999, and it keeps nanoseconds.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// ts formats t for storage; the zero time is the smallest value.
func ts(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTS reads a stored time; the zero time comes back as time.Time{}.
func parseTS(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("read time %q: %w", s, err)
	}
	if t.IsZero() {
		return time.Time{}, nil
	}
	return t, nil
}

// parseTimes reads stored times src[i] into dst[i].
func parseTimes(src []string, dst ...*time.Time) error {
	for i, d := range dst {
		t, err := parseTS(src[i])
		if err != nil {
			return err
		}
		*d = t
	}
	return nil
}

// clean makes s storable in a text or jsonb column, which refuse NUL and
// invalid UTF-8: each becomes U+FFFD. A page with such bytes is stored
// rather than failing the batch of articles it was committed with; the
// version's hash, computed by the caller, is kept as given.
func clean(s string) string {
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// retryable reports whether err is a deadlock or serialisation failure, after
// which the whole transaction may simply run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// inTx runs fn in a transaction, again (up to five times) when the database
// aborted it for a deadlock or serialisation failure.
func (s *Store) inTx(fn func(ctx context.Context, tx pgx.Tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		ctx, cancel := s.ctx()
		err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(ctx, tx) })
		cancel()
		if !retryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
	}
	return err
}

// notFound maps pgx's no-rows error to store.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	return err
}

// collect is pgx.CollectRows returning nil for no rows, as the bbolt store
// does: the two must encode alike (JSON null, not []).
func collect[T any](rows pgx.Rows, fn pgx.RowToFunc[T]) ([]T, error) {
	out, err := pgx.CollectRows(rows, fn)
	if len(out) == 0 {
		out = nil
	}
	return out, err
}
