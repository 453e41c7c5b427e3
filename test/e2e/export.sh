#!/usr/bin/env bash
# End-to-end test of exporting, with the real binary:
#  - in the terminal interface, driven in tmux as a person would: select
#    rows with v, press x, write them as csv + gzip, and check the file
#    (gunzip, parse the CSV, count the rows, mode 0600); then write the whole
#    view as a bundle into a directory and check it with tar and the
#    manifest's checksums; refuse the followed file and a device as the
#    path, with what to do in the dialog; at 60x20, scroll an error taller
#    than the dialog to its end; export the filtered view of a big file while
#    it is still indexed, and get every matching row, numbered as headless;
#    end connlog by SIGTERM while it writes an export (exit 1, the export
#    said to be cancelled, nothing left) and while it writes none (exit 0);
#  - on the command line, every way writing can fail: an existing file
#    without --force, one of the inputs (--force or not), a device, /proc,
#    -o naming a directory, a missing directory, a read-only
#    file system, a directory the user may not write to, another user's file
#    in a sticky directory (--force, as root: as nobody), a full disk (a 64k
#    tmpfs), a full $TMPDIR (a bundle's members are kept beside its file; to
#    standard output, the error names $TMPDIR), and SIGINT in the middle of a large export. Each must exit 1
#    with a message that says what to do and leave no file behind.
# Every wait polls with a deadline; a failure prints the screen or output.
#
# Usage: test/e2e/export.sh BIN
set -euo pipefail

bin=$(realpath "${1:?usage: test/e2e/export.sh BIN}")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
session="connlog-export-e2e-$$"
tmux_server="connlog-export-e2e-$$" # a server of its own: nothing done to the user's reaches it
mounts=()
export LANG=C.UTF-8 LC_ALL=C.UTF-8

cleanup() {
	end_server
	for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=test/e2e/lib.sh
source "$root/test/e2e/lib.sh"

# py runs a python3 check; its message on failure goes to fail.
py() { python3 -c "$@" || fail "check failed: ${*: -1}"; }

mkdir -p "$tmp/out"
cp "$root/testdata/payloads/analytics.log" "$tmp/analytics.log"

echo "tui: a selection of three rows as csv + gzip"
start "$bin" "$tmp/analytics.log"
wait_for "10/10"
# One key at a time, each waited for: keys sent together arrive as one
# burst of runes, which is typed text rather than commands.
press g "> 2023-10-26 21:35:50.045" # a year not this one shows
press j "> 21:35:51.210"
press v "selecting 1 row"
press j "selecting 2 rows"
press j "selecting 3 rows"
press x "3 entries from"
press Down "> format"
press Right "‹ csv ›"
press Down "> compression"
press Right "‹ gzip ›"
press Down "> redact"
press Down "> path"
keys C-u
keys -l "$tmp/out/selection.csv.gz"
wait_for "$tmp/out/selection.csv.gz"
keys Enter
wait_for "wrote $tmp/out/selection.csv.gz"
wait_for ", 3 entries"
[[ $(stat -c %a "$tmp/out/selection.csv.gz") == 600 ]] || fail "selection.csv.gz is not mode 0600"
gunzip -c "$tmp/out/selection.csv.gz" >"$tmp/selection.csv" || fail "selection.csv.gz is not gzip"
rows=$(python3 -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], newline=""))))-1)' "$tmp/selection.csv") ||
	fail "selection.csv does not parse as CSV"
[[ $rows == 3 ]] || fail "selection.csv has $rows data rows; 3 rows were selected"
# The three rows are the fixture's second to fourth lines: their connection ids.
for line in 2 3 4; do
	id=$(sed -n "${line}p" "$tmp/analytics.log" | python3 -c 'import json, sys; print(json.loads(sys.stdin.read().split(" ", 1)[1])["connection"]["id"])')
	grep -qF "$id" "$tmp/selection.csv" || fail "selection.csv lacks the selected row with connection $id"
done
press Enter "selecting 3 rows"
wait_for "no filter"

