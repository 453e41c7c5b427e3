package main

import (
	"errors"
	"fmt"
	"syscall"
	"testing"

	"connlog/model/export"
)

// A full disk under standard output is said as such, but a full temp
// directory a bundle for standard output keeps its members in is not
// standard output's: its own message names it.
func TestExplainStdoutFullKeepsTheFullTempDirectory(t *testing.T) {
	cfg := Config{Output: "-"}
	redirected := fmt.Errorf("write ndjson: %w", syscall.ENOSPC)
	if err := explainStdoutFull(cfg, redirected); !errors.As(err, new(fullStdout)) {
		t.Errorf("full standard output = %v, want it said as standard output's", err)
	}
	tmp := &export.FileError{Kind: export.ErrDiskFull, Path: "/tmp", Msg: "disk full in /tmp, where …", Err: syscall.ENOSPC}
	if err := explainStdoutFull(cfg, fmt.Errorf("write ndjson: %w", tmp)); !errors.Is(err, tmp) || errors.As(err, new(fullStdout)) {
		t.Errorf("full temp directory = %v, want its own message", err)
	}
}
