//go:build !linux

package pwned

func adviseRandom([]byte) {}
