package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// boltMagic is the number bbolt writes into both meta pages of every
// database file, after each page's 16-byte header (page id, flags, count,
// overflow), in the machine's byte order.
const (
	boltMagic       = 0xED0CDAED
	boltMagicOffset = 16
)

// CheckFile says whether the file at path can be a storywatch store,
// reading only its first bytes (no lock, so it answers while the daemon
// holds the store): nil for a missing or empty file (a write-open makes
// it a store) and for a bbolt database; an error wrapping
// store.ErrNotStore that names path and what it holds for a directory or
// a file of another kind. Before, store.path pointing at an SQLite file,
// a log or a directory by mistake failed every command with bbolt's bare
// "invalid database", and `check` passed it.
func CheckFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a directory, %w; name the store file in it (%s)", path, store.ErrNotStore, filepath.Join(path, "storywatch.db"))
	}
	head := make([]byte, 64)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read %s: %w", path, err)
	}
	head = head[:n]
	if n == 0 {
		return nil
	}
	if n >= boltMagicOffset+4 {
		m := head[boltMagicOffset : boltMagicOffset+4]
		if binary.LittleEndian.Uint32(m) == boltMagic || binary.BigEndian.Uint32(m) == boltMagic {
			return nil
		}
	}
	return fmt.Errorf("%s is %w: it is no bbolt database (it begins %s); point store.path at the storywatch store, or at a new file", path, store.ErrNotStore, describeHead(head))
}

// describeHead shows a file's first bytes to a person: as text when they
// are printable once trailing NULs are cut (an SQLite file begins
// "SQLite format 3\x00"), else in hex.
func describeHead(head []byte) string {
	head = bytes.TrimRight(head[:min(len(head), 16)], "\x00")
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f {
			return fmt.Sprintf("% x", head)
		}
	}
	return strconv.Quote(string(head))
}

// foreignBuckets returns the top-level buckets of a bbolt database that
// storywatch never wrote: every storywatch store has held the meta
// bucket since its first write-open, so a database with buckets and no
// meta bucket belongs to another program (nil when it has meta, or no
// bucket at all: a new file a write-open may take).
func foreignBuckets(tx *bbolt.Tx) []string {
	if tx.Bucket(bucketMeta) != nil {
		return nil
	}
	var names []string
	_ = tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
		names = append(names, strconv.Quote(string(name)))
		return nil
	})
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	return names
}
