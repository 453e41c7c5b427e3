//go:build !linux

package source

// isKernelMessageBuffer: /proc/kmsg is Linux's.
func isKernelMessageBuffer(string) bool { return false }
