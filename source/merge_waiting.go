package source

// waitingInputs are the inputs the merger may have to wait for: those with
// no entry waiting that have not ended, apart those that have said they
// caught up (marked). othersReady looks at them alone instead of at every
// input for each entry it lets go.
type waitingInputs struct {
	sets [2][]int // [0] not marked, [1] marked
	at   []int    // each input's index in its set, -1 when in none
	in   []int    // the set it is in
}

func newWaitingInputs(n int) waitingInputs {
	w := waitingInputs{at: make([]int, n), in: make([]int, n)}
	for i := range w.at {
		w.at[i] = -1
	}
	return w
}

// grow makes room for n inputs, the new ones in no set yet.
func (w *waitingInputs) grow(n int) {
	for len(w.at) < n {
		w.at, w.in = append(w.at, -1), append(w.in, 0)
	}
}

// set puts input i in the set of marked inputs, or of the others, or in
// none (in false).
func (w *waitingInputs) set(i int, in, marked bool) {
	s := 0
	if marked {
		s = 1
	}
	if w.at[i] >= 0 && (!in || w.in[i] != s) {
		w.remove(i)
	}
	if in && w.at[i] < 0 {
		w.at[i], w.in[i] = len(w.sets[s]), s
		w.sets[s] = append(w.sets[s], i)
	}
}

// remove takes input i out of its set.
func (w *waitingInputs) remove(i int) {
	set, k := w.sets[w.in[i]], w.at[i]
	last := set[len(set)-1]
	set[k], w.at[last] = last, k
	w.sets[w.in[i]] = set[:len(set)-1]
	w.at[i] = -1
}
