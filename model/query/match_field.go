package query

import (
	"slices"
	"strconv"
	"strings"

	"connlog/model"
)

// valueTest is what a field term checks on each candidate value.
type valueTest interface {
	// field tests one parsed field, which may carry a number.
	field(f *model.Field) bool
	// text tests a value that is only text (the envelope's host or unit).
	text(s string) bool
	// mayHold reports whether a text could hold a value that passes: false
	// when it lacks a piece every such value holds (see MayMatchUnparsed).
	mayHold(text string) bool
	// spans returns the parts of a value that passed which made it pass.
	spans(value string) [][2]int
}

// fieldMatcher matches when any value of any of its keys (and of its entry
// attribute, for host, unit and ident) passes the test. A repeated key such as
// relays.ip thus matches when any relay does, and a missing field never does.
type fieldMatcher struct {
	keys  []string
	attr  Attr
	test  valueTest
	paths *pathForms // the other names of an input's path, for AttrFile; nil compares them as written
}

func (m *fieldMatcher) match(e *model.Entry) bool {
	keys := m.keysOf(e)
	for i := range e.Fields {
		f := &e.Fields[i]
		if slices.Contains(keys, f.Key) && m.test.field(f) {
			return true
		}
	}
	switch m.attr {
	case AttrHost:
		return m.textIf(e.Origin.Host) || e.Origin.Journal != nil && m.textIf(e.Origin.Journal.Hostname)
	case AttrUnit:
		return m.unit(e.Origin.Unit) || e.Origin.Journal != nil && m.unit(e.Origin.Journal.Unit)
	case AttrIdent:
		return m.textIf(e.Origin.Ident) || e.Origin.Journal != nil && m.textIf(e.Origin.Journal.Identifier)
	case AttrFile:
		return m.input(e.Origin.Input)
	}
	return false
}

// input tests the name of an entry's input as it was named (a path, as the
// status line shows it), its base name, so that file:b.log finds the lines
// of /var/log/b.log, and the other names of its path (see pathForms).
func (m *fieldMatcher) input(name string) bool {
	if m.textIf(name) {
		return true
	}
	base := name[strings.LastIndexByte(name, '/')+1:]
	if len(base) < len(name) && m.textIf(base) {
		return true
	}
	return m.paths != nil && name != "" && m.paths.passes(name, m.textIf)
}

// keysOf returns the field keys the term reads on e: a Linux audit
// record's host is elsewhere (see match_host.go).
func (m *fieldMatcher) keysOf(e *model.Entry) []string {
	if m.attr == AttrHost && e.Kind == model.KindAudit && model.IsLinuxAudit(e.Fields) {
		return linuxAuditHostKeys
	}
	return m.keys
}

func (m *fieldMatcher) cost() int { return costField + len(m.keys) }

// textIf tests an envelope value; an empty one is missing.
func (m *fieldMatcher) textIf(s string) bool { return s != "" && m.test.text(s) }

// unit tests a systemd unit with and without its .service suffix, so that
// unit=twingate-connector finds twingate-connector.service.
func (m *fieldMatcher) unit(u string) bool {
	if m.textIf(u) {
		return true
	}
	short, ok := strings.CutSuffix(u, ".service")
	return ok && m.textIf(short)
}

// globTest is field:value, a whole-value glob with smart case. With
// subModules it also passes a value that is a match, a slash and more: a
// module's sub-modules (module:libsdwan passes libsdwan/controller).
type globTest struct {
	g          glob
	subModules bool
}

func (t *globTest) field(f *model.Field) bool { return t.text(f.Value) }
func (t *globTest) text(s string) bool        { return t.g.match(s) || t.subModules && t.parentEnd(s) > 0 }

// parentEnd is where the module the glob matches ends in s, a sub-module
// of it, or -1 when s is no sub-module of a match.
func (t *globTest) parentEnd(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i] == '/' && t.g.match(s[:i]) {
			return i
		}
	}
	return -1
}

// takesSubModules reports whether a field term is module:NAME by the
// alias, which takes NAME's sub-modules too: a service line's module is
// its first bracket and the sub-module the second ([libsdwan] [controller]
// is libsdwan/controller), and NAME is what one types. module=NAME and
// .module:NAME keep to the module itself.
func takesSubModules(t token) bool {
	a, ok := lookupAlias(t.text)
	return t.op == opGlob && !t.literal && ok && a.Name == aliasModule
}

// exactTest is field=value: the exact text, or the same number when the
// field is numeric and the value reads as one (rx=1MB, duration=30s).
type exactTest struct {
	value string
	num   float64
	isNum bool
}

func (t *exactTest) field(f *model.Field) bool {
	if t.isNum && f.IsNum {
		return f.Num == t.num
	}
	return f.Value == t.value
}

func (t *exactTest) text(s string) bool { return s == t.value }

// compareTest is field>N and the other orderings. A field that is not
// numeric is read as a number from its text; one that is not a number at
// all does not match.
type compareTest struct {
	op op
	n  float64
}

func (t *compareTest) field(f *model.Field) bool {
	if f.IsNum {
		return t.compare(f.Num)
	}
	return t.text(f.Value)
}

func (t *compareTest) text(s string) bool {
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && t.compare(v)
}

func (t *compareTest) compare(v float64) bool {
	switch t.op {
	case opGt:
		return v > t.n
	case opGe:
		return v >= t.n
	case opLt:
		return v < t.n
	case opLe:
		return v <= t.n
	}
	return false
}
