package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"syscall"

	"connlog/model/export"
)

// openDebugLog opens the --debug-log file for appending and sends the log
// package's output there. connlog often runs as root, so the file is
// created 0600, a symbolic link is refused rather than written through
// (O_NOFOLLOW), and so is anything but a regular file (a FIFO would block,
// a device would be written to).
func openDebugLog(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
	if errors.Is(err, syscall.ELOOP) {
		return nil, fmt.Errorf("debug log %s is a symbolic link, and connlog does not write through one — give the path of a regular file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("open debug log %s: %w", path, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open debug log %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("debug log %s is %s, not a regular file — give the path of a regular file", path, export.FileKind(info.Mode()))
	}
	log.SetOutput(f)
	log.SetPrefix("connlog ")
	return f, nil
}
