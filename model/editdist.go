package model

// EditDistance is the Levenshtein distance between a and b, counted in
// bytes (the names it compares — field names, unit names — are ASCII), or
// ceiling when it is at least ceiling. The ceiling bounds the work: strings
// whose lengths differ by ceiling or more cost nothing, and a row of the
// table whose every cell reached it ends the comparison, so a long or
// hostile name is cheap to compare with a list of short ones.
func EditDistance(a, b string, ceiling int) int {
	if d := len(a) - len(b); d >= ceiling || -d >= ceiling {
		return ceiling
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= ceiling {
			return ceiling
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], ceiling)
}
