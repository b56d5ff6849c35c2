package pwned

import "syscall"

// adviseRandom tells the kernel that the mapping is read at random, once
// it has been checked: a lookup then reads the page it needs from disk,
// not the read-ahead around it.
func adviseRandom(b []byte) { syscall.Madvise(b, syscall.MADV_RANDOM) }
