package main

import (
	"fmt"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// selection is what export writes: the query, the --kind and --level lists
// and the --since/--until window, all compiled into one query so that the
// TUI's filter bar and the command line agree on every entry.
type selection struct {
	q            *query.Query
	since, until time.Time
}

func newSelection(cfg Config, now time.Time) (*selection, error) {
	terms := []string{}
	if cfg.Query != "" {
		terms = append(terms, "("+cfg.Query+")")
	}
	if t, err := listTerm("kind", cfg.Kinds, validKind); err != nil {
		return nil, err
	} else if t != "" {
		terms = append(terms, t)
	}
	if t, err := listTerm("level", cfg.Levels, validLevel); err != nil {
		return nil, err
	} else if t != "" {
		terms = append(terms, t)
	}
	src := query.And(terms...)
	q, err := query.Compile(src, query.Options{Now: now, Location: time.Local})
	if err != nil {
		if cfg.Query != "" {
			// Re-compile the user's text alone so the error's position is theirs.
			if _, uerr := query.Compile(cfg.Query, query.Options{Now: now, Location: time.Local}); uerr != nil {
				err = uerr
			}
		}
		return nil, usageError{"bad query: " + err.Error()}
	}
	s := &selection{q: q}
	if s.since, err = parseBound("--since", cfg.SinceText, now); err != nil {
		return nil, err
	}
	if s.until, err = parseBound("--until", cfg.UntilText, now); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *selection) match(e *model.Entry) bool {
	return s.inWindow(e) && s.q.Match(e)
}

// inWindow reports whether e is within --since and --until.
func (s *selection) inWindow(e *model.Entry) bool {
	return (s.since.IsZero() || !e.Time.Before(s.since)) && (s.until.IsZero() || !e.Time.After(s.until))
}

// listTerm builds (name=a or name=b) from a comma list, each value checked
// and spelled the canonical way.
func listTerm(name string, values []string, canonical func(string) (string, bool)) (string, error) {
	var alts []string
	for _, v := range values {
		c, ok := canonical(v)
		if !ok {
			return "", usageError{fmt.Sprintf("--%s %q: unknown %s", name, v, name)}
		}
		alts = append(alts, query.Term(name, c))
	}
	if len(alts) == 0 {
		return "", nil
	}
	return "(" + query.Or(alts...) + ")", nil
}

func validKind(s string) (string, bool) {
	k, ok := model.ParseKind(s)
	return k.String(), ok
}

func validLevel(s string) (string, bool) {
	l, ok := model.ParseLevel(s)
	return l.String(), ok && s != ""
}

// parseBound reads a --since/--until value; "" means no bound.
func parseBound(flagName, text string, now time.Time) (time.Time, error) {
	if text == "" {
		return time.Time{}, nil
	}
	t, err := query.ParseTime(text, now, time.Local)
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("%s %q: %v (use 2026-11-20, \"2026-11-20 08:00:00\", RFC 3339, -15m or 2h)", flagName, text, err)}
	}
	return t, nil
}
