package triage

import (
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// Report is a snapshot of every table, for a renderer.
type Report struct {
	// Entries counts the entries added, the rows of a view; GapRows counts
	// those of them that are gap rows, notes of lines lost (marks on the
	// timeline, counted in no level), and BoundaryRows those that note a
	// restart or a reboot: neither is an entry of the input, and a summary
	// and the views' titles leave them out of their count (InputEntries).
	Entries      int64     `json:"entries"`
	GapRows      int64     `json:"gap_rows"`
	BoundaryRows int64     `json:"boundary_rows"`
	From         time.Time `json:"from,omitzero"` // the earliest and latest entry times
	To           time.Time `json:"to,omitzero"`
	// Untimed counts entries with no usable time, which the timeline and
	// the windows leave out (the other tables count them).
	Untimed     int64         `json:"untimed"`
	BucketWidth time.Duration `json:"bucket_width_ns"`
	Histogram   []Bucket      `json:"histogram"`
	Top         Tops          `json:"top"`
	Templates   []Template    `json:"templates"`
	// TemplateCount is how many distinct templates were found (the
	// templates past the cap are in the other row).
	TemplateCount int      `json:"template_count"`
	Sessions      Sessions `json:"sessions"`
	Changed       *Changed `json:"changed,omitempty"`
}

// InputEntries counts the entries of the input the report covers: its
// rows but the gap and boundary rows.
func (r *Report) InputEntries() int64 { return r.Entries - r.GapRows - r.BoundaryRows }

// ReportOptions say how much of each table a report holds.
type ReportOptions struct {
	// Top is how many rows each table keeps (default 10).
	Top int
	// Ended says the input is complete (a file read to its end, not a
	// follow): connections still open then have an unknown end.
	Ended bool
	// Sessions selects the session rows to list (default: failed ones).
	Sessions func(*Session) bool
}

// Report returns the tables as they stand. It may be called at any time
// between Adds.
func (t *Triage) Report(o ReportOptions) Report {
	if o.Top <= 0 {
		o.Top = 10
	}
	if o.Sessions == nil {
		o.Sessions = func(s *Session) bool { return s.Status == StatusFailed }
	}
	r := Report{Entries: t.entries, GapRows: t.gapRows, BoundaryRows: t.bounds, Untimed: t.hist.untimed,
		BucketWidth: t.ax.Width(), Histogram: t.hist.report(&t.ax), Top: t.top.report(o.Top),
		Templates: t.tmpl.report(o.Top, &t.ax), TemplateCount: len(t.tmpl.list),
		Sessions: t.sess.report(o.Top, o.Ended, o.Sessions)}
	if t.spanned {
		r.From, r.To = time.Unix(0, t.from).UTC(), time.Unix(0, t.to).UTC()
	}
	t.sparks.fill(&r.Top, &t.ax)
	if t.cmp != nil {
		c := t.cmp.changed(o.Top, t.tmpl)
		r.Changed = &c
	}
	return r
}

// TemplateKey appends to dst the key of e's template: two lines fold into
// the same template exactly when their keys are equal, and a report's
// Template.Key is its lines' key. It keeps no state, so a filter may call
// it from many goroutines; like Add, it completes the fields of a lean
// analytics event.
func TemplateKey(dst []byte, e *model.Entry) []byte {
	if structured(e) {
		decode.Complete(e)
	}
	return templateText(keyPrefix(dst, e.Kind, e.Level), e)
}

// TemplateID returns the ID of e's template (as in Report's Template.ID),
// and false when e folds into no template counted so far or into one past
// the cap: what a view asks to filter to a template or to mute it. Like
// Add, it completes the fields of a lean analytics event.
func (t *Triage) TemplateID(e *model.Entry) (int32, bool) {
	if structured(e) {
		decode.Complete(e)
	}
	return t.tmpl.lookup(e)
}
