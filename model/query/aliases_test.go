package query

import (
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"strconv"
	"strings"
	"testing"

	"connlog/model"
)

// Every key constant in model/keys.go must be known to the query language,
// so that a key added there is queryable by name (and not reported as a
// typo) without anyone remembering this list.
func TestKnownKeysCoverModel(t *testing.T) {
	f, err := goparser.ParseFile(gotoken.NewFileSet(), "../keys.go", nil, 0)
	if err != nil {
		t.Fatalf("read model/keys.go: %v", err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok {
			return true
		}
		for i, name := range vs.Names {
			if !strings.HasPrefix(name.Name, "Key") || i >= len(vs.Values) {
				continue
			}
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok {
				continue
			}
			key, _ := strconv.Unquote(lit.Value)
			n++
			if !isKnownKey(key) {
				t.Errorf("model.%s = %q is missing from knownKeys", name.Name, key)
			}
		}
		return true
	})
	if n < 50 {
		t.Fatalf("found only %d Key constants in model/keys.go; the test is not reading it right", n)
	}
}

// An alias must read keys of one unit, so that rx>10MB means bytes for
// every key it reads, and every key it reads must exist, but for a key of
// the alias's own name (a JSON document's "device", which device: read
// before it was an alias).
func TestAliasTable(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Aliases() {
		t.Run(a.Name, func(t *testing.T) {
			if seen[strings.ToLower(a.Name)] {
				t.Errorf("alias %q is defined twice", a.Name)
			}
			seen[strings.ToLower(a.Name)] = true
			if a.Doc == "" {
				t.Errorf("alias %q has no Doc", a.Name)
			}
			if len(a.Keys) == 0 && a.Attr == AttrNone {
				t.Errorf("alias %q reads nothing", a.Name)
			}
			for _, k := range a.Keys {
				if !isKnownKey(k) && k != a.Name {
					t.Errorf("alias %q reads unknown key %q", a.Name, k)
				}
				if keyClass(k) != keyClass(a.Keys[0]) {
					t.Errorf("alias %q mixes units: %q and %q", a.Name, a.Keys[0], k)
				}
			}
			if _, err := Compile(Term(a.Name, "x")+" or "+a.Name+":*", testOpts); err != nil && a.Attr == AttrNone {
				t.Errorf("alias %q does not compile: %v", a.Name, err)
			}
		})
	}
}

func TestAliasesIsACopy(t *testing.T) {
	a := Aliases()
	a[0].Name = "changed"
	for i := range a {
		if len(a[i].Keys) > 0 {
			a[i].Keys[0] = "changed"
		}
	}
	if Aliases()[0].Name == "changed" || aliasTable[4].Keys[0] == "changed" {
		t.Fatal("changing the result of Aliases changed the table")
	}
}

func TestAliasOf(t *testing.T) {
	tests := []struct {
		key, want string
		ok        bool
	}{
		{model.KeyUserEmail, "user", true},
		{model.KeyNodeUser, "user", true},
		{model.KeyHostname, "host", true},
		{model.KeyPhase, "event", true},
		{model.KeyMessage, "message", true},
		{model.KeyRxBytes, "rx", true},
		{model.KeyRelayIP, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			got, ok := AliasOf(tt.key)
			if got != tt.want || ok != tt.ok {
				t.Errorf("AliasOf(%q) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAttrString(t *testing.T) {
	for a, want := range map[Attr]string{AttrNone: "", AttrLevel: "level", AttrKind: "kind", AttrTime: "time", AttrHost: "host", AttrUnit: "unit", AttrIdent: "ident", AttrFile: "file"} {
		if got := a.String(); got != want {
			t.Errorf("Attr(%d).String() = %q, want %q", a, got, want)
		}
	}
}

// An alias named after a pane's label still reads a key of its own name:
// device:eth0 finds the JSON document {"device":"eth0"}, as it did before
// device was an alias, as well as the connection of that device.
func TestPaneAliasesReadTheirOwnKey(t *testing.T) {
	for _, name := range []string{"device", "connector", "network", "location", "rule", "target", "tunnel", "reason", "error"} {
		doc := &model.Entry{Kind: model.KindJSON, Fields: model.Fields{model.Str(model.KeyMessage, "m"), model.Str(name, "v1")}}
		q, err := Compile(name+":v1", testOpts)
		if err != nil {
			t.Errorf("Compile(%s:v1): %v", name, err)
			continue
		}
		if !q.Match(doc) {
			t.Errorf("%s:v1 does not match a JSON document's own %q key", name, name)
		}
	}
	conn := &model.Entry{Kind: model.KindAnalytics, Fields: model.Fields{model.Str(model.KeyDeviceID, "200903")}}
	if q, err := Compile("device:200903", testOpts); err != nil || !q.Match(conn) {
		t.Errorf("device:200903 does not match the connection of device 200903 (%v)", err)
	}
}
