package main

import (
	"strings"
	"testing"
)

// TestFlagValueRefusalsReadClean: a value a flag's own parser refuses is
// said as connlog says any mistake ("connlog: --max-memory 20MiB is below
// …"), naming the flag as the user typed it, with two dashes for a long
// name, and the value once: not wrapped by the flag package's "invalid
// value … for flag -max-memory:", which named it with one dash and repeated
// the value.
func TestFlagValueRefusalsReadClean(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	cases := []struct {
		args []string
		say  string // the start of the message, after "connlog: "
	}{
		{[]string{"export", "--max-memory", "20MiB", "x.log"}, "--max-memory 20MiB is below the 32MiB connlog needs to run"},
		{[]string{"export", "--max-memory=abc", "x.log"}, `--max-memory "abc" is not a size: use a number with a unit`},
		{[]string{"export", "-n", "x", "x.log"}, `-n takes a number of entries or "all", not "x"`},
		{[]string{"export", "--lines", "-3", "x.log"}, `--lines takes a number of entries or "all", not "-3"`},
		{[]string{"export", "--kind", "", "x.log"}, "--kind needs a value"},
		{[]string{"export", "--level=", "x.log"}, "--level needs a value"},
		{[]string{"export", "-u", " , ", "x.log"}, "-u needs a value"},
		{[]string{"export", "--identifier", ""}, "--identifier needs a value"},
		{[]string{"export", "--file", ""}, "--file needs a value"},
		{[]string{"export", "--victorialogs", "http://localhost:9428", "--host", ""}, "--host needs a value"},
		{[]string{"summary", "--kind", "", "x.log"}, "--kind needs a value"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			_, errOut, code := runCLI(t, c.args...)
			first, _, _ := strings.Cut(errOut, "\n")
			if code != 2 || !strings.HasPrefix(first, "connlog: "+c.say) || strings.Contains(errOut, "for flag") {
				t.Errorf("exit %d, stderr %q; want exit 2 starting %q", code, errOut, "connlog: "+c.say)
			}
		})
	}
}
