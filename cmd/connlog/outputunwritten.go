package main

import (
	"fmt"
	"path/filepath"

	"connlog/internal/shellquote"
	"connlog/model/export"
)

// refuseUnwritten is the usage error of -o naming a compression connlog
// does not write (x.csv.xz): written as it is, the file would hold plain
// text under a name that says otherwise. It says what connlog writes, and
// how to get the other by compressing standard output. formatFlag is
// --format as given.
func refuseUnwritten(output, formatFlag string, u export.Unwritten) error {
	hint := export.HintFromName(u.Without)
	f, err := settleFormat(formatFlag, u.Without, hint)
	if err != nil {
		return err
	}
	ending := ""
	if hint.HasFormat {
		ending = filepath.Ext(u.Without) // x.csv.xz -> .csv.gz
	}
	gz, zst := export.CompressGzip, export.CompressZstd
	return usageError{fmt.Sprintf("-o %s ends in %s, which connlog does not write: it writes %s (%s) and %s (%s) — "+
		"end the name in %s%s or %s%s, or compress standard output: connlog export --format %s … -o - | %s > %s",
		output, u.Ext, gz, gz.Ext(), zst, zst.Ext(), ending, gz.Ext(), ending, zst.Ext(), f, u.Command,
		shellquote.Arg(output))}
}
