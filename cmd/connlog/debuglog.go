package main

import (
	"log"
	"os"
)

// openDebugLog opens the --debug-log file for appending (see openRegular)
// and sends the log package's output there.
func openDebugLog(path string) (*os.File, error) {
	f, err := openRegular(path, os.O_APPEND, "debug log")
	if err != nil {
		return nil, err
	}
	log.SetOutput(f)
	log.SetPrefix("connlog ")
	return f, nil
}
