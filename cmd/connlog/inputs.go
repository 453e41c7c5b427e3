package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/export"
	"connlog/model/inert"
	"connlog/model/query"
	"connlog/source"
)

// sourceInfo describes an opened input for the title, the status line and
// export manifests.
type sourceInfo = export.SourceInfo

// buildFeeds opens the inputs the command line names: the demo, files and
// stdin, or else the journal. Nothing is read yet.
func buildFeeds(cfg Config, stdin io.Reader, follow bool) ([]source.Feed, []sourceInfo, error) {
	dec := baseDecode(cfg)
	if err := decode.CheckOptions(dec); err != nil {
		return nil, nil, usageError{err.Error()}
	}
	switch {
	case cfg.Remote.VictoriaLogs != "":
		return remoteFeeds(cfg, follow, dec)
	case cfg.Demo:
		src := source.NewDemo(0, source.DemoOptions{})
		return []source.Feed{{ID: 0, Source: src, Decode: dec}}, []sourceInfo{{ID: 0, Name: src.Name(), Unit: "twingate-connector.service"}}, nil
	case len(cfg.Files) > 0:
		return fileFeeds(cfg, stdin, follow, dec)
	}
	j, err := journalOptions(cfg, follow)
	if err != nil {
		return nil, nil, err
	}
	src := source.NewJournal(0, j)
	return []source.Feed{{ID: 0, Source: src, Decode: dec}},
		[]sourceInfo{{ID: 0, Name: src.Name(), Unit: unitsRead(cfg), Journal: true, Entries: source.NewJournalEntries(j)}}, nil
}

// closeJournalEntries closes the journal files opened to re-read entries
// for a journal export.
func closeJournalEntries(infos []sourceInfo) {
	for _, in := range infos {
		if c, ok := in.Entries.(io.Closer); ok {
			c.Close()
		}
	}
}

// unitsRead names the units the journal is read for, "" for every unit:
// with --all-units, the default unit is not what a manifest may name.
func unitsRead(cfg Config) string {
	if cfg.AllUnits {
		return ""
	}
	return strings.Join(cfg.Units, ",")
}

// maxInputs is how many inputs a model.SourceID can tell apart.
const maxInputs = 1<<16 - 1

// baseDecode is how every input's lines are decoded, before what each
// input and each command adds.
func baseDecode(cfg Config) decode.Options {
	return decode.Options{Envelope: cfg.Envelope, Location: time.Local}
}

func fileFeeds(cfg Config, stdin io.Reader, follow bool, dec decode.Options) ([]source.Feed, []sourceInfo, error) {
	inputs, err := expandFiles(cfg, follow)
	if err != nil {
		return nil, nil, usageError{err.Error()}
	}
	if len(inputs) > maxInputs {
		return nil, nil, usageError{"too many inputs: name at most 65535 files"}
	}
	sayReadOnce(cfg.notes, inputs)
	feeds := make([]source.Feed, 0, len(inputs))
	infos := make([]sourceInfo, 0, len(inputs))
	tailFirst := !cfg.Export && len(inputs) == 1 // the TUI shows the end of one big file at once; export reads in order
	chains := source.RotationLinks(inputs)
	for i, in := range inputs {
		f, info := fileFeed(cfg, in, model.SourceID(i), len(inputs), tailFirst, stdin, follow, dec)
		f.Chain = chains[i]
		feeds, infos = append(feeds, f), append(infos, info)
	}
	return feeds, infos, nil
}

// expandFiles expands the files named (see source.ExpandInputs). A
// pattern that matches nothing yet is no error when it is followed: its
// files are read as they appear (see globJoiner), and the user is told.
func expandFiles(cfg Config, follow bool) ([]source.Input, error) {
	if !follow {
		return source.ExpandInputs(cfg.Files, cfg.WithRotated)
	}
	inputs, unmatched, err := source.ExpandFollowed(cfg.Files, cfg.WithRotated)
	if err == nil && cfg.notes != nil {
		for _, p := range unmatched {
			fmt.Fprintln(cfg.notes, unmatchedNote(p))
		}
	}
	return inputs, err
}

// unmatchedNote says that pattern p, followed, matches no file yet.
func unmatchedNote(p string) string {
	return fmt.Sprintf("connlog: no file matches %s yet: its files are read as they appear", inert.Sanitize(p))
}

