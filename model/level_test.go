package model

import (
	"strings"
	"testing"
)

// referenceLevel is ParseLevel as strings.ToLower spells it out: the
// lowering ParseLevel does byte by byte must match the same spellings.
func referenceLevel(s string) (Level, bool) {
	return lowerLevel(strings.ToLower(strings.TrimSpace(s)))
}

var levelSpellings = []string{
	"trace", "TRC", "Debug", "DBG", "d", "7", "INFO", "inf", "Information", "INFORMATIONAL", "I", "6",
	"notice", "NTC", "5", "WARN", "Warning", "wrn", "W", "4", "ERROR", "err", "E", "3",
	"CRITICAL", "crit", "CRT", "FATAL", "panic", "Alert", "EMERG", "emergency", "2", "1", "0", "none", "",
	" warn ", "\twarning\n", "informationals", "warnx", "K", "\u212Aill", "İNFO", "ınfo", "ERRØR", "\xff", "ＷＡＲＮ",
}

func TestParseLevelMatchesToLower(t *testing.T) {
	for _, s := range levelSpellings {
		gl, gok := ParseLevel(s)
		wl, wok := referenceLevel(s)
		if gl != wl || gok != wok {
			t.Errorf("ParseLevel(%q) = %v, %v; strings.ToLower reads %v, %v", s, gl, gok, wl, wok)
		}
	}
	if l, ok := ParseLevel("WARNING"); l != LevelWarn || !ok {
		t.Errorf("ParseLevel(WARNING) = %v, %v", l, ok)
	}
}

// The parsers ask ParseLevel of a token of most lines: it must not
// allocate, whatever the case of the token.
func TestParseLevelAllocatesNothing(t *testing.T) {
	tok := []byte("[ERROR]")
	var sink Level
	if n := testing.AllocsPerRun(100, func() {
		l, _ := ParseLevel(string(tok[1:6]))
		sink += l
	}); n != 0 {
		t.Fatalf("ParseLevel allocates %v times per call", n)
	}
}

func FuzzParseLevel(f *testing.F) {
	for _, s := range levelSpellings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gl, gok := ParseLevel(s)
		wl, wok := referenceLevel(s)
		if gl != wl || gok != wok {
			t.Fatalf("ParseLevel(%q) = %v, %v; strings.ToLower reads %v, %v", s, gl, gok, wl, wok)
		}
	})
}
