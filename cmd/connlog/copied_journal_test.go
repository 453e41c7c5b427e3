package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/ui"
)

// copiedJournalDir builds a journal directory from testdata/journal's
// connector.export (entries of host connector-1), as if copied off it.
func copiedJournalDir(t *testing.T) string {
	t.Helper()
	const remote = "/lib/systemd/systemd-journal-remote"
	if _, err := os.Stat(remote); err != nil {
		t.Fatalf("%s is missing: install systemd-journal-remote (scripts/deps.sh does)", remote)
	}
	export, err := os.Open(filepath.Join("..", "..", "testdata", "journal", "connector.export"))
	if err != nil {
		t.Fatal(err)
	}
	defer export.Close()
	dir := t.TempDir()
	cmd := exec.Command(remote, "--output="+filepath.Join(dir, "copied.journal"), "-")
	cmd.Stdin, cmd.Env = export, append(os.Environ(), "SYSTEMD_JOURNAL_COMPACT=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	return dir
}

// The title of a journal copied from a connector names the connector, not
// the machine connlog runs on.
func TestTitleNamesTheCopiedJournalsHost(t *testing.T) {
	cfg := Config{Directory: copiedJournalDir(t), Units: listFlag{defaultUnit}, Lines: -1}
	host := titleHost(t.Context(), cfg)
	if host != "connector-1" {
		t.Fatalf("title host %q; want connector-1, the journal's", host)
	}
	got := title([]sourceInfo{{Name: "twingate-connector", Unit: "twingate-connector"}}, host)
	if !strings.HasSuffix(got, "@ connector-1") {
		t.Errorf("title %q; want it to end @ connector-1", got)
	}
	if me, _ := os.Hostname(); titleHost(t.Context(), Config{Units: listFlag{defaultUnit}}) != me {
		t.Errorf("this machine's journal is not titled with this machine's name")
	}
}

// titleRecorder is a program's model that only keeps the titles sent to it.
type titleRecorder struct{ titles chan<- string }

func (r titleRecorder) Init() tea.Cmd { return nil }
func (r titleRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if t, ok := msg.(ui.TitleMsg); ok {
		r.titles <- string(t)
	}
	return r, nil
}
func (r titleRecorder) View() tea.View { return tea.NewView("") }

// The interface starts without the copied journal's host, which is sent
// to it once the first screen is drawn, and not before.
func TestCopiedHostIsSentAfterTheFirstScreen(t *testing.T) {
	cfg := Config{Directory: copiedJournalDir(t), Units: listFlag{defaultUnit}, Lines: -1}
	infos := []sourceInfo{{Name: "twingate-connector", Unit: "twingate-connector"}}
	titles := make(chan string, 1)
	p := tea.NewProgram(titleRecorder{titles}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignalHandler())
	go p.Run()
	defer p.Kill()
	firstScreen := make(chan struct{})
	sent := make(chan struct{})
	go func() { sendCopiedHost(t.Context(), p, cfg, infos, firstScreen); close(sent) }()
	select {
	case got := <-titles:
		t.Fatalf("the title %q was sent before the first screen", got)
	case <-time.After(100 * time.Millisecond):
	}
	close(firstScreen)
	select {
	case got := <-titles:
		if want := title(infos, "connector-1"); got != want {
			t.Errorf("title %q; want %q", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no title was sent after the first screen")
	}
	<-sent
}

// A copied journal is read with the window pushed down: an export that
// finds nothing still says where the journal ends.
func TestExportJournalWindowAfterTheEnd(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errs, code := runCLI(t, "export", "-D", dir, "--since", "23:00")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
	}
	if want := "no entries since 2026-02-10 23:00; the input ends 2026-02-10 09:30"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q; want %q", errs, want)
	}
}
