//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package pwned

import (
	"os"
	"syscall"
)

// mapFile maps f read-only: pages come from the page cache on demand, so a
// store larger than memory still answers, and every process serving it
// shares one copy.
func mapFile(f *os.File, size int64) ([]byte, func() error, error) {
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return b, func() error { return syscall.Munmap(b) }, nil
}
