//go:build !linux

package export

import "errors"

// createUnnamed is Linux only (O_TMPFILE); elsewhere the temp file is named.
func createUnnamed(string) (tempFile, bool) { return nil, false }

// hiddenName is never needed without unnamed temp files.
func hiddenName(string) (string, error) { return "", errors.New("unnamed temp files are Linux only") }
