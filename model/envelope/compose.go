package envelope

// maxComposeName bounds the service-name column, so that a long line that
// happens to contain " | " far in is not taken for a compose line.
const maxComposeName = 96

// decodeCompose reads the prefix `docker compose logs` adds:
//
//	pangolin  | 2026-01-29T16:20:22+00:00 [info]: Handling ping request newt message!
//	gerbil    | INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1
//
// The service name becomes Ident. Colour codes around the prefix are
// skipped. With `logs -t` the line after the bar starts with a Docker
// timestamp, which is decoded too.
func decodeCompose(line []byte, c Context) (Envelope, bool) {
	start, end, body, ok := splitCompose(line)
	if !ok {
		return Envelope{}, false
	}
	env := Envelope{Ident: c.str(line[start:end]), Payload: line[body:]}
	if looksDockerTS(env.Payload) {
		if in, ok := decodeDockerTS(env.Payload, c); ok {
			env.Payload, env.Time = in.Payload, in.Time
		}
	}
	return env, true
}

// splitCompose finds the service name's bounds and where the line after the
// bar starts.
func splitCompose(line []byte) (start, end, body int, ok bool) {
	i := skipSGR(line, 0)
	start = i
	for i < len(line) && i-start <= maxComposeName && isNameByte(line[i]) {
		i++
	}
	end = i
	if end == start || i >= len(line) || line[i] != ' ' {
		return 0, 0, 0, false
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '|' {
		return 0, 0, 0, false
	}
	i = skipSGR(line, i+1)
	if i < len(line) && line[i] == ' ' {
		i++
	}
	return start, end, i, true
}

// isNameByte reports whether c may appear in a compose service or container
// name.
func isNameByte(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == '.'
}

// skipSGR skips ANSI colour sequences ("\x1b[36m") starting at b[i].
func skipSGR(b []byte, i int) int {
	for i+1 < len(b) && b[i] == 0x1b && b[i+1] == '[' {
		j := i + 2
		for j < len(b) && (isDigit(b[j]) || b[j] == ';') {
			j++
		}
		if j >= len(b) || b[j] != 'm' {
			return i
		}
		i = j + 1
	}
	return i
}
