package status

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
)

// TestStateStaysWholeBeforeMem: at 80 columns a short input state
// ("following", "done") stays whole, and the memory meter, less useful,
// gives way first.
func TestStateStaysWholeBeforeMem(t *testing.T) {
	for _, state := range []string{"following", "done"} {
		in := Info{Sources: []model.SourceStatus{{Name: "hostile.log", State: state, Done: state == "done"}}, Shown: 81,
			Total: 81, Errs: 2, Warns: 1, Mem: 397 << 10, MaxMem: 922 << 20, Clock: busy.Clock}
		s := New(&plain, "hostile.log")
		s.SetSize(80, 1)
		s.SetInfo(in)
		v := ansi.Strip(s.View())
		if !strings.Contains(v, "hostile.log: "+state) {
			t.Errorf("at 80 the state %q is cut while other parts stay: %q", state, v)
		}
	}
}
