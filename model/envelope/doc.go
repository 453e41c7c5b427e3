// Package envelope removes the wrapping a log line was carried in — Docker
// json-file records, `docker logs -t` and CRI prefixes, syslog and journalctl
// short text, `journalctl -o json` objects, newt's "LEVEL: date time" prefix
// and the `docker compose logs` name column — and reports what the wrapping
// said: the receive time, the stream, the host, the identifier, the pid, a
// level (newt) and whether the line is only part of a longer one. A record
// of connlog's own ndjson export is an envelope too: its payload is the raw
// line it holds, which carries an envelope of its own, and Exported what
// the sender saw of its entry.
//
// Every function here is pure and runs on every line of files that may be
// gigabytes long, so none uses regular expressions and the common paths do
// not allocate: payloads alias the input line whenever no unescaping is
// needed, and DecodeAppend lets the caller supply the buffer otherwise.
package envelope
