package mask

// Recognisers of the shapes the masker replaces. Each reads a whole token
// and allocates nothing.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func hasDigit(tok []byte) bool {
	for _, c := range tok {
		if isDigit(c) {
			return true
		}
	}
	return false
}

// digits returns how many digits start tok[i:], allowing one decimal point
// between digits.
func digits(tok []byte, i int) int {
	j, dot := i, false
	for ; j < len(tok); j++ {
		if c := tok[j]; c-'0' > 9 {
			if c != '.' || dot || j == i || j+1 >= len(tok) || tok[j+1]-'0' > 9 {
				break
			}
			dot = true
		}
	}
	return j - i
}

// isDuration: one or more number-unit pairs, as Go prints durations
// (2m38.5s, 41.207ms, 5µs) and the connector its own (12018ms, 223s).
func isDuration(tok []byte) bool {
	i := 0
	for i < len(tok) {
		n := digits(tok, i)
		if n == 0 {
			return false
		}
		i += n
		u := durationUnit(tok[i:])
		if u == 0 {
			return false
		}
		i += u
	}
	return true
}

// isDurationAfter is isDuration for a token whose first n bytes, n > 0,
// are its leading number (digits(tok, 0)), which it does not read again.
func isDurationAfter(tok []byte, n int) bool {
	for i := n; ; {
		u := durationUnit(tok[i:])
		if u == 0 {
			return false
		}
		if i += u; i == len(tok) {
			return true
		}
		n := digits(tok, i)
		if n == 0 {
			return false
		}
		i += n
	}
}

// durationUnit returns the length of the duration unit (ns, us, µs, ms, s,
// sec, secs, m, min, mins, h, d) that starts rest and is followed by a digit
// or the end, or 0.
// No unit holds a digit, so the one length that may name a unit is that
// of the bytes before the first digit.
func durationUnit(rest []byte) int {
	n := 0
	for n < len(rest) && n <= 4 && !isDigit(rest[n]) {
		n++
	}
	if n <= 4 && isDurationUnit(rest[:n]) {
		return n
	}
	return 0
}

// isDurationUnit: u is one of the units durationUnit names. It compares
// bytes rather than switching on strings: it runs for every duration.
func isDurationUnit(u []byte) bool {
	switch len(u) {
	case 1:
		return u[0] == 's' || u[0] == 'm' || u[0] == 'h' || u[0] == 'd'
	case 2:
		return u[1] == 's' && (u[0] == 'n' || u[0] == 'u' || u[0] == 'm')
	case 3:
		return string(u) == "µs" || string(u) == "sec" || string(u) == "min"
	case 4:
		return string(u) == "secs" || string(u) == "mins"
	}
	return false
}

// isSize: a number followed by a size unit (512MiB, 1.2GB, 300B).
func isSize(tok []byte) bool {
	return isSizeAfter(tok, digits(tok, 0))
}

// isSizeAfter is isSize for a token whose first n bytes are its leading
// number (digits(tok, 0)).
func isSizeAfter(tok []byte, n int) bool {
	if n == 0 || len(tok)-n > 5 {
		return false
	}
	switch string(tok[n:]) {
	case "B", "b", "KB", "kB", "KiB", "MB", "MiB", "GB", "GiB", "TB", "TiB", "K", "M", "G", "bytes":
		return true
	}
	return false
}

// isUUID: 8-4-4-4-12 hex digits.
func isUUID(tok []byte) bool {
	if len(tok) != 36 {
		return false
	}
	for i, c := range tok {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHexDigit(c) {
				return false
			}
		}
	}
	return true
}

// isIPv4 reads a dotted quad, optionally followed by :port or /prefix.
func isIPv4(tok []byte) (ip, port bool) {
	dots, run := 0, 0 // run: the digits of the current group
	for i, c := range tok {
		switch {
		case c-'0' <= 9:
			if run++; run > 3 {
				return false, false
			}
		case c == '.' && run > 0 && dots < 3:
			dots++
			run = 0
		case dots < 3 || run == 0:
			return false, false
		default: // after the quad
			if (c == ':' || c == '/') && allDigits(tok[i+1:]) {
				return true, c == ':'
			}
			return false, false
		}
	}
	return dots == 3 && run > 0, false
}

func allDigits(tok []byte) bool {
	for _, c := range tok {
		if !isDigit(c) {
			return false
		}
	}
	return len(tok) > 0
}

// isIPv6: two to eight groups of at most four hex digits separated by
// colons, one "::" at most, the last group perhaps a dotted quad.
func isIPv6(tok []byte) bool {
	groups, run, doubles := 1, 0, 0
	for i, c := range tok {
		switch {
		case c == ':':
			if i > 0 && tok[i-1] == ':' {
				doubles++
			} else if run == 0 && i > 0 {
				return false
			}
			groups++
			run = 0
		case isHexDigit(c):
			run++
			if run > 4 {
				return false
			}
		case c == '.':
			ip, port := isIPv4(tok[i-run:])
			return ip && !port && groups >= 3 && doubles <= 1
		default:
			return false
		}
	}
	edgeOK := (tok[0] != ':' || tok[1] == ':') && (tok[len(tok)-1] != ':' || tok[len(tok)-2] == ':')
	return groups >= 3 && groups <= 9 && doubles <= 1 && edgeOK
}

