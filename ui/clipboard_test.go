package ui

import (
	"context"
	"encoding/base64"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestClipboardSequence checks how the OSC 52 sequence travels: plain
// inside tmux (which acts on it with set-clipboard on; a DCS passthrough is
// dropped unless allow-passthrough is on), wrapped in DCS for GNU screen,
// plain elsewhere.
func TestClipboardSequence(t *testing.T) {
	const line = "ANALYTICS {\"x\":1}"
	b64 := base64.StdEncoding.EncodeToString([]byte(line))
	cases := []struct {
		name   string
		term   string
		inTmux bool
		plain  bool
	}{
		{"tmux with its default TERM", "screen-256color", true, true},
		{"tmux with tmux-256color", "tmux-256color", true, true},
		{"tmux with a forced xterm TERM", "xterm-256color", true, true},
		{"GNU screen", "screen.xterm-256color", false, false},
		{"xterm", "xterm-256color", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := clipboardSequence(line, c.term, c.inTmux)
			isPlain := strings.HasPrefix(got, "\x1b]52;c;"+b64)
			if isPlain != c.plain {
				t.Errorf("sequence %q: plain = %v; want %v", got, isPlain, c.plain)
			}
			if !c.plain && !strings.HasPrefix(got, "\x1bP") {
				t.Errorf("sequence %q: not wrapped in DCS for screen", got)
			}
			if !strings.Contains(got, b64) {
				t.Errorf("sequence %q does not carry the line", got)
			}
		})
	}
}

// fakeTmux records the tmux commands a copy runs, fails those whose
// arguments fail names, and prints for list-panes the panes of panes.
type fakeTmux struct {
	calls [][]string
	stdin []string
	fail  map[string]error
	panes map[string]string // socket -> list-panes output
}

func (f *fakeTmux) run(_ context.Context, stdin []byte, args ...string) (string, error) {
	f.calls = append(f.calls, args)
	f.stdin = append(f.stdin, string(stdin))
	if len(args) > 2 && args[0] == "-S" && args[2] == "list-panes" {
		return f.panes[args[1]], nil
	}
	return "", f.fail[strings.Join(args, " ")]
}

// TestClipboardCopy: inside tmux the line goes to tmux (load-buffer -w),
// since tmux drops an application's OSC 52 under its default settings; an
// older tmux without -w gets the buffer and a passthrough sequence; a tmux
// that takes nothing leaves plain OSC 52 and a notice that says how to let
// it through. Outside tmux, tmux is never run.
func TestClipboardCopy(t *testing.T) {
	refused := errors.New("no server running")
	cases := []struct {
		name     string
		inTmux   bool
		fail     map[string]error
		calls    []string
		osc      string // the sequence's prefix, "" for none
		notice   []string
		noticeNo string
	}{
		{"outside tmux", false, nil, nil, "\x1b]52;c;" + lineB64, []string{"sent the raw line (", "terminal's clipboard", "may refuse it"}, "copied"},
		{"tmux 3.2 and later", true, nil, []string{"load-buffer -w -"}, "", []string{"copied the raw line (", "tmux's paste buffer and clipboard"}, "sent"},
		{"tmux before 3.2", true, map[string]error{"load-buffer -w -": errors.New("unknown flag -w")},
			[]string{"load-buffer -w -", "load-buffer -"}, "\x1bPtmux;\x1b\x1b]52;c;" + lineB64, []string{"tmux's paste buffer", "through tmux"}, ""},
		{"tmux refuses", true, map[string]error{"load-buffer -w -": refused, "load-buffer -": refused},
			[]string{"load-buffer -w -", "load-buffer -"}, "\x1b]52;c;" + lineB64, []string{"set-clipboard on", refused.Error()}, "copied"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fakeTmux{fail: c.fail}
			term := "screen-256color" // tmux's own
			if !c.inTmux {
				term = "xterm-256color"
			}
			got := clipboard{term: term, inTmux: c.inTmux, tmux: f.run, ttys: []string{"/dev/pts/7"}, sockets: noSockets}.copy([]byte(clipLine), clipSize)
			checkCopy(t, f, got, c.calls, c.osc, c.notice, c.noticeNo)
		})
	}
}

// TestClipboardFindsTmuxWithoutTMUX: run with sudo inside tmux, connlog
// has no $TMUX; the server one of whose panes is its terminal takes the
// line. Only a terminal that may be tmux's is looked for, never inside GNU
// screen, and a terminal no server has is left to OSC 52.
func TestClipboardFindsTmuxWithoutTMUX(t *testing.T) {
	socks := func(string) []string { return []string{"/tmp/tmux-1000/default", "/tmp/tmux-1000/work"} }
	panes := map[string]string{"/tmp/tmux-1000/default": "/dev/pts/1\n/dev/pts/3\n", "/tmp/tmux-1000/work": "/dev/pts/5\n/dev/pts/7\n"}
	lookups := []string{"-S /tmp/tmux-1000/default list-panes -a -F #{pane_tty}", "-S /tmp/tmux-1000/work list-panes -a -F #{pane_tty}"}
	cases := []struct {
		name, term string
		ttys       []string
		sty        string
		calls      []string
		osc        string
		notice     string
	}{
		{"sudo inside tmux", "screen-256color", []string{"/dev/pts/7"}, "", append(lookups[:2:2], "-S /tmp/tmux-1000/work load-buffer -w -"), "", "tmux's paste buffer and clipboard"},
		{"tmux-256color", "tmux-256color", []string{"/dev/pts/3"}, "", append(lookups[:1:1], "-S /tmp/tmux-1000/default load-buffer -w -"), "", "tmux's paste buffer and clipboard"},
		// sudo's use_pty: connlog's own terminal is sudo's, sudo's is the pane.
		{"sudo with a terminal of its own", "screen-256color", []string{"/dev/pts/9", "/dev/pts/3"}, "", append(lookups[:2:2], "-S /tmp/tmux-1000/default load-buffer -w -"), "", "tmux's paste buffer and clipboard"},
		{"a terminal no server has", "screen-256color", []string{"/dev/pts/9"}, "", lookups, "\x1bP\x1b]52;c;" + lineB64, "terminal's clipboard"},
		{"GNU screen", "screen.xterm-256color", []string{"/dev/pts/7"}, "4242.pts-7", nil, "\x1bP\x1b]52;c;" + lineB64, "terminal's clipboard"},
		{"xterm", "xterm-256color", []string{"/dev/pts/7"}, "", nil, "\x1b]52;c;" + lineB64, "terminal's clipboard"},
		{"no terminal", "screen-256color", nil, "", nil, "\x1bP\x1b]52;c;" + lineB64, "terminal's clipboard"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("STY", c.sty)
			f := &fakeTmux{panes: panes}
			got := clipboard{term: c.term, tmux: f.run, ttys: c.ttys, sockets: socks}.copy([]byte(clipLine), clipSize)
			checkCopy(t, f, got, c.calls, c.osc, []string{c.notice}, "")
		})
	}
}

