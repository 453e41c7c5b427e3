package model

import "strings"

// HostPort joins a host and a port the way an address is written:
// 1.2.3.4:443, app.example.com:443, and an IPv6 address in brackets,
// [fd00::10]:443, without which its last group would read as the port. A
// host without a port is written alone.
func HostPort(host, port string) string {
	if port == "" {
		return host
	}
	open, end := HostBrackets(host)
	return open + host + end + ":" + port
}

// HostBrackets returns what goes around host before ":port": "[" and "]"
// for an IPv6 address (a host holding a colon) not already in brackets,
// nothing for any other host.
func HostBrackets(host string) (open, end string) {
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		return "[", "]"
	}
	return "", ""
}
