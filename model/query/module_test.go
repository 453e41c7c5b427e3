package query

import (
	"slices"
	"testing"

	"connlog/model"
)

// moduleEntries are service lines of a module, its sub-module, and
// modules that only share its first letters or hold it elsewhere.
var moduleEntries = []string{"libsdwan", "libsdwan/controller", "libsdwan/controller/dns", "libsdwanx", "other/libsdwan",
	"LibSDWAN/relay"}

func modulesMatching(t *testing.T, src string) []string {
	t.Helper()
	q, err := Compile(src, testOpts)
	if err != nil {
		t.Fatalf("Compile(%q): %v", src, err)
	}
	var out []string
	for _, m := range moduleEntries {
		e := &model.Entry{Kind: model.KindService, Level: model.LevelWarn,
			Fields: model.Fields{model.Str(model.KeyModule, m), model.Str(model.KeyMessage, "x")}}
		if q.Match(e) {
			out = append(out, m)
		}
	}
	return out
}

// TestModuleTermTakesItsSubModules: module:NAME finds the module and the
// sub-modules under it ([libsdwan] [controller] is libsdwan/controller),
// as an on-call engineer types it; module=NAME and .module:NAME keep to
// the module itself.
func TestModuleTermTakesItsSubModules(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"module:libsdwan", []string{"libsdwan", "libsdwan/controller", "libsdwan/controller/dns", "LibSDWAN/relay"}},
		{"module:libsdwan/controller", []string{"libsdwan/controller", "libsdwan/controller/dns"}},
		{"module:LibSDWAN", []string{"LibSDWAN/relay"}},
		{"-module:libsdwan", []string{"libsdwanx", "other/libsdwan"}},
		{"module!=libsdwan", []string{"libsdwan/controller", "libsdwan/controller/dns", "libsdwanx", "other/libsdwan", "LibSDWAN/relay"}},
		{"module=libsdwan", []string{"libsdwan"}},
		{".module:libsdwan", []string{"libsdwan"}},
		{"module:libsdwan*", []string{"libsdwan", "libsdwan/controller", "libsdwan/controller/dns", "libsdwanx", "LibSDWAN/relay"}},
		{"module:*/controller", []string{"libsdwan/controller", "libsdwan/controller/dns"}},
	} {
		if got := modulesMatching(t, c.src); !slices.Equal(got, c.want) {
			t.Errorf("%s matches %q, want %q", c.src, got, c.want)
		}
	}
}

// TestModuleTermMarksTheModule: on a sub-module's line the term marks the
// module's name, the part that was typed.
func TestModuleTermMarksTheModule(t *testing.T) {
	e := &model.Entry{Kind: model.KindService, Level: model.LevelWarn,
		Fields: model.Fields{model.Str(model.KeyModule, "libsdwan/controller")}}
	if got := markedText(t, "module:libsdwan", e); got != "module[libsdwan]" {
		t.Errorf("marks %q, want module[libsdwan]", got)
	}
}
