package model

import (
	"strings"
	"sync"
)

// symChunkSize is how many interned strings one chunk holds. Chunks never
// move once allocated, so readers can index them without locks.
const symChunkSize = 4096

// symtab interns strings that repeat across entries (users, resources,
// modules, hosts, field keys). Id 0 is the empty string. One goroutine
// writes; readers look strings up through a published directory.
type symtab struct {
	mu     sync.Mutex // guards ids against concurrent interning (writer vs. pairing lookups)
	ids    map[string]uint32
	chunks [][]string
	n      uint32
	bytes  int64
}

func newSymtab() *symtab {
	t := &symtab{ids: make(map[string]uint32)}
	t.intern("")
	return t
}

// intern returns the id of s, adding it if new.
func (t *symtab) intern(s string) uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if id, ok := t.ids[s]; ok {
		return id
	}
	s = strings.Clone(s) // s may be a slice of a whole decoded line: do not pin it
	id := t.n
	if int(id)%symChunkSize == 0 {
		t.chunks = append(t.chunks, make([]string, symChunkSize))
	}
	t.chunks[id/symChunkSize][id%symChunkSize] = s
	t.ids[s] = id
	t.n++
	t.bytes += int64(len(s)) + symOverhead
	return id
}

// lookup returns the id of s without adding it.
func (t *symtab) lookup(s string) (uint32, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, ok := t.ids[s]
	return id, ok
}

// directory returns the chunk list as it is now; strings with ids below
// the count returned are immutable and safe to read from any goroutine.
func (t *symtab) directory() [][]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.chunks
}

// symOverhead approximates the bytes a map entry and a string header cost.
const symOverhead = 48

func symAt(dir [][]string, id uint32) string {
	return dir[id/symChunkSize][id%symChunkSize]
}
