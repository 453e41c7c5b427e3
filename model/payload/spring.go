package payload

import (
	"bytes"

	"connlog/model"
)

// Spring Boot's console format (logback), after its time and level:
//
//	1 --- [demo101] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.
//	1 --- [pool-1-thread-2] c.n.k.f.service.KafkaListenerService     : msg
//
// the pid, "---", the application's name in brackets (Spring Boot 3.2 and
// later, when it is set), the thread in brackets (padded to 15), the
// logger's name padded with blanks, then " : " and the message.

// Bounds on the parts of a Spring Boot header.
const (
	maxSpringPID     = 10
	maxSpringBracket = 128
	maxSpringLogger  = 256
)

// springSeparator follows the pid.
var springSeparator = []byte(" --- ")

// springHeader is what the header says besides the message.
type springHeader struct {
	pid, app, thread, logger []byte
	msg                      int // where the message starts
}

// parseSpringHeader reads a Spring Boot header at the start of p.
func parseSpringHeader(p []byte) (springHeader, bool) {
	var h springHeader
	i := 0
	for i < len(p) && i < maxSpringPID && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i == 0 || !bytes.HasPrefix(p[i:], springSeparator) {
		return h, false
	}
	h.pid = p[:i]
	i += len(springSeparator)
	var groups [][]byte
	for len(groups) < 2 && i < len(p) && p[i] == '[' {
		end := bytes.IndexByte(p[i:min(len(p), i+maxSpringBracket)], ']')
		if end < 0 {
			return h, false
		}
		groups = append(groups, bytes.TrimSpace(p[i+1:i+end]))
		i = skipBlanks(p, i+end+1)
	}
	if len(groups) == 0 {
		return h, false
	}
	h.thread = groups[len(groups)-1]
	if len(groups) == 2 {
		h.app = groups[0]
	}
	return springLogger(p, i, h)
}

// springLogger reads "logger   : " at i, the end of the header.
func springLogger(p []byte, i int, h springHeader) (springHeader, bool) {
	start := i
	for i < len(p) && i-start < maxSpringLogger && p[i] != ' ' && p[i] != '\t' {
		i++
	}
	if i == start {
		return h, false
	}
	h.logger = p[start:i]
	i = skipBlanks(p, i)
	if i >= len(p) || p[i] != ':' || (i+1 < len(p) && p[i+1] != ' ') {
		return h, false
	}
	h.msg = skipBlanks(p, i+1)
	return h, true
}

// fields returns the header's fields and the message.
func (h springHeader) fields(p []byte) model.Fields {
	fs := make(model.Fields, 0, 5)
	fs = append(fs, model.Field{Key: model.KeyModule, Value: string(h.logger)})
	fs = append(fs, model.Int(model.KeyPID, atoiBytes(h.pid)))
	fs = append(fs, model.Field{Key: model.KeyThread, Value: string(h.thread)})
	if len(h.app) > 0 {
		fs = append(fs, model.Field{Key: model.KeyApplication, Value: string(h.app)})
	}
	msg := p[h.msg:]
	return append(fs, model.Field{Key: model.KeyMessage, Value: string(msg[:trimRightBlanks(msg, 0)])})
}

// atoiBytes reads a run of at most maxSpringPID digits.
func atoiBytes(b []byte) int64 {
	var n int64
	for _, c := range b {
		n = n*10 + int64(c-'0')
	}
	return n
}