echo "tui: the whole view as a bundle into a directory"
press x "> scope         ‹ selection ›"
press Right "‹ filtered view ›"
wait_for "10 entries from"
press Down "> format"
press Right "‹ journal ›" # the format is kept from last time: csv -> journal
press Right "‹ bundle ›"
press Down "> compression"
press Down "> redact"
press Down "> path"
keys C-u
mkdir "$tmp/out/bundle"
keys -l "$tmp/out/bundle/"
wait_for "$tmp/out/bundle/"
keys Enter
wait_for "wrote $tmp/out/bundle/connlog-"
wait_for ", 10 entries"
bundle=$(ls "$tmp/out/bundle"/connlog-*.tar.gz 2>/dev/null) || fail "no .tar.gz in $tmp/out/bundle: $(ls -a "$tmp/out/bundle")"
[[ $(stat -c %a "$bundle") == 600 ]] || fail "$bundle is not mode 0600"
mkdir "$tmp/x"
tar -xzf "$bundle" -C "$tmp/x" || fail "tar cannot read $bundle"
for m in raw.log entries.ndjson analytics.csv manifest.json; do
	[[ -f $tmp/x/$m ]] || fail "the bundle lacks $m: $(tar -tzf "$bundle" | tr '\n' ' ')"
done
cmp -s "$tmp/x/raw.log" "$tmp/analytics.log" || fail "the bundle's raw.log differs from the input"
[[ $(wc -l <"$tmp/x/entries.ndjson") == 10 ]] || fail "entries.ndjson does not have 10 lines"
py '
import hashlib, json, os, sys
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))
names = set()
def walk(o):
    if isinstance(o, dict):
        if "sha256" in o and "name" in o:
            got = hashlib.sha256(open(os.path.join(d, o["name"]), "rb").read()).hexdigest()
            assert got == o["sha256"], (o["name"], got, o["sha256"])
            names.add(o["name"])
        for v in o.values(): walk(v)
    elif isinstance(o, list):
        for v in o: walk(v)
walk(m)
assert {"raw.log", "entries.ndjson", "analytics.csv"} <= names, names
' "$tmp/x"
press Enter "no filter"

echo "tui: the file being followed is refused as the path, with what to do in the dialog"
press x "> scope"
press Up "> path"
keys C-u
keys -l "$tmp/analytics.log"
wait_for "$tmp/analytics.log"
keys Enter
wait_for "is one of the inputs being read — choose another path"
cmp -s "$tmp/analytics.log" "$root/testdata/payloads/analytics.log" || fail "the followed file changed"
press Escape "> path"
keys C-u
keys -l /dev/null
wait_for "/dev/null"
keys Enter
wait_for "never replaces one — choose another"
! screen | grep -qF -- "-o -" || fail "the dialog gives command-line advice: $(screen)"
press Escape "> path"
press Escape "no filter"

echo "tui: at 60x20, an error taller than the dialog scrolls to what to do"
tm resize-window -t "$session" -x 60 -y 20
press x "> scope"
press Up "> path"
keys C-u
long="$tmp/out/missing/$(printf 'incident-4711-for-the-vendor/%.0s' {1..24})x.ndjson"
keys -l "$long"
# The path and the error wrap: read the screen without its line breaks.
joined() { screen | tr -d ' \n'; }
deadline=$((SECONDS + 15))
until joined | grep -qF -- "-vendor/x.ndjson"; do
	((SECONDS < deadline)) || fail "the typed path never showed"
	sleep 0.1
done
keys Enter
wait_for "↑/↓ more · "
! joined | grep -qF "createitorchooseanotherpath" || fail "the error fits the dialog: it cannot show scrolling"
for ((i = 0; i < 60; i++)); do
	screen | grep -qF " below" || break
	keys Down
	sleep 0.1
done
joined | grep -qF "doesnotexist—createitorchooseanotherpath" || fail "scrolled down, the error's end does not show"
wait_for "above"
press Escape "> path"
press Escape "no filter"
tm resize-window -t "$session" -x 120 -y 35
keys q
deadline=$((SECONDS + 10))
until [[ -s $tmp/status ]]; do
	((SECONDS < deadline)) || fail "connlog did not quit on q"
	sleep 0.1
done
[[ $(<"$tmp/status") == 0 ]] || fail "connlog exited with $(<"$tmp/status"): $(cat "$tmp/stderr")"
tm kill-session -t "$session" 2>/dev/null || true

