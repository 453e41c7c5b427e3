//go:build !unix

package source

// fileID is a file's identity where the system gives none the command line
// can compare: names are compared as paths only.
type fileID struct{}

// identify reports no identity: names are compared as paths.
func identify(string) (fileID, bool) { return fileID{}, false }
