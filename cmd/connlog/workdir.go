package main

import "os"

// workDir is the directory the inputs named by a relative path are opened
// in, for the file: terms of a query (query.Options.Dir); "" when it
// cannot be told, and the names are then compared as written.
func workDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	return dir
}
