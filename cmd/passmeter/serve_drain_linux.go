package main

import (
	"net"
	"syscall"
)

// pending reports whether a connection waits in ln's accept queue: the
// listening socket polls readable. Where that cannot be asked, it says
// no, and waitQuiet goes by the time of the last accept alone.
func pending(ln net.Listener) bool {
	tl, ok := ln.(*net.TCPListener)
	if !ok {
		return false
	}
	rc, err := tl.SyscallConn()
	if err != nil {
		return false
	}
	waiting := false
	rc.Control(func(fd uintptr) {
		if fd >= syscall.FD_SETSIZE {
			return
		}
		var set syscall.FdSet
		set.Bits[fd/64] |= 1 << (fd % 64)
		tv := syscall.Timeval{} // poll, no wait
		n, err := syscall.Select(int(fd)+1, &set, nil, nil, &tv)
		waiting = err == nil && n > 0
	})
	return waiting
}
