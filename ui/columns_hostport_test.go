package ui

import (
	"testing"

	"connlog/model"
	"connlog/model/query"
)

// TestResourceCellBracketsIPv6: an IPv6 resource address is bracketed
// before its port, so that the port is told apart from the address's last
// group, and a field term still marks the port where it is.
func TestResourceCellBracketsIPv6(t *testing.T) {
	for _, c := range []struct{ ip, want, marked string }{
		{"fd00::10", "[fd00::10]:443", "443"},
		{"10.0.0.5", "10.0.0.5:443", "443"},
	} {
		e := model.Entry{Kind: model.KindAnalytics, Fields: model.Fields{model.Str(model.KeyResourceIP, c.ip),
			model.Int(model.KeyResourcePort, 443)}}
		q, err := query.Compile("port=443", query.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := resourceCell(&e, q.FieldMarks(&e))
		if m.Text != c.want {
			t.Errorf("resource cell %q, want %q", m.Text, c.want)
		}
		if len(m.Spans) != 1 || m.Text[m.Spans[0][0]:m.Spans[0][1]] != c.marked {
			t.Errorf("%q marks %v, want only %q", m.Text, m.Spans, c.marked)
		}
	}
}
