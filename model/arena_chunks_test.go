package model

import (
	"strings"
	"testing"
	"time"
)

// withArenaChunks gives s, a store nothing was written to, chunks of n raw
// bytes whatever its budget: for tests whose budgets are reckoned in
// chunks of arenaChunkBytes.
func withArenaChunks(s *Store, n int) *Store {
	s.arena = byteArena{newChunked[byte](n)}
	return s
}

// A store under a small budget holds most of its budget's worth of lines
// whose raw bytes it keeps (a piped log), not one or two chunks of them:
// its raw bytes' chunks are a sixty-fourth of the budget.
func TestASmallBudgetHoldsItsWorthOfHeldLines(t *testing.T) {
	const budget = 16 << 20
	s := NewStore(StoreOptions{MaxMemory: budget})
	line := strings.Repeat("x", 180)
	at := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	least := int64(-1) // the fewest lines held after an eviction
	for b := range 400 {
		batch := make([]Entry, 1000)
		for i := range batch {
			batch[i] = Entry{Time: at.Add(time.Duration(b*1000+i) * time.Millisecond), Kind: KindText, Level: LevelInfo,
				Raw: []byte(line), Origin: Origin{Offset: -1}}
		}
		s.Append(batch)
		if st := s.Stats(); st.Evicted > 0 && (least < 0 || st.Entries < least) {
			least = st.Entries
		}
	}
	// 16 MiB holds some 85,000 such lines; after an eviction (of 16,384
	// rows at once) half of them at least.
	if least < 42_000 {
		t.Errorf("a budget of 16 MiB held as few as %d lines of 180 bytes after an eviction (want 42,000 or more)", least)
	}
	if arenaChunkFor(budget) != 256<<10 || arenaChunkFor(0) != arenaChunkBytes || arenaChunkFor(1<<30) != arenaChunkBytes {
		t.Errorf("chunks of %d, %d and %d bytes for budgets of 16 MiB, none and 1 GiB", arenaChunkFor(budget), arenaChunkFor(0), arenaChunkFor(1<<30))
	}
}
