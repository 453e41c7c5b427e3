package main

import (
	"fmt"
	"io"
	"strings"

	"connlog/model/inert"
	"connlog/source"
)

// maxReadOnceNotes bounds the lines about names of one file: a pattern over
// Kubernetes' containers and pods directories names every log twice, and
// one line per pod would bury the rest.
const maxReadOnceNotes = 3

// sayReadOnce tells w which names given reach the same file, which is read
// once, under the first: otherwise the user may wonder where the others went.
func sayReadOnce(w io.Writer, inputs []source.Input) {
	if w == nil {
		return
	}
	said := 0
	for _, in := range inputs {
		if len(in.AlsoNamed) == 0 {
			continue
		}
		if said == maxReadOnceNotes {
			fmt.Fprintf(w, "connlog: and %d more files named more than once: each read once\n", namedTwice(inputs)-said)
			return
		}
		said++
		names := make([]string, 0, 1+len(in.AlsoNamed))
		for _, p := range append([]string{in.Path}, in.AlsoNamed...) {
			names = append(names, inert.Sanitize(p))
		}
		fmt.Fprintf(w, "connlog: %s and %s are the same file: read once, as %s\n",
			strings.Join(names[:len(names)-1], ", "), names[len(names)-1], names[0])
	}
}

// namedTwice counts the inputs given more than one name.
func namedTwice(inputs []source.Input) int {
	n := 0
	for _, in := range inputs {
		if len(in.AlsoNamed) > 0 {
			n++
		}
	}
	return n
}
