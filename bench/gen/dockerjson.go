package main

import (
	"time"
	"unicode/utf8"

	"connlog/source/synth"
)

// dockerJSONEnvelope is Docker's json-file driver: one JSON object per
// record, the line (with its newline) in "log", long lines split into
// records of 16 KiB where only the last ends with "\n".
type dockerJSONEnvelope struct{}

func (dockerJSONEnvelope) wrap(b, line []byte, at time.Time, meta synth.Meta) []byte {
	ns := at.UnixNano()
	for {
		chunk, last := line, true
		if len(line) > splitLimit {
			chunk, last = line[:splitLimit], false
		}
		b = append(b, `{"log":"`...)
		b = appendDockerEscaped(b, chunk)
		if last {
			b = append(b, `\n`...)
		}
		b = append(b, `","stream":"`...)
		b = append(b, streamName(meta.Stream)...)
		b = append(b, `","time":"`...)
		b = synth.AppendRFC3339(b, ns, 9, true)
		b = append(b, "\"}\n"...)
		if last {
			return b
		}
		line = line[splitLimit:]
	}
}

const hexDigits = "0123456789abcdef"

// appendDockerEscaped escapes a string body as Docker's json-file writer
// does: quotes, backslashes, \n and \r by name; other control characters
// and the HTML-sensitive <, > and & as \u00XX; invalid UTF-8 as U+FFFD
// (Docker loses those bytes too); U+2028 and U+2029 escaped.
func appendDockerEscaped(b, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&':
				b = append(b, c)
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}
