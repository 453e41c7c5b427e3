package theme

import (
	"strconv"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// A go-to or a search that reached the lines the memory budget evicted
// says so in one notice line, also at 80 columns: each says it in forms
// from the fullest to the shortest, and the notice is the first that fits
// (Fitting). The short forms write a date of this year without its year
// and keep, in this order, what the time asked for is to the lines held,
// how many went and why, the span held, where the cursor went.

// Fitting is the first of forms no wider than w cells, else the last.
func Fitting(w int, forms ...string) string {
	for _, f := range forms {
		if CellWidth(f) <= w {
			return f
		}
	}
	return forms[len(forms)-1]
}

// ShortStamp is t to the second, without its year when that is year
// (this year: 11-20 08:00:10 reads as this year's): as the table writes
// a date.
func ShortStamp(t time.Time, loc *time.Location, year int) string {
	return withoutYear(t.In(loc).Format(time.DateTime), year)
}

// withoutYear drops year's "2026-" from the dates in text, which holds
// dates and times alone (query.SpanText's).
func withoutYear(text string, year int) string {
	if year == 0 {
		return text
	}
	return strings.ReplaceAll(text, strconv.Itoa(year)+"-", "")
}

// shortEvicted is how many lines went and why: "(1,828,846 lines,
// --max-memory)".
func shortEvicted(ev model.Eviction) string {
	return "(" + Plural(ev.Lines, "line") + ", --max-memory)"
}

// fewestWords is the least a notice says of the eviction: "1,828,846
// evicted (--max-memory)".
func fewestWords(ev model.Eviction) string { return Commas(ev.Lines) + " evicted (--max-memory)" }

// GotoEvictedForms is GotoEvicted and its shorter forms, each ending in at
// (where the cursor went: ": at the gap row") while one fits with it;
// year is this year, whose dates are written without it.
func GotoEvictedForms(t time.Time, ev model.Eviction, last time.Time, loc *time.Location, year int, at string) []string {
	full := GotoEvicted(t, ev, last, loc) + at
	asked := ShortStamp(t, loc, year)
	held := withoutYear(query.SpanText(ev.Before, last, loc), year)
	from := ShortStamp(ev.Before, loc, year)
	head, least := asked+": evicted "+shortEvicted(ev), ""
	switch {
	case ev.Earliest.IsZero():
		head = asked + ": before the lines held " + shortEvicted(ev)
	case t.Before(ev.Earliest):
		first := "before the first entry (" + ShortStamp(ev.Earliest, loc, year) + ")"
		head, least = first+", evicted "+shortEvicted(ev), first+"; "+fewestWords(ev)
	}
	forms := []string{full, head + "; held " + held + at, head + "; held " + held, head + "; held from " + from, head}
	if least != "" {
		forms = append(forms, least)
	}
	return forms
}

// NoMatchHeldForms is NoMatchHeld and its shorter forms; what, the search
// (" of x"), is cut last, to what fits in w cells.
func NoMatchHeldForms(what string, ev model.Eviction, loc *time.Location, year, w int) []string {
	clause := "; " + Plural(ev.Lines, "older line") + " (before " + ShortStamp(ev.Before, loc, year) + ") evicted by --max-memory"
	held, least := " in the lines held; evicted "+shortEvicted(ev), " in the lines held; "+fewestWords(ev)
	forms := []string{NoMatchHeld(what, ev, loc), "no matches" + what + " in the lines held" + clause,
		"no matches" + what + held, "no matches" + what + least}
	if room := w - CellWidth("no matches"+least); room > 0 && CellWidth(what) > room {
		forms = append(forms, "no matches"+truncate(what, room, "…")+least)
	}
	return forms
}
