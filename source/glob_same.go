package source

import "path/filepath"

// inputKey tells apart the files the command line names: two names reach
// the same file when their keys are equal, whether through a symbolic
// link, a hard link or a pattern. A file is known by its device and inode
// after following links; a name that reaches no file now (one still to
// come, standard input) by its cleaned path. The key is taken once, before
// anything is read: a followed name keeps following its name, so two names
// of one file that later rotates are still read once, as the name kept.
type inputKey struct {
	file fileID
	path string
}

// keyOf returns the key of the file path names now.
func keyOf(path string) inputKey {
	if path != StdinPath {
		if id, ok := identify(path); ok {
			return inputKey{file: id}
		}
	}
	return inputKey{path: filepath.Clean(path)}
}

// addName records that path names in's file too, unless it is how in names
// it, or a name already recorded.
func (in *Input) addName(path string) {
	for _, p := range append([]string{in.Path}, in.AlsoNamed...) {
		if filepath.Clean(p) == filepath.Clean(path) {
			return
		}
	}
	in.AlsoNamed = append(in.AlsoNamed, path)
}
