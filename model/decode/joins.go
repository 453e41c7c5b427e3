package decode

// recentJoins remembers the module paths of several groups
// ("libsdwan/quic") that service lines joined last, so that the lines of
// one module share one string. Joined afresh for every line, they filled a
// new 16 KiB block every thousand lines or so: on a level-7 log that was
// the decoder's largest allocation, about 55 MB a 1 GiB file, each block
// kept until the store had copied its lines. A connector writes a few
// dozen modules, so a handful of recent ones finds nearly all.
//
// A path found moves one place towards the front, and a new one takes the
// first empty place, or else the last: the paths named often stay, and a
// run of paths named once only ever replaces the last.
type recentJoins struct {
	paths [recentJoinsKept]string
}

const recentJoinsKept = 16

// find returns the remembered path equal to b.
func (r *recentJoins) find(b []byte) (string, bool) {
	for k, s := range r.paths {
		if s == string(b) {
			if k > 0 {
				r.paths[k-1], r.paths[k] = s, r.paths[k-1]
			}
			return s, true
		}
	}
	return "", false
}

// add remembers s in the first empty place, or else in place of the path
// in the last.
func (r *recentJoins) add(s string) {
	for k := range r.paths {
		if r.paths[k] == "" {
			r.paths[k] = s
			return
		}
	}
	r.paths[recentJoinsKept-1] = s
}
