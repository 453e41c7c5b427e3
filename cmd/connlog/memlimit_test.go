package main

import (
	"testing"
	"time"
)

// The status line's meter compares the store's use with the store's share
// of --max-memory, what the store evicts past, not with the whole budget:
// under 64MiB the store evicted past 28.8MiB, and a meter of 29MiB/64MiB
// never looked near full while most of the file was evicted.
func TestMeterComparesTheStoreWithItsShare(t *testing.T) {
	cfg := Config{MaxMemory: 128 << 20}
	got := uiConfig(cfg, nil, "", time.Now()).MaxMemory
	if want := storeBudget(int64(cfg.MaxMemory)); got != want || want >= 128<<20 || want <= 0 {
		t.Errorf("the meter's budget is %d, want the store's share %d of %d", got, want, 128<<20)
	}
	if got := uiConfig(Config{}, nil, "", time.Now()).MaxMemory; got != 0 {
		t.Errorf("no budget: the meter's budget is %d, want 0", got)
	}
}
