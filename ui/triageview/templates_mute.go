package triageview

import (
	"slices"
	"time"

	"connlog/model/triage"
)

// SetMutes lays the rows out again for a new list of muted templates (in
// the order they were muted, each with the count it had): the muted first,
// then the others. A template un-muted that the report did not count (it
// was muted when the report was made) stays listed, and counted in the
// title, until a new report counts it. The cursor follows the template it
// was on, which muting moves to the top and un-muting back among the
// others, so that the mute key pressed again undoes what it did.
func (v TemplatesView) SetMutes(muted []triage.Template) TemplatesView {
	isMuted := keySet(muted)
	rejoined := slices.DeleteFunc(slices.Clone(v.rejoined), func(t triage.Template) bool { return isMuted[t.Key] })
	inReport := keySet(v.report)
	for _, r := range v.rows {
		if r.Muted && !isMuted[r.Template.Key] && !inReport[r.Template.Key] {
			rejoined = append(rejoined, r.Template)
		}
	}
	old, cursor := v.rows, v.cursor
	v.rejoined = rejoined
	v = v.layout(muted)
	v.cursor = keepCursor(old, v.rows, cursor, v.cursor, rowKey)
	return v
}

// layout makes the rows: the muted templates first, then the report's
// others with the rejoined ones among them by count.
func (v TemplatesView) layout(muted []triage.Template) TemplatesView {
	isMuted := keySet(muted)
	rows := make([]TemplateRow, 0, len(muted)+len(v.report)+len(v.rejoined))
	for _, t := range muted {
		rows = append(rows, TemplateRow{Template: t, Muted: true})
	}
	for _, t := range v.report {
		if !isMuted[t.Key] {
			rows = append(rows, TemplateRow{Template: t})
		}
	}
	for _, t := range v.rejoined {
		at := len(muted) + slices.IndexFunc(rows[len(muted):], func(r TemplateRow) bool { return r.Template.Count < t.Count })
		if at < len(muted) { // none counts fewer lines
			at = len(rows)
		}
		rows = slices.Insert(rows, at, TemplateRow{Template: t})
	}
	v.rows, v.levelW = rows, levelWidth(rows)
	v.clockAs = clockLayout(v.loc, v.now, templateTimes(rows))
	v.cursor = min(v.cursor, max(len(rows)-1, 0))
	return v.countTotals(muted)
}

// templateTimes are the times the rows show, for clockLayout.
func templateTimes(rows []TemplateRow) []time.Time {
	times := make([]time.Time, 0, 2*len(rows))
	for _, r := range rows {
		times = append(times, r.Template.First, r.Template.Last)
	}
	return times
}

// countTotals sets the entries and templates of the view as the title
// counts them: the report's, less the muted templates it counted, whose
// lines the view hides now, plus the rejoined ones, whose lines it holds
// again.
func (v TemplatesView) countTotals(muted []triage.Template) TemplatesView {
	counted := make(map[string]int64, len(v.report))
	for _, t := range v.report {
		counted[t.Key] = t.Count
	}
	v.viewEntries, v.viewTemplates = v.entries, v.count
	for _, t := range muted {
		if n, ok := counted[t.Key]; ok {
			v.viewEntries, v.viewTemplates = v.viewEntries-n, v.viewTemplates-1
		}
	}
	for _, t := range v.rejoined {
		v.viewEntries, v.viewTemplates = v.viewEntries+t.Count, v.viewTemplates+1
	}
	return v
}

// keySet is the set of the templates' keys.
func keySet(ts []triage.Template) map[string]bool {
	set := make(map[string]bool, len(ts))
	for _, t := range ts {
		set[t.Key] = true
	}
	return set
}

// rowKey is a row's template key, which keepCursor follows.
func rowKey(r TemplateRow) string { return r.Template.Key }
