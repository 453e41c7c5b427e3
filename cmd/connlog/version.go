package main

import "runtime/debug"

// A build made without `make build` (which sets version with -ldflags)
// still says what it is: the module version `go install` records, or the
// commit `go build` records from git, marked when the tree had changes.
// A bug report that says only "dev" says nothing.
func init() { version = buildVersion(version, debug.ReadBuildInfo) }

// buildVersion is set when the linker set it, else what the build info
// tells, else set.
func buildVersion(set string, read func() (*debug.BuildInfo, bool)) string {
	if set != "dev" {
		return set
	}
	bi, ok := read()
	if !ok {
		return set
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "-modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return set
	}
	return "dev-" + rev + modified
}
