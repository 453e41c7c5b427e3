//go:build !linux

package journalfile

import "time"

// watcher is absent on this system: Wait polls.
type watcher struct{}

func newWatcher([]string) *watcher { return nil }

func (w *watcher) wait(timeout time.Duration) bool {
	time.Sleep(timeout)
	return false
}

func (w *watcher) close() {}
