package query

import (
	"testing"

	"connlog/model"
)

// Token matches its text as a whole token, literally, whatever the text
// holds, and compiles back.
func TestToken(t *testing.T) {
	tests := []struct {
		s       string
		line    string
		matches bool
	}{
		{"e755ba99988db558-24", "tcp_proxy::on_connect conn=e755ba99988db558-24", true},
		{"e755ba99988db558-24", "conn=e755ba99988db558-24.", true},
		{"e755ba99988db558-24", "conn=e755ba99988db558-245", false},
		{"e755ba99988db558-24", "conn=xe755ba99988db558-24", false},
		{"10.0.0.5:443", "relay 10.0.0.5:443 is not available", true},
		{"10.0.0.5:443", "relay 10.0.0.5:4430 is not available", false},
		{"10.0.0.5:443", "relay 110.0.0.5:443 is not available", false},
		{"a/b(c)*", "x a/b(c)* y", true},
		{"a/b(c)*", "x a/b(c)c y", false},
		{`"q\"`, `say "q\" now`, true},
		{"[fe80::1]:22", "to [fe80::1]:22 ok", true},
		{"ID", "id", false},
	}
	for _, tt := range tests {
		t.Run(tt.s+" in "+tt.line, func(t *testing.T) {
			q, err := Compile(Token(tt.s), Options{})
			if err != nil {
				t.Fatalf("Token(%q) = %s does not compile: %v", tt.s, Token(tt.s), err)
			}
			e := &model.Entry{Raw: []byte(tt.line)}
			if got := q.Match(e); got != tt.matches {
				t.Errorf("%s on %q = %v, want %v", Token(tt.s), tt.line, got, tt.matches)
			}
		})
	}
}

// FuzzToken: a token of any text compiles and matches that text.
func FuzzToken(f *testing.F) {
	for _, s := range []string{"e755-24", "10.0.0.5:443", "a/b", `\`, "/", "x\ny", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		q, err := Compile(Token(s), Options{})
		if err != nil {
			t.Fatalf("Token(%q) = %s: %v", s, Token(s), err)
		}
		if !q.Match(&model.Entry{Raw: []byte(" " + s + " ")}) {
			t.Errorf("Token(%q) = %s does not match its text", s, Token(s))
		}
	})
}
