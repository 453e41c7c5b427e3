package main

import (
	"archive/tar"
	"errors"
	"io"
)

// tarMember is one member of a bundle: its name and its bytes.
type tarMember struct {
	name string
	body []byte
}

// tarMembers reads the members of the tar archive (a bundle) r holds, in
// their order.
func tarMembers(r io.Reader) ([]tarMember, error) {
	tr := tar.NewReader(r)
	var out []tarMember
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out = append(out, tarMember{name: h.Name, body: body})
	}
}
