package source

import "fmt"

// kernelMessageBufferError refuses /proc/kmsg, and says where the kernel's
// messages are read without taking them from anyone.
func kernelMessageBufferError(path string) error {
	return fmt.Errorf("%s is the kernel's message buffer: reading it takes the messages away from the system logger "+
		"(journald, rsyslog), and waits while there are none — read the kernel's messages from the journal instead: "+
		"connlog -t kernel (or journalctl -k, dmesg)", path)
}
