package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestWatchTerminalNoticesAHangUp: the watch must call gone once the
// terminal's other end closes, and never for a file that was not a
// terminal to begin with.
func TestWatchTerminalNoticesAHangUp(t *testing.T) {
	master, slave := openPTY(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int32
	gone := make(chan struct{}, 2)
	watchTerminal(ctx, func() { calls.Add(1); gone <- struct{}{} }, slave, r)

	time.Sleep(2*terminalCheckEvery + terminalCheckEvery/2)
	if calls.Load() != 0 {
		t.Fatal("gone was called while the terminal was still there")
	}
	master.Close()
	select {
	case <-gone:
	case <-time.After(5 * terminalCheckEvery):
		t.Fatal("the terminal was hung up and the watch did not notice")
	}
	time.Sleep(2 * terminalCheckEvery)
	if n := calls.Load(); n != 1 {
		t.Fatalf("gone was called %d times, want once", n)
	}
}

// TestTUIEndsWhenItsTerminalGoesAway runs the interface on a terminal
// that is not its controlling terminal, then hangs that terminal up: no
// SIGHUP arrives, and connlog must still end, cleanly.
func TestTUIEndsWhenItsTerminalGoesAway(t *testing.T) {
	master, slave := openPTY(t)
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "--demo")
	cmd.Env = append(os.Environ(), runAsConnlog+"=1", "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	slave.Close()

	// The screen is read, so that connlog is not held up writing it,
	// until the first frame shows the table's header.
	drawn := make(chan struct{})
	// Reading stops there, so that no read is under way when the master
	// is closed (the close of a blocking file waits for its reads).
	go func() {
		var screen []byte
		buf := make([]byte, 4096)
		for !bytes.Contains(screen, []byte("SUMMARY")) {
			n, err := master.Read(buf)
			if err != nil {
				return
			}
			screen = append(screen, buf[:n]...)
		}
		close(drawn)
	}()
	select {
	case <-drawn:
	case <-time.After(10 * time.Second):
		t.Fatal("connlog drew no screen")
	}
	master.Close()

	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("connlog ended with %v, want a clean exit", err)
		}
	case <-time.After(5 * terminalCheckEvery):
		t.Fatal("connlog kept running after its terminal went away")
	}
}
