package query

import (
	goparser "go/parser"
	gotoken "go/token"
	"strings"
	"testing"
)

// docExamples are the queries the package documentation (and so the
// README) shows; each must compile.
var docExamples = []string{
	`timeout`, `Timeout`, `"gone, code 410"`, `/code 4\d\d/`, `/denied|refused/i`,
	`user="a b@x"`, `rx=1MB`, `duration=30s`, `rx>10MB`, `1h30m`, `1.5s`,
	`level>=warn`, `level=error`, `level:w*`, `kind:*s*`, `time>=2026-11-20T08:00`,
	`.x-request-id=abc`, `."my key"=1`,
	`since:15m`, `since:2026-11-20T08:00`, `since:2026-11-20`, `since:2026-11-20T08:00:00Z`,
	`since:"2026-11-20 08:00:00"`, `since:14:05`, `since:today`,
	`since:yesterday`, `until:now`, `since:@1763625600`,
	`a b`, `a and b`, `a or b`, `-a`, `not a`, `a b or c`, `-a b`,
	`level>=warn -module:libsdwan`, `module:libsdwan`, `module=libsdwan`, `.module:libsdwan`, `event:failed* or event:denied_access`,
	`kind:analytics country:DE rx>10MB since:1h`, `user:alice* (proto:udp or port=53)`,
	`unit=twingate-connector "code 410" until:14:05`, `kind:session duration>=5m tx>1MiB`,
	`action=login_attempt granted:false`, `ident:twingate-connector level>=warn`,
}

func TestDocExamplesCompile(t *testing.T) {
	for _, src := range docExamples {
		if _, err := Compile(src, testOpts); err != nil {
			t.Errorf("documented example %q does not compile: %v", src, err)
		}
	}
}

// Every example listed above must really appear in doc.go, so that the list
// is not a private copy that drifts from the documentation.
func TestDocExamplesAreDocumented(t *testing.T) {
	f, err := goparser.ParseFile(gotoken.NewFileSet(), "doc.go", nil, goparser.ParseComments)
	if err != nil {
		t.Fatalf("read doc.go: %v", err)
	}
	doc := f.Doc.Text()
	for _, src := range docExamples {
		if !strings.Contains(doc, src) {
			t.Errorf("example %q is not in the package documentation", src)
		}
	}
}
