package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"connlog/model"
)

// StdinPath is the command-line name of standard input.
const StdinPath = "-"

// Input is one file to read, as worked out from the command line.
type Input struct {
	// Path is the file, or StdinPath for standard input.
	Path string
	// Follow is true when Path is a live log that can be followed by name;
	// false for standard input, compressed files and rotated copies, which
	// are read once.
	Follow bool
	// AlsoNamed are the other names the command line gave for the same
	// file (through a link, or a pattern), which is read once, as Path.
	AlsoNamed []string
	// RotationOf is the live file whose rotated copy this is, read before
	// it (--with-rotated); "" for any other input. See RotationLinks.
	RotationOf string
}

// ExpandInputs turns command-line arguments into inputs, in order: "-" is
// standard input; a pattern the shell left unexpanded (it was quoted, as in
// '/var/lib/docker/containers/*/*-json.log') is expanded here, skipping
// directories; other paths are kept as given, even when they do not exist
// yet, since a followed file may appear later. With withRotated every live
// file is preceded by its rotated siblings, oldest first, each an input of
// its own (its lines are credited to it, and read back from it); a sibling
// that was also named on its own is read only once, before its live file.
// Names of one file (see inputKey) make one input, read once under the
// name given first, whose AlsoNamed lists the others.
func ExpandInputs(args []string, withRotated bool) ([]Input, error) {
	inputs, _, err := expandInputs(args, withRotated, false)
	return inputs, err
}

// ExpandFollowed is ExpandInputs for inputs that are followed: a pattern
// that matches nothing yet is no error, since its files are read as they
// appear (see GlobWatch). unmatched lists such patterns.
func ExpandFollowed(args []string, withRotated bool) (inputs []Input, unmatched []string, err error) {
	return expandInputs(args, withRotated, true)
}

func expandInputs(args []string, withRotated, allowUnmatched bool) ([]Input, []string, error) {
	var inputs []Input
	var keys []inputKey
	var unmatched []string
	at := map[inputKey]int{} // where each file's input is
	for _, arg := range args {
		paths, err := expandArg(arg)
		if errors.Is(err, errNoMatch) && allowUnmatched {
			unmatched = append(unmatched, arg)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		for _, p := range paths {
			if isKernelMessageBuffer(p) {
				return nil, nil, kernelMessageBufferError(p)
			}
			key := keyOf(p)
			i, seen := at[key]
			switch {
			case !seen:
				at[key] = len(inputs)
				inputs = append(inputs, Input{Path: p, Follow: p != StdinPath && !isRotatedOrCompressed(p)})
				keys = append(keys, key)
			case p == StdinPath:
				return nil, nil, errors.New("standard input (-) is named twice: it can be read only once")
			default:
				inputs[i].addName(p)
			}
		}
	}
	if !withRotated {
		return inputs, unmatched, nil
	}
	inputs, err := attachRotated(inputs, keys, at)
	return inputs, unmatched, err
}

// errNoMatch is the error of a pattern that matches no file.
var errNoMatch = errors.New("no file matches")

// expandArg returns the paths one argument names.
func expandArg(arg string) ([]string, error) {
	if !isPattern(arg) {
		// An existing name is taken literally even if it contains glob
		// characters; a missing plain path may still appear.
		if fi, err := os.Stat(arg); err == nil && fi.IsDir() {
			return nil, directoryError(arg)
		}
		return []string{arg}, nil
	}
	files, err := globFiles(arg)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		if dir := unlistedBase(arg); dir != "" {
			// Waiting for matches would wait forever: no file under it
			// can be seen.
			return nil, fmt.Errorf("no file matches %s: the directory %s may not be listed by your user — run with sudo (ls -ld %s)", arg, dir, dir)
		}
		return nil, fmt.Errorf("%w %s — check the pattern and that you may read the directories in it", errNoMatch, arg)
	}
	return files, nil
}

// listDir lists a directory; tests replace it, as root may list any.
var listDir = func(dir string) error {
	_, err := os.ReadDir(dir)
	return err
}

