//go:build linux && cgo

package main

import (
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/source/remote/vltest"
)

// readmeFleetExamples returns the `connlog export --victorialogs` commands of
// the README's fleet section, as argument lists without "connlog".
func readmeFleetExamples(t *testing.T) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "## A fleet")
	if start < 0 {
		t.Fatal("the README has no fleet section")
	}
	section := text[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	var out [][]string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, `connlog export --victorialogs "$URL"`) {
			out = append(out, shellWords(t, line)[1:])
		}
	}
	if len(out) < 3 {
		t.Fatalf("found %d example commands in the README's fleet section", len(out))
	}
	return out
}

// shellWords splits a command line as sh does for simple quoting.
func shellWords(t *testing.T, line string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\'' || c == '"':
			end := strings.IndexByte(line[i+1:], c)
			if end < 0 {
				t.Fatalf("unbalanced quote in %q", line)
			}
			cur.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == ' ':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// localEquivalent turns a remote command into the same command on the
// hosts' journal files: --victorialogs goes, --host picks the files.
func localEquivalent(args []string, files map[string]string) []string {
	var out, hosts []string
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--victorialogs":
			i++
		case "--host":
			hosts = append(hosts, args[i+1])
			i++
		default:
			out = append(out, args[i])
		}
	}
	for _, h := range vltest.FleetHosts {
		picked := len(hosts) == 0
		for _, g := range hosts {
			if ok, _ := path.Match(g, h); ok {
				picked = true
			}
		}
		if picked {
			out = append(out, "--file", files[h])
		}
	}
	return out
}

// shipFleet ships the journals of vltest.Fleet to srv, waits until the
// store holds every entry, and returns each host's journal file.
func shipFleet(t *testing.T, srv *vltest.Server) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	total := 0
	for host, es := range vltest.Fleet(time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)) {
		files[host] = vltest.MakeJournal(t, dir, host, es)
		vltest.Ship(t, srv, files[host])
		total += len(es)
	}
	srv.WaitRows(t, "*", total)
	return files
}

func TestReadmeFleetExamplesGiveTheLocalEntries(t *testing.T) {
	srv := vltest.Start(t)
	files := shipFleet(t, srv)
	for host, file := range files { // restarts and journald's notices are marked as locally
		for _, units := range [][]string{nil, {"--all-units"}} {
			local, _, _ := runCLI(t, append([]string{"export", "--file", file, "--utc"}, units...)...)
			fleet, _, _ := runCLI(t, append([]string{"export", "--victorialogs", srv.URL(), "--host", host, "--utc"}, units...)...)
			restarts := len(units) == 0 // restarts are marked per unit, not over all units
			if fleet != local || strings.Contains(local, "restart") != restarts || !strings.Contains(local, "suppressed") {
				t.Errorf("%s %v: the store gives\n%s\nthe journal file\n%s", host, units, fleet, local)
			}
		}
	}
	csv, _, _ := runCLI(t, "export", "--victorialogs", srv.URL(), "--format", "csv", "--kind", "service")
	if header, _, _ := strings.Cut(csv, "\n"); !strings.HasSuffix(header, ",host") || !strings.Contains(csv, ",gw-ams-1\n") {
		t.Errorf("a fleet's CSV has no host column: %.300s", csv)
	}
	// The triage summary of the fleet from the store is the one of the hosts' files.
	summary := []string{"summary", "--format", "markdown", "--utc", "--victorialogs", srv.URL()}
	fromStore, storeErr, storeCode := runCLI(t, summary...)
	fromFiles, filesErr, filesCode := runCLI(t, localEquivalent(summary, files)...)
	if storeCode != 0 || filesCode != 0 || fromStore != fromFiles || !strings.Contains(fromFiles, "alice@") {
		t.Errorf("summary: the store (exit %d, %s) gives\n%s\nthe journal files (exit %d, %s)\n%s",
			storeCode, storeErr, fromStore, filesCode, filesErr, fromFiles)
	}
	for _, ex := range readmeFleetExamples(t) {
		remoteArgs := make([]string, len(ex))
		for i, a := range ex {
			remoteArgs[i] = strings.ReplaceAll(a, "$URL", srv.URL())
		}
		local := localEquivalent(remoteArgs, files)
		for _, format := range []string{"raw", "text"} {
			wantOut, wantErr, wantCode := runCLI(t, append(local, "--format", format, "--utc")...)
			gotOut, gotErr, gotCode := runCLI(t, append(remoteArgs, "--format", format, "--utc")...)
			if gotCode != 0 || wantCode != 0 {
				t.Fatalf("%v: exit %d (%s), local exit %d (%s)", ex, gotCode, gotErr, wantCode, wantErr)
			}
			if strings.Count(wantOut, "\n") < 2 {
				t.Fatalf("%v: the local journals (%v) give %q (%s): the example shows too little to compare", ex, local, wantOut, wantErr)
			}
			if gotOut != wantOut {
				t.Errorf("%v --format %s:\nremote:\n%s\nlocal:\n%s", ex, format, gotOut, wantOut)
			}
		}
	}
}