// isTimeLike: clock times and dates as logs print them: 14:21:37,
// 14:21:37.123Z, 2026-02-10, 2026/02/10, 2026-02-10T14:21:37+00:00.
func isTimeLike(tok []byte) bool {
	i, date := 0, false
	if len(tok) >= 10 && fixedDigits(tok, 0, 4) && (tok[4] == '-' || tok[4] == '/') &&
		fixedDigits(tok, 5, 2) && tok[7] == tok[4] && fixedDigits(tok, 8, 2) {
		i, date = 10, true
		if i == len(tok) {
			return true
		}
		if tok[i] != 'T' {
			return false
		}
		i++
	}
	n := clock(tok[i:])
	if n == 0 {
		return false
	}
	i += n
	if date || i < len(tok) {
		i += zone(tok[i:])
	}
	return i == len(tok)
}

// clock returns the length of an HH:MM:SS[.frac] (or H:MM:SS) at the start
// of tok, 0 if there is none.
func clock(tok []byte) int {
	h := 0
	for h < len(tok) && h < 2 && isDigit(tok[h]) {
		h++
	}
	if h == 0 || !(len(tok) >= h+6 && tok[h] == ':' && fixedDigits(tok, h+1, 2) && tok[h+3] == ':' && fixedDigits(tok, h+4, 2)) {
		return 0
	}
	i := h + 6
	if i+1 < len(tok) && tok[i] == '.' && isDigit(tok[i+1]) {
		i++
		for i < len(tok) && isDigit(tok[i]) {
			i++
		}
	}
	return i
}

// zone returns the length of a Z or ±HH[:]MM at the start of tok.
func zone(tok []byte) int {
	switch {
	case len(tok) == 0:
		return 0
	case tok[0] == 'Z':
		return 1
	case tok[0] != '+' && tok[0] != '-':
		return 0
	case len(tok) >= 6 && fixedDigits(tok, 1, 2) && tok[3] == ':' && fixedDigits(tok, 4, 2):
		return 6
	case len(tok) >= 5 && fixedDigits(tok, 1, 4):
		return 5
	}
	return 0
}

func fixedDigits(tok []byte, at, n int) bool {
	if at+n > len(tok) {
		return false
	}
	for _, c := range tok[at : at+n] {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// isHex: 0x-prefixed hex, or a run of 8 or more hex digits with a letter
// (a run of decimal digits is a number).
func isHex(tok []byte) bool {
	if hasHexPrefix(tok) {
		return allHex(tok[2:])
	}
	return len(tok) >= 8 && allHex(tok)
}

// isPrefixedHex: 0x-prefixed hex.
func isPrefixedHex(tok []byte) bool { return hasHexPrefix(tok) && allHex(tok[2:]) }

func hasHexPrefix(tok []byte) bool {
	return len(tok) > 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')
}

func allHex(tok []byte) bool {
	for _, c := range tok {
		if !isHexDigit(c) {
			return false
		}
	}
	return len(tok) > 0
}

// isID: connection ids made of hex and decimal groups (5ff27e368741c803-43),
// base64 or base64url ids (mixed case, digits, 16 bytes or more), and
// serials with a letter or three before them (n000123, u123456).
func isID(tok []byte) bool {
	return isGroupedID(tok) || isBase64ID(tok) || isLetteredSerial(tok)
}

// isLetteredSerial: one to three ASCII letters, then five digits or more,
// or three or more with a leading zero (id007): what a counter or a padded
// number makes. Fewer digits are a word's (x509, rfc3339, sha256, eth0,
// u7: a user numbered 7 is told from v1 by nothing but its sense).
func isLetteredSerial(tok []byte) bool {
	letters := 0
	for letters < len(tok) && letters < 4 && isLetter(tok[letters]) {
		letters++
	}
	if letters == 0 || letters > 3 {
		return false
	}
	for _, c := range tok[letters:] {
		if !isDigit(c) {
			return false
		}
	}
	n := len(tok) - letters
	return n >= 5 || n >= 3 && tok[letters] == '0'
}

// isGroupedID: groups of hex digits joined by '-', '_' or '.', one of them
// at least 6 long, with a digit somewhere.
func isGroupedID(tok []byte) bool {
	longest, start, groups := 0, 0, 1 // the current group is tok[start:i]
	for i, c := range tok {
		if class[c]&(clsDigit|clsHexLetter) != 0 {
			continue
		}
		if class[c] != clsJoin || i == start {
			return false
		}
		longest = max(longest, i-start)
		start = i + 1
		groups++
	}
	return len(tok) > start && groups > 1 && max(longest, len(tok)-start) >= 6
}

// isBase64ID: 16 or more base64 characters with padding at most at the
// end, upper and lower case letters and at least two digits; an identifier
// such as "pbcc_parse_subscribe_v2_response" has no upper case and stays.
func isBase64ID(tok []byte) bool {
	if len(tok) < 16 {
		return false
	}
	var upper, lower, nums int
	for i, c := range tok {
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		case isDigit(c):
			nums++
		case c == '+' || c == '/' || c == '-' || c == '_':
		case c == '=' && i >= len(tok)-2:
		default:
			return false
		}
	}
	alnum := func(c byte) bool { return isDigit(c) || isLetter(c) }
	last := tok[len(tok)-1]
	return upper > 0 && lower > 0 && nums >= 2 && alnum(tok[0]) && (alnum(last) || last == '=')
}

// isEmail: something@domain.tld without digits (those with digits are
// caught the same way before classification).
func isEmail(tok []byte) bool {
	at := -1
	for i, c := range tok {
		if !isDigit(c) && !isLetter(c) && c != '@' && c != '.' && c != '_' && c != '-' && c != '+' && c != '%' {
			return false
		}
		if c == '@' {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at <= 0 || at == len(tok)-1 {
		return false
	}
	for _, c := range tok[at+1:] {
		if c == '.' {
			return isLetter(tok[len(tok)-1])
		}
	}
	return false
}
