//go:build unix

package model

import "syscall"

// mapMemory returns n bytes of anonymous private memory, zeroed, committed
// page by page as it is first written. The store cannot go on without it,
// as with any allocation, so a failure panics like the runtime's own.
func mapMemory(n int) []byte {
	mem, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		panic("connlog: out of memory for the entry index: " + err.Error())
	}
	return mem
}

// unmapMemory gives a mapping's memory back to the system.
func unmapMemory(mem []byte) { _ = syscall.Munmap(mem) }
