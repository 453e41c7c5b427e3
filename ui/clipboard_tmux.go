package ui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// findServer finds the tmux server one of whose panes connlog runs in, for
// a connlog run without $TMUX inside tmux: sudo drops it, and an on-call
// engineer often runs connlog with sudo. sudo may also give connlog a
// terminal of its own (use_pty, Debian's default), so the terminals of the
// processes that started connlog are looked for too. Only a terminal that
// calls itself tmux or screen (tmux's default TERM) is looked for, and not
// inside GNU screen ($STY).
func (c clipboard) findServer(ctx context.Context) (string, bool) {
	if len(c.ttys) == 0 || c.sockets == nil || os.Getenv("STY") != "" ||
		!strings.HasPrefix(c.term, "tmux") && !strings.HasPrefix(c.term, "screen") {
		return "", false
	}
	panes := map[string][]string{} // each server is asked once
	for _, tty := range c.ttys {
		for _, sock := range c.sockets(tty) {
			list, asked := panes[sock]
			if !asked {
				out, err := c.tmux(ctx, nil, "-S", sock, "list-panes", "-a", "-F", "#{pane_tty}")
				if err == nil {
					list = strings.Split(out, "\n")
				}
				panes[sock] = list
			}
			if slices.Contains(list, tty) {
				return sock, true
			}
		}
	}
	return "", false
}

// maxTmuxSockets bounds the servers findServer asks for each terminal.
const maxTmuxSockets = 16

// maxAncestors bounds how far up the processes that started connlog
// terminalsUp looks (sudo, its monitor, a login shell, ...).
const maxAncestors = 8

// terminalsUp returns the terminals (/dev/pts/N) that process pid and the
// processes above it have as their standard streams, nearest first.
func terminalsUp(pid int) []string {
	var ttys []string
	for depth := 0; depth < maxAncestors && pid > 1; depth++ {
		for _, fd := range []string{"1", "2", "0"} {
			dev, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/fd/" + fd)
			if err == nil && strings.HasPrefix(dev, "/dev/pts/") && !slices.Contains(ttys, dev) {
				ttys = append(ttys, dev)
			}
		}
		pid = parentOf(pid)
	}
	return ttys
}

// parentOf returns the parent of process pid, 0 when it cannot be read.
func parentOf(pid int) int {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold anything: the fields
	// counted start after its last ')'.
	i := strings.LastIndexByte(string(stat), ')')
	if i < 0 {
		return 0
	}
	fields := strings.Fields(string(stat[i+1:]))
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

// tmuxSockets lists the sockets tmux servers listen on (tmux-UID/NAME under
// $TMUX_TMPDIR or /tmp) that belong to the user who owns the terminal tty:
// root may reach every user's server, but the line copied goes only to a
// server of the user who sees this terminal anyway, never to one another
// user set up to claim the terminal as its pane.
func tmuxSockets(tty string) []string {
	ti, err := os.Stat(tty)
	if err != nil {
		return nil
	}
	owner, ok := ownerOf(ti)
	if !ok {
		return nil
	}
	dir := os.Getenv("TMUX_TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "tmux-*", "*"))
	var socks []string
	for _, p := range paths {
		if len(socks) < maxTmuxSockets && ownedSocket(p, owner) && ownedDir(filepath.Dir(p), owner) {
			socks = append(socks, p)
		}
	}
	return socks
}

// ownedSocket reports whether p is a socket of user owner.
func ownedSocket(p string, owner uint32) bool {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSocket == 0 {
		return false
	}
	uid, ok := ownerOf(fi)
	return ok && uid == owner
}

// ownedDir reports whether dir is a directory of user owner that no one
// else may write to, as tmux makes its own.
func ownedDir(dir string, owner uint32) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o022 != 0 {
		return false
	}
	uid, ok := ownerOf(fi)
	return ok && uid == owner
}
