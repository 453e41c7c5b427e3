//go:build !linux

package source

import "os"

// openUnnamed reports false: only Linux creates files without a name, so
// elsewhere the spill file is named and removed at once.
func openUnnamed(string) (*os.File, bool) { return nil, false }
