package source

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"connlog/internal/shellquote"
)

// journalBootSpec is a parsed -b argument.
type journalBootSpec struct {
	all    bool
	id     string // 32 lower-case hex digits; "" for an offset from the newest or oldest boot
	offset int    // with id: boots after (positive) or before it; without: 0 newest, -1 the one before, 1 oldest
}

// journalBootError is a -b that names no boot of the journal read; the
// session adds how to list its boots (withBootHint).
type journalBootError struct{ msg string }

func (e *journalBootError) Error() string { return e.msg }

func bootError(format string, args ...any) error {
	return &journalBootError{msg: fmt.Sprintf(format, args...)}
}

// CheckJournalBoot checks a -b value as the journal source reads it: an
// error, saying how to list the boots of the journal opts reads, when it
// names no boot at all. Whether the journal holds it is known only once
// the journal is open.
func CheckJournalBoot(value string, opts JournalOptions) error {
	_, err := parseJournalBoot(value)
	return withBootHint(err, opts)
}

// withBootHint ends an error about -b with how to list the boots of the
// journal opts reads: journalctl's list is this machine's, which is not
// that of journal files copied from another host; connlog lists those.
func withBootHint(err error, opts JournalOptions) error {
	var be *journalBootError
	if !errors.As(err, &be) {
		return err
	}
	if opts.Directory == "" && len(opts.Files) == 0 {
		return fmt.Errorf("%w; journalctl --list-boots lists the boots the journal holds", err)
	}
	list := "connlog --list-boots"
	if opts.Directory != "" {
		list += " -D " + shellquote.Arg(opts.Directory)
	}
	for _, f := range opts.Files {
		list += " --file " + shellquote.Arg(f)
	}
	return fmt.Errorf("%w; %s lists the boots these journal files hold", err, list)
}

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
	bad := bootError("-b %q: not a boot: use all, 0 (newest), -1 (the one before), 1 (oldest) or a boot ID", s)
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
		return "", bootError("-b: the journal holds no boots")
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
			return "", bootError("-b: boot %s is not in the journal", b.id)
		}
		i += b.offset
	case b.offset > 0:
		i = b.offset - 1
	default:
		i = len(boots) - 1 + b.offset
	}
	if i < 0 || i >= len(boots) {
		return "", bootError("-b: no such boot: the journal holds %d boot(s)", len(boots))
	}
	return boots[i], nil
}
