package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// runAsConnlog makes the test binary act as connlog when the variable is
// set, so that tests can run the real command as its own process and send
// it real signals.
const runAsConnlog = "CONNLOG_TEST_RUN_MAIN"

func init() {
	if os.Getenv(runAsConnlog) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
}

// connlogProcess is connlog running as a child process.
type connlogProcess struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr lockedBuffer
	stdout lockedBuffer
}

// lockedBuffer is an output of the process that a test may read while the
// process writes it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startConnlog starts connlog with args in dir, its standard input a pipe.
func startConnlog(t *testing.T, dir string, args ...string) *connlogProcess {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := &connlogProcess{cmd: exec.Command(exe, args...)}
	p.cmd.Dir = dir
	p.cmd.Env = append(os.Environ(), runAsConnlog+"=1")
	p.cmd.Stderr, p.cmd.Stdout = &p.stderr, &p.stdout
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.cmd.Process.Kill(); _ = p.cmd.Wait() })
	return p
}

// waitOpenIn waits until the process has a file of dir open (an export's
// temp file, named or not) and fails the test after a few seconds.
func (p *connlogProcess) waitOpenIn(t *testing.T, dir string) {
	t.Helper()
	p.waitOpen(t, "a file in "+dir, func(target string) bool { return strings.HasPrefix(target, dir+"/") })
}

// waitOpen waits until the process has a file open whose name matches,
// and fails the test, naming what, after a few seconds.
func (p *connlogProcess) waitOpen(t *testing.T, what string, match func(name string) bool) {
	t.Helper()
	fds := filepath.Join("/proc", strconv.Itoa(p.cmd.Process.Pid), "fd")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(fds)
		for _, e := range ents {
			if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && match(target) {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("connlog never opened %s; stderr: %s", what, p.stderr.String())
}

// waitStdout waits until the process has written want to its standard
// output, and fails the test after a few seconds.
func (p *connlogProcess) waitStdout(t *testing.T, want string) {
	t.Helper()
	p.waitOutput(t, &p.stdout, want)
}

// waitStderr is waitStdout for standard error.
func (p *connlogProcess) waitStderr(t *testing.T, want string) {
	t.Helper()
	p.waitOutput(t, &p.stderr, want)
}

func (p *connlogProcess) waitOutput(t *testing.T, out *lockedBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(out.String(), want) {
			return
		}
	}
	t.Fatalf("connlog never wrote %q; stdout %q, stderr %q", want, p.stdout.String(), p.stderr.String())
}

// wait waits for the process to end and returns its exit code (-1 when a
// signal killed it).
func (p *connlogProcess) wait(t *testing.T) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
		t.Fatalf("connlog did not end; stderr: %s", p.stderr.String())
	}
	return p.cmd.ProcessState.ExitCode()
}
