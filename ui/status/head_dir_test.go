package status

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
)

// TestLineNamesTheTitlesDirectoryOnce: a title that counts several files
// and names the directory they share is not followed by that directory
// again before each file: each is named from there, so that at 120 and at
// 80 columns the line has room for which files they are and their states.
// A file outside the directory keeps its whole name.
func TestLineNamesTheTitlesDirectoryOnce(t *testing.T) {
	in := busy
	in.Sources = []model.SourceStatus{
		{Name: "/var/log/connector/connector.log", State: "following"},
		{Name: "/var/log/connector/old/connector.1.log", State: "EOF"},
	}
	const title = "2 files in /var/log/connector/"
	s := New(&plain, title)
	s.SetSize(200, 1)
	s.SetInfo(in)
	if got, want := s.headText(), " "+title+" · connector.log: following, old/connector.1.log: EOF"; got != want {
		t.Errorf("head %q; want %q", got, want)
	}
	s.SetSize(120, 1)
	if v := ansi.Strip(s.View()); strings.Count(v, "/var/log/connector/") != 1 || !strings.Contains(v, " · connector.log: following") {
		t.Errorf("120 columns: the directory is named again, or the first file and its state are not:\n%q", v)
	}
	in.Sources = []model.SourceStatus{{Name: "/var/log/connector/a.log"}, {Name: "/tmp/b.log"}}
	s.SetInfo(in)
	if got, want := s.headText(), " "+title+" · a.log, /tmp/b.log"; got != want {
		t.Errorf("a file outside the title's directory: head %q; want %q", got, want)
	}
	short := busy
	short.Sources = []model.SourceStatus{{Name: "/srv/tg/a.log", State: "following"}, {Name: "/srv/tg/b.log", State: "EOF"}}
	s = New(&plain, "2 files in /srv/tg/")
	s.SetSize(80, 1)
	s.SetInfo(short)
	if v := ansi.Strip(s.View()); strings.Count(v, "/srv/") != 1 || !strings.Contains(v, " · a.") {
		t.Errorf("80 columns: the directory is named again, or the first file is not named:\n%q", v)
	}
}