# expect_fail SAY ARGS…: connlog ARGS must exit 1 saying SAY on stderr.
expect_fail() {
	local say=$1 code=0
	shift
	"$bin" "$@" >"$tmp/stdout" 2>"$tmp/err" || code=$?
	[[ $code == 1 ]] || fail "connlog $* exited $code, want 1: $(cat "$tmp/err")"
	grep -qF -- "$say" "$tmp/err" || fail "connlog $* said '$(cat "$tmp/err")', want '$say'"
}

# empty_dir DIR: DIR must hold nothing, not even a hidden temp file.
empty_dir() {
	local left
	left=$(ls -A "$1")
	[[ -z $left ]] || fail "$1 holds $left after a failed export"
}

fixture=$tmp/analytics.log
echo "cli: an existing file is kept without --force, replaced with it"
echo keep >"$tmp/out/exists.csv"
expect_fail "already exists — choose another name, or replace it with --force" export --format csv -o "$tmp/out/exists.csv" "$fixture"
[[ $(<"$tmp/out/exists.csv") == keep ]] || fail "exists.csv changed without --force"
"$bin" export --format csv --force -o "$tmp/out/exists.csv" "$fixture" || fail "--force did not replace exists.csv"
head -1 "$tmp/out/exists.csv" | grep -q '^kind,' || fail "exists.csv was not replaced by the CSV: $(head -c 80 "$tmp/out/exists.csv")"
[[ $(stat -c %a "$tmp/out/exists.csv") == 600 ]] || fail "the replaced file is not mode 0600"

echo "cli: -o a directory, a missing directory"
expect_fail "is a directory — give a file name inside it" export -o "$tmp/out" "$fixture"
expect_fail "does not exist — create it or choose another path" export -o "$tmp/missing/x.log" "$fixture"

echo "cli: an input, a device, a directory that takes no file"
cp "$fixture" "$tmp/input.log"
for force in "" --force; do
	expect_fail "is one of the inputs being read — choose another path" export ${force:+"$force"} -q kind:analytics -o "$tmp/input.log" "$tmp/input.log"
	cmp -s "$tmp/input.log" "$fixture" || fail "export $force over its input changed it"
done
expect_fail "is a character device, not a regular file, and connlog never replaces one — choose another path, or write to standard output with -o -" \
	export --force -o /dev/null "$fixture"
expect_fail "cannot create a file in /proc: the directory exists" export -o /proc/x.csv "$fixture"

if ! mkdir "$tmp/ro" || ! mount -t tmpfs -o ro,size=64k tmpfs "$tmp/ro" 2>/dev/null; then
	echo "cli: cannot mount here; read-only and full disks through the engine's hooks"
	(cd "$root" && go test -count=1 -run 'TestExportReadOnlyDirectory|TestExportDiskFull' ./model/export/) ||
		fail "the engine's read-only and disk-full tests failed"
else
	mounts+=("$tmp/ro")
	echo "cli: a read-only file system"
	expect_fail "the file system is read-only — choose another directory" export -o "$tmp/ro/x.log" "$fixture"

	echo "cli: a full disk (64k tmpfs)"
	mkdir "$tmp/full"
	mount -t tmpfs -o size=64k tmpfs "$tmp/full" || fail "cannot mount the small tmpfs"
	mounts+=("$tmp/full")
	for i in $(seq 200); do cat "$fixture"; done >"$tmp/many.log" # about 900 KB
	for f in raw csv ndjson bundle; do
		say="disk full while writing $tmp/full/x.$f: nothing was written; free space or choose another directory"
		expect_fail "$say" export --format "$f" -o "$tmp/full/x.$f" "$tmp/many.log"
		# the file's message alone: no label of the format's step before it
		[[ $(<"$tmp/err") == "connlog: $say" ]] || fail "said '$(cat "$tmp/err")', want 'connlog: $say'"
		empty_dir "$tmp/full"
	done

	echo "cli: a bundle's members are kept beside its file, not in a full \$TMPDIR; on standard output, the error names \$TMPDIR"
	TMPDIR=$tmp/full "$bin" export -o "$tmp/out/staged.tar" "$tmp/many.log" 2>"$tmp/err" ||
		fail "a bundle to a disk with room failed for a full \$TMPDIR: $(cat "$tmp/err")"
	tar -tf "$tmp/out/staged.tar" | grep -qx manifest.json || fail "staged.tar is not a whole bundle"
	TMPDIR=$tmp/full expect_fail "disk full in $tmp/full, where a bundle's members are kept until they are archived: nothing was written; free space there, or set TMPDIR to a directory with room" \
		export --format bundle -o - "$tmp/many.log"
	[[ ! -s $tmp/stdout ]] || fail "a failed bundle wrote to standard output"
	empty_dir "$tmp/full"
