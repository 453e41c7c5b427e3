package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source"
	"connlog/source/remote"
)

// Environment variables of the remote store. Credentials come only from
// here or from files they name, never from flags: a flag's value shows in ps.
const (
	envVictoriaLogsURL = "CONNLOG_VICTORIALOGS_URL"
	envToken           = "CONNLOG_VICTORIALOGS_TOKEN"
	envTokenFile       = "CONNLOG_VICTORIALOGS_TOKEN_FILE"
	envUser            = "CONNLOG_VICTORIALOGS_USER"
	envPassword        = "CONNLOG_VICTORIALOGS_PASSWORD"
	envPasswordFile    = "CONNLOG_VICTORIALOGS_PASSWORD_FILE"
)

// remoteCheckTimeout bounds the first request, so that a store that does
// not answer is an error within seconds, not a hang.
const remoteCheckTimeout = 10 * time.Second

// remoteFlags select a remote log store and what to read from it.
type remoteFlags struct {
	VictoriaLogs string   // --victorialogs URL
	Hosts        listFlag // --host NAME (repeatable, globs)
	CAFile       string   // --ca-file
	Insecure     bool     // --insecure
}

// addRemoteFlags registers the remote store's flags.
// refused keeps a refused --host as connlog says it (see refusingValue).
func addRemoteFlags(fs *flag.FlagSet, r *remoteFlags, refused *error) {
	fs.StringVar(&r.VictoriaLogs, "victorialogs", "", "")
	addValueFlag(fs, &r.Hosts, refused, "host")
	fs.StringVar(&r.CAFile, "ca-file", "", "")
	fs.BoolVar(&r.Insecure, "insecure", false, "")
}

// validateRemote applies CONNLOG_VICTORIALOGS_URL when no other input is
// named, and refuses combinations that cannot mean anything.
func (c *Config) validateRemote(getenv func(string) string) error {
	r := &c.Remote
	localInput := c.Demo || len(c.Files) > 0 || c.Directory != "" || len(c.JournalFile) > 0
	if r.VictoriaLogs == "" && !localInput {
		r.VictoriaLogs = getenv(envVictoriaLogsURL)
	}
	if r.VictoriaLogs == "" {
		if len(r.Hosts) > 0 || r.CAFile != "" || r.Insecure {
			return usageError{"--host, --ca-file and --insecure belong to a remote store: give --victorialogs URL"}
		}
		return nil
	}
	switch {
	case localInput:
		return usageError{"read either a remote store (--victorialogs) or local inputs (files, -D, --file, --demo), not both"}
	case c.Boot.set || c.Cursor != "" || c.AfterCursor != "":
		return usageError{"-b, --cursor and --after-cursor are not available for a remote store: use --since and --until"}
	}
	for _, h := range r.Hosts {
		if !remote.ValidGlob(h) {
			return usageError{fmt.Sprintf("--host %q is not a valid pattern: close every [class], e.g. --host 'gw-fra-*'", h)}
		}
	}
	if _, err := remote.ParseStoreURL(r.VictoriaLogs); err != nil {
		return usageError{"--victorialogs: " + err.Error()}
	}
	// Credentials that cannot be sent are refused now, before the store is
	// asked anything (remoteStore reads them again to send them).
	if _, err := remoteAuth(getenv); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// remoteFeeds opens the remote store: it checks that the store answers
// (an error now, rather than a silent empty screen) and returns its feed.
func remoteFeeds(cfg Config, follow bool, dec decode.Options) ([]source.Feed, []sourceInfo, error) {
	vl, err := remoteStore(cfg)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), remoteCheckTimeout)
	defer cancel()
	if err := vl.Check(ctx); err != nil {
		return nil, nil, err
	}
	sel, err := remoteSelection(cfg)
	if err != nil {
		return nil, nil, err
	}
	src := remote.New(vl, 0, remote.Options{Selection: sel, Lines: int(cfg.Lines), Follow: follow})
	// The title names what is read; the status line adds the store and its state.
	return []source.Feed{{ID: 0, Source: src, Decode: dec}}, []sourceInfo{{ID: 0, Name: remoteName(cfg)}}, nil
}

// remoteStore is the store --victorialogs names, with the client and
// credentials the flags and environment give.
func remoteStore(cfg Config) (*remote.VictoriaLogs, error) {
	client, err := remote.NewHTTPClient(remote.ClientOptions{CAFile: cfg.Remote.CAFile, Insecure: cfg.Remote.Insecure})
	if err != nil {
		return nil, usageError{err.Error()}
	}
	auth, err := remoteAuth(os.Getenv)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	vl, err := remote.NewVictoriaLogs(cfg.Remote.VictoriaLogs, client, auth)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return vl, nil
}

