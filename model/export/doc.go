// Package export writes a range of entries out of connlog: as the raw lines,
// as aligned text, as NDJSON, as CSV, in the journal export format, or as a
// bundle of all of them with a manifest. Writers stream: they take one entry
// at a time and hold nothing but a small buffer, so exporting a gigabyte
// costs no more memory than exporting a line.
//
// # Using it
//
// Export writes to a file atomically (a 0600 temp file in the target
// directory, renamed into place on success, removed on failure or
// cancellation) and Stream writes to any io.Writer such as standard output:
//
//	stats, err := export.Export(ctx, path, entries, export.Options{
//		Format:   export.FormatNDJSON,
//		Compress: export.CompressZstd,
//		Progress: &progress, // poll progress.Entries() and progress.Bytes() from the UI
//	})
//
// New gives the underlying Writer for callers that push entries themselves.
// Estimate predicts the output size from a sample before anything is written,
// DefaultName proposes a file name, and Sanitize and Summary are the escaping
// and one-line summaries the terminal UI shares with the text format.
//
// # Formats
//
// raw writes each entry's Raw bytes and a newline, byte for byte, so that an
// export of an unfiltered range is identical to the input. Consecutive
// entries cut from one record (a flow message yields one entry per traffic
// item) write the record once. Gap and boundary entries that carry no line of
// their own are not written: they were never input.
//
// text writes one aligned line per entry: time, level, kind and Summary, all
// passed through Sanitize so that the file is safe to cat on a terminal.
// With Options.Hosts the host follows the time, as in journalctl's short
// format ("-" for an entry that names none).
//
// ndjson writes one JSON object per entry with the keys, in this order: seq,
// item (only when non-zero), time (RFC 3339 with nanoseconds, UTC, or null),
// level, kind, source {name, host, unit, ident, envelope, offset, cursor,
// received}, fields, pair (only with Options.Pairs and when the entry has
// one: a stream's model.PairTracker knows only the entries before, so an
// establishment whose close comes later reads as open), flags {time_inferred, parse_error, truncated, partial}, error (only
// when set) and then the raw line. fields is rebuilt from the dotted keys as
// nested objects ("location.city" becomes {"location":{"city":…}}); numeric
// fields are JSON numbers, the values "true" and "false" are booleans, a key
// that repeats becomes an array (the relays.* keys are always arrays, so that
// their type does not depend on how many relays a record names), and a key
// that is both a value and a parent ("a" and "a.b") keeps its value under
// "_value". raw is the line as a JSON string when it is valid UTF-8; when it
// is not, the object has "raw_base64" with the exact bytes in standard base64
// and "raw_encoding":"base64" instead, so the output is always valid JSON and
// never loses a byte. Field values that are not valid UTF-8 have the bad
// bytes replaced by U+FFFD.
//
// csv follows RFC 4180 with LF line ends (as Pangolin's own export does).
// Its cells have control characters and invalid UTF-8 made visible as
// Sanitize does, so that the file is valid UTF-8 and safe to cat, and a cell
// that then starts with = + - or @ is prefixed with ' so that a spreadsheet
// does not run it as a formula. Columns are stable per kind:
// analytics gets the Twingate admin-console network-events columns plus
// event_type, connection_id, country, city and error_message; session gets
// Pangolin's export column order exactly; audit, flow and service have their
// own sets; the other kinds share a generic set. A CSV written for one kind
// (Options.Kinds with one element) has that kind's columns alone. A CSV for
// several kinds, or for all (Options.Kinds empty), uses the union of their
// columns in kind order, each name once, after a leading "kind" column; a
// row fills the columns its kind has and leaves the others empty. The bundle
// instead writes one single-kind CSV per kind present.
//
// journal writes the systemd journal export format, which
// systemd-journal-remote imports (systemd-journal-remote --output=X.journal
// -). Entries read from journald keep their fields (__CURSOR,
// __REALTIME_TIMESTAMP, _HOSTNAME, _SYSTEMD_UNIT, SYSLOG_IDENTIFIER, _PID,
// PRIORITY, _BOOT_ID, _SYSTEMD_INVOCATION_ID, _TRANSPORT, MESSAGE, and an
// audit record's _SOURCE_REALTIME_TIMESTAMP and _AUDIT_ID, which make its
// audit_id when read back); a value
// holding a newline or bytes that are not UTF-8 is written in the format's
// binary form. An input that re-reads its entries (SourceInfo.Entries: the
// journal's files, a file or standard input in the journal export format)
// gives every field it holds for an entry, written in its place unless the
// export is redacted. Entries from other sources are not refused: they get a
// synthetic record whose MESSAGE is the raw line, whose time is the entry's
// time, whose PRIORITY is mapped from the level (none without a level, so
// that it reads back as no level rather than info), with _HOSTNAME,
// _SYSTEMD_UNIT, SYSLOG_IDENTIFIER and _PID when known, and with
// CONNLOG_SOURCE (and CONNLOG_OFFSET for files) saying where it came from,
// and CONNLOG_NO_NEWLINE=1 on the last line of an input that ended without
// a newline (model.JournalFieldNoNewline), which connlog reads back as such.
// Gap and boundary entries become records whose MESSAGE is their message and
// CONNLOG_KIND names the kind, those read from the journal too: these carry
// the fields of the entry they stand before (or of journald's notice), of
// which the record keeps the host, unit, boot and run, never the cursor,
// identifier or PID, which are that entry's. A re-import assigns new cursors.
//
// bundle writes a tar archive (a .tar.gz or .tar.zst with compression) holding
// raw.log, entries.ndjson, one <kind>.csv per kind present and manifest.json.
// The members are written to temp files in Options.TempDir (the target's
// directory when Export is used or Options.StageBeside names the target,
// else the system temp directory, $TMPDIR) and hashed while written; Close
// tars them in and removes them. Their errors name the file system that
// failed: a full disk beside the target is the target's. manifest.json, written last, lists every other member's
// size and SHA-256 (it cannot hold its own), the host, the sources with their
// first and last offsets or cursors, the time range in UTC, the query, the
// connlog version, counts per kind and per level, the gap entries in range
// (the first 1000; the rest are counted) and a command that reopens the same
// view from the extracted raw.log.
//
// # Redaction
//
// With Options.Redact, emails, client IP addresses, device ids, user ids
// and users' names (an event's user.name) are replaced by pseudonyms that are stable within one export (the same
// input always gives the same pseudonym) and differ between exports, since
// they are keyed by a random secret: user-7f3a91c2ab01@redacted, ip-7f3a91c2ab01,
// device-7f3a91c2ab01, user-7f3a91c2ab01. The values are found in the fields
// of the export's entries and replaced wherever they occur in any of its
// records: the fields, the raw line, the message and the parse error.
// Redactor.Learn reads the entries first, so that records before the one
// that named a value lose it too; without it, values are learned as records
// pass (see knownValues, which bounds them). Emails are also found by
// pattern in any line. Emails are replaced where they stand alone;
// addresses wherever they are written whole (with a port, in brackets,
// after a dash), never inside a longer number or address; user and device
// ids where they appear as a quoted string, and also bare when they are at
// least eight bytes long, so that an id such as "7" does not rewrite every
// 7 in the line; an id that is a number only where a key that may name it
// (user_id, actor.user, users[].id) or none opens it, and, quoted (in
// double, single or back quotes), under any key when it has four digits
// or more (owner="113256", note='113256', see minQuotedIDDigits), however
// the number is written (113256.0); a JSON document's string field holding
// it is redacted as the quoted value is, and so is a field a parser read
// as a number from such a string ("rx":"113256"). Other numeric fields are
// left alone, so that a byte count equal to an id survives, unless their
// key names an id. An IP address no entry's field names as a client's is
// kept. So a name an audit record gives (AUID="carol") is replaced in the
// EXECVE, CWD, PATH and PROCTITLE records that name her home; a
// hex-encoded value is decoded, redacted and encoded again.
// The names of the inputs (Options.Sources), which the ndjson, CSV and
// journal formats and a bundle's manifest write, have every email and IP
// address replaced with the pseudonym it gets in the lines, the rest of
// the name kept: /var/log/users/alice@example.com.log becomes
// /var/log/users/user-7f3a91c2ab01@redacted.log. So do the entries' hosts
// and the manifest's, and a host that is an IP address is replaced in its
// lines too.
// A redacted bundle's manifest names the query's personal values by their
// pseudonyms; an address the query searches as a bare word is kept when
// raw.log still holds it wherever the source did (a resource's), and the
// manifest says when the redacted query selects other entries.
// A redacted raw export is therefore no longer byte-identical to the
// input, and the bundle's manifest says so. Preview shows what would change.
package export
