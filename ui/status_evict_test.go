package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"connlog/model"
)

// TestStatusCountsDuringAnExtensionAreTheStoresOwn: while an extension
// runs on a clone of the view, the view is not trimmed (see liveView.trim),
// and the store meanwhile evicts more entries than it takes in (its new
// lines are longer). The status line must still count only rows the store
// holds: it showed the untrimmed view's rows beside the latest total, more
// shown than held ("46,338/39,005"), and warnings the store no longer held.
func TestStatusCountsDuringAnExtensionAreTheStoresOwn(t *testing.T) {
	for _, filter := range []string{"", "level>=warn"} {
		t.Run("filter "+filter, func(t *testing.T) {
			st := model.NewStore(model.StoreOptions{MaxMemory: 8 << 20})
			st.Append(warnBatch(0, 0))
			m := newTestModel(t, st, 120, 35)
			if filter != "" {
				m = drive(t, m, keys("/", filter, "enter")...)
			}
			b := 1
			for ; st.Stats().Evicted == 0 && b < 400; b++ { // fill the store to its budget with short lines
				st.Append(warnBatch(1000*b, 0))
				m = drive(t, m, frameMsg{})
			}
			checkStatusCounts(t, m, "before the extension")
			st.Append(warnBatch(1000*b, 0))
			nm, extend := m.Update(frameMsg{}) // the extension starts, on a clone
			if extend == nil {
				t.Fatal("no extension started")
			}
			m = nm.(Model)
			held := st.Snapshot().Len()
			for k := 1; k <= 100 && st.Snapshot().Len() > held/2; k++ {
				st.Append(warnBatch(1000*(b+k), 400)) // long lines: each evicts several short ones
				nm, _ = m.Update(frameMsg{})          // frames while the extension runs
				m = nm.(Model)
				checkStatusCounts(t, m, "while the extension runs")
			}
			if st.Snapshot().Len() > held/2 {
				t.Fatalf("the store still holds %d entries of %d: the test does not test", st.Snapshot().Len(), held)
			}
			m = drive(t, m, extend())
			checkStatusCounts(t, m, "once the extension landed")
			m = drive(t, m, frameMsg{})
			checkStatusCounts(t, m, "caught up")
		})
	}
}

// statusCounts matches the status line's "SHOWN/TOTAL │ E n │ W n".
var statusCounts = regexp.MustCompile(`([0-9,]+)/([0-9,]+) │ E ([0-9,]+) │ W ([0-9,]+)`)

// checkStatusCounts reads the status line and checks that it shows no more
// rows than the store holds, and, every line being a warning, as many
// warnings as rows.
func checkStatusCounts(t *testing.T, m Model, when string) {
	t.Helper()
	line := strings.SplitN(screen(m), "\n", 2)[0]
	got := statusCounts.FindStringSubmatch(line)
	if got == nil {
		t.Fatalf("%s: no counts on the status line %q", when, line)
	}
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(strings.ReplaceAll(got[i+1], ",", ""))
	}
	shown, total, errs, warns := n[0], n[1], n[2], n[3]
	if held := m.store.Snapshot().Len(); total != held {
		t.Errorf("%s: total %d; the store holds %d", when, total, held)
	}
	if shown > total || errs != 0 || warns != shown {
		t.Errorf("%s: status line %q: %d shown of %d held, %d errors, %d warnings; want no more shown than held, as many warnings as shown",
			when, line, shown, total, errs, warns)
	}
}

// warnBatch is 1,000 warning service lines a second apart, numbered from
// from, their messages padded to pad bytes more.
func warnBatch(from, pad int) []model.Entry {
	es := make([]model.Entry, 1000)
	for i := range es {
		es[i] = service(1000*(from+i), model.LevelWarn, "connector", "", "line "+strconv.Itoa(from+i)+strings.Repeat("x", pad))
	}
	return es
}
