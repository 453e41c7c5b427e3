package main

import "connlog/model/query"

// tuiQuery is the interface's first filter: -q with the terms export's
// selection adds (selectionTerms) and, for files and standard input, the
// --since/--until window as since: and until: terms. No source of files
// reads a window (the journal reads only its window, VictoriaLogs is asked
// for it), so without them the interface showed every line while `connlog
// export` wrote the window alone; the filter bar now shows what the command
// line asked for, which the user can widen or clear. Each flag is checked
// as export checks it, and a bound's text kept: a time without a date falls
// on the day of the data, as on the command line. A bad -q is left to the
// filter bar, which points at the mistake.
func tuiQuery(cfg Config) (string, error) {
	more, err := selectionTerms(cfg)
	if err != nil {
		return "", err
	}
	terms := append([]string{cfg.Query}, more...)
	if len(cfg.Files) > 0 {
		window, err := windowTerms(cfg)
		if err != nil {
			return "", err
		}
		terms = append(terms, window...)
	}
	return query.And(terms...), nil
}

// windowTerms returns --since and --until as since: and until: terms, each
// checked as export checks it and its text kept as typed.
func windowTerms(cfg Config) ([]string, error) {
	if _, _, err := flagWindow(cfg); err != nil {
		return nil, err
	}
	var terms []string
	for _, b := range []struct{ field, text string }{{"since", cfg.SinceText}, {"until", cfg.UntilText}} {
		if b.text != "" {
			terms = append(terms, query.Term(b.field, b.text))
		}
	}
	return terms, nil
}
