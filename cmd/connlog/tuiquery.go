package main

import "connlog/model/query"

// tuiQuery is the interface's first filter: -q, and for files and standard
// input the --since/--until window, as since: and until: terms. No source of
// theirs reads a window (the journal reads only its window, VictoriaLogs is
// asked for it), so without them the interface showed every line while
// `connlog export` wrote the window alone; the filter bar now shows the
// window, which the user can widen or clear. A bound is checked as export
// checks it, and its text kept: a time without a date falls on the day of
// the data, as on the command line.
func tuiQuery(cfg Config) (string, error) {
	if len(cfg.Files) == 0 || cfg.SinceText == "" && cfg.UntilText == "" {
		return cfg.Query, nil
	}
	terms := []string{cfg.Query}
	for _, b := range []struct{ flag, field, text string }{
		{"--since", "since", cfg.SinceText}, {"--until", "until", cfg.UntilText},
	} {
		if b.text == "" {
			continue
		}
		if _, err := parseBound(b.flag, b.text, cfg.timeOptions()); err != nil {
			return "", err
		}
		terms = append(terms, query.Term(b.field, b.text))
	}
	return query.And(terms...), nil
}
