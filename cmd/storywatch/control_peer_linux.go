package main

import (
	"net"
	"os"
	"syscall"
)

// peerMayWrite reports whether the process at the other end of c may run
// commands that write (poll, compact, alerts retry): the daemon's own user
// and root may; a member of the daemon's group, who reaches the socket
// only to read, may not. The kernel vouches for the peer's uid
// (SO_PEERCRED), so a client cannot claim another.
func peerMayWrite(c net.Conn) bool {
	uc, ok := c.(*net.UnixConn)
	if !ok {
		return false
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return false
	}
	var cred *syscall.Ucred
	var cerr error
	if err := raw.Control(func(fd uintptr) {
		cred, cerr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil || cerr != nil {
		return false
	}
	return cred.Uid == 0 || int(cred.Uid) == os.Getuid()
}
