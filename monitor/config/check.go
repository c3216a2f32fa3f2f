package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Check loads the config file at path like Load and returns every problem
// found, in file order: YAML syntax, unset environment variables, unknown
// keys, wrong types, unreadable secret files and broken validation rules,
// each with its line and column where known; then, for the bbolt store,
// whether this user can open or create the store file (see storeProblem).
// Nil means the file is good. `storywatch check` prints one
// Problem.Error() per line.
func Check(path string) []Problem {
	c, ps := load(path, os.LookupEnv)
	if c == nil || hasProblemAt(ps, "store") {
		return ps
	}
	if p := c.storeProblem(); p != nil {
		ps = append(ps, *p)
		sortProblems(ps)
	}
	return ps
}

// hasProblemAt reports whether a problem of ps is at path or within it.
func hasProblemAt(ps []Problem, path string) bool {
	for _, p := range ps {
		if p.Path != "" && within(p.Path, path) {
			return true
		}
	}
	return false
}

// storeProblem checks that the bbolt store at store.path can be opened for
// writing by this process's user, as `run` and `poll` will: an existing
// store must be a file this user may open read-write; a new one's nearest
// existing directory must take a new entry (probed by creating and removing
// an empty temporary directory there, nothing else). A path under /proc,
// under a file, or in a read-only place passed `check` and failed the
// daemon at start. It returns nil for a PostgreSQL store and for a usable
// path. The daemon may run as another user: the message says whose view it
// is.
func (c *Config) storeProblem() *Problem {
	if c.Store.Driver == DriverPostgres || c.Store.Path == "" {
		return nil
	}
	err := probeStorePath(c.Store.Path)
	if err == nil {
		return nil
	}
	pos := c.Position("store.path")
	return &Problem{File: c.file, Path: "store.path", Line: pos.Line, Column: pos.Column,
		Msg: fmt.Sprintf("store %s is not usable by this user (uid %d): %v", c.Store.Path, os.Getuid(), err),
		Err: errors.Join(ErrInvalid, err)}
}

// notThere reports whether a stat error says the path does not exist, or
// runs through a file ("/etc/passwd/x.db"), which the walk up then names.
func notThere(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// probeStorePath says why a bbolt file at path could not be opened for
// writing or created, or nil.
//
// othersRefusal: a permission refusal on a store file, or on the
// directory a new one goes in, that another user owns is no problem. The
// daemon runs as its own user (storywatch, in the systemd unit), and the
// operators of its group run `check` with its config: the store is 0640
// and its directory 0750 to them, and every such check failed. Only the
// owner's view tells; a place this user owns and may not write, or one no
// user may write (/proc, a path under a file), is still a problem.
func probeStorePath(path string) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s is a directory; name the store file in it (%s)", path, filepath.Join(path, "storywatch.db"))
	case err == nil:
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrPermission) && ownedByOther(fi) {
			return nil // the daemon's own user may write it (see othersRefusal)
		}
		if err != nil {
			return fmt.Errorf("open for writing: %w", err)
		}
		return f.Close()
	case !notThere(err):
		return err
	}
	// The file is new: find the directory it, or the directories above
	// it that `run` creates, would go in.
	dir := filepath.Dir(filepath.Clean(path))
	var dirInfo fs.FileInfo
	for {
		dirInfo, err = os.Stat(dir)
		if err == nil {
			if !dirInfo.IsDir() {
				return fmt.Errorf("%s is not a directory", dir)
			}
			break
		}
		if !notThere(err) {
			return err
		}
		up := filepath.Dir(dir)
		if up == dir {
			return fmt.Errorf("no directory of %s exists", path)
		}
		dir = up
	}
	probe, err := os.MkdirTemp(dir, ".storywatch-check-")
	if errors.Is(err, fs.ErrPermission) && ownedByOther(dirInfo) {
		return nil // the daemon's own user may create it (see othersRefusal)
	}
	if err != nil {
		return fmt.Errorf("cannot create the store in %s: %w", dir, errors.Unwrap(err))
	}
	return os.Remove(probe)
}
