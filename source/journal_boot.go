package source

import (
	"fmt"
	"strconv"
	"strings"
)

// journalBootSpec is a parsed -b argument.
type journalBootSpec struct {
	all    bool
	id     string // 32 lower-case hex digits; "" for an offset from the newest or oldest boot
	offset int    // with id: boots after (positive) or before it; without: 0 newest, -1 the one before, 1 oldest
}

// journalBootHint ends every error about -b.
const journalBootHint = "journalctl --list-boots lists the boots the journal holds"

// journalMaxBootOffset bounds an offset; no journal holds more boots.
const journalMaxBootOffset = 1 << 20

// parseJournalBoot reads a -b argument: "" or "all", an offset ("0", "-1",
// "+2", "1"), a boot ID in either form systemd prints (32 hex digits, or a
// UUID with dashes), or a boot ID followed by an offset ("<id>-1").
func parseJournalBoot(s string) (journalBootSpec, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "all") {
		return journalBootSpec{all: true}, nil
	}
	bad := fmt.Errorf("-b %q: not a boot: use all, 0 (newest), -1 (the one before), 1 (oldest) or a boot ID; %s",
		s, journalBootHint)
	id, rest := journalSplitBootID(s)
	if id == "" {
		n, ok := journalBootOffset(s)
		if !ok {
			return journalBootSpec{}, bad
		}
		return journalBootSpec{offset: n}, nil
	}
	n := 0
	if rest != "" {
		if rest[0] != '+' && rest[0] != '-' {
			return journalBootSpec{}, bad
		}
		var ok bool
		if n, ok = journalBootOffset(rest); !ok {
			return journalBootSpec{}, bad
		}
	}
	return journalBootSpec{id: id, offset: n}, nil
}

// journalSplitBootID cuts a leading boot ID off s and returns it in its
// 32-digit form, or "" when s does not start with one.
func journalSplitBootID(s string) (id, rest string) {
	if len(s) >= 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-' {
		id, rest = strings.ReplaceAll(s[:36], "-", ""), s[36:]
	} else if len(s) >= 32 {
		id, rest = s[:32], s[32:]
	} else {
		return "", s
	}
	id = strings.ToLower(id)
	if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
		return "", s
	}
	return id, rest
}

// journalBootOffset parses a signed offset of bounded size.
func journalBootOffset(s string) (int, bool) {
	digits := strings.TrimLeft(s, "+-")
	if digits == "" || len(s)-len(digits) > 1 || len(digits) > 7 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > journalMaxBootOffset || n < -journalMaxBootOffset {
		return 0, false
	}
	return n, true
}

// pick returns the boot ID the spec names among boots (oldest first), or ""
// for every boot.
func (b journalBootSpec) pick(boots []string) (string, error) {
	if b.all {
		return "", nil
	}
	if len(boots) == 0 {
		return "", fmt.Errorf("-b: the journal holds no boots; %s", journalBootHint)
	}
	var i int
	switch {
	case b.id != "":
		i = -1
		for k, id := range boots {
			if id == b.id {
				i = k
			}
		}
		if i < 0 {
			return "", fmt.Errorf("-b: boot %s is not in the journal; %s", b.id, journalBootHint)
		}
		i += b.offset
	case b.offset > 0:
		i = b.offset - 1
	default:
		i = len(boots) - 1 + b.offset
	}
	if i < 0 || i >= len(boots) {
		return "", fmt.Errorf("-b: no such boot: the journal holds %d boot(s); %s", len(boots), journalBootHint)
	}
	return boots[i], nil
}
