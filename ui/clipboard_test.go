package ui

import (
	"context"
	"encoding/base64"
	"errors"
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

// fakeTmux records the tmux commands a copy runs and fails those whose
// arguments fail names.
type fakeTmux struct {
	calls [][]string
	stdin []string
	fail  map[string]error
}

func (f *fakeTmux) run(_ context.Context, stdin []byte, args ...string) error {
	f.calls = append(f.calls, args)
	f.stdin = append(f.stdin, string(stdin))
	return f.fail[strings.Join(args, " ")]
}

// TestClipboardCopy: inside tmux the line goes to tmux (load-buffer -w),
// since tmux drops an application's OSC 52 under its default settings; an
// older tmux without -w gets the buffer and a passthrough sequence; a tmux
// that takes nothing leaves plain OSC 52 and a notice that says how to let
// it through. Outside tmux, tmux is never run.
func TestClipboardCopy(t *testing.T) {
	const line = "ANALYTICS {\"x\":1}\x1b]0;title\a"
	b64 := base64.StdEncoding.EncodeToString([]byte(line))
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
		{"outside tmux", false, nil, nil, "\x1b]52;c;" + b64, []string{"sent the raw line (", "terminal's clipboard"}, "copied"},
		{"tmux 3.2 and later", true, nil, []string{"load-buffer -w -"}, "", []string{"copied the raw line (", "tmux's paste buffer and clipboard"}, "sent"},
		{"tmux before 3.2", true, map[string]error{"load-buffer -w -": errors.New("unknown flag -w")},
			[]string{"load-buffer -w -", "load-buffer -"}, "\x1bPtmux;\x1b\x1b]52;c;" + b64, []string{"tmux's paste buffer", "through tmux"}, ""},
		{"tmux refuses", true, map[string]error{"load-buffer -w -": refused, "load-buffer -": refused},
			[]string{"load-buffer -w -", "load-buffer -"}, "\x1b]52;c;" + b64, []string{"set-clipboard on", refused.Error()}, "copied"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fakeTmux{fail: c.fail}
			term := "screen-256color" // tmux's own
			if !c.inTmux {
				term = "xterm-256color"
			}
			got := clipboard{term: term, inTmux: c.inTmux, tmux: f.run}.copy([]byte(line))
			var calls []string
			for i, args := range f.calls {
				calls = append(calls, strings.Join(args, " "))
				if f.stdin[i] != line {
					t.Errorf("tmux %v read %q, not the line", args, f.stdin[i])
				}
			}
			if !slices.Equal(calls, c.calls) {
				t.Errorf("tmux ran %q; want %q", calls, c.calls)
			}
			if (c.osc == "") != (got.osc == "") || !strings.HasPrefix(got.osc, c.osc) {
				t.Errorf("sequence %q; want one that begins %q", got.osc, c.osc)
			}
			for _, w := range c.notice {
				if !strings.Contains(got.notice, w) {
					t.Errorf("notice %q lacks %q", got.notice, w)
				}
			}
			if c.noticeNo != "" && strings.Contains(got.notice, c.noticeNo) {
				t.Errorf("notice %q says %q", got.notice, c.noticeNo)
			}
		})
	}
}
