package model

import (
	"runtime"
	"testing"
	"unsafe"
	"weak"
)

// An evicted row chunk lives outside the heap: a snapshot taken before the
// eviction still reads it, and once no snapshot holds it its memory is
// unreachable, so that it is given back.
func TestEvictedRowChunkStaysMappedWhileASnapshotHoldsIt(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 3 * rowChunkBytes})
	s.Append(numbered("x", rowChunkRows))
	old := s.Snapshot()
	first := weak.Make(s.held[0].mem)
	want := contents(t, old)[:3]
	for range 8 {
		s.Append(numbered("y", rowChunkRows))
	}
	if s.Stats().Evicted < rowChunkRows {
		t.Fatalf("evicted %d entries: the test must evict the first chunk", s.Stats().Evicted)
	}
	runtime.GC()
	runtime.GC()
	if first.Value() == nil {
		t.Fatal("the first row chunk's memory was released while a snapshot still held it")
	}
	if got := contents(t, old)[:3]; got[0] != want[0] || got[2] != want[2] {
		t.Fatalf("the old snapshot reads %q, want %q", got, want)
	}
	old = nil
	runtime.GC()
	runtime.GC()
	if first.Value() != nil {
		t.Error("the evicted row chunk's memory is still reachable with no snapshot holding it")
	}
}

// The word arena's chunks live outside the heap too, each with its mapping.
func TestWordArenaIsOffHeap(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append(numbered("x", 10))
	sn := s.Snapshot()
	if len(sn.words) == 0 || len(sn.wordPins) != len(sn.words) || sn.wordPins[0] == nil {
		t.Fatalf("%d word chunks, %d mappings: every chunk needs its mapping", len(sn.words), len(sn.wordPins))
	}
	if &sn.words[0][0] != (*uint32)(unsafePointer(sn.wordPins[0].mem)) {
		t.Error("the first word chunk is not the memory of its mapping")
	}
}

// Field values too unique to intern live outside the heap too, and are
// copied out when an entry is loaded.
func TestValueArenaIsOffHeap(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append([]Entry{analytics("conn-1", EventEstablished, t0)})
	sn := s.Snapshot()
	if len(sn.values) == 0 || len(sn.valuePins) != len(sn.values) || sn.valuePins[0] == nil {
		t.Fatalf("%d value chunks, %d mappings: every chunk needs its mapping", len(sn.values), len(sn.valuePins))
	}
	var e Entry
	if err := sn.Load(1, &e, LoadIndex); err != nil {
		t.Fatal(err)
	}
	id := e.Fields.Value(KeyConnID)
	if id != "conn-1" {
		t.Fatalf("connection id %q", id)
	}
	chunk := sn.values[0]
	if p := unsafe.StringData(id); uintptr(unsafe.Pointer(p)) >= uintptr(unsafe.Pointer(&chunk[0])) && uintptr(unsafe.Pointer(p)) < uintptr(unsafe.Pointer(&chunk[0]))+uintptr(len(chunk)) {
		t.Error("a loaded value aliases the off-heap arena")
	}
}
