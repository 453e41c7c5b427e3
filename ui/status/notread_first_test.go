package status

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
)

// TestHeadNamesFirstTheFileNotReadTheEmptyViewNames: rotated copies are
// listed oldest first (app.log.12.gz), but of the inputs not read the head
// names first the one the empty view and the export dialog name first, in
// the order of rotation numbers (app.log.2.gz), at 80 and 120 columns.
func TestHeadNamesFirstTheFileNotReadTheEmptyViewNames(t *testing.T) {
	var loss model.Ledger
	at := time.Unix(0, 0)
	loss.Add(model.GapCorruptCompressed+": app.log.12.gz (gzip): "+model.GapNothingRead+": bad header — check it with gzip -t app.log.12.gz", 0, at)
	loss.Add(model.GapCorruptCompressed+": app.log.4.xz (xz): "+model.GapNothingRead+": bad header — check it with xz -t app.log.4.xz", 0, at)
	loss.Add(model.GapUnsupportedCompression+": app.log.3.lzma (lzma): decompress it first: xz -dc app.log.3.lzma | connlog -", 0, at)
	loss.Add(model.GapCorruptCompressed+": app.log.2.gz (gzip): "+model.GapNothingRead+": bad header — check it with gzip -t app.log.2.gz", 0, at)
	in := Info{
		Sources: []model.SourceStatus{
			{Name: "app.log.12.gz", State: "not read: corrupt gzip"},
			{Name: "app.log.4.xz", State: "not read: corrupt xz"},
			{Name: "app.log.3.lzma", State: "not read: lzma, a compression connlog does not read"},
			{Name: "app.log.2.gz", State: "not read: corrupt gzip"},
			{Name: "app.log.1", State: "done"},
			{Name: "app.log", State: "following"},
		},
		Shown: 44, Total: 44, Warns: 4, Loss: loss, Clock: busy.Clock,
	}
	for _, w := range []int{80, 120} {
		s := New(&plain, "6 files")
		s.SetSize(w, 1)
		s.SetInfo(in)
		v := ansi.Strip(s.View())
		_, head, _ := strings.Cut(v, " · ")
		if !strings.HasPrefix(head, "app.log.2.") {
			t.Errorf("at %d the head names first another file than app.log.2.gz: %q", w, v)
		}
	}
}
