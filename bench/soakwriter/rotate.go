package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
)

// rotationModes maps -mode to the rotation kinds used in turn.
var rotationModes = map[string][]string{
	"rename":            {"rename"},
	"copytruncate":      {"copytruncate"},
	"copytruncate-gzip": {"copytruncate-gzip"},
	"delete":            {"delete"},
	"mixed":             {"rename", "copytruncate", "delete", "copytruncate-gzip"},
}

// keepRotated is how many rotated copies are kept, as logrotate's rotate N.
const keepRotated = 5

// rotate performs the i-th rotation. Nothing is written while it runs, so
// every line is in exactly one file (logrotate's own copytruncate can lose
// the lines written between its copy and its truncation; that race is not
// the reader's to fix and is kept out of the count).
func (w *writer) rotate(i int) error {
	if err := w.buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	switch kind := w.modes[i%len(w.modes)]; kind {
	case "rename":
		w.shift()
		if err := w.f.Close(); err != nil {
			return err
		}
		if err := os.Rename(w.path, w.path+".1"); err != nil {
			return fmt.Errorf("rotate %s: %w", w.path, err)
		}
		return w.open()
	case "delete":
		if err := w.f.Close(); err != nil {
			return err
		}
		if err := os.Remove(w.path); err != nil {
			return fmt.Errorf("delete %s: %w", w.path, err)
		}
		return w.open()
	default:
		w.shift()
		return w.copyTruncate(kind == "copytruncate-gzip")
	}
}

// copyTruncate copies the file to FILE.1 and truncates it in place; the
// writer keeps its O_APPEND descriptor, so it writes from byte 0 again.
func (w *writer) copyTruncate(gzip bool) error {
	src, err := os.Open(w.path)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(w.path+".1", os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	if err := w.f.Truncate(0); err != nil {
		return fmt.Errorf("truncate %s: %w", w.path, err)
	}
	if gzip {
		// In the background, as logrotate compresses after truncating.
		c := exec.Command("gzip", w.path+".1")
		if err := c.Start(); err != nil {
			return err
		}
		go c.Wait()
	}
	return nil
}

// shift renames FILE.N[.gz] to FILE.N+1[.gz], oldest first, and drops the
// copies past keepRotated, as logrotate does before a rotation.
func (w *writer) shift() {
	for n := keepRotated; n >= 1; n-- {
		for _, ext := range []string{"", ".gz"} {
			from := fmt.Sprintf("%s.%d%s", w.path, n, ext)
			if n == keepRotated {
				os.Remove(from)
				continue
			}
			os.Rename(from, fmt.Sprintf("%s.%d%s", w.path, n+1, ext))
		}
	}
}
