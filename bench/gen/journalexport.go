package main

import (
	"encoding/binary"
	"hash/fnv"
	"strconv"
	"time"
	"unicode/utf8"

	"connlog/source/synth"
)

// journalEnvelope writes systemd's journal export format, the input of
// systemd-journal-remote: one "FIELD=value" per line, a blank line after
// each entry, and the binary-safe form (name, newline, 64-bit little-endian
// length, bytes, newline) for values a text line cannot carry. The fields
// are those journald records for a service's stdout; the cursor is left to
// journal-remote.
type journalEnvelope struct {
	host
	fixed [8]programFields // per program: fields that change only at restarts
}

type programFields struct {
	run   int
	valid bool
	text  []byte
}

func (e *journalEnvelope) wrap(b, line []byte, at time.Time, meta synth.Meta) []byte {
	us := at.UnixMicro()
	b = append(b, "__REALTIME_TIMESTAMP="...)
	b = strconv.AppendInt(b, us, 10)
	b = append(b, "\n__MONOTONIC_TIMESTAMP="...)
	b = strconv.AppendInt(b, us-e.boot.UnixMicro(), 10)
	b = append(b, '\n')
	b = append(b, e.processFields(meta)...)
	b = appendJournalField(b, "MESSAGE", line)
	return append(b, '\n')
}

// processFields renders the fields of the program's current run once, so
// that a restart (new PID, invocation and stream id) shows up as journald
// would record it.
func (e *journalEnvelope) processFields(meta synth.Meta) []byte {
	slot := &e.fixed[int(meta.Program)%len(e.fixed)]
	if slot.valid && slot.run == meta.Run {
		return slot.text
	}
	id := meta.Program.Identity()
	inv := e.gen.InvocationID(meta.Program)
	pid := strconv.Itoa(meta.PID)
	uid := strconv.Itoa(id.UID)
	t := []byte("_BOOT_ID=" + e.gen.BootID() + "\n_MACHINE_ID=" + e.gen.MachineID() + "\n_HOSTNAME=" + e.name +
		"\nPRIORITY=6\nSYSLOG_FACILITY=3\nSYSLOG_IDENTIFIER=" + id.Identifier + "\n_TRANSPORT=stdout\n_PID=" + pid +
		"\n_UID=" + uid + "\n_GID=" + uid + "\n_COMM=" + id.Comm + "\n_EXE=" + id.Exe + "\n_CMDLINE=" + id.Cmdline +
		"\n_CAP_EFFECTIVE=0\n_SYSTEMD_CGROUP=/system.slice/" + id.Unit + "\n_SYSTEMD_SLICE=system.slice" +
		"\n_SYSTEMD_INVOCATION_ID=" + inv + "\n_STREAM_ID=" + streamID(inv) + "\n_SYSTEMD_UNIT=" + id.Unit + "\n")
	*slot = programFields{run: meta.Run, valid: true, text: t}
	return t
}

// streamID derives journald's per-connection stream id from the
// invocation id: a new process opens a new stream.
func streamID(invocation string) string {
	h := fnv.New128a()
	h.Write([]byte("stream:" + invocation))
	const hex = "0123456789abcdef"
	var out []byte
	for _, c := range h.Sum(nil) {
		out = append(out, hex[c>>4], hex[c&0xf])
	}
	return string(out)
}

// appendJournalField writes NAME=value, or the binary-safe form when the
// value holds control characters or invalid UTF-8.
func appendJournalField(b []byte, name string, value []byte) []byte {
	if !needsBinary(value) {
		b = append(b, name...)
		b = append(b, '=')
		return append(append(b, value...), '\n')
	}
	b = append(b, name...)
	b = append(b, '\n')
	b = binary.LittleEndian.AppendUint64(b, uint64(len(value)))
	return append(append(b, value...), '\n')
}

func needsBinary(v []byte) bool {
	for _, c := range v {
		if c < 0x20 || c == 0x7f {
			return true
		}
	}
	return !utf8.Valid(v)
}
