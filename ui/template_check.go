package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
)

// templateCheck is a pivot to a template whose filter is not exact (a
// masked part matched by any text, a service line by its words): once the
// view of filter generation gen is built, its rows are counted against
// the template's key, and the footer says how many are of other
// templates.
type templateCheck struct {
	gen int
	key string
}

// templateCheckedMsg is the count of the view of generation gen: shown
// rows (gaps and boundaries, which every view keeps, left out), of which
// outside are lines of other templates.
type templateCheckedMsg struct {
	gen            int
	shown, outside int64
}

// pivotToTemplate filters to a template's lines; when its filter may take
// other templates' lines, their count is checked once the view is built.
func (m Model) pivotToTemplate(q, key string, exact bool) (tea.Model, tea.Cmd) {
	nm, cmd := m.pivotTo(q, "")
	mm := nm.(Model)
	mm.tmplCheck = templateCheck{}
	if !exact && mm.live.building {
		mm.tmplCheck = templateCheck{gen: mm.live.gen, key: key}
		mm.notice = templateCounting
	}
	return mm, cmd
}

// checkTemplate starts counting the lines of other templates in the view
// just built, when it is a pivot's to a template.
func (m *Model) checkTemplate() tea.Cmd {
	c := m.tmplCheck
	if c.key == "" || c.gen != m.live.gen || m.live.view == nil {
		return nil
	}
	m.tmplCheck = templateCheck{}
	sn, vc := m.store.Snapshot(), *m.live.view
	return func() tea.Msg {
		shown, outside := countOutside(sn, &vc, c.key)
		return templateCheckedMsg{gen: c.gen, shown: shown, outside: outside}
	}
}

// countOutside counts the rows of v, and those whose template is not key.
func countOutside(sn *model.Snapshot, v *model.View, key string) (shown, outside int64) {
	var e model.Entry
	var buf []byte
	for i := range v.Len() {
		seq := v.At(i)
		k := sn.Kind(seq)
		if k == model.KindGap || k == model.KindBoundary {
			continue
		}
		shown++
		if sn.Load(seq, &e, triage.PartTemplates.Load(k)) != nil {
			continue
		}
		if buf = triage.TemplateKey(buf[:0], &e); string(buf) != key {
			outside++
		}
	}
	return shown, outside
}

// onTemplateChecked says in the footer how the filter differs from the
// template, if it still shows that view.
func (m Model) onTemplateChecked(msg templateCheckedMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.live.gen || m.notice != templateCounting {
		return m, nil
	}
	m.notice = ""
	if msg.outside > 0 {
		m.notice = "a template is not a query: of the " + plural(msg.shown, "row") + " the filter shows, " +
			commas(msg.outside) + " are of other templates with the same fixed parts (a masked part is matched by any text)"
	}
	return m, nil
}

// templateCounting is the footer's notice while the rows of other
// templates a template's filter takes are counted.
const templateCounting = "a template is not a query: counting the rows of other templates the filter takes…"