func TestRemoteStoreErrors(t *testing.T) {
	srv := vltest.Start(t)
	srv.Stop() // its port now refuses connections
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"unreachable", []string{"export", "--victorialogs", srv.URL()}, 1, "cannot reach VictoriaLogs"},
		{"password in the URL", []string{"export", "--victorialogs", "http://u:p@127.0.0.1:9"}, 2, "CONNLOG_VICTORIALOGS_PASSWORD_FILE"},
		{"host without a store", []string{"export", "--host", "gw-1"}, 2, "--victorialogs"},
		{"bad host pattern", []string{"export", "--victorialogs", srv.URL(), "--host", "gw-["}, 2, "not a valid pattern"},
		{"store and files", []string{"export", "--victorialogs", srv.URL(), "x.log"}, 2, "not both"},
		{"boot", []string{"export", "--victorialogs", srv.URL(), "-b"}, 2, "--since"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, stderr, code := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.says) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", code, stderr, tc.code, tc.says)
			}
			if time.Since(start) > 12*time.Second {
				t.Errorf("took %v: an unreachable store must fail fast", time.Since(start))
			}
		})
	}
}

func TestRemoteCredentialsComeFromTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	a, err := remoteAuth(env(map[string]string{envTokenFile: tokenFile}))
	if err != nil || a.Token != "s3cret" {
		t.Errorf("token file: %+v, %v", a, err)
	}
	a, err = remoteAuth(env(map[string]string{envUser: "ops", envPassword: "pw"}))
	if err != nil || a.User != "ops" || a.Password != "pw" {
		t.Errorf("user and password: %+v, %v", a, err)
	}
	for name, m := range map[string]map[string]string{
		"token and user":        {envToken: "t", envUser: "u"},
		"password without user": {envPassword: "p"},
		"both token forms":      {envToken: "t", envTokenFile: tokenFile},
		"missing file":          {envTokenFile: filepath.Join(dir, "nope")},
	} {
		if _, err := remoteAuth(env(m)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// A secret file that cannot be read says why in words and what to do.
func TestAnUnreadableSecretFileSaysWhatToDo(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	_, err := remoteAuth(func(k string) string { return map[string]string{envTokenFile: missing}[k] })
	want := "cannot read " + envTokenFile + " (" + missing + "): no such file or directory — name a file that holds the secret, or unset " + envTokenFile
	if err == nil || err.Error() != want {
		t.Errorf("%v; want %q", err, want)
	}
}

// A raw export of journal files skips the journal's metadata for speed; a
// query on the host or unit must still see them.
func TestRawJournalExportFiltersOnHostAndUnit(t *testing.T) {
	dir := t.TempDir()
	var args, files []string
	for host, es := range vltest.Fleet(time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)) {
		f := vltest.MakeJournal(t, dir, host, es)
		args, files = append(args, "--file", f), append(files, f)
	}
	for q, match := range map[string]string{"host:gw-fra-1": "_HOSTNAME=gw-fra-1", "unit:ssh": "_SYSTEMD_UNIT=ssh.service"} {
		out, stderr, code := runCLI(t, append([]string{"export", "--all-units", "--format", "raw", "-q", q}, args...)...)
		want := strings.Join(vltest.Journalctl(t, files, match), "\n") + "\n"
		if code != 0 || out != want {
			t.Errorf("-q %s: raw export (exit %d, %s):\n%s\njournalctl %s:\n%s", q, code, stderr, out, match, want)
		}
	}
}

func TestExportPushesRequiredWordsAndTimeDown(t *testing.T) {
	cfg, err := parseArgs([]string{"export", "--victorialogs", "http://127.0.0.1:9", "-q", `preconnect "code 410" until:2026-02-10T08:00:02Z`}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := remoteSelection(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sel.Words, []string{"preconnect", "code 410"}) && !slices.Equal(sel.Words, []string{"code 410", "preconnect"}) {
		t.Errorf("words pushed down: %q", sel.Words)
	}
	if want := time.Date(2026, 2, 10, 8, 0, 2, 0, time.UTC); !sel.Until.Equal(want) {
		t.Errorf("until pushed down: %v, want %v", sel.Until, want)
	}
	cfg.Export = false // the TUI's filter changes as it runs: nothing of it goes to the store
	if sel, _ := remoteSelection(cfg); len(sel.Words) != 0 || !sel.Until.IsZero() {
		t.Errorf("the TUI pushed its filter down: %+v", sel)
	}
}

func TestRemoteStoreOverTLSWithAPassword(t *testing.T) {
	dir := t.TempDir()
	ca, cert, key := vltest.TestCA(t, dir)
	srv := vltest.StartWith(t, vltest.Options{CertFile: cert, KeyFile: key, User: "ops", Password: "s3cret"})
	pwFile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwFile, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	export := []string{"export", "--victorialogs", srv.URL()}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		says string
	}{
		{"unknown CA", export, map[string]string{envUser: "ops", envPasswordFile: pwFile}, 1, "--ca-file"},
		{"no password", append(export, "--ca-file", ca), nil, 1, "401"},
		{"wrong password", append(export, "--ca-file", ca), map[string]string{envUser: "ops", envPassword: "nope"}, 1, "401"},
		{"no password, how to give one", append(export, "--ca-file", ca), nil, 1, "set CONNLOG_VICTORIALOGS_TOKEN_FILE"},
		{"wrong password, the user refused", append(export, "--ca-file", ca), map[string]string{envUser: "ops", envPassword: "nope"}, 1,
			`refused the credentials given (user "ops", password from CONNLOG_VICTORIALOGS_PASSWORD)`},
		{"a token the store does not take", append(export, "--ca-file", ca), map[string]string{envTokenFile: pwFile}, 1,
			`refused the credentials given (a bearer token from CONNLOG_VICTORIALOGS_TOKEN_FILE ("` + pwFile + `"))`},
		// The store is empty: with every unit, an empty export is no error.
		{"CA and password file", append(export, "--ca-file", ca, "--all-units"), map[string]string{envUser: "ops", envPasswordFile: pwFile}, 0, ""},
		{"insecure, named", append(export, "--insecure", "--all-units"), map[string]string{envUser: "ops", envPasswordFile: pwFile}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{envToken, envTokenFile, envUser, envPassword, envPasswordFile} {
				t.Setenv(k, tc.env[k])
			}
			_, stderr, code := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.says) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", code, stderr, tc.code, tc.says)
			}
			if tc.env != nil && strings.Contains(stderr, "set CONNLOG_") {
				t.Errorf("stderr %q asks to set credentials that were given", stderr)
			}
		})
	}
}

