package triage

import (
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// TestServiceTemplateWhereverItsTimeIs: a connector's line folds into the
// template of its message, "[connector] tick <num>", whether its time came
// in an envelope (`docker logs -t`, CRI, syslog, docker json-file) or was
// written in front of it by a program, in any shape a stamped line's time
// is read in, and whether it was coloured: one message from two sources is
// one template. Each line is decoded whole, lean and folded by the decoder
// as the interface's store does, and all are counted together.
func TestServiceTemplateWhereverItsTimeIs(t *testing.T) {
	lines := []string{
		"[INFO] [connector] tick 1",
		"2026-12-06T01:00:00.123456789Z [INFO] [connector] tick 2",
		"2026-12-06T01:00:00.5Z [INFO] [connector] tick 3",
		"2026-12-06T01:00:00.123456789Z stdout F [INFO] [connector] tick 4",
		`{"log":"[INFO] [connector] tick 5\n","stream":"stdout","time":"2026-12-06T01:00:00.123456789Z"}`,
		"Dec  6 01:00:00 gw-fra-1 twingate-connector[812]: [INFO] [connector] tick 6",
		"2026-12-06T01:00:00.123456Z [INFO] [connector] tick 7",
		"2026-12-06T01:00:00.123Z [INFO] [connector] tick 8",
		"2026-12-06T01:00:00Z [INFO] [connector] tick 9",
		"2026-12-06T02:00:00+01:00 [INFO] [connector] tick 10",
		"2026-12-06 01:00:00 [INFO] [connector] tick 11",
		"2026-12-06 01:00:00.123 [INFO] [connector] tick 12",
		"2026-12-06T01:00:00Z: [INFO] [connector] tick 13",
		"2026-12-06 02:00:00.15434599 +0100 CET [INFO] [connector] tick 14",
		"2026-12-06 01:00:00 \x1b[32m[INFO]\x1b[0m [connector] tick 15",
		"2026-12-06T01:00:00.123456789Z \x1b[32m[INFO]\x1b[0m [connector] tick 16",
		"[2026-12-06T01:00:00.123456-05:00] [INFO] [connector] tick 17",
	}
	tr := New(Options{})
	for _, opts := range []decode.Options{{}, {LeanService: true, LeanText: true}, {IndexService: true, Templates: true}} {
		for _, line := range lines {
			opts.Location, opts.Reference = time.UTC, time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			d := decode.New(0, opts)
			es := d.Flush(d.Decode(&model.Record{Raw: []byte(line), Offset: -1}, nil))
			if len(es) != 1 || es[0].Kind != model.KindService || es[0].Level != model.LevelInfo {
				t.Fatalf("%q decoded as %d entries, the first %v", line, len(es), es)
			}
			tr.Add(es)
		}
	}
	r := tr.Report(ReportOptions{Top: 100})
	if len(r.Templates) != 1 || r.Templates[0].Template != "[connector] tick <num>" {
		for _, tp := range r.Templates {
			t.Errorf("%d × %q", tp.Count, tp.Template)
		}
		t.Fatalf("%d templates, want one, [connector] tick <num>", len(r.Templates))
	}
}
