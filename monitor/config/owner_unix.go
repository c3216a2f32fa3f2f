//go:build unix

package config

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByOther reports whether fi, a file or directory, belongs to a user
// other than this process's effective one.
func ownedByOther(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Geteuid()
}
