package ui

import (
	"bytes"
	"context"
	"errors"
	"strconv"

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
// the view's header that the Cmd reads while the view goes on growing.
type clipRows struct {
	sn       *model.Snapshot
	view     model.View
	lo, hi   int
	selected bool // the rows are a v selection, not the cursor's row
}

// clipRows returns the rows of the v selection, or the cursor's row (seq)
// when there is none; ok is false when there is nothing to copy.
func (m Model) clipRows(seq int64) (clipRows, bool) {
	if m.live.view == nil || seq == 0 {
		return clipRows{}, false
	}
	r := clipRows{sn: m.store.Snapshot(), view: *m.live.view}
	if from, to := m.sel.bounds(); from != 0 {
		r.lo, r.hi, r.selected = r.view.Index(from), r.view.Index(to+1), true
	} else {
		r.lo = r.view.Index(seq)
		r.hi = r.lo + 1
	}
	return r, r.hi > r.lo
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
	n := r.hi - r.lo
	if n > clipMaxRows {
		return clipText{}, errors.New("the selection holds " + commas(int64(n)) + " rows: too many to copy; " +
			"export them with x")
	}
	var size int64
	for i := r.lo; i < r.hi; i++ {
		if size += int64(r.sn.RawLen(r.view.At(i))); size > clipMaxBytes {
			return clipText{}, errors.New("the selection's lines hold over " + model.HumanBytes(clipMaxBytes) +
				": too much to copy; export them with x")
		}
	}
	es := make([]*model.Entry, 0, n)
	var c clipCount
	for i := r.lo; i < r.hi; i++ {
		var e model.Entry
		if err := r.sn.Load(r.view.At(i), &e, model.LoadRaw); err != nil {
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
	c.bytes = len(raw)
	return clipText{raw: raw, what: r.describe(c)}, nil
}

// clipCount is what a copy holds: its lines (a gap row, never input, has
// none; the rows of one record, a Tailscale response's flows, share its
// line, copied once as a raw export writes it), the rows that share a line
// with the row before, those cut when read, and its bytes.
type clipCount struct{ lines, sharing, cut, bytes int }

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

// describe names what was copied: the cursor's line, or the selection's
// lines, with their size, and says which were cut (at the longest a line
// is kept): their end is not in what was copied.
func (r clipRows) describe(c clipCount) string {
	what := "the raw line"
	if r.selected {
		what = theme.Plural(int64(c.lines), "raw line") + " of the " + theme.Plural(int64(r.hi-r.lo), "selected row")
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
	return what + ")"
}