const clipLine = "ANALYTICS {\"x\":1}\x1b]0;title\a"

// clipSize names clipLine in the notice, as clipRows.load does.
var clipSize = "the raw line (" + commas(int64(len(clipLine))) + " bytes)"

var lineB64 = base64.StdEncoding.EncodeToString([]byte(clipLine))

func noSockets(string) []string { return nil }

// checkCopy checks the tmux commands a copy ran (each load-buffer reading
// the line), the sequence it left to write and its notice.
func checkCopy(t *testing.T, f *fakeTmux, got copyMsg, wantCalls []string, osc string, notice []string, noticeNo string) {
	t.Helper()
	var calls []string
	for i, args := range f.calls {
		calls = append(calls, strings.Join(args, " "))
		if slices.Contains(args, "load-buffer") && f.stdin[i] != clipLine {
			t.Errorf("tmux %v read %q, not the line", args, f.stdin[i])
		}
	}
	if !slices.Equal(calls, wantCalls) {
		t.Errorf("tmux ran %q; want %q", calls, wantCalls)
	}
	if (osc == "") != (got.osc == "") || !strings.HasPrefix(got.osc, osc) {
		t.Errorf("sequence %q; want one that begins %q", got.osc, osc)
	}
	for _, w := range notice {
		if !strings.Contains(got.notice, w) {
			t.Errorf("notice %q lacks %q", got.notice, w)
		}
	}
	if noticeNo != "" && strings.Contains(got.notice, noticeNo) {
		t.Errorf("notice %q says %q", got.notice, noticeNo)
	}
}

// TestTmuxSocketsOfTheTerminalsOwner: only sockets of the user who owns the
// terminal, in a directory of theirs no one else may write to, are asked.
func TestTmuxSocketsOfTheTerminalsOwner(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMUX_TMPDIR", dir)
	tty := filepath.Join(dir, "tty")
	if err := os.WriteFile(tty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	own := filepath.Join(dir, "tmux-0")
	open := filepath.Join(dir, "tmux-1")
	other := filepath.Join(dir, "tmux-2")
	for _, d := range []string{own, open, other} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(open, 0o777); err != nil { // anyone may put a socket here
		t.Fatal(err)
	}
	var want []string
	for _, p := range []string{filepath.Join(own, "default"), filepath.Join(open, "default"), filepath.Join(other, "default")} {
		l, err := net.Listen("unix", p)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		if filepath.Dir(p) == own {
			want = append(want, p)
		}
	}
	// Another user's server: only root can make one here, and connlog runs
	// as root too; as any other user the directory is still the test's.
	if os.Geteuid() == 0 {
		for _, p := range []string{other, filepath.Join(other, "default")} {
			if err := os.Lchown(p, 4242, 4242); err != nil {
				t.Fatal(err)
			}
		}
	} else {
		want = append(want, filepath.Join(other, "default"))
	}
	if err := os.WriteFile(filepath.Join(own, "not-a-socket"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := tmuxSockets(tty); !slices.Equal(got, want) {
		t.Fatalf("sockets %q; want %q", got, want)
	}
	if got := tmuxSockets(filepath.Join(dir, "no-such-tty")); got != nil {
		t.Fatalf("sockets %q for a terminal that does not exist", got)
	}
}

// TestTerminalsUp: the terminal of this process comes first, then those of
// the processes above it, each once; a process that does not exist has none.
func TestTerminalsUp(t *testing.T) {
	got := terminalsUp(os.Getpid())
	for i, tty := range got {
		if !strings.HasPrefix(tty, "/dev/pts/") || slices.Contains(got[:i], tty) {
			t.Fatalf("terminals %q", got)
		}
	}
	if dev, err := os.Readlink("/proc/self/fd/1"); err == nil && strings.HasPrefix(dev, "/dev/pts/") && (len(got) == 0 || got[0] != dev) {
		t.Fatalf("terminals %q do not begin with this process's %s", got, dev)
	}
	if parentOf(os.Getpid()) != os.Getppid() {
		t.Fatalf("parentOf(self) = %d, want %d", parentOf(os.Getpid()), os.Getppid())
	}
	if got := terminalsUp(1 << 30); got != nil {
		t.Fatalf("terminals %q of a process that does not exist", got)
	}
}
