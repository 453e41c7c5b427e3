//go:build !unix

package model

// mapMemory falls back to the heap where anonymous mappings are not
// available.
func mapMemory(n int) []byte { return make([]byte, n) }

// unmapMemory leaves the memory to the garbage collector.
func unmapMemory([]byte) {}
