package ui

import (
	"os"
	"strings"
	"testing"

	"connlog/ui/theme"
)

// readmeKeyTable renders the KeyMap's full help as the README's Markdown
// table: the same groups, keys and words as the help screen.
func readmeKeyTable(k KeyMap) string {
	var b strings.Builder
	b.WriteString("| | Keys | Does |\n|---|---|---|\n")
	for i, group := range k.FullHelp() {
		for j, kb := range group {
			title := ""
			if j == 0 {
				title = helpGroupTitles[i]
			}
			ks := make([]string, 0, len(kb.Keys()))
			for _, key := range kb.Keys() {
				ks = append(ks, "`"+theme.KeysLabel([]string{key})+"`")
			}
			b.WriteString("| " + title + " | " + strings.Join(ks, " ") + " | " + kb.Help().Desc + " |\n")
		}
	}
	return b.String()
}

// TestReadmeKeyTable checks that the README's key table is the help
// screen's: both come from the KeyMap.
func TestReadmeKeyTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := readmeKeyTable(DefaultKeyMap()); !strings.Contains(string(readme), want) {
		t.Errorf("the README's key table is not the KeyMap's; it should read:\n%s", want)
	}
}
