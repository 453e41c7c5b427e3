package source

// shareOf is each of n inputs read at once's share of total, between least
// and most: a few inputs have most each, more split total, none gets less
// than least (nor more than most, should a test make most the smaller).
// Batch sizes, merge queues and recent bytes are shared so.
func shareOf(total, n, least, most int) int {
	return min(most, max(least, total/max(n, 1)))
}
