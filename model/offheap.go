package model

import (
	"runtime"
	"unsafe"
)

// mapping is a block of memory outside the Go heap for the store's largest
// arrays, which hold no pointers: the row chunks, the attribute words, the
// field values too unique to intern and the connection records.
// Kept on the heap, they would count towards the garbage collector's goal,
// and with the default GOGC of 100 the heap may grow to twice what is live
// before a collection: the index of a large file would cost twice its
// size in resident memory. A mapping is released once nothing refers to
// it, neither the store nor any snapshot still reading it, so an evicted
// chunk stays readable for as long as an older snapshot holds it.
type mapping struct {
	mem []byte
}

// newMapping returns a zeroed mapping of at least n bytes (n > 0).
func newMapping(n int) *mapping {
	m := &mapping{mem: mapMemory(n)}
	runtime.AddCleanup(m, unmapMemory, m.mem)
	return m
}

// mappedSlice returns an off-heap slice of n elements of T and the mapping
// that holds it. T must hold no pointers: the collector does not see into
// a mapping.
func mappedSlice[T byte | uint32](n int) ([]T, *mapping) {
	var zero T
	m := newMapping(n * int(unsafe.Sizeof(zero)))
	return unsafe.Slice((*T)(unsafePointer(m.mem)), n), m
}

// newRowChunk returns a zeroed row chunk outside the heap and its mapping.
// Only the pages of its dictionary that are written become resident.
func newRowChunk() (*rowChunk, *mapping) {
	m := newMapping(int(unsafe.Sizeof(rowChunk{})))
	return (*rowChunk)(unsafePointer(m.mem)), m
}

// unsafePointer returns the address of mem's first byte.
func unsafePointer(mem []byte) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(mem)) }
