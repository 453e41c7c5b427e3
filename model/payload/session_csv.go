package payload

import (
	"bytes"
	"strings"
	"time"

	"connlog/model"
)

// csvHeader is the first line of Pangolin's connection-log CSV export; its
// column order is the export's select order.
const csvHeader = "sessionId,siteResourceId,orgId,siteId,clientId,clientEndpoint,userId,sourceAddr,destAddr,protocol,startedAt,endedAt,bytesTx,bytesRx"

// csvColumns are the header's names, in order.
var csvColumns = strings.Split(csvHeader, ",")

// Column kinds for the plausibility check a line must pass to be taken
// for a row rather than text that happens to hold 13 commas.
const (
	colText        = iota // any value, may be empty
	colRequired           // any non-empty value
	colInt                // an integer, required
	colOptionalInt        // an integer or empty
	colProtocol           // tcp, udp or icmp
)

var csvColumnKinds = [...]uint8{
	colRequired, colInt, colRequired, colInt, colOptionalInt, colText, colText,
	colRequired, colRequired, colProtocol, colInt, colOptionalInt, colOptionalInt, colOptionalInt,
}

// parseSessionCSV reads one row of the export. It reports false unless the
// line has exactly the header's column count and every value is plausible.
func parseSessionCSV(p []byte, out []Result) ([]Result, bool) {
	if bytes.Count(p, []byte{','}) < len(csvColumns)-1 {
		return out, false
	}
	line := string(bytes.TrimRight(p, "\r"))
	var cells [len(csvColumnKinds)]string
	if !splitCSV(line, cells[:]) {
		return out, false
	}
	for k, c := range cells {
		c = unprotectCell(c)
		cells[k] = c
		if !plausibleCell(csvColumnKinds[k], c) {
			return out, false
		}
	}
	r := newSessionRow()
	for k, c := range cells {
		if c == "" {
			continue
		}
		v := scalar{kind: kindString, text: c}
		switch csvColumns[k] {
		case model.KeyStartedAt:
			r.started = v
		case model.KeyEndedAt:
			r.ended = v
		case model.KeySourceAddr:
			r.sourceAddr = c
		case model.KeyDestAddr:
			r.dest = c
		default:
			if csvColumnKinds[k] == colInt || csvColumnKinds[k] == colOptionalInt {
				r.fl.numeric(csvColumns[k], v)
			} else {
				r.fl.str(csvColumns[k], c)
			}
		}
	}
	return append(out, r.result(time.Time{}, "")), true
}

// splitCSV splits an RFC 4180 line (quoted cells, "" escapes) into exactly
// len(cells) cells; any other count, or a broken quote, fails.
func splitCSV(line string, cells []string) bool {
	n := 0
	for i := 0; ; {
		if n == len(cells) {
			return false
		}
		var cell string
		var ok bool
		if i < len(line) && line[i] == '"' {
			cell, i, ok = quotedCell(line, i+1)
			if !ok {
				return false
			}
		} else {
			end := strings.IndexByte(line[i:], ',')
			if end < 0 {
				end = len(line) - i
			}
			cell, i = line[i:i+end], i+end
		}
		cells[n] = cell
		n++
		if i >= len(line) {
			return n == len(cells)
		}
		if line[i] != ',' {
			return false
		}
		i++
		if i == len(line) { // a trailing comma is one more, empty, cell
			if n == len(cells) {
				return false
			}
			cells[n] = ""
			return n+1 == len(cells)
		}
	}
}

// quotedCell reads a quoted cell starting after its opening quote and
// returns it unescaped with the index after the closing quote.
func quotedCell(line string, i int) (string, int, bool) {
	var b strings.Builder
	for i < len(line) {
		q := strings.IndexByte(line[i:], '"')
		if q < 0 {
			return "", 0, false
		}
		b.WriteString(line[i : i+q])
		i += q + 1
		if i < len(line) && line[i] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		return b.String(), i, true
	}
	return "", 0, false
}

// unprotectCell removes the "'" the export puts before a value starting
// with = + - @ tab or CR (formula-injection protection); a leading "'"
// before anything else is part of the value.
func unprotectCell(c string) string {
	if len(c) >= 2 && c[0] == '\'' && strings.IndexByte("=+-@\t\r", c[1]) >= 0 {
		return c[1:]
	}
	return c
}

func plausibleCell(kind uint8, c string) bool {
	switch kind {
	case colRequired:
		return c != ""
	case colInt:
		return isPlainInt(c)
	case colOptionalInt:
		return c == "" || isPlainInt(c)
	case colProtocol:
		switch strings.ToLower(c) {
		case "tcp", "udp", "icmp":
			return true
		}
		return false
	}
	return true
}
