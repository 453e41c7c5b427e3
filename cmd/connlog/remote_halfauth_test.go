package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// Half of basic auth — a user without a password, or a password without a
// user — is refused before anything is asked of the store, by export and
// the interface alike (exit status 2): sent as it is, the store would
// refuse it or, worse, a proxy would let it through as another account,
// and the refusal would name the wrong cause.
func TestHalfOfBasicAuthIsRefusedBeforeConnecting(t *testing.T) {
	var asked atomic.Int64
	store := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { asked.Add(1) }))
	defer store.Close()
	pwFile := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pwFile, []byte("pw\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  map[string]string
		says string
	}{
		{"user alone", map[string]string{envUser: "ops"}, "a user is set (" + envUser + ") but no password: set " + envPassword + ", or " + envPasswordFile + " to a file that holds it"},
		{"password alone", map[string]string{envPassword: "pw"}, "a password is set (" + envPassword + ") but no user: set " + envUser + " too"},
		{"password file alone", map[string]string{envPasswordFile: pwFile}, "a password is set (" + envPasswordFile + ` ("` + pwFile + `")) but no user: set ` + envUser + " too"},
		// Basic auth joins the two with a colon: the store would read the
		// user up to its colon and take the rest for the password.
		{"user with a colon", map[string]string{envUser: "bo:b", envPassword: "pw"}, envUser + " holds a colon, which basic auth cannot carry in a user name"},
	} {
		for _, args := range [][]string{{"export"}, {}} {
			t.Run(c.name+strings.Join(args, ""), func(t *testing.T) {
				asked.Store(0)
				for k, v := range c.env {
					t.Setenv(k, v)
				}
				_, stderr, code := runCLI(t, append(args, "--victorialogs", store.URL)...)
				if code != 2 || !strings.Contains(stderr, c.says) {
					t.Errorf("exit %d, stderr %q; want exit 2 saying %q", code, stderr, c.says)
				}
				if n := asked.Load(); n != 0 {
					t.Errorf("the store was asked %d times", n)
				}
			})
		}
	}
}
