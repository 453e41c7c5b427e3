package main

import (
	"fmt"
	"io"
	"strings"

	"connlog/model/inert"
)

// sayError prints err on w as connlog's message. An error names what the
// user typed (a file, a path, a query), which may hold escape sequences
// that would drive the terminal: each line is made inert, as log text is
// in the interface, and the line breaks of a message of several lines kept.
func sayError(w io.Writer, err error) {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = inert.Sanitize(l)
	}
	fmt.Fprintf(w, "connlog: %s\n", strings.Join(lines, "\n"))
}
