package source

import (
	"context"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"connlog/model"
)

// resetStream is an *os.File named name that yields data, then fails
// with a read error (ECONNRESET): one end of a socket pair whose other end
// closed while data it was sent lay unread.
func resetStream(t *testing.T, name string, data []byte) *os.File {
	t.Helper()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	peer := os.NewFile(uintptr(fds[1]), "peer")
	fh := os.NewFile(uintptr(fds[0]), name)
	if _, err := peer.Write(data); err != nil {
		t.Fatal(err)
	}
	if _, err := fh.Write([]byte{0}); err != nil { // left unread by the peer
		t.Fatal(err)
	}
	if err := peer.Close(); err != nil {
		t.Fatal(err)
	}
	return fh
}

// TestStreamReadErrorNamesItsFileOnce: a read error that ends a pipe or a
// compressed file partway names the file once, though the error the
// system gives names it too, and is still the system's error.
func TestStreamReadErrorNamesItsFileOnce(t *testing.T) {
	lines := joinLines(numbered("s", 50))
	const name = "/var/log/app.log.1.gz"
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a pipe", []byte(lines)},
		{"a compressed file", gzipped(t, lines)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Cut before its end: the data does not end a gzip stream.
			data := tc.data[:len(tc.data)*3/4]
			out := make(chan []model.Record, 64)
			f := NewFile(name, 1, FileOptions{})
			err := f.readOpened(context.Background(), resetStream(t, name, data), newBatcher(out))
			close(out)
			said := ""
			if err != nil {
				said = err.Error()
				if !errors.Is(err, syscall.ECONNRESET) {
					t.Errorf("%v does not unwrap to the system's error", err)
				}
			}
			for rs := range out {
				for _, g := range gaps(rs) {
					said = g.Note
				}
			}
			if strings.Count(said, "app.log.1.gz") != 1 {
				t.Errorf("said %q; want the file named once", said)
			}
			if !strings.Contains(said, syscall.ECONNRESET.Error()) {
				t.Errorf("said %q; want why", said)
			}
		})
	}
}

// TestStdinReadErrorNamesItOnce: standard input that fails partway says
// "read stdin: connection reset by peer", not "read stdin: read
// /dev/stdin: …".
func TestStdinReadErrorNamesItOnce(t *testing.T) {
	out := make(chan []model.Record, 64)
	go func() {
		for range out {
		}
	}()
	err := NewStdin(resetStream(t, os.Stdin.Name(), []byte("a\nb\n")), 1).Run(context.Background(), out)
	close(out)
	if want := "read stdin: " + syscall.ECONNRESET.Error(); err == nil || err.Error() != want || !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("said %v; want %q", err, want)
	}
}

// TestReadErrorNamesItsFileOnce: a followed file's read error names the
// file once; an error of another file, or one that is not a read, is said
// in full.
func TestReadErrorNamesItsFileOnce(t *testing.T) {
	const name = "/var/log/app.log"
	eio := &os.PathError{Op: "read", Path: name, Err: syscall.EIO}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{eio, "read /var/log/app.log: input/output error"},
		{&os.PathError{Op: "read", Path: "/other", Err: syscall.EIO}, "read /var/log/app.log: read /other: input/output error"},
		{&os.PathError{Op: "seek", Path: name, Err: syscall.EINVAL}, "read /var/log/app.log: seek /var/log/app.log: invalid argument"},
	} {
		if got := readError(name, tc.err); got.Error() != tc.want || !errors.Is(got, tc.err) {
			t.Errorf("readError(%v) = %q; want %q, unwrapping to it", tc.err, got, tc.want)
		}
	}
}
