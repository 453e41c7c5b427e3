package main

import (
	"context"
	"io"
	"os"
	"testing"
	"time"
)

// TestSecondSignalAbandonsTheLastRead: the signal that stops following
// leaves the last read to finish; a second one abandons it; the export's
// end, reached first, ends the watch without abandoning anything.
func TestSecondSignalAbandonsTheLastRead(t *testing.T) {
	watch := func(signals int, endFirst bool) bool {
		sig := make(chan os.Signal, 2)
		finishing, cancel := context.WithCancel(context.Background())
		abandoned := make(chan struct{})
		done := make(chan struct{})
		said := false
		go func() {
			said = abandonOnSecondSignal(sig, finishing, func() { close(abandoned); cancel() })
			close(done)
		}()
		for range signals {
			sig <- os.Interrupt
		}
		if endFirst {
			cancel()
		}
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the watch never ended")
		}
		select {
		case <-abandoned:
		default:
			if said {
				t.Error("the watch says it abandoned the read, but it did not")
			}
			return false
		}
		if !said {
			t.Error("the read was abandoned and the watch does not say so")
		}
		return true
	}
	if !watch(2, false) {
		t.Error("a second signal did not abandon the last read")
	}
	if watch(1, true) {
		t.Error("one signal and the export's end abandoned the last read")
	}
}

// A followed log store ends at the signal: no last read is left to finish,
// so a second signal does not speak of files held on disk.
func TestAStoreHasNoLastReadToFinish(t *testing.T) {
	cfg := Config{Follow: true, Remote: remoteFlags{VictoriaLogs: "http://127.0.0.1:9"}}
	abandon := finishOnStop(context.Background(), &cfg, io.Discard)
	defer abandon()
	if cfg.finish != nil {
		t.Error("a followed store was given a last read to finish, which a second signal would abandon in words about files")
	}
}
