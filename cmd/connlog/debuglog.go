package main

import (
	"log"
	"os"
)

// openDebugLog opens the --debug-log file for appending (see openRegular)
// and sends the log package's output there. closeLog gives the log its
// standard error back and closes the file.
func openDebugLog(path string) (closeLog func(), err error) {
	f, err := openRegular(path, os.O_APPEND, "debug log")
	if err != nil {
		return nil, err
	}
	log.SetOutput(f)
	log.SetPrefix("connlog ")
	return func() {
		log.SetOutput(os.Stderr)
		log.SetPrefix("")
		f.Close()
	}, nil
}
