package ui

import (
	"slices"
	"strings"
	"testing"

	"connlog/model/export"
)

// An InputsJoinedMsg names the new inputs in the title, keeps exports off
// their files, and shows why a file was left out.
func TestInputsJoinedMsgNamesTheNewInputs(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	joined := export.SourceInfo{ID: 1, Name: "/d/c2/c2-json.log", Path: "/d/c2/c2-json.log", Inode: 77}
	m = drive(t, m, InputsJoinedMsg{Title: "c1-json.log, c2-json.log", Paths: []string{"/d/c2/c2-json.log"},
		Opened: []export.SourceInfo{joined}, Notice: "/d/c3/c3-json.log and later new files matching the patterns are not read"})
	s := screen(m)
	if !strings.Contains(s, "c1-json.log, c2-json.log") {
		t.Errorf("the status line does not name the new input:\n%s", s)
	}
	if !strings.Contains(s, "are not read") {
		t.Errorf("the footer does not say a file was left out:\n%s", s)
	}
	if !slices.Contains(m.cfg.Inputs, "/d/c2/c2-json.log") {
		t.Errorf("an export may replace the new input: inputs %v", m.cfg.Inputs)
	}
	if src := m.exportSource(); !slices.Contains(src.Opened, joined) {
		t.Errorf("an export does not describe the new input as opened: %+v", src.Opened)
	}
}
