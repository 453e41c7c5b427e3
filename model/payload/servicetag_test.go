package payload

import (
	"testing"

	"connlog/model"
)

// checkCommonTag fails unless serviceTag, with its first try, reads p as
// anyTag does.
func checkCommonTag(t *testing.T, p []byte) {
	t.Helper()
	lvl, next, ok := serviceTag(p)
	wl, wn, wok := anyTag(p)
	if lvl != wl || next != wn || ok != wok {
		t.Fatalf("%q: serviceTag %v %d %v, anyTag %v %d %v", p, lvl, next, ok, wl, wn, wok)
	}
}

func TestCommonTagsReadAsEveryTag(t *testing.T) {
	for _, s := range []string{"[DEBUG] [libsdwan] a", "[ERROR]  x", "[TRACE]\tx", "[INFO] [connector] y", "[WARN] z",
		"[DEBUG]x", "[INFO]", "[WARN] ", "[DEBUG]]] a", "[WARNING] a", "[INFOS] a", "[info] a", "[DEBUG", "[ERROR ] a",
		"[CRITICAL] a", "[NOTICE] a", "[FATAL]  a", "[TRACE] ", "[DEBUG]\x00\xff\xfe", "[INFO]\x1b[0m x", ""} {
		checkCommonTag(t, []byte(s))
	}
	if lvl, end := commonTag([]byte("[ERROR] x")); lvl != model.LevelError || end != 6 {
		t.Fatalf("commonTag of an error line: %v %d", lvl, end)
	}
}

func FuzzCommonTag(f *testing.F) {
	for _, s := range []string{"[DEBUG] a", "[INFO] b", "[WARN]c", "[ERROR]", "[TRACE]\t", "[WARNING] x", "[INFO"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) { checkCommonTag(t, p) })
}
