package exportdialog

import (
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// marksSource is three lines with a gap and a restart between them.
func marksSource(t *testing.T) *Source {
	t.Helper()
	gap := model.Entry{Time: at(1500), Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyGapReason, "nul bytes"), model.Int(model.KeyGapCount, 4)}}
	restart := model.Entry{Time: at(2500), Kind: model.KindBoundary, Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyBoundary, "restart"), model.Str(model.KeyMessage, "service restarted")}}
	return sourceOf(t, []model.Entry{textEntry(1000, "line 0"), gap, textEntry(2000, "line 1"), restart, textEntry(3000, "line 2")})
}

// TestCountsSayWhatIsWritten: the gap and restart rows of an export are
// not counted as its entries, before, while and after it is written; a
// format that holds them says them apart, and raw says it leaves them out.
func TestCountsSayWhatIsWritten(t *testing.T) {
	for _, c := range []struct{ name, plan, done string }{
		{"x.ndjson", "3 entries and 2 gap or restart marks", "3 entries and 2 gap or restart marks in "},
		{"x.log", "3 entries (2 gap or restart marks left out", "3 entries in "},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := typePath(t, dialogOver(t, marksSource(t)), filepath.Join(t.TempDir(), c.name))
			if s := screen(d); !strings.Contains(s, c.plan) {
				t.Errorf("the plan does not say %q:\n%s", c.plan, s)
			}
			d, write := startWrite(t, d)
			if line := d.progressLine(); !strings.Contains(line, "/3 ") {
				t.Errorf("the progress line %q does not count 3 entries to write", line)
			}
			msg := call(t, write)
			d, _ = d.Update(msg)
			if line := d.progressLine(); !strings.Contains(line, " 3/3 ") {
				t.Errorf("written, the progress line says %q; want 3/3", line)
			}
			s := screen(d)
			if !strings.Contains(s, c.done) {
				t.Errorf("the result does not say %q:\n%s", c.done, s)
			}
			if strings.Contains(s, "5 entries") {
				t.Errorf("the result counts the marks as entries:\n%s", s)
			}
		})
	}
}
