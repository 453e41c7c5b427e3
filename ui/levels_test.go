package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"connlog/model"
)

// The level index of a view of millions is read by every core, a part
// each: it is the index one core reads, in order, whatever the parts'
// bounds, over a whole view and over a range of it.
func TestLevelIndexReadInPartsIsTheSame(t *testing.T) {
	st := model.NewStore(model.StoreOptions{})
	levels := []model.Level{model.LevelDebug, model.LevelInfo, model.LevelWarn, model.LevelError, model.LevelCritical}
	batch := make([]model.Entry, 0, 4096)
	for i := range 3*levelScanPart + 77 {
		batch = append(batch, model.Entry{Time: testNow.Add(time.Duration(i)), Kind: model.KindService,
			Level: levels[(i*7)%len(levels)], Raw: []byte("x"), Origin: model.Origin{Offset: -1}})
		if len(batch) == cap(batch) {
			st.Append(batch)
			batch = batch[:0]
		}
	}
	st.Append(batch)
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{Match: func(e *model.Entry) bool { return e.Level != model.LevelInfo }})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][2]int{{0, v.Len()}, {levelScanPart/2 + 3, v.Len() - 5}} {
		got, want := scanLevels(sn, v, r[0], r[1]), scanLevelRange(sn, v, r[0], r[1])
		if want.errs.len() == 0 || want.warns.len() == 0 {
			t.Fatalf("%v: the view has %d errors and %d warnings: the test no longer tells them apart", r, want.errs.len(), want.warns.len())
		}
		if !slices.Equal(members(got.errs), members(want.errs)) || !slices.Equal(members(got.warns), members(want.warns)) {
			t.Errorf("%v: read in parts %d errors, %d warnings; on one core %d, %d", r, got.errs.len(), got.warns.len(), want.errs.len(), want.warns.len())
		}
		var errs, warns int
		for i := r[0]; i < r[1]; i++ {
			switch l := sn.Level(v.At(i)); {
			case l >= model.LevelError:
				errs++
			case l == model.LevelWarn:
				warns++
			}
		}
		if errs != want.errs.len() || warns != want.warns.len() || len(members(want.errs)) != errs {
			t.Errorf("%v: the index holds %d errors and %d warnings, the view %d and %d", r, want.errs.len(), want.warns.len(), errs, warns)
		}
	}
}