// fileFeed opens input in as input id of n read together, tail first when
// asked. Nothing is read yet.
func fileFeed(cfg Config, in source.Input, id model.SourceID, n int, tailFirst bool, stdin io.Reader, follow bool, dec decode.Options) (source.Feed, sourceInfo) {
	fi := statInput(in.Path)
	d := dec
	d.Reference = modTime(fi)
	// A followed file, or one still to come, marks when it has read what
	// it held, and the others wait for that mark. A named pipe waits for
	// its writer first, so it does not mark; nor does standard input.
	followed := follow && in.Follow
	catches := followed && (fi == nil || fi.Mode().IsRegular())
	opts := source.FileOptions{Follow: follow, MarkCaughtUp: catches, TailFirst: tailFirst,
		HoldBackfill: cfg.firstScreen, Finish: cfg.finish, BackfillFull: cfg.budgetFull, ReuseBlocks: cfg.intoStore,
		StreamOnly:  cfg.Export,
		RecentBytes: source.RecentBytesShare(n), BatchRecords: source.BatchRecordsShare(n),
		LastLines: cfg.fileLines, FromEnd: cfg.fromLast && cfg.fileLines == 0}
	if tailFirst || cfg.fromLast {
		// A decoder of its own tells where the parts of a tail-first
		// read may meet, and where the last lines asked for may begin:
		// not inside an entry, and not before a line that would
		// inherit its time from another part.
		opts.PartStart = decode.New(id, d).PartStart
	}
	src := source.NewInput(in, id, opts, stdin)
	// A regular file read without following soon ends (a rotated copy
	// too); standard input or a named pipe may stay open and silent for
	// as long as its writer likes, and must not hold the others back.
	finite := !followed && fi != nil && fi.Mode().IsRegular()
	return source.Feed{ID: id, Source: src, Decode: d, Finite: finite, CatchesUp: catches},
		sourceInfo{ID: id, Name: src.Name(), Path: in.Path, Inode: inode(fi), Entries: exportRecords(src)}
}

// exportRecords re-reads the records of an input in the journal export
// format with every field, for a journal export; nil for any other input.
func exportRecords(src source.Source) export.JournalEntries {
	if r, ok := source.ExportRecordsOf(src); ok {
		return r
	}
	return nil
}

// statInput returns what the file at path is now: nil for standard input,
// or a path that cannot be read now (its source says why when it runs).
func statInput(path string) os.FileInfo {
	if path == source.StdinPath {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return fi
}

// modTime is the reference for inferring the year of syslog lines: a file
// is no newer than its last write. Zero when fi is nil.
func modTime(fi os.FileInfo) time.Time {
	if fi == nil {
		return time.Time{}
	}
	return fi.ModTime()
}

// inode is fi's inode number, 0 when fi is nil.
func inode(fi os.FileInfo) uint64 {
	if fi != nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			return st.Ino
		}
	}
	return 0
}

// journalOptions maps the journalctl-style flags onto the journal source.
func journalOptions(cfg Config, follow bool) (source.JournalOptions, error) {
	since, until, err := flagWindow(cfg)
	if err != nil {
		return source.JournalOptions{}, err
	}
	j := source.JournalOptions{Units: cfg.Units, Identifiers: cfg.Identifiers, AllUnits: cfg.AllUnits,
		Since: since, Until: until, Lines: int(cfg.Lines), Cursor: cfg.Cursor, AfterCursor: cfg.AfterCursor,
		Directory: cfg.Directory, Files: cfg.JournalFile, Follow: follow, Reader: cfg.JournalReader,
		TailFirst: !cfg.Export, HoldBackfill: cfg.firstScreen, // the TUI shows the newest screen at once; export writes in order
		BackfillFull: cfg.budgetFull, Finish: cfg.finish,
		// A one-shot raw export writes MESSAGE alone: skip the other fields,
		// unless the query tests the host or unit, which live in them.
		MessageOnly: cfg.Export && cfg.Format == "raw" && !follow && !queryReadsOrigin(cfg.Query)}
	if cfg.Boot.set {
		j.Boot = cfg.Boot.value
	}
	return j, nil
}

// flagWindow is the window --since and --until give the journal, a log
// store, and the interface's filter; one that ends before it begins is a
// usage error (see emptyRange).
func flagWindow(cfg Config) (since, until time.Time, err error) {
	if since, err = parseBound("--since", cfg.SinceText, cfg.timeOptions()); err != nil {
		return since, until, err
	}
	if until, err = parseBound("--until", cfg.UntilText, cfg.timeOptions()); err != nil {
		return since, until, err
	}
	if dayUnsettled(cfg, cfg.SinceText, cfg.UntilText) {
		return since, until, nil
	}
	return since, until, emptyRange(since, until, "--since", "--until", cfg.location())
}

// queryReadsOrigin reports whether the query tests host: or unit:; a query
// that does not compile is assumed to (its error is reported elsewhere).
func queryReadsOrigin(src string) bool {
	q, err := query.Compile(src, query.Options{})
	return err != nil || q.ReadsOrigin()
}
