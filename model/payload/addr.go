package payload

import (
	"strconv"
	"strings"

	"connlog/model"
)

// splitAddr splits "ip:port" and "[v6]:port" as netip.AddrPort prints them.
// An address without a port (or a bare IPv6 address) has port "".
func splitAddr(s string) (ip, port string) {
	if strings.HasPrefix(s, "[") {
		if end := strings.Index(s, "]:"); end > 0 && isDigits(s[end+2:]) {
			return s[1:end], s[end+2:]
		}
		return strings.Trim(s, "[]"), ""
	}
	k := strings.LastIndexByte(s, ':')
	if k < 0 || strings.IndexByte(s[:k], ':') >= 0 || !isDigits(s[k+1:]) {
		return s, ""
	}
	return s[:k], s[k+1:]
}

func isDigits(s string) bool {
	if s == "" || len(s) > 19 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// addAddr adds the address as written under key, and its parts under the
// derived ip and port keys (the port numeric).
func addAddr(fl *fieldList, key, ipKey, portKey, addr string) {
	fl.str(key, addr)
	ip, port := splitAddr(addr)
	if ip != "" {
		fl.str(ipKey, ip)
	}
	if port != "" {
		n, _ := strconv.ParseUint(port, 10, 64)
		fl.num(portKey, port, float64(n))
	}
}

// addSrcDst adds the source and destination addresses with their parts.
func addSrcDst(fl *fieldList, srcKey, src, dstKey, dst string) {
	if src != "" {
		addAddr(fl, srcKey, model.KeySrcIP, model.KeySrcPort, src)
	}
	if dst != "" {
		addAddr(fl, dstKey, model.KeyDstIP, model.KeyDstPort, dst)
	}
}
