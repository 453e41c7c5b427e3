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
			said = abandonOnSecondSignal(sig, finishing, func() { close(abandoned); cancel() }, 0)
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

// TestASignalDeliveredTwiceIsOneStop: timeout(1) signals connlog and its
// process group, so one SIGTERM arrives twice at once: that is one stop,
// which lets the last read finish; a signal some time after the first is
// a second one.
func TestASignalDeliveredTwiceIsOneStop(t *testing.T) {
	const same = time.Hour // every signal of the test comes within it
	sig := make(chan os.Signal, 4)
	finishing, cancel := context.WithCancel(context.Background())
	result := make(chan bool, 1)
	go func() { result <- abandonOnSecondSignal(sig, finishing, cancel, same) }()
	sig <- os.Interrupt
	sig <- os.Interrupt
	sig <- os.Interrupt
	// Once the watch has taken all three in, or has ended on them, the
	// export ends, its last read done.
	for len(sig) > 0 && len(result) == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if <-result {
		t.Error("copies of the signal that stopped following abandoned the last read")
	}
	sig = make(chan os.Signal, 2)
	finishing, cancel = context.WithCancel(context.Background())
	go func() { result <- abandonOnSecondSignal(sig, finishing, cancel, time.Millisecond) }()
	sig <- os.Interrupt
	time.Sleep(20 * time.Millisecond)
	sig <- os.Interrupt
	select {
	case abandoned := <-result:
		if !abandoned {
			t.Error("a second signal did not abandon the last read")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a second signal did not end the watch")
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