// unlistedBase returns the directory a pattern's first glob character is
// in when this process may not list it (a container directory that only
// root reads), "" otherwise.
func unlistedBase(pattern string) string {
	i := strings.IndexAny(pattern, "*?[")
	dir := filepath.Dir(pattern[:i+1])
	if err := listDir(dir); errors.Is(err, fs.ErrPermission) {
		return dir
	}
	return ""
}

// IsPattern reports whether arg is a glob for connlog to expand (see
// isPattern): a caller that looks at what the inputs are looks at its
// matches, not at a file of that name.
func IsPattern(arg string) bool { return isPattern(arg) }

// isPattern reports whether arg is a pattern for connlog to expand: it has
// glob characters and names nothing as it is (the shell left it
// unexpanded because it was quoted).
func isPattern(arg string) bool {
	if arg == StdinPath || !hasGlobMeta(arg) {
		return false
	}
	_, err := os.Lstat(arg)
	return err != nil
}

// globFiles returns what pattern matches now, directories left out.
func globFiles(pattern string) ([]string, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("bad pattern %s: %w — check the brackets", pattern, err)
	}
	var files []string
	for _, m := range matches {
		if fi, err := os.Stat(m); err == nil && !fi.IsDir() {
			files = append(files, m)
		}
	}
	return files, nil
}

func hasGlobMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// attachRotated puts each live file's rotated siblings before it and drops
// inputs that are now read as someone's sibling, under the name they were
// given. A sibling that is a live input already is left to it.
func attachRotated(inputs []Input, keys []inputKey, at map[inputKey]int) ([]Input, error) {
	claimed := map[inputKey]bool{}
	siblings := make([][]Input, len(inputs))
	for i, in := range inputs {
		if !in.Follow {
			continue
		}
		sibs, err := RotatedSiblings(in.Path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, s := range sibs {
			key := keyOf(s)
			named, isNamed := at[key]
			if claimed[key] || isNamed && inputs[named].Follow {
				continue
			}
			claimed[key] = true
			sib := Input{Path: s}
			if isNamed {
				sib = inputs[named]
			}
			sib.RotationOf = in.Path
			siblings[i] = append(siblings[i], sib)
		}
	}
	var out []Input
	for i, in := range inputs {
		if !in.Follow && claimed[keys[i]] {
			continue
		}
		out = append(out, siblings[i]...)
		out = append(out, in)
	}
	return out, nil
}

// NewInput returns the source for in: standard input for "-", otherwise a
// File reading in.Path, following it when both opts.Follow and in.Follow say
// so. Either is read as the journal export format when it
// begins with it (see JournalExport).
func NewInput(in Input, id model.SourceID, opts FileOptions, stdin io.Reader) Source {
	if in.Path == StdinPath {
		s := &sniffedStdin{r: stdin, id: id, maxLine: opts.MaxLineBytes, window: newRecordWindow()}
		if opts.Follow {
			s.finish = opts.Finish
		}
		return s
	}
	opts.Follow = opts.Follow && in.Follow
	opts.Sibling = in.RotationOf != ""
	if IsJournalExportFile(in.Path) {
		if opts.LastLines > 0 || opts.FromEnd {
			return refused{name: in.Path, err: fmt.Errorf("%s is a journal export file, whose entries span lines: "+
				"-n counts the lines of a log file; narrow an export with --since and --until, or -q", in.Path)}
		}
		// An entry spans lines, read in order: not tail first, nor in
		// blocks of reused memory, since some values are kept as read.
		opts.TailFirst, opts.HoldBackfill, opts.ReuseBlocks, opts.PartStart = false, nil, false, nil
		opts.MaxLineBytes = exportLineBytes(opts.MaxLineBytes)
		return newJournalExportFile(NewFile(in.Path, id, opts), id)
	}
	return NewFile(in.Path, id, opts)
}

// refused is an input that cannot be read as it was asked to be: Run says
// why.
type refused struct {
	name string
	err  error
}

func (r refused) Name() string { return r.name }

func (r refused) Run(context.Context, chan<- []model.Record) error { return r.err }
