package payload

import (
	"fmt"
	"testing"

	"connlog/model"
)

// TestFieldListAddAllIsAddInTurn: adding a part's fields at once keeps
// what adding each in turn keeps, the bound included.
func TestFieldListAddAllIsAddInTurn(t *testing.T) {
	part := []model.Field{model.Str("a", "1"), model.Str("b", "2"), model.Str("c", "3")}
	for bound := 0; bound <= 6; bound++ {
		for before := 0; before <= bound+1; before++ {
			one, all := newFieldList(0, bound), newFieldList(0, bound)
			for i := range before {
				f := model.Str(fmt.Sprint("k", i), "v")
				one.add(f)
				all.add(f)
			}
			for _, f := range part {
				one.add(f)
			}
			all.addAll(part)
			if fmt.Sprint(one.fs) != fmt.Sprint(all.fs) {
				t.Errorf("bound %d, %d before: in turn %v, at once %v", bound, before, one.fs, all.fs)
			}
		}
	}
}
