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

	"connlog/model"
	"connlog/source"
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

// copiedJournalStore reads the journal of cfg into a store as the TUI
// does (tail first, without following) and returns it with the inputs.
func copiedJournalStore(t *testing.T, cfg Config) (*model.Store, []sourceInfo) {
	t.Helper()
	feeds, infos, err := buildFeeds(cfg, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	store := model.NewStore(model.StoreOptions{})
	source.Ingest(t.Context(), feeds, func(es []model.Entry, front bool) {
		if front {
			store.Prepend(es)
		} else {
			store.Append(es)
		}
	}, nil)
	return store, infos
}

// The title of a journal copied from a connector names the connector (the
// host of its newest entry), not the machine connlog runs on.
func TestTitleNamesTheCopiedJournalsHost(t *testing.T) {
	cfg := Config{Directory: copiedJournalDir(t), Units: listFlag{defaultUnit}, Lines: -1}
	if h := startHost(cfg); h != "" {
		t.Errorf("a copied journal is titled %q before it is read", h)
	}
	store, infos := copiedJournalStore(t, cfg)
	host := newestHost(store)
	if host != "connector-1" {
		t.Fatalf("title host %q; want connector-1, the journal's", host)
	}
	if got := title(infos, host); !strings.HasSuffix(got, "@ connector-1") {
		t.Errorf("title %q; want it to end @ connector-1", got)
	}
	if me, _ := os.Hostname(); startHost(Config{Units: listFlag{defaultUnit}}) != me {
		t.Errorf("this machine's journal is not titled with this machine's name")
	}
	if h := newestHost(model.NewStore(model.StoreOptions{})); h != "" {
		t.Errorf("an empty store names the host %q", h)
	}
}

// The newest entry's host is found whether the newest entry was appended
// or, in a store only prepended to, is Seq -1.
func TestNewestHostOfAppendedAndPrependedEntries(t *testing.T) {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	entry := func(host string, sec int) model.Entry {
		return model.Entry{Time: at.Add(time.Duration(sec) * time.Second), Kind: model.KindText, Raw: []byte("line of " + host),
			Origin: model.Origin{Offset: -1, Host: host}}
	}
	prepended := model.NewStore(model.StoreOptions{})
	prepended.Prepend([]model.Entry{entry("old", 1), entry("new", 2)})
	if h := newestHost(prepended); h != "new" {
		t.Errorf("a store only prepended to: host %q, want new", h)
	}
	appended := model.NewStore(model.StoreOptions{})
	appended.Append([]model.Entry{entry("old", 1), entry("new", 2)})
	appended.Prepend([]model.Entry{entry("older", 0)})
	if h := newestHost(appended); h != "new" {
		t.Errorf("a store appended to: host %q, want new", h)
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
	store, infos := copiedJournalStore(t, cfg)
	titles := make(chan string, 1)
	p := tea.NewProgram(titleRecorder{titles}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignalHandler())
	go p.Run()
	defer p.Kill()
	firstScreen := make(chan struct{})
	sent := make(chan struct{})
	go func() { sendCopiedHost(t.Context(), p, store, infos, firstScreen); close(sent) }()
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
