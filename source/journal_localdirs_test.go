package source

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLocalJournalDirs: without -D or --file the journal reads this
// machine's directory under each system journal directory that has one,
// persistent first; with no machine ID, the system directories themselves.
func TestLocalJournalDirs(t *testing.T) {
	const id = "0123456789abcdef0123456789abcdef"
	root := t.TempDir()
	persistent, volatile := filepath.Join(root, "var"), filepath.Join(root, "run")
	for _, d := range []string{filepath.Join(persistent, id), volatile} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	withMachineID := filepath.Join(root, "machine-id")
	if err := os.WriteFile(withMachineID, []byte(id+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		machineID string
		want      []string
	}{
		{"this machine's directories that exist", withMachineID, []string{filepath.Join(persistent, id)}},
		{"no machine ID", filepath.Join(root, "absent"), []string{persistent, volatile}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setJournalLocation(t, []string{persistent, volatile}, tt.machineID)
			if got := LocalJournalDirs(); !slices.Equal(got, tt.want) {
				t.Errorf("LocalJournalDirs() = %q, want %q", got, tt.want)
			}
		})
	}
}

// setJournalLocation points the system journal's directories and the
// machine ID file elsewhere for the test.
func setJournalLocation(t *testing.T, dirs []string, machineID string) {
	oldDirs, oldID := journalSystemDirs, journalMachineIDFile
	journalSystemDirs, journalMachineIDFile = dirs, machineID
	t.Cleanup(func() { journalSystemDirs, journalMachineIDFile = oldDirs, oldID })
}
