package main

import (
	"testing"
	"time"
)

// returnerForTest returns a returner whose frees are sent on the channel.
func returnerForTest(quiet time.Duration, least int) (*memoryReturner, chan struct{}) {
	freed := make(chan struct{}, 4)
	return newMemoryReturner(quiet, least, func() { freed <- struct{}{} }), freed
}

// armed reports whether the returner waits to give memory back.
func (r *memoryReturner) armed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.timer != nil
}

// TestMemoryIsGivenBackAfterALoad: once enough entries were stored and then
// none for a while, the memory is given back, once, and the count starts
// afresh.
func TestMemoryIsGivenBackAfterALoad(t *testing.T) {
	r, freed := returnerForTest(20*time.Millisecond, 1000)
	defer r.close()
	r.stored(600)
	if r.armed() {
		t.Fatal("armed after 600 entries, fewer than 1000")
	}
	r.stored(600)
	if !r.armed() {
		t.Fatal("not armed after 1200 entries")
	}
	select {
	case <-freed:
	case <-time.After(5 * time.Second):
		t.Fatal("the memory was not given back after the load went quiet")
	}
	if r.armed() {
		t.Fatal("still armed after giving memory back")
	}
	r.stored(999)
	if r.armed() {
		t.Fatal("armed again by 999 entries: the count did not start afresh")
	}
}

// TestMemoryIsNotGivenBackWhileLinesArrive: each batch puts the return off,
// so a followed file that keeps bringing lines never triggers it.
func TestMemoryIsNotGivenBackWhileLinesArrive(t *testing.T) {
	r, freed := returnerForTest(250*time.Millisecond, 10)
	defer r.close()
	for range 40 { // a second of lines, four times the quiet
		r.stored(10)
		select {
		case <-freed:
			t.Fatal("memory given back while lines kept arriving every 25 ms")
		case <-time.After(25 * time.Millisecond):
		}
	}
	select {
	case <-freed:
	case <-time.After(5 * time.Second):
		t.Fatal("the memory was not given back once the lines stopped")
	}
}

// TestClosedReturnerGivesNothingBack: once the interface ends, no return
// runs after it.
func TestClosedReturnerGivesNothingBack(t *testing.T) {
	r, freed := returnerForTest(10*time.Millisecond, 1)
	r.stored(5)
	r.close()
	r.stored(5)
	select {
	case <-freed:
		t.Fatal("memory given back after close")
	case <-time.After(100 * time.Millisecond):
	}
}