// remoteSelection maps the journalctl-style flags onto what the store is asked.
func remoteSelection(cfg Config) (remote.Selection, error) {
	since, until, err := flagWindow(cfg)
	if err != nil {
		return remote.Selection{}, err
	}
	sel := storeOrigins(cfg)
	sel.Since, sel.Until = since, until
	if cfg.Export {
		pushDownQuery(&sel, cfg.Query, cfg.timeOptions())
	}
	return sel, nil
}

// storeOrigins is the part of what the store is asked that names where
// entries come from: the hosts and units, at any time.
func storeOrigins(cfg Config) remote.Selection {
	sel := remote.Selection{Hosts: cfg.Remote.Hosts, Identifiers: cfg.Identifiers, AllUnits: cfg.AllUnits}
	for _, u := range cfg.Units {
		sel.Units = append(sel.Units, source.NormalizeJournalUnit(u))
	}
	return sel
}

// pushDownQuery asks the store for what an export's query requires of every
// entry — its words and phrases, its time bounds — so that less crosses the
// network; the query itself still decides. The TUI pushes nothing down: its
// filter changes while it runs.
func pushDownQuery(sel *remote.Selection, src string, opt query.Options) {
	q, err := query.Compile(src, opt)
	if err != nil {
		return // newSelection reports it
	}
	sel.Words = q.RequiredWords()
	since, until := q.TimeBounds()
	if !since.IsZero() && since.After(sel.Since) {
		sel.Since = since
	}
	if !until.IsZero() && (sel.Until.IsZero() || until.Before(sel.Until)) {
		sel.Until = until
	}
}

// remoteName names what is read: the units and the hosts.
func remoteName(cfg Config) string {
	what := "all units"
	if !cfg.AllUnits {
		what = strings.Join(append(append([]string{}, cfg.Units...), cfg.Identifiers...), ", ")
	}
	if len(cfg.Remote.Hosts) > 0 {
		what += " on " + strings.Join(cfg.Remote.Hosts, ", ")
	}
	return what
}

// remoteAuth reads the credentials from the environment: a bearer token, or
// a user and password, each either in the variable or in a file it names.
func remoteAuth(getenv func(string) string) (remote.Auth, error) {
	token, tokenFrom, err := secret(getenv, envToken, envTokenFile)
	if err != nil {
		return remote.Auth{}, err
	}
	password, passwordFrom, err := secret(getenv, envPassword, envPasswordFile)
	if err != nil {
		return remote.Auth{}, err
	}
	a := remote.Auth{Token: token, User: getenv(envUser), Password: password, From: passwordFrom}
	if token != "" {
		a.From = tokenFrom
	}
	switch {
	case a.Token != "" && a.User != "":
		return a, fmt.Errorf("both a bearer token (%s) and a user (%s) are set: keep one", envToken, envUser)
	case a.Password != "" && a.User == "":
		return a, fmt.Errorf("a password is set (%s) but no user: set %s too", passwordFrom, envUser)
	case strings.Contains(a.User, ":"):
		// Basic auth joins user and password with a colon: the store would
		// read the user up to it and the rest as part of the password.
		return a, fmt.Errorf("%s holds a colon, which basic auth cannot carry in a user name: check the name", envUser)
	case a.User != "" && a.Password == "":
		// Sent without its password, the user is refused by the store, or
		// taken by a proxy for another account.
		return a, fmt.Errorf("a user is set (%s) but no password: set %s, or %s to a file that holds it",
			envUser, envPassword, envPasswordFile)
	}
	return a, nil
}

// secret is the value of the variable, or the content of the file the
// *_FILE variable names, without its final newline; from says which.
func secret(getenv func(string) string, env, fileEnv string) (value, from string, err error) {
	v, path := getenv(env), getenv(fileEnv)
	switch {
	case v != "" && path != "":
		return "", "", fmt.Errorf("both %s and %s are set: keep one", env, fileEnv)
	case path == "":
		return v, env, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError // the path is named already
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", "", fmt.Errorf("cannot read %s (%s): %v — name a file that holds the secret, or unset %s",
			fileEnv, path, err, fileEnv)
	}
	// An empty file is a mistake in the setup, not a wish to send nothing:
	// the store's refusal would then ask for the variable already set.
	if v = strings.TrimRight(string(b), "\r\n"); strings.TrimSpace(v) == "" {
		return "", "", fmt.Errorf("%s (%s) is empty: write the secret into it, or unset %s", fileEnv, path, fileEnv)
	}
	return v, fmt.Sprintf("%s (%q)", fileEnv, path), nil
}
