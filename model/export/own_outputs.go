package export

import (
	"path/filepath"
	"sync"
)

// ownOutputs are the files this process's exports write: a pattern the
// interface follows (`connlog '/var/log/app/*.log'`) may match an export
// saved beside the logs, which must not be read back as a new log.
var ownOutputs struct {
	sync.Mutex
	paths []string // absolute
}

// noteOwnOutput remembers path as an export's output.
func noteOwnOutput(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	ownOutputs.Lock()
	defer ownOutputs.Unlock()
	ownOutputs.paths = append(ownOutputs.paths, abs)
}

// IsOwnOutput reports whether path is the output of an export this
// process began, or the temp file such an export writes before it
// commits.
func IsOwnOutput(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	ownOutputs.Lock()
	defer ownOutputs.Unlock()
	for _, p := range ownOutputs.paths {
		if abs == p || IsTempOf(abs, p) {
			return true
		}
	}
	return false
}
