//go:build !unix

package journalfile

import (
	"fmt"
	"os"
)

// keyOf identifies the regular file at p by its path: this system has no
// inode numbers to tell a renamed file.
func keyOf(p string) (fileKey, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return fileKey{}, err
	}
	if !fi.Mode().IsRegular() {
		return fileKey{}, fmt.Errorf("%s is not a regular file", p)
	}
	var k fileKey
	for _, c := range p {
		k.ino = k.ino*31 + uint64(c)
	}
	return k, nil
}

// linkCount cannot tell a deleted file here: it says every file is there.
func linkCount(os.FileInfo) uint64 { return 1 }
