package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"connlog/source"
)

// listFlag collects a repeatable flag (-u a -u b) and comma lists (--kind a,b).
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds the comma-separated values of v. Its refusal, as those of the
// other flags' parsers, follows the flag's name (see refusingValue). An empty value is refused: a
// script's `--kind "$UNSET"` would otherwise select everything unsaid.
func (l *listFlag) Set(v string) error {
	n := len(*l)
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	if len(*l) == n {
		return errors.New("needs a value, and was given an empty one: name one, or leave the flag out")
	}
	return nil
}

// linesFlag is -n: a count, or "all" (-1).
type linesFlag int

func (n *linesFlag) String() string {
	if *n < 0 {
		return "all"
	}
	return strconv.Itoa(int(*n))
}

func (n *linesFlag) Set(v string) error {
	if strings.EqualFold(v, "all") {
		*n = -1
		return nil
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 {
		return fmt.Errorf("takes a number of entries or \"all\", not %q", v)
	}
	*n = linesFlag(i)
	return nil
}

// bootFlag is -b/--boot. Given alone it means the current boot; the value
// may follow as a separate argument, as with journalctl (-b -1).
type bootFlag struct {
	set   bool
	value string
}

func (b *bootFlag) String() string   { return b.value }
func (b *bootFlag) IsBoolFlag() bool { return true }

func (b *bootFlag) Set(v string) error {
	b.set = true
	if v == "true" {
		v = "0"
	}
	b.value = v
	return nil
}

// looksLikeBoot reports whether an argument after -b is its value: what
// the journal source takes for a boot (an offset such as -1, 0 or +2,
// "all", a boot ID, a boot ID and an offset).
func looksLikeBoot(s string) bool {
	return s != "" && source.CheckJournalBoot(s, source.JournalOptions{}) == nil
}
