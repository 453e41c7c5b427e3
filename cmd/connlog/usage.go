package main

const usageText = `connlog — a live log explorer for zero-trust connector hosts

Usage:
  connlog [flags]                      the journal of the twingate-connector unit, followed
  connlog [flags] FILE|GLOB|- …        files (followed across rotation) or standard input;
                                       a journal export file reads as that journal,
                                       a binary journal file as with --file
  … | connlog [flags]                  the lines piped in (export and summary: name them, -)
  connlog --demo                       a built-in synthetic connector: try the product here
  connlog export [flags] [inputs]      write matching entries to stdout or a file, no TUI
  connlog summary [flags] [inputs]     timeline, templates, top-N, connections, what changed

Inputs:
  -u, --unit UNIT          journal unit to read (repeatable; default twingate-connector);
                           with files, their lines of that unit or identifier
  -t, --identifier ID      journal SYSLOG_IDENTIFIER to read (repeatable); with files,
                           a syslog file's lines of that identifier
      --all-units          the whole journal, whatever -u and -t say (with files: every line)
  -b, --boot [ID|-1|all]   one boot (default: the current one when -b is given alone)
      --list-boots         list the journal's boots with their offsets for -b, and exit
  -S, --since T            from T: 2026-11-20, "2026-11-20 08:00:00", RFC 3339, -15m, 2h,
                           08:00 (a time without a date: on the day of the newest entry)
  -U, --until T            up to T (same forms)
  -n, --lines N|all        journal entries to load back before following (default 10000;
                           export, -S, -U and -b read all of their range unless -n is
                           given); with files, the last N lines of each, as tail -n
                           (default: all of them)
      --cursor C           start at a journal cursor; --after-cursor C: just after it
  -D, --directory DIR      read journal files from DIR (copied off another host)
      --file FILE          read one journal file (repeatable)
      --journal-reader R   native (default: connlog reads the files itself) or
                           libsystemd (builds with cgo only)
      --no-follow          read what is there and stop
      --with-rotated       read FILE's rotated siblings (.1 .2.gz .zst …) before FILE
      --envelope NAME      force how lines are carried: bare, docker-json, docker-ts,
                           cri, syslog, journal-json, newt, compose, connlog-ndjson,
                           or another spelling of one (raw, k8s, journalctl…; an
                           unknown NAME lists them all) (default: detected)

Remote store (a fleet's journals shipped with systemd-journal-upload):
      --victorialogs URL   read a VictoriaLogs server instead of this host's journal
                           (also CONNLOG_VICTORIALOGS_URL); -u, -t, -S, -U, -n, -f as above
      --host NAME          only this _HOSTNAME (repeatable, globs: --host 'fra-*')
      --ca-file PEM        trust this CA besides the system's roots
      --insecure           do not verify the server's TLS certificate
                           credentials: CONNLOG_VICTORIALOGS_TOKEN[_FILE] (bearer), or
                           CONNLOG_VICTORIALOGS_USER and CONNLOG_VICTORIALOGS_PASSWORD[_FILE]

View:
  -q, --query Q            start with this filter (see "Query language" in the README);
                           --kind, --level and, for files, -u, -t, -S and -U join it
      --utc                show and read times in UTC (t toggles)
      --mouse              scroll with the mouse wheel (disables terminal text selection)
      --no-color           monochrome (NO_COLOR is honoured too)
      --max-memory SIZE    memory budget (default: a quarter of RAM, 512MiB to 2GiB);
                           at least 80MiB (32MiB for export and summary), 0 for
                           none; past it the oldest entries are evicted and
                           counted as lost; export and summary keep their heap
                           within half of it
      --debug-log FILE     write connlog's own debug log to FILE

Export (connlog export …):
  -q, --query Q            only matching entries
      --kind K,…           only these kinds: service, analytics, audit, flow, session, json, text, gap, boundary
      --level L,…          only these levels: none, trace, debug, info, notice, warn, error, critical
      --format F           raw, text, ndjson, csv, journal, bundle (default: from the
                           ending of -o — .log .txt .ndjson .jsonl .json .csv .export .tar —
                           else text)
      --compress C         none, gzip, zstd (default: .gz or .zst ending of -o, else none;
                           for xz and the like, compress stdout: -o - | xz > x.csv.xz)
  -o, --output PATH|-      write to PATH (atomically, mode 0600) or stdout (default)
      --force              replace PATH if it exists (only ever a regular file)
      --fail-on-loss       exit 3 when the exported (or summarised) range has a gap (lost or cut lines)
      --redact             pseudonyms for emails, client IPs, names, device and user ids
  -f, --follow             keep reading and writing as entries arrive (for pipelines)

Summary (connlog summary …; inputs, -q, --since, --until, --kind, --level as export):
      --compare W          what changed: previous (the last 15 minutes of the data against
                           the 15 before, or its halves when it spans less than 30 minutes;
                           previous:30m for another length), FROM..TO (against
                           the same length before it) or FROM..TO,FROM..TO (A, then baseline B)
      --top N              rows per table (default 10)
      --format F           text (default), markdown, json

Exit status: 0 ok, 1 runtime error, 2 usage error, 3 gaps in an export or summary run with --fail-on-loss,
141 an export's or a summary's standard output closed by its reader (| head).
`
