package main

import "connlog/model/query"

// tuiQuery is the interface's first filter: -q, the --kind and --level
// lists, and for files and standard input -u and -t (unitsTerm) and the
// --since/--until window, as export's selection folds them (see
// newSelection). No source of files reads
// a window (the journal reads only its window, VictoriaLogs is asked for
// it), so without the terms the interface showed every line while `connlog
// export` wrote the window alone; the filter bar now shows what the command
// line asked for, which the user can widen or clear. Each flag is checked
// as export checks it, and a bound's text kept: a time without a date falls
// on the day of the data, as on the command line.
func tuiQuery(cfg Config) (string, error) {
	terms := []string{cfg.Query, unitsTerm(cfg)}
	for _, l := range []struct {
		name      string
		values    []string
		canonical func(string) (string, bool)
	}{{"kind", cfg.Kinds, validKind}, {"level", cfg.Levels, validLevel}} {
		t, err := listTerm(l.name, l.values, l.canonical)
		if err != nil {
			return "", err
		}
		terms = append(terms, t)
	}
	if len(cfg.Files) > 0 {
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
	}
	return query.And(terms...), nil
}

// unitsTerm is -u and -t for files and standard input, as unit= and ident=
// terms any of which a line may match (the journal reads only the lines of
// its units and identifiers, the same way): a syslog file's lines of the
// connector are `-t twingate-connector`, a journal export file's of a unit
// `-u newt`. Without -u or -t, "" (the default unit names the journal's).
func unitsTerm(cfg Config) string {
	if len(cfg.Files) == 0 || !cfg.unitsNamed {
		return ""
	}
	var alts []string
	for _, u := range cfg.Units {
		alts = append(alts, query.Term("unit", u))
	}
	for _, id := range cfg.Identifiers {
		alts = append(alts, query.Term("ident", id))
	}
	return "(" + query.Or(alts...) + ")"
}
