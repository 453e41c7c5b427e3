package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"connlog/model/query"
	"connlog/model/triage"
)

// summaryFlags are the flags only `connlog summary` takes; the rest (inputs,
// -q, --since, --until, --kind, --level, --format, --utc) are export's.
type summaryFlags struct {
	compare string // "", "previous", "previous:DUR", "FROM..TO" or "FROM..TO,FROM..TO"
	top     int
	format  string // text, markdown or json
}

// summaryDefaultTop is how many rows each table shows without --top.
const summaryDefaultTop = 10

// parseSummaryArgs reads `connlog summary …` (without the word summary):
// its own flags are taken out, and the rest is read exactly as export reads
// it, so inputs and selection mean the same in both commands.
func parseSummaryArgs(args []string, stderr io.Writer) (Config, summaryFlags, error) {
	sf := summaryFlags{top: summaryDefaultTop, format: "text"}
	rest, err := takeSummaryFlags(args, &sf)
	if err != nil {
		return Config{}, sf, err
	}
	cfg, err := parseArgs(append([]string{"export"}, rest...), stderr)
	if err != nil {
		return cfg, sf, err
	}
	switch {
	case cfg.Follow, cfg.Output != "-", cfg.Force, cfg.Redact, cfg.Compress != "none":
		return cfg, sf, usageError{"-f, -o, --force, --redact and --compress belong to export: summary reads its inputs once and prints to stdout"}
	}
	switch sf.format {
	case "text", "markdown", "json":
	default:
		return cfg, sf, usageError{fmt.Sprintf("--format %q: summary writes text, markdown or json", sf.format)}
	}
	return cfg, sf, nil
}

// takeSummaryFlags removes --compare, --top and --format (as "--top 5" or
// "--top=5", with one dash or two) from args: summary's formats are not
// export's.
func takeSummaryFlags(args []string, sf *summaryFlags) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || (name != "compare" && name != "top" && name != "format") {
			rest = append(rest, args[i])
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, usageError{"--" + name + " needs a value"}
			}
			i++
			value = args[i]
		}
		switch name {
		case "compare":
			sf.compare = value
			continue
		case "format":
			sf.format = value
			continue
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return nil, usageError{fmt.Sprintf("--top %q: give a number of rows, 1 or more", value)}
		}
		sf.top = n
	}
	return rest, nil
}

// compareNeedsDay reports whether a FROM..TO window of --compare has an
// end written without a date, which falls on the day of the data.
func compareNeedsDay(text string) bool {
	for _, w := range strings.Split(text, ",") {
		from, to, _ := strings.Cut(w, "..")
		if query.NeedsDay(from) || query.NeedsDay(to) {
			return true
		}
	}
	return false
}

// compareWindows turns --compare into the engine's windows: nil without
// the flag, trailing windows for "previous" (15 minutes, or previous:DUR),
// fixed ones for FROM..TO (against the same length just before) or
// FROM..TO,FROM..TO (the second is the baseline).
func compareWindows(text string, opt query.Options) (*triage.Compare, error) {
	switch {
	case text == "":
		return nil, nil
	case text == "previous":
		return &triage.Compare{Trailing: triage.DefaultTrailing}, nil
	case strings.HasPrefix(text, "previous:"):
		d, err := time.ParseDuration(strings.TrimPrefix(text, "previous:"))
		if err != nil || d < time.Second {
			return nil, usageError{fmt.Sprintf("--compare %q: the window after previous: is a duration of a second or more, e.g. previous:30m", text)}
		}
		return &triage.Compare{Trailing: d}, nil
	}
	a, b, hasB := strings.Cut(text, ",")
	c := &triage.Compare{}
	var err error
	if c.A, err = parseWindow(a, opt); err != nil {
		return nil, err
	}
	if hasB {
		if c.B, err = parseWindow(b, opt); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// parseWindow reads FROM..TO, each end in the forms --since takes.
func parseWindow(text string, opt query.Options) (triage.Window, error) {
	from, to, ok := strings.Cut(text, "..")
	bad := func(why string) (triage.Window, error) {
		return triage.Window{}, usageError{fmt.Sprintf("--compare %q: %s (use previous, FROM..TO or FROM..TO,FROM..TO, with times as --since takes them)", text, why)}
	}
	if !ok {
		return bad("no .. between the two ends")
	}
	var w triage.Window
	var err error
	if w.From, err = query.ParseTime(strings.TrimSpace(from), opt); err != nil {
		return bad(err.Error())
	}
	if w.To, err = query.ParseTime(strings.TrimSpace(to), opt); err != nil {
		return bad(err.Error())
	}
	if !w.To.After(w.From) {
		return bad("the window ends before it starts")
	}
	return w, nil
}
