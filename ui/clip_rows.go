package ui

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/theme"
)

// What y copies of a selection is bounded: a clipboard is for a few lines
// to paste into a chat or a ticket, and terminals cap what an OSC 52
// sequence may carry; an export (x) takes any number of rows. One line
// cut at the longest a line is kept (1 MiB) still fits.
const (
	clipMaxRows  = 1000
	clipMaxBytes = 1 << 20
)

// clipRows are the rows y copies: the view's rows [lo, hi), in a copy of
// the view's header that the Cmd reads while the view goes on growing, or
// the marked rows.
type clipRows struct {
	sn     *model.Snapshot
	view   model.View
	lo, hi int
	marked []int64 // the marked rows' Seqs, in order, when y copies them
	of     string  // what the rows are: "selected row", "marked row"; "" for the cursor's row
}

// clipRows returns the rows of the v selection, or else the marked rows
// (those x exports as marked, hidden by the filter or not), or else the
// cursor's row (seq); when there is nothing to copy, ok is false and why
// says so.
func (m Model) clipRows(seq int64) (r clipRows, why string, ok bool) {
	if m.live.view == nil || seq == 0 {
		return clipRows{}, "nothing to copy: the view has no rows", false
	}
	r = clipRows{sn: m.store.Snapshot(), view: *m.live.view}
	switch from, to := m.sel.bounds(); {
	case from != 0:
		r.lo, r.hi, r.of = r.view.Index(from), r.view.Index(to+1), "selected row"
		if r.hi <= r.lo {
			return r, "nothing to copy: the selected rows are not in this view", false
		}
	case len(m.marks) > 0:
		r.of = "marked row"
		for s := range m.marks {
			if r.sn.Has(s) {
				r.marked = append(r.marked, s)
			}
		}
		if len(r.marked) == 0 {
			return r, "nothing to copy: the marked rows are no longer held", false
		}
		slices.Sort(r.marked)
	default:
		r.lo = r.view.Index(seq)
		r.hi = r.lo + 1
	}
	return r, "", true
}

// len is how many rows are copied.
func (r clipRows) len() int {
	if r.marked != nil {
		return len(r.marked)
	}
	return r.hi - r.lo
}

// seq is the Seq of the i-th row copied.
func (r clipRows) seq(i int) int64 {
	if r.marked != nil {
		return r.marked[i]
	}
	return r.view.At(r.lo + i)
}

// clipText is what y puts on the clipboard, and how the notice names it.
type clipText struct {
	raw  []byte
	what string
}

// load reads the rows' raw lines, as a raw export writes them (gap rows,
// which were never input, left out), one a line; a selection too big for
// the clipboard is refused with what to do instead.
func (r clipRows) load() (clipText, error) {
	n := r.len()
	if n > clipMaxRows {
		return clipText{}, errors.New("the selection holds " + commas(int64(n)) + " rows: too many to copy; " +
			"export them with x")
	}
	var size int64
	for i := range n {
		if size += int64(r.sn.RawLen(r.seq(i))); size > clipMaxBytes {
			return clipText{}, errors.New("the selection's lines hold over " + model.HumanBytes(clipMaxBytes) +
				": too much to copy; export them with x")
		}
	}
	es := make([]*model.Entry, 0, n)
	var c clipCount
	for i := range n {
		var e model.Entry
		if err := r.sn.Load(r.seq(i), &e, model.LoadRaw); err != nil {
			return clipText{}, errors.New("cannot copy: " + err.Error())
		}
		c.add(&e, es)
		es = append(es, &e)
	}
	var buf bytes.Buffer
	if _, err := export.Stream(context.Background(), &buf, export.Slice(es), export.Options{Format: export.FormatRaw}); err != nil {
		return clipText{}, errors.New("cannot copy: " + err.Error())
	}
	raw := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	c.bytes, c.controls = len(raw), controlNames(raw)
	return clipText{raw: raw, what: r.describe(c)}, nil
}

// clipCount is what a copy holds: its lines (a gap row, never input, has
// none; the rows of one record, a Tailscale response's flows, share its
// line, copied once as a raw export writes it), the rows that share a line
// with the row before, those cut when read, its bytes, and the control
// characters in them (see controlNames).
type clipCount struct {
	lines, sharing, cut, bytes int
	controls                   []string
}

// add counts e, the row after those in before.
func (c *clipCount) add(e *model.Entry, before []*model.Entry) {
	switch {
	case e.Kind == model.KindGap || e.Kind == model.KindBoundary:
	case len(before) > 0 && e.SameRecord(before[len(before)-1]):
		c.sharing++
		return
	default:
		c.lines++
	}
	if e.Flags.Has(model.FlagTruncated) {
		c.cut++
	}
}

// describe names what was copied: the cursor's line, or the selected or
// marked rows' lines, with their size, says which were cut (at the longest
// a line is kept): their end is not in what was copied, and names the
// control characters the copy holds.
func (r clipRows) describe(c clipCount) string {
	what := "the raw line"
	if r.of != "" {
		what = theme.Plural(int64(c.lines), "raw line") + " of the " + theme.Plural(int64(r.len()), r.of)
	}
	what += " (" + commas(int64(c.bytes)) + " bytes"
	switch {
	case c.sharing == 0:
	case c.lines == 1:
		what += "; the line the " + strconv.Itoa(c.sharing+1) + " rows share, copied once"
	default:
		verb := " share"
		if c.sharing == 1 {
			verb = " shares"
		}
		what += "; " + theme.Plural(int64(c.sharing), "row") + verb + " the line of the row before, copied once"
	}
	switch {
	case c.cut == 0:
	case c.lines == 1:
		what += "; the line was cut at that length when read, its end was not kept"
	case c.cut == 1:
		what += "; 1 was cut when read, its end was not kept"
	default:
		what += "; " + strconv.Itoa(c.cut) + " were cut when read, their ends were not kept"
	}
	if len(c.controls) > 0 {
		what += "; holds control characters " + strings.Join(c.controls, ", ") + ": paste with care"
	}
	return what + ")"
}
