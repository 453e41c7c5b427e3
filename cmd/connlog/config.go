package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"connlog/internal/shellquote"
	"connlog/model/query"
	"connlog/source"
)

// Config is everything the command line says, for the TUI and for export.
type Config struct {
	Export bool // the "export" subcommand

	// Inputs.
	Files       []string // file paths and globs; "-" is stdin
	Demo        bool
	WithRotated bool
	Envelope    string // force an envelope instead of detecting it
	Units       listFlag
	Identifiers listFlag
	AllUnits    bool
	Boot        bootFlag
	bootWord    string // the word after a bare -b, when it did not look like a boot
	SinceText   string
	UntilText   string
	Lines       linesFlag
	// fromLast says -n was given with files: fileLines is how many of the
	// last lines of each to read (0: none, following from the end).
	fromLast    bool
	fileLines   int
	Cursor      string
	AfterCursor string
	Directory   string
	JournalFile listFlag
	NoFollow    bool
	Follow      bool        // export -f: keep reading
	Remote      remoteFlags // a remote log store instead of local inputs

	// JournalReader is --journal-reader: native (default) or libsystemd.
	JournalReader string

	// What to show or write.
	Query     string
	Kinds     listFlag
	Levels    listFlag
	Format    string
	Compress  string
	Output    string
	Force     bool
	Redact    bool
	UTC       bool
	Mouse     bool
	NoColor   bool
	MaxMemory sizeFlag
	DebugLog  string
	Version   bool
	ListBoots bool // list the journal's boots (as journalctl --list-boots) and exit

	// FailOnLoss makes an export whose range has a gap exit with status 3.
	FailOnLoss bool

	// data is the day of the data, on which a time written without a date
	// falls (zero: today), and its span; found from the inputs, not the
	// command line.
	data dataDay
	// firstScreen is closed once the interface has drawn its first screen
	// of entries; a big file's head is read after it (nil: at once).
	firstScreen <-chan struct{}
	// finish, set for an export that follows, is the context its followed
	// files still read under once a signal stopped following (see
	// source.FileOptions.Finish); nil: a stop ends their reading at once.
	finish context.Context
	// budgetFull says the store's memory budget has cost lines: lines
	// older than what it holds (a big file's head, the journal's older
	// entries) are then no longer read (nil: they always are).
	budgetFull func() bool
	// intoStore says every entry goes into a model.Store, which copies what
	// it keeps: a big file's head may then be read into reused memory.
	intoStore bool
	// unitsNamed says -u or -t was given, rather than the default unit.
	unitsNamed bool
	// flagRefused is the first value a flag's own parser refused, as
	// connlog says it (see refusingValue).
	flagRefused error
	// notes is where what the user should know about the inputs goes
	// (standard error), before they are read; nil: nowhere.
	notes io.Writer
}

// timeOptions are what the command line's times are read with: in the
// zone the interface shows (location), so that a query typed in it works
// unchanged headless.
func (c Config) timeOptions() query.Options {
	return c.data.options(query.Options{Now: time.Now(), Location: c.location(), Dir: workDir()})
}

// location is the zone times are shown and read in: UTC with --utc, else
// the local zone, as in the interface.
func (c Config) location() *time.Location {
	if c.UTC {
		return time.UTC
	}
	return time.Local
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// defaultUnit is what connlog reads with no inputs named.
const defaultUnit = "twingate-connector"

// parseArgs reads the command line (without the program name). Flags may
// come before or after the inputs, as users type them.
func parseArgs(args []string, stderr io.Writer) (Config, error) {
	return parseArgsWith(args, stderr, false)
}

// parseArgsWith is parseArgs for a process whose standard input is a pipe
// or a file when piped is set: the interface, given no input, reads it
// (see readsPipedStdin).
func parseArgsWith(args []string, stderr io.Writer, piped bool) (Config, error) {
	cfg := Config{Lines: linesUnset, MaxMemory: sizeFlag(defaultMemoryBudget()), Output: "-", notes: stderr}
	if len(args) > 0 && args[0] == "export" {
		cfg.Export = true
		args = args[1:]
	}
	fs := newFlagSet(&cfg, stderr)
	args, cfg.bootWord = joinBootValue(args)
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stderr, usageText)
				return cfg, err
			}
			if cfg.flagRefused != nil {
				return cfg, cfg.flagRefused
			}
			return cfg, usageError{summaryFlagHint(err.Error())}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		cfg.Files = append(cfg.Files, args[0])
		args = args[1:]
	}
	if piped && cfg.readsPipedStdin() {
		cfg.Files = []string{source.StdinPath}
	}
	return cfg, cfg.validate()
}

// readsJournalUnnamed reports whether the journal is read because no other
// input was named: no file, journal directory or file, store, nor demo.
func (c *Config) readsJournalUnnamed() bool {
	return len(c.Files) == 0 && !c.Demo && c.Directory == "" && len(c.JournalFile) == 0 && c.Remote.VictoriaLogs == ""
}

