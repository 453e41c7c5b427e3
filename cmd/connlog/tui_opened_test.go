package main

import (
	"reflect"
	"testing"
	"time"
)

// The interface is given the inputs as they were opened, so that its
// exports describe them as connlog export does (path, inode, unit).
func TestUIConfigDescribesTheInputsAsOpened(t *testing.T) {
	infos := []sourceInfo{{ID: 0, Name: "/var/log/app.log", Path: "/var/log/app.log", Inode: 42}}
	if got := uiConfig(Config{}, infos, "", time.Now()).Opened; !reflect.DeepEqual(got, infos) {
		t.Errorf("opened %+v, want %+v", got, infos)
	}
}
