package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

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
func compareNeedsDay(text string) bool { return triage.CompareNeedsDay(text) }

// compareWindows turns --compare into the engine's windows (nil without
// the flag); see triage.ParseCompare for what it takes.
func compareWindows(text string, opt query.Options) (*triage.Compare, error) {
	if text == "" {
		return nil, nil
	}
	c, err := triage.ParseCompare(text, opt)
	if err != nil {
		return nil, usageError{"--compare " + err.Error()}
	}
	return c, nil
}

// summaryFlagHint turns the flag package's word on a flag only summary
// knows (connlog export --top 3) into where it belongs; any other message
// is returned as it is.
func summaryFlagHint(msg string) string {
	name, ok := strings.CutPrefix(msg, "flag provided but not defined: -")
	name = strings.TrimPrefix(name, "-")
	if !ok || (name != "top" && name != "compare") {
		return msg
	}
	return fmt.Sprintf("--%s is a flag of summary: connlog summary --%s … FILE", name, name)
}