// https:// to a store that speaks plain HTTP says to use http://, with the
// URL to give.
func TestHTTPSToAPlainStoreSaysUseHTTP(t *testing.T) {
	srv := vltest.Start(t)
	addr := strings.TrimPrefix(srv.URL(), "http://")
	_, stderr, code := runCLI(t, "export", "--victorialogs", "https://"+addr)
	if want := "the store speaks plain HTTP: use http://" + addr; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want exit 1 saying %q", code, stderr, want)
	}
}

// An empty token or password file is a mistake in the setup, said as a
// missing one is (exit 2), not a request sent without credentials whose
// refusal would ask for the variable already set.
func TestAnEmptySecretFileIsAnError(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, env := range map[string]map[string]string{
		envTokenFile:    {envTokenFile: empty},
		envPasswordFile: {envUser: "ops", envPasswordFile: empty},
	} {
		t.Run(name, func(t *testing.T) {
			for _, k := range []string{envToken, envTokenFile, envUser, envPassword, envPasswordFile} {
				t.Setenv(k, env[k])
			}
			_, stderr, code := runCLI(t, "export", "--victorialogs", "http://127.0.0.1:9")
			if want := name + " (" + empty + ") is empty"; code != 2 || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, stderr %q; want exit 2 saying %q", code, stderr, want)
			}
		})
	}
}
