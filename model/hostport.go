package model

import (
	"net/netip"
	"strings"
)

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
// for an IPv6 address (with its zone, if any) not already in brackets,
// nothing for any other host, a name holding a colon included: brackets
// would make it read as an address.
func HostBrackets(host string) (open, end string) {
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		if a, err := netip.ParseAddr(host); err == nil && a.Is6() {
			return "[", "]"
		}
	}
	return "", ""
}
