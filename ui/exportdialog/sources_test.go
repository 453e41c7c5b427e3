package exportdialog

import (
	"reflect"
	"testing"

	"connlog/model"
	"connlog/model/export"
)

// The dialog's exports name the inputs as connlog export does: as they
// were opened, path and inode included (a bundle's manifest lists them);
// an input the interface knows by name alone keeps its name.
func TestOptionsDescribeTheInputsAsOpened(t *testing.T) {
	app := export.SourceInfo{ID: 0, Name: "/var/log/app.log", Path: "/var/log/app.log", Inode: 42}
	src := &Source{Sources: []model.SourceStatus{{Name: "/var/log/app.log"}, {Name: "stdin"}}, Opened: []export.SourceInfo{app}}
	got := src.Options(Settings{Format: export.FormatBundle}, nil, nil, "").Sources
	want := []export.SourceInfo{app, {ID: 1, Name: "stdin"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources %+v\nwant    %+v", got, want)
	}
}