// readsPipedStdin reports whether the command reads a pipe (or a file) on
// its standard input rather than the journal: the interface does when no
// input is named, as `kubectl logs POD | connlog` means, and nothing asks
// for a journal. Export and summary do not: run over ssh or from a
// script, their standard input is a pipe that has nothing to do with the
// logs, and reading it would wait for its end instead of the journal.
func (c *Config) readsPipedStdin() bool {
	return !c.Export && c.readsJournalUnnamed() && !c.ListBoots && !c.Boot.set && c.Cursor == "" && c.AfterCursor == "" && !c.Version
}

// joinBootValue turns "-b -1" into "-b=-1" so the flag package, which
// treats -b as a switch, keeps the value journalctl users type after it.
// It returns too the word that followed a bare -b without looking like a
// boot ("" when none): a file to read, or a boot mistyped (see
// checkBootWord).
func joinBootValue(args []string) (out []string, after string) {
	out = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if (a == "-b" || a == "--boot") && i+1 < len(args) {
			switch next := args[i+1]; {
			case looksLikeBoot(next):
				a += "=" + next
				i++
			case after == "" && !strings.HasPrefix(next, "-"):
				after = next
			}
		}
		out = append(out, a)
	}
	return out, after
}

// checkBootWord refuses a word after -b that is no file and no boot: it
// was meant as the boot ("-b zz"), not as a file to read.
func (c *Config) checkBootWord() error {
	w := c.bootWord
	if w == "" || !slices.Contains(c.Files, w) {
		return nil
	}
	if _, err := os.Stat(w); err == nil {
		return nil
	}
	opts := source.JournalOptions{Directory: c.Directory, Files: c.JournalFile}
	if err := source.CheckJournalBoot(w, opts); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// linesUnset marks -n as not given: the TUI then loads the last
// tuiBackfillLines journal entries before following, and export reads them
// all, as journalctl does without -n. A range the user named (--since,
// --until, -b) is read whole in the TUI too (see namesRange).
const (
	linesUnset       = -2
	tuiBackfillLines = 10000
)

// namesRange reports whether the user bounded what to read with --since,
// --until or -b: then all of that range is what they asked for, not its
// newest tuiBackfillLines entries, and only the memory budget (whose gap
// says so) may leave its older part out.
func (c *Config) namesRange() bool {
	return c.SinceText != "" || c.UntilText != "" || c.Boot.set
}

func (c *Config) validate() error {
	if err := c.validateRemote(os.Getenv); err != nil {
		return err
	}
	if err := c.takeJournalInputs(); err != nil {
		return err
	}
	if err := c.settleFileLines(); err != nil {
		return err
	}
	if err := c.checkInterfaceBudget(); err != nil {
		return err
	}
	if c.Lines == linesUnset {
		c.Lines = tuiBackfillLines
		if c.Export || c.namesRange() {
			c.Lines = -1
		}
	}
	if c.Demo && (len(c.Files) > 0 || c.Directory != "" || len(c.JournalFile) > 0) {
		return usageError{"--demo runs the built-in example: give it no files or journals"}
	}
	if c.ListBoots && (len(c.Files) > 0 || c.Demo || c.Remote.VictoriaLogs != "" || c.Export) {
		return usageError{"--list-boots lists the boots of a journal (this machine's, -D DIR or --file FILE): " +
			"give it no log files, --demo, --victorialogs or export"}
	}
	if err := c.checkOneJournal(); err != nil {
		return err
	}
	if err := checkJournalFiles(c.JournalFile); err != nil {
		return err
	}
	if err := c.checkBootWord(); err != nil {
		return err
	}
	if len(c.Files) > 0 && (c.Directory != "" || len(c.JournalFile) > 0) {
		return usageError{"read either files (" + strings.Join(c.Files, " ") + ") or a journal (-D/--file), not both in one run"}
	}
	if (len(c.Files) > 0 || c.Demo) && (c.Boot.set || c.Cursor != "" || c.AfterCursor != "") {
		// They would be ignored: a file, a journal export file included,
		// is read whole.
		return usageError{"-b, --cursor and --after-cursor select within a journal (this machine's, -D DIR or --file FILE): " +
			"files are read whole, so narrow them with --since and --until, or -q"}
	}
	if err := c.checkCursors(); err != nil {
		return err
	}
	if !c.Export && (c.Follow || c.Output != "-" || c.Format != "" || c.Compress != "" || c.Force || c.Redact || c.FailOnLoss) {
		return usageError{"-f, -o, --format, --compress, --force, --redact and --fail-on-loss belong to the export command: connlog export …"}
	}
	if r := c.JournalReader; r != "" && r != source.JournalReaderNative && r != source.JournalReaderLibsystemd {
		return usageError{"--journal-reader " + r + ": use " + source.JournalReaderNative + " (the default) or " +
			source.JournalReaderLibsystemd}
	}
	if c.Export && c.Output == "" {
		// -o "$UNSET" in a script: writing to standard output instead would
		// leave no file and say nothing.
		return usageError{"-o needs a path (or - for standard output)"}
	}
	if c.Export {
		if err := c.settleOutputFormat(); err != nil {
			return err
		}
	}
	c.unitsNamed = len(c.Units) > 0 || len(c.Identifiers) > 0
	if !c.unitsNamed {
		c.Units = listFlag{defaultUnit}
	}
	return nil
}

// checkOneJournal refuses -D with --file, as journalctl does: reading only
// one of them would drop the other's entries without a word.
func (c *Config) checkOneJournal() error {
	if c.Directory == "" || len(c.JournalFile) == 0 {
		return nil
	}
	return twoJournalsError(c.Directory, "--file "+shellquote.Arg(c.JournalFile[0]))
}

// checkCursors refuses a --cursor or --after-cursor that is no cursor,
// as any other malformed value of a flag is refused.
func (c *Config) checkCursors() error {
	for _, f := range []struct{ name, value string }{{"--cursor", c.Cursor}, {"--after-cursor", c.AfterCursor}} {
		if f.value == "" {
			continue
		}
		if err := source.CheckJournalCursor(f.name, f.value); err != nil {
			return usageError{err.Error()}
		}
	}
	return nil
}

// settleFileLines takes -n given with files as the last lines of each
// file to read, as tail -n does, and refuses it where it cannot be:
// rotated copies read before a file, standard input, the demo.
func (c *Config) settleFileLines() error {
	if len(c.Files) == 0 && !c.Demo || c.Lines < 0 {
		return nil
	}
	switch {
	case c.Demo:
		return usageError{"-n counts the newest entries of a journal or the last lines of a file: --demo has neither"}
	case c.WithRotated:
		return usageError{"-n reads the last lines of each file, --with-rotated its rotated copies before it: give one of them"}
	case slices.Contains(c.Files, source.StdinPath):
		return usageError{"-n reads the last lines of a file: standard input cannot be read from its end (pipe it through tail -n N)"}
	}
	c.fromLast, c.fileLines = true, int(c.Lines)
	return nil
}

func newFlagSet(c *Config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("connlog", flag.ContinueOnError)
	// A mistake is reported once, by the caller, with a hint to -h: the
	// flag package would print it and then the whole usage, which scrolled
	// the message off a small terminal. -h prints the usage (parseArgs).
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	str := func(p *string, names, usage string) {
		for _, n := range strings.Split(names, ",") {
			fs.StringVar(p, n, *p, usage)
		}
	}
	boolean := func(p *bool, names, usage string) {
		for _, n := range strings.Split(names, ",") {
			fs.BoolVar(p, n, *p, usage)
		}
	}
	value := func(v flag.Value, names, _ string) {
		addValueFlag(fs, v, &c.flagRefused, strings.Split(names, ",")...)
	}
	boolean(&c.Demo, "demo", "")
	boolean(&c.WithRotated, "with-rotated", "")
	str(&c.Envelope, "envelope", "")
	value(&c.Units, "u,unit", "")
	value(&c.Identifiers, "t,identifier", "")
	boolean(&c.AllUnits, "all-units", "")
	value(&c.Boot, "b,boot", "")
	str(&c.SinceText, "S,since", "")
	str(&c.UntilText, "U,until", "")
	value(&c.Lines, "n,lines", "")
	str(&c.Cursor, "cursor", "")
	str(&c.AfterCursor, "after-cursor", "")
	str(&c.Directory, "D,directory", "")
	value(&c.JournalFile, "file", "")
	str(&c.JournalReader, "journal-reader", "")
	boolean(&c.NoFollow, "no-follow", "")
	boolean(&c.Follow, "f,follow", "")
	str(&c.Query, "q,query", "")
	value(&c.Kinds, "kind", "")
	value(&c.Levels, "level", "")
	str(&c.Format, "format", "")
	str(&c.Compress, "compress", "")
	str(&c.Output, "o,output", "")
	boolean(&c.Force, "force", "")
	boolean(&c.FailOnLoss, "fail-on-loss", "")
	boolean(&c.Redact, "redact", "")
	boolean(&c.UTC, "utc", "")
	boolean(&c.Mouse, "mouse", "")
	boolean(&c.NoColor, "no-color", "")
	value(&c.MaxMemory, "max-memory", "")
	str(&c.DebugLog, "debug-log", "")
	boolean(&c.Version, "version", "")
	boolean(&c.ListBoots, "list-boots", "")
	addRemoteFlags(fs, &c.Remote, &c.flagRefused)
	return fs
}
