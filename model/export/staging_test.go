package export

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A bundle written to standard output keeps its members in $TMPDIR: when
// that fills, the error names it and says to set TMPDIR, since another
// output directory would not help.
func TestBundleStreamDiskFullNamesTMPDIR(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	failingTemp(t, diskWithRoom(64<<10))
	var out bytes.Buffer
	_, err := Stream(t.Context(), &out, Slice(bigEntries(2000)), Options{Format: FormatBundle})
	if !errors.Is(err, ErrDiskFull) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("error = %v, want ErrDiskFull wrapping ENOSPC", err)
	}
	want := "disk full in " + tmp + ", where a bundle's members are kept until they are archived: " +
		"nothing was written; free space there, or set TMPDIR to a directory with room"
	if err.Error() != want {
		t.Errorf("message = %q\nwant      %q", err, want)
	}
	if names := dirNames(t, tmp); len(names) != 0 {
		t.Errorf("left %v in $TMPDIR", names)
	}
}

// A temp directory that cannot hold the members says to set TMPDIR.
func TestBundleStreamMissingTMPDIR(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "gone")
	t.Setenv("TMPDIR", tmp)
	var out bytes.Buffer
	_, err := Stream(t.Context(), &out, Slice(mixedEntries()), Options{Format: FormatBundle})
	if err == nil || !strings.Contains(err.Error(), "cannot keep a bundle's members in the temp directory "+tmp+": no such file or directory — set TMPDIR") {
		t.Fatalf("error = %v, want it to name the temp directory and TMPDIR", err)
	}
}

// Staged beside its target, a bundle's full disk is the target's, and a
// member that must be named is named after the target, which tells a
// followed pattern it is the export's own.
func TestBundleStagedBesideTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.tar")
	var created []string
	failingTemp(t, func(d, pattern string) (tempFile, error) {
		f, err := diskWithRoom(64<<10)(d, pattern)
		if err == nil {
			created = append(created, f.Name())
		}
		return f, err
	})
	var opts Options
	opts.Format = FormatBundle
	opts.StageBeside(path)
	var out bytes.Buffer
	_, err := Stream(t.Context(), &out, Slice(bigEntries(2000)), opts)
	want := "disk full while writing " + path + ": nothing was written; free space or choose another directory"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant      %s", err, want)
	}
	if len(created) == 0 {
		t.Fatal("no member was created")
	}
	for _, name := range created {
		if !IsTempOf(name, path) {
			t.Errorf("member %s is not known as a temp file of %s", name, path)
		}
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left %v beside the target", names)
	}
}

// A full disk under a file export reads the same in every format and
// compression, from the command line as from the dialog: the file's own
// message, with no label of the format's step before it.
func TestDiskFullHasNoFormatLabel(t *testing.T) {
	for _, f := range []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal, FormatBundle} {
		for _, c := range []Compression{CompressNone, CompressGzip, CompressZstd} {
			t.Run(f.String()+"/"+c.String(), func(t *testing.T) {
				dir := t.TempDir()
				failingTemp(t, diskWithRoom(256))
				path := filepath.Join(dir, "x."+f.Ext())
				file, err := CreateFile(path, false, nil)
				if err != nil {
					t.Fatal(err)
				}
				opts := Options{Format: f, Compress: c}
				opts.StageBeside(path)
				_, err = Stream(t.Context(), file, Slice(bigEntries(2000)), opts)
				if err == nil {
					err = file.Commit()
				}
				file.Abort()
				want := "disk full while writing " + path + ": nothing was written; free space or choose another directory"
				if err == nil || err.Error() != want {
					t.Errorf("error %v\nwant  %s", err, want)
				}
			})
		}
	}
}