fi

echo "cli: a directory the user may not write to"
mkdir -m 0555 "$tmp/locked"
chmod 0755 "$tmp" # let an unprivileged user reach the fixture and the locked directory
if [[ $(id -u) == 0 ]]; then
	# chmod stops no one as root: run as nobody.
	cp "$bin" "$tmp/connlog" && chmod 0755 "$tmp/connlog" && chmod 0644 "$fixture"
	code=0
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$tmp/connlog" export -o "$tmp/locked/x.log" "$fixture" \
		>/dev/null 2>"$tmp/err" || code=$?
	[[ $code == 1 ]] || fail "writing to a 0555 directory as nobody exited $code: $(cat "$tmp/err")"
	grep -qF "permission denied — choose a directory you can write to" "$tmp/err" || fail "said '$(cat "$tmp/err")'"

	echo "cli: --force onto another user's file in a sticky directory names the cause, and saves the export beside it"
	mkdir -m 1777 "$tmp/sticky"
	echo theirs >"$tmp/sticky/r.csv"
	code=0
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$tmp/connlog" export --force -o "$tmp/sticky/r.csv" "$fixture" \
		>/dev/null 2>"$tmp/err" || code=$?
	[[ $code == 1 ]] || fail "--force onto root's file in a sticky directory as nobody exited $code: $(cat "$tmp/err")"
	grep -qF "$tmp/sticky/r.csv belongs to another user, in a sticky directory (like /tmp) where only a file's owner may replace it, and connlog did not replace it; the export is saved as $tmp/sticky/r-1.csv instead" "$tmp/err" ||
		fail "said '$(cat "$tmp/err")'"
	[[ $(<"$tmp/sticky/r.csv") == theirs && -s $tmp/sticky/r-1.csv ]] || fail "r.csv was replaced, or r-1.csv not written"
else
	expect_fail "permission denied — choose a directory you can write to" export -o "$tmp/locked/x.log" "$fixture"
fi
empty_dir "$tmp/locked"

echo "cli: SIGINT in the middle of a large one-shot export"
(cd "$root" && go run ./bench/gen -size 150MB -envelope docker-ts -seed 1 -o "$tmp/big.log") || fail "cannot generate the big input"
mkdir "$tmp/sig"
"$bin" export --format ndjson --compress gzip -o "$tmp/sig/big.ndjson.gz" "$tmp/big.log" 2>"$tmp/err" &
pid=$!
deadline=$((SECONDS + 30))
# writing has begun when the export holds a file open in the directory: an
# unnamed one (O_TMPFILE) or, where the filesystem has none, a named temp file
writing() { compgen -G "$tmp/sig/.big.ndjson.gz.tmp-*" >/dev/null || find "/proc/$pid/fd" -lname "$tmp/sig/*" 2>/dev/null | grep -q .; }
until writing; do
	kill -0 "$pid" 2>/dev/null || fail "the export ended before it could be interrupted: $(cat "$tmp/err")"
	((SECONDS < deadline)) || fail "the export never started writing"
	sleep 0.05
done
kill -INT "$pid"
code=0
wait "$pid" || code=$?
[[ $code == 1 ]] || fail "an interrupted export exited $code, want 1: $(cat "$tmp/err")"
grep -qF "interrupted: nothing was written to $tmp/sig/big.ndjson.gz" "$tmp/err" || fail "said '$(cat "$tmp/err")'"
empty_dir "$tmp/sig"

