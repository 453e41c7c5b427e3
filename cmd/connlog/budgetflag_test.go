package main

import (
	"io"
	"strings"
	"testing"
)

func TestMaxMemoryRefusesWhatCannotBeABudget(t *testing.T) {
	tests := []struct {
		value string
		want  int64  // when accepted
		err   string // part of the message when refused
	}{
		{"512MiB", 512 << 20, ""},
		{"1GB", 1e9, ""},
		{"1.5GiB", 3 << 29, ""},
		{"0", 0, ""}, // no budget, as the usage says
		{"inf", 0, "is not a size"},
		{"NaN", 0, "is not a size"},
		{"-Inf", 0, "is not a size"},
		{"0x10MiB", 0, "is not a size"},
		{"1_000MB", 0, "is not a size"},
		{"512XB", 0, "is not a size"},
		{"0.5", 0, "whole number of bytes"},
		{"1B", 0, "at least 32MiB"},
		{"31MiB", 0, "at least 32MiB"},
		{"-1GiB", 0, "negative"},
		{"1e30GiB", 0, "at most"},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			cfg, err := parseArgs([]string{"--max-memory", tc.value}, io.Discard)
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.err == "" && int64(cfg.MaxMemory) != tc.want:
				t.Fatalf("budget = %d, want %d", cfg.MaxMemory, tc.want)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("err = %v (budget %d), want one saying %q", err, cfg.MaxMemory, tc.err)
			}
		})
	}
}

// FuzzParseBudget: whatever is typed, the budget is 0 (none) or a whole
// number of bytes between the minimum and the maximum, and a refusal says
// what to type.
func FuzzParseBudget(f *testing.F) {
	for _, s := range []string{"512MiB", "inf", "NaN", "0.5", "1B", "1e30GiB", "-0", "0x1p30", "1.5GiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseBudget(s)
		switch {
		case err != nil && !strings.Contains(err.Error(), "MiB"):
			t.Fatalf("%q: refusal %q does not say what to type", s, err)
		case err == nil && n != 0 && (n < minBudget || n > maxBudget):
			t.Fatalf("%q accepted as %d", s, n)
		}
	})
}
