package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// schemaVersion is the layout this package writes. Bump it when a change
// would make older binaries misread the file. Schema 2 added binary
// (format 2) version records and dictionaries, which schema 1 binaries
// cannot read; a write-open upgrades a schema 1 file, whose format 1
// records stay readable. Schema 3 stores new articles' versions in the
// flat record and index buckets (versionset.go) and URLs in the hashed
// urls bucket (urls.go), which schema 2 binaries would not see; what was
// stored before stays where it was, readable.
const schemaVersion = 3

// defaultTimeout is how long Open waits for the file lock when
// Options.Timeout is zero.
const defaultTimeout = time.Second

var (
	bucketMeta       = []byte("meta")
	bucketArticles   = []byte("articles")
	bucketAliases    = []byte("aliases")
	bucketVersions   = []byte("versions")
	bucketChanges    = []byte("changes")
	bucketArtChanges = []byte("artchanges")
	bucketFeeds      = []byte("feeds")
	bucketOutbox     = []byte("outbox")
	bucketDead       = []byte("dead")
	bucketDelivered  = []byte("delivered")

	keySchema = []byte("schema")

	allBuckets = [][]byte{
		bucketMeta, bucketArticles, bucketAliases, bucketVersions, bucketChanges,
		bucketArtChanges, bucketFeeds, bucketOutbox, bucketDead, bucketDelivered,
		bucketRecords, bucketIndex, bucketURLs,
	}
)

// Options configures Open.
type Options struct {
	// ReadOnly opens the file with a shared lock; every write method then
	// fails. Several read-only opens may coexist, but none while a writer
	// holds the file. The file must already exist.
	ReadOnly bool
	// Timeout is how long Open waits for the file lock before it gives up
	// with ErrLocked. Zero means one second; it never waits forever.
	Timeout time.Duration

	// noSync skips fsync on commit; only the package's benchmarks use it to
	// build large fixtures quickly.
	noSync bool
}

// Store is an open storywatch database. Its methods are safe for concurrent
// use; writes are serialised by bbolt.
type Store struct {
	db    *bbolt.DB
	path  string
	codec *codec

	closeOnce sync.Once
	closeErr  error
}

// Open opens (and on a write-open creates) the store file at path. A
// write-open creates the buckets and records the schema version; a store
// written by a newer storywatch is refused with ErrSchema. When another
// process holds the lock, Open fails with an error wrapping ErrLocked.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	if !opts.ReadOnly {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("create store directory %s: %w", dir, err)
			}
		}
	}
	if err := CheckFile(path); errors.Is(err, store.ErrNotStore) {
		return nil, err // it names the path
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{
		Timeout:  timeout,
		ReadOnly: opts.ReadOnly,
		NoSync:   opts.noSync,
	})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("open store %s: another storywatch process (probably the daemon) holds it: %w", path, store.ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if opts.ReadOnly {
		err = db.View(checkSchema)
	} else {
		err = db.Update(initSchema)
	}
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	c, err := newCodec()
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path, codec: c}
	if err := db.View(s.loadDicts); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	c.settle()
	return s, nil
}

// checkSchema refuses a file whose schema is newer than this binary's,
// and a bbolt database of another program (before, a read-open showed it
// as an empty store and a write-open added storywatch's buckets to it).
func checkSchema(tx *bbolt.Tx) error {
	if names := foreignBuckets(tx); names != nil {
		return fmt.Errorf("%w: a bbolt database of another program (buckets %s)", store.ErrNotStore, strings.Join(names, ", "))
	}
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil
	}
	v := meta.Get(keySchema)
	if v == nil {
		return nil
	}
	if len(v) != 4 {
		return fmt.Errorf("read schema version: malformed value of %d bytes", len(v))
	}
	if got := binary.BigEndian.Uint32(v); got > schemaVersion {
		return fmt.Errorf("schema version %d, this storywatch reads up to %d: %w", got, schemaVersion, store.ErrSchema)
	}
	return nil
}

// initSchema creates missing buckets and records (or upgrades to) the
// schema version.
func initSchema(tx *bbolt.Tx) error {
	if err := checkSchema(tx); err != nil {
		return err
	}
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	if v := meta.Get(keySchema); len(v) != 4 || binary.BigEndian.Uint32(v) < schemaVersion {
		if err := meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, schemaVersion)); err != nil {
			return fmt.Errorf("write schema version: %w", err)
		}
	}
	return nil
}

// Close releases the file lock and the compression state. Closing twice is
// harmless.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if err := s.db.Close(); err != nil {
			s.closeErr = fmt.Errorf("close store %s: %w", s.path, err)
		}
		s.codec.close()
	})
	return s.closeErr
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// copyBytes returns a copy of b, which bbolt only lends for the life of a
// transaction.
func copyBytes(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte(nil), b...)
}
