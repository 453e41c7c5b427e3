package main

import (
	"fmt"
	"runtime/pprof"
)

// envCPUProfile names a file to write a CPU profile of the whole run to:
// how the build's profile (default.pgo, see the README) is made, and what
// a report of a slow load can carry.
const envCPUProfile = "CONNLOG_CPUPROFILE"

// startCPUProfile starts a CPU profile into the file at path ("" for none)
// and returns the function that ends it, which reports a profile it could
// not write. An existing regular file is overwritten: it is the caller's
// own path, given for this.
func startCPUProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := openRegular(path, 0, "CPU profile ("+envCPUProfile+")")
	if err != nil {
		return nil, err
	}
	// Emptied only once it is known to be a regular file.
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, fmt.Errorf("CPU profile %s: %w", path, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("CPU profile %s: %w", path, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("CPU profile %s: %w", path, err)
		}
		return nil
	}, nil
}
