package envelope

import "testing"

// monthToken skips the map for tokens longer than maxLocalMonth, so every
// spelling must fit.
func TestLocalMonthsFit(t *testing.T) {
	for k := range localMonths {
		if len(k) > maxLocalMonth {
			t.Errorf("%q longer than %d", k, maxLocalMonth)
		}
	}
}