echo "tui: the filtered view exported while a big file is still indexed holds every matching row, numbered as headless"
start "$bin" "$tmp/big.log"
wait_for "big.log"
keys /
keys -l "level>=warn"
keys Enter
press x "Export"
keys Up C-u
keys -l "$tmp/out/indexed.ndjson"
wait_for "$tmp/out/indexed.ndjson"
keys Enter # waits for the end of the indexing, if it has not ended yet
wait_for "wrote $tmp/out/indexed.ndjson" 180
"$bin" export -q "level>=warn" --format ndjson -o "$tmp/out/headless.ndjson" "$tmp/big.log" || fail "the headless export failed"
py 'import json, sys
rows = lambda p: [(r["seq"], r["raw"]) for r in map(json.loads, open(p))]
tui, cli = rows(sys.argv[1]), rows(sys.argv[2])
assert len(tui) > 0 and tui == cli, f"the interface wrote {len(tui)} rows, the headless export {len(cli)}: not the same rows and seqs"' \
	"$tmp/out/indexed.ndjson" "$tmp/out/headless.ndjson"

# connlog_pid: the interface's process, the child of the pane's shell.
connlog_pid() { ps -o pid= --ppid "$(tm list-panes -t "$session" -F '#{pane_pid}')" | tr -d ' '; }

# wait_status: the interface's exit status, once it has ended.
wait_status() {
	local deadline=$((SECONDS + 15))
	until [[ -s $tmp/status ]]; do
		((SECONDS < deadline)) || fail "connlog did not end"
		sleep 0.1
	done
	cat "$tmp/status"
}

echo "tui: SIGTERM in the middle of an export ends connlog with exit 1, saying the export was cancelled, leaving nothing"
press Enter "level>=warn"
press Escape "no filter"
mkdir "$tmp/tuisig"
press x "> scope"
keys Up C-u
keys -l "$tmp/tuisig/all.ndjson"
wait_for "$tmp/tuisig/all.ndjson"
keys Enter
wait_for "cancels the export"
rm -f "$tmp/status" # an earlier session's
kill -TERM "$(connlog_pid)"
code=$(wait_status)
[[ $code == 1 ]] || fail "connlog ended by SIGTERM during an export exited $code, want 1: $(cat "$tmp/stderr")"
grep -qxF "connlog: interrupted by SIGTERM: the export to $tmp/tuisig/all.ndjson was cancelled; nothing was written" "$tmp/stderr" ||
	fail "said '$(cat "$tmp/stderr")'"
empty_dir "$tmp/tuisig"

echo "tui: q in the middle of an export asks first; ctrl+c then quits, exit 1, saying the export was cancelled, leaving nothing"
start "$bin" "$tmp/big.log"
wait_for "big.log"
mkdir "$tmp/tuiquit"
press x "> scope"
keys Up C-u
keys -l "$tmp/tuiquit/all.ndjson"
wait_for "$tmp/tuiquit/all.ndjson"
keys Enter
wait_for "cancels the export"
rm -f "$tmp/status"
press q "q/ctrl+c again to cancel it and quit"
[[ ! -s $tmp/status ]] || fail "q in the middle of an export quit at once"
keys C-c
code=$(wait_status)
[[ $code == 1 ]] || fail "connlog quit during an export exited $code, want 1: $(cat "$tmp/stderr")"
grep -qxF "connlog: quit: the export to $tmp/tuiquit/all.ndjson was cancelled; nothing was written" "$tmp/stderr" ||
	fail "said '$(cat "$tmp/stderr")'"
empty_dir "$tmp/tuiquit"

# SIGQUIT too, whose default (a stack dump) would leave the terminal raw.
for sig in TERM QUIT; do
	echo "tui: SIG$sig with no export running ends connlog as q does (exit 0, nothing said)"
	start "$bin" "$tmp/analytics.log"
	wait_for "10/10"
	rm -f "$tmp/status"
	kill -"$sig" "$(connlog_pid)"
	code=$(wait_status)
	[[ $code == 0 && ! -s $tmp/stderr ]] || fail "connlog ended by SIG$sig exited $code, said '$(head -c 300 "$tmp/stderr")'; want 0 and nothing"
done

echo "PASS"
