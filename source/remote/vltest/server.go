// Package vltest runs a real VictoriaLogs server on a loopback port for
// tests, and ships journals to it with systemd-journal-upload, as connector
// hosts do. Tests use it; nothing else should.
package vltest

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// EnvBinary names the victoria-logs binary; the Makefile sets it. Without it
// the binary is built (once, cached) by scripts/victorialogs.sh.
const EnvBinary = "CONNLOG_VICTORIALOGS_BIN"

// startTimeout bounds how long a server may take to answer after starting.
const startTimeout = 20 * time.Second

// Binary returns the path of victoria-logs, building it when needed. When it
// cannot be had the test fails under CI=true and is skipped otherwise, with
// the reason.
func Binary(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv(EnvBinary); p != "" {
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("%s=%s: %v", EnvBinary, p, err)
		}
		return p
	}
	root, err := moduleRoot()
	if err == nil {
		var out []byte
		out, err = exec.Command(filepath.Join(root, "scripts", "victorialogs.sh")).Output()
		if p := strings.TrimSpace(string(out)); err == nil && p != "" {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("no victoria-logs server for the remote-store tests (%v): run scripts/victorialogs.sh", err)
	}
	tb.Skipf("no victoria-logs server (%v): run scripts/victorialogs.sh or set %s", err, EnvBinary)
	return ""
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// Server is a running victoria-logs on 127.0.0.1.
type Server struct {
	tb      testing.TB
	bin     string
	dir     string
	Addr    string // host:port
	opts    Options
	client  *http.Client // for the harness's own requests
	cmd     *exec.Cmd
	stopped chan struct{}
	paused  bool
}

// Options make the server speak HTTPS or ask for a password.
type Options struct {
	CertFile, KeyFile string // PEM files: serve HTTPS with them
	User, Password    string // require basic auth
}

// Start runs a server on a free loopback port with a temporary storage
// path; it is stopped when the test ends.
func Start(tb testing.TB) *Server { return StartWith(tb, Options{}) }

// StartWith is Start with TLS or basic auth.
func StartWith(tb testing.TB, o Options) *Server {
	tb.Helper()
	s := &Server{tb: tb, bin: Binary(tb), dir: tb.TempDir(), Addr: freePort(tb), opts: o,
		client: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}} //nolint:gosec // the harness's own health checks
	s.launch()
	tb.Cleanup(s.Stop)
	return s
}

// URL is the server's base URL.
func (s *Server) URL() string {
	if s.opts.CertFile != "" {
		return "https://" + s.Addr
	}
	return "http://" + s.Addr
}

// get sends a request of the harness, with the server's password.
func (s *Server) get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if s.opts.User != "" {
		req.SetBasicAuth(s.opts.User, s.opts.Password)
	}
	return s.client.Do(req)
}

func (s *Server) launch() {
	s.tb.Helper()
	// A live tail keeps a request open, which the server cancels shortly
	// before its graceful-shutdown deadline; past the deadline (a busy
	// machine) it exits without saving what it holds in memory, so that is
	// saved every second, as it would be after a crash.
	args := []string{"-httpListenAddr=" + s.Addr, "-storageDataPath=" + filepath.Join(s.dir, "data"),
		"-retentionPeriod=100y", "-loggerLevel=ERROR", "-http.maxGracefulShutdownDuration=3s", "-http.shutdownDelay=0s",
		"-inmemoryDataFlushInterval=1s"}
	if s.opts.CertFile != "" {
		args = append(args, "-tls", "-tlsCertFile="+s.opts.CertFile, "-tlsKeyFile="+s.opts.KeyFile)
	}
	if s.opts.User != "" {
		args = append(args, "-httpAuth.username="+s.opts.User, "-httpAuth.password="+s.opts.Password)
	}
	s.cmd = exec.Command(s.bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = os.Stderr, os.Stderr
	if err := s.cmd.Start(); err != nil {
		s.tb.Fatalf("start victoria-logs: %v", err)
	}
	s.stopped = make(chan struct{})
	go func(c *exec.Cmd, done chan struct{}) { _ = c.Wait(); close(done) }(s.cmd, s.stopped)
	deadline := time.Now().Add(startTimeout)
	for time.Now().Before(deadline) {
		resp, err := s.get(context.Background(), s.URL()+"/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.tb.Fatalf("victoria-logs did not answer on %s within %v", s.Addr, startTimeout)
}

// Stop ends the server (SIGTERM: it flushes what it holds) and waits.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	if s.paused {
		_ = s.cmd.Process.Signal(syscall.SIGCONT)
		s.paused = false
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.stopped:
	case <-time.After(startTimeout):
		_ = s.cmd.Process.Kill()
		<-s.stopped
	}
	s.cmd = nil
}

// Pause stops the server's process (SIGSTOP) without closing anything: its
// connections stay open and unanswered, as a store that hangs. Resume ends
// it; the server is resumed before it is stopped at the end of the test.
func (s *Server) Pause() {
	s.tb.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		s.tb.Fatalf("pause victoria-logs: %v", err)
	}
	s.paused = true
}

// Resume lets a paused server run again (SIGCONT).
func (s *Server) Resume() {
	s.tb.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		s.tb.Fatalf("resume victoria-logs: %v", err)
	}
	s.paused = false
}

// Restart stops the server and starts it again on the same port and storage.
func (s *Server) Restart() {
	s.tb.Helper()
	s.Stop()
	s.launch()
}

// freePort returns a loopback address nothing listens on right now.
func freePort(tb testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("find a free port: %v", err)
	}
	defer l.Close()
	return "127.0.0.1:" + strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// WaitRows waits until a LogsQL query counts want rows: ingested entries
// become searchable after a short delay.
func (s *Server) WaitRows(tb testing.TB, query string, want int) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	got := -1
	for ctx.Err() == nil {
		got = s.count(ctx, query)
		if got == want {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.Fatalf("the store holds %d rows for %q, want %d", got, query, want)
}

func (s *Server) count(ctx context.Context, query string) int {
	u := s.URL() + "/select/logsql/query?query=" + urlEscape(query+" | count() as n")
	resp, err := s.get(ctx, u)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 512)
	n, _ := resp.Body.Read(buf)
	b.Write(buf[:n])
	// {"n":"42"}
	v := strings.TrimSpace(b.String())
	if i := strings.Index(v, `"n":"`); i >= 0 {
		v = v[i+5:]
		if j := strings.IndexByte(v, '"'); j >= 0 {
			c, _ := strconv.Atoi(v[:j])
			return c
		}
	}
	return -1
}
