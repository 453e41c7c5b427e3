package source

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// textProbeBytes is how much of a file's start tells text from noise.
const textProbeBytes = 4096

// namedCompression returns the format a file's name says it is
// compressed in (app.log.2.gz: gzip), nil when it says none.
func namedCompression(path string) *compression {
	name := filepath.Base(path)
	for i := range compressions {
		for _, s := range compressions[i].suffixes {
			if strings.HasSuffix(name, s) && len(name) > len(s) {
				return &compressions[i]
			}
		}
	}
	return nil
}

// junkAsNamed returns the format path's name says it is compressed in
// when head, the first bytes of a file that open no format (see
// compressionOf), is not text either: the file is corrupt from its first
// byte, and reading it as text would make lines of garbage of it. A plain
// text file so named (renamed by hand, rotated with compression off) is
// read as text: nil.
func junkAsNamed(path string, head []byte) *compression {
	c := namedCompression(path)
	if c == nil || mostlyText(head) {
		return nil
	}
	return c
}

// notAsNamedError is why a file named as compressed in c, whose bytes are
// neither c nor text, was not read.
func notAsNamedError(c *compression) error {
	return fmt.Errorf("neither %s data nor text from its first byte", c.name)
}

// peekProbe returns up to textProbeBytes of br's first bytes, all of a
// shorter input.
func peekProbe(br *bufio.Reader) []byte {
	head, _ := br.Peek(min(textProbeBytes, br.Size()))
	return head
}

// mostlyText reports whether b reads as the start of a text log: hardly
// any control characters (a log has tabs, line ends and colour codes, not
// NULs or bells; noise has one byte in nine), and at least half of it valid
// UTF-8 (a Latin-1 log's accents are not, but they are few). A rune cut
// by the block's end counts as text.
func mostlyText(b []byte) bool {
	var controls, invalid int
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && !utf8.FullRune(b[i:]):
			size = len(b) - i // cut by the block's end
		case r == utf8.RuneError && size <= 1:
			invalid++
		case r < 0x20 && !strings.ContainsRune("\t\n\r\f\v\x1b", r), r == 0x7f:
			controls++
		}
		i += size
	}
	return controls*32 <= len(b) && invalid*2 <= len(b)
}
