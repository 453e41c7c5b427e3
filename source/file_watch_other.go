//go:build !linux

package source

// dirWatch is Linux only (inotify); elsewhere the follow loop polls.
type dirWatch struct{}

func watchDir(string) *dirWatch { return nil }

// C is never ready.
func (w *dirWatch) C() <-chan struct{} { return nil }

// Close does nothing.
func (w *dirWatch) Close() {}
