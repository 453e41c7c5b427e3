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
// finds nothing still says where the journal begins and ends, whether the
// window is after it, before it, or on another day.
func TestExportJournalWindowOutsideIt(t *testing.T) {
	dir := copiedJournalDir(t)
	for _, c := range []struct {
		name   string
		window []string
		want   string
	}{
		{"after the end", []string{"--since", "23:00"}, "no entries since 2026-02-10 23:00; the input spans 2026-02-10 08:00–09:30"},
		{"before the start", []string{"--until", "07:00"}, "no entries up to 2026-02-10 07:00; the input spans 2026-02-10 08:00–09:30"},
		{"another day", []string{"--since", "2025-11-10", "--until", "2025-11-11"}, "no entries from 2025-11-10 to 2025-11-11 00:00; the input spans 2026-02-10 08:00–09:30"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, append([]string{"export", "--utc", "-D", dir}, c.window...)...)
			if code != 0 || out != "" {
				t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
			}
			if !strings.Contains(errs, c.want) {
				t.Errorf("stderr %q; want %q", errs, c.want)
			}
		})
	}
}

// A window that meets the journal is not said to miss it, even when the
// query selects nothing: that the query matched none of the entries read
// is said instead, as for files.
func TestExportJournalWindowInsideItSaysNothing(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errs, code := runCLI(t, "export", "--utc", "-D", dir, "--since", "2026-02-10 08:00:00", "-q", "user:nobody-at-all")
	if code != 0 || out != "" || strings.Contains(errs, "no entries since") || strings.Contains(errs, "the input spans") ||
		!strings.Contains(errs, `connlog: no entries matched -q "user:nobody-at-all"`) {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
	}
}

// The interface is told why a journal read with a window that misses it
// sent nothing; it is told nothing for a window that meets it, or for files.
func TestTUIWindowMissOfAJournal(t *testing.T) {
	dir := copiedJournalDir(t)
	miss := tuiWindowMiss(t.Context(), Config{Directory: dir, Units: listFlag{defaultUnit}, UTC: true, SinceText: "2025-11-10", UntilText: "2025-11-11"})
	if miss == nil {
		t.Fatal("no question for a journal read with a window")
	}
	if got, want := miss(), "no entries from 2025-11-10 to 2025-11-11 00:00; the input spans 2026-02-10 08:00–09:30"; got != want {
		t.Errorf("%q; want %q", got, want)
	}
	meets := tuiWindowMiss(t.Context(), Config{Directory: dir, Units: listFlag{defaultUnit}, UTC: true, SinceText: "2026-02-10 09:00"})
	if got := meets(); got != "" {
		t.Errorf("a window meeting the journal is explained as %q", got)
	}
	if tuiWindowMiss(t.Context(), Config{Files: []string{"x.log"}, SinceText: "2025-11-10"}) != nil {
		t.Error("files are asked about: their window is the filter's, which the interface explains itself")
	}
}
