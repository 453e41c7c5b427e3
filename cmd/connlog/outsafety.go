package main

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"

	"connlog/model/export"
)

// terminalSafe returns the writer an export to standard output goes
// through. On a terminal, text formats have their control characters made
// visible (log content must not retitle the window, write the clipboard or
// move the cursor) and binary output is refused, as gzip refuses to write
// to a terminal. A file or a pipe gets the exact bytes.
func terminalSafe(opts export.Options, stdout io.Writer) (io.Writer, error) {
	f, ok := stdout.(*os.File)
	if !ok || !isatty.IsTerminal(f.Fd()) {
		return stdout, nil
	}
	if opts.Format == export.FormatBundle || opts.Compress != export.CompressNone {
		return nil, usageError{"will not write " + binaryName(opts) + " to a terminal: " +
			"redirect standard output to a file or a pipe, or write a file with -o FILE"}
	}
	return export.NewTerminalWriter(stdout), nil
}

// binaryName says which binary output was asked for.
func binaryName(opts export.Options) string {
	if opts.Compress != export.CompressNone {
		return opts.Compress.String() + "-compressed data"
	}
	return "a bundle (a tar archive)"
}
